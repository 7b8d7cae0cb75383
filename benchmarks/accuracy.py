"""Accuracy of the study against hand-written gold: speakers, districts, set phrases, formulations, targets.

    python benchmarks/accuracy.py                      # tests/articles and tests/heldout
    python benchmarks/accuracy.py DIR [DIR ...]        # any folder with *.txt and an expected.json
    python benchmarks/accuracy.py tests/heldout --detail   # also list every miss, article by article

Each DIR holds articles (*.txt) and `expected.json`, one entry per file (schema: tests/heldout/expected.json):
`speakers` [{name, title, district, district_source, kinds}], `reports`, `not_speakers`, `must_keep_whole`,
and optionally `formulations` [{formulation, kind, speaker}] and `targets` [{text, speaker}].

What is measured, per set (a markdown table on stdout, one column per set):

- speaker recall      gold speakers whose name is the `speaker` of at least one non-report row;
- speaker precision   distinct non-empty speakers of non-report rows that are gold speakers
                      (a headline marker, 会上, 王阿姨 or a news agency as speaker counts against it);
- district            gold speakers found whose district equals the gold district ("" included: a
                      province office, a scholar) — the speaker's most common non-empty district over
                      his rows, "" if all rows are empty;
- district_source     the same for `district_source`, if the quotes table has that column and the gold
                      gives it;
- set phrases whole   `must_keep_whole` items (set phrases and names) that lie inside one token of
                      `analysis.tokens.word` (a token equal to the item, or a longer token containing it,
                      as a quoted slogan kept whole; an item split over two tokens is a miss);
- reports exact       articles whose number of `report` rows equals the gold `reports`;
- formulations        gold (formulation, speaker) pairs found in `helpers.formulations.formulations(analysis)`
                      (columns formulation, speaker), "n/a" if that module or function does not exist;
- targets             gold (text, speaker) pairs found in `helpers.targets.targets(analysis)` (columns text,
                      speaker); a text matches if equal, or if one contains the other once 多/余 after the
                      number are dropped (3200户 ~ 3200多户),
                      each row matching at most one gold item; "n/a" as above.

Names, titles and phrases are compared without whitespace and quotation marks. Traditional-character
articles are scored in simplified characters (the gold is written so). The gold of tests/heldout was
written and committed before the study was ever run on those articles (tests/heldout/BASELINE.md).
"""
import argparse
import importlib
import inspect
import json
import re
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_SETS = [ROOT / "tests" / "articles", ROOT / "tests" / "heldout"]
_NOISE = re.compile(r"[\s\u3000“”‘’「」『』\"']")
_APPROX = re.compile(r"(?<=[\d万亿千百十])[多余]")

METRICS = [
    ("speakers", "speaker recall"),
    ("precision", "speaker precision"),
    ("district", "district"),
    ("district_source", "district_source"),
    ("phrases", "set phrases whole"),
    ("reports", "reports exact"),
    ("formulations", "formulations (right speaker)"),
    ("targets", "targets (right speaker)"),
]


@dataclass
class Tally:
    """Hits out of a total, with a line for each miss: Tally(3, 4, ["刘文博: district '' != 尚志市"])."""
    hits: int = 0
    total: int = 0
    misses: list = field(default_factory=list)
    available: bool = True

    def add(self, other):
        self.hits += other.hits
        self.total += other.total
        self.misses += other.misses
        self.available = self.available and other.available
        return self

    def cell(self):
        """'21/27 (78%)', or 'n/a' when the measure could not be taken, or '–' when there is no gold."""
        if not self.available:
            return "n/a"
        if not self.total:
            return "–"
        return f"{self.hits}/{self.total} ({100 * self.hits / self.total:.0f}%)"


def norm(text):
    """'孟 凡' -> '孟凡', '“千万工程”' -> '千万工程'; None and NaN -> ''."""
    if text is None or text != text:
        return ""
    return _NOISE.sub("", str(text))


def speaker_places(quotes):
    """{speaker: (district, district_source)} over non-report rows: each speaker's most common non-empty
    district (and the source given with it), ('', '') if every row of the speaker is empty."""
    rows = quotes[quotes["kind"] != "report"]
    has_source = "district_source" in rows.columns
    places = {}
    for name, group in rows.groupby(rows["speaker"].map(norm)):
        if not name:
            continue
        sources = group["district_source"] if has_source else [""] * len(group)
        pairs = [(norm(d), norm(s)) for d, s in zip(group["district"], sources)]
        filled = [p for p in pairs if p[0]]
        places[name] = Counter(filled).most_common(1)[0][0] if filled else ("", "")
    return places


def score_speakers(gold, quotes):
    """Tallies speakers, precision, district, district_source for one article (see the module docstring)."""
    places = speaker_places(quotes)
    gold_names = {norm(s["name"]) for s in gold["speakers"]}
    out = {k: Tally() for k in ("speakers", "precision", "district", "district_source")}
    out["district_source"].available = "district_source" in quotes.columns
    for s in gold["speakers"]:
        name = norm(s["name"])
        out["speakers"].total += 1
        if name not in places:
            out["speakers"].misses.append(f"missed speaker {name} ({s['title']})")
            continue
        out["speakers"].hits += 1
        district, source = places[name]
        _check(out["district"], district == norm(s["district"]), f"{name}: district '{district}' != '{s['district']}'")
        if out["district_source"].available and "district_source" in s:
            _check(out["district_source"], source == norm(s["district_source"]),
                   f"{name}: district_source '{source}' != '{s['district_source']}'")
    for name in places:
        _check(out["precision"], name in gold_names, f"not a gold speaker: {name}")
    return out


def score_phrases(gold, words):
    """must_keep_whole items that lie inside one token of `words` (the token list of the article)."""
    tally = Tally()
    tokens = {norm(w) for w in words}
    for item in gold.get("must_keep_whole", []):
        item = norm(item)
        _check(tally, item in tokens or any(item in t for t in tokens if len(t) > len(item)), f"split: {item}")
    return tally


def score_reports(gold, quotes):
    """1/1 if the number of report rows equals the gold `reports`, else 0/1 with the two counts."""
    found = int((quotes["kind"] == "report").sum())
    return _check(Tally(), found == gold.get("reports", 0), f"reports: {found} found, {gold.get('reports', 0)} in gold")


def score_pairs(gold_items, key, table, column, loose=False):
    """Gold items {key: …, speaker: …} found as rows of `table` with the same `column` and speaker.

    `loose` lets a text match if one contains the other ('3200多户' ~ '3200户'); each row matches at
    most one gold item. `table` None means the measure is not available (Tally.available False)."""
    tally = Tally(available=table is not None)
    if table is None:
        return tally
    rows = [(norm(t), norm(s)) for t, s in zip(table[column], table["speaker"])]
    used = set()
    for item in gold_items:
        want, who = norm(item[key]), norm(item["speaker"])
        match = _find(rows, used, want, who, exact=True)
        if match is None and loose:
            match = _find(rows, used, want, who, exact=False)
        if match is not None:
            used.add(match)
        _check(tally, match is not None, f"missed {key} {want} by '{who}'")
    return tally


def score_article(gold, quotes, words, formulations=None, targets=None):
    """All tallies for one article.

    `gold` is one entry of expected.json, `quotes` the quotes DataFrame (speaker, title, district, kind,
    and district_source if present), `words` the article's tokens as strings, `formulations` and `targets`
    DataFrames (or None when not available). Returns {metric: Tally} for every metric in METRICS."""
    out = score_speakers(gold, quotes)
    out["phrases"] = score_phrases(gold, words)
    out["reports"] = score_reports(gold, quotes)
    out["formulations"] = score_pairs(gold.get("formulations", []), "formulation", formulations, "formulation")
    out["targets"] = score_pairs(gold.get("targets", []), "text", targets, "text", loose=True)
    return out


def optional_table(module, function, columns, analysis):
    """helpers.<module>.<function>(analysis) if that exists and returns the columns, else None."""
    try:
        mod = importlib.import_module(f"helpers.{module}")
    except ModuleNotFoundError as error:
        if error.name != f"helpers.{module}":
            raise
        return None
    fn = getattr(mod, function, None)
    try:
        inspect.signature(fn).bind(analysis)
    except (TypeError, ValueError):  # not a function, or one that does not take the analysis alone
        return None
    table = fn(analysis)
    if not all(c in getattr(table, "columns", ()) for c in columns):
        return None
    return table


def score_set(folder, detail=False):
    """Scores every article of `folder` listed in its expected.json: (articles, {metric: Tally}, seconds)."""
    from helpers.pipeline import analyze

    gold = json.loads((folder / "expected.json").read_text(encoding="utf-8"))
    totals = {key: Tally() for key, _ in METRICS}
    start = time.perf_counter()
    for name, entry in gold.items():
        path = folder / name
        analysis = analyze(path)
        scores = score_article(entry, analysis.quotes, list(analysis.tokens["word"]),
                               optional_table("formulations", "formulations", ["formulation", "speaker"], analysis),
                               optional_table("targets", "targets", ["text", "speaker"], analysis))
        misses = [m for key, _ in METRICS for m in scores[key].misses]
        if detail and misses:
            print(f"\n## {folder.name}/{name}")
            print("\n".join(f"- {m}" for m in misses))
        for key, _ in METRICS:
            totals[key].add(scores[key])
    return len(gold), totals, time.perf_counter() - start


def table(results):
    """Markdown table: one row per metric, one column per set; results = [(label, n, totals, seconds)]."""
    lines = ["| | " + " | ".join(label for label, *_ in results) + " |",
             "|---|" + "---|" * len(results),
             "| articles | " + " | ".join(str(n) for _, n, _, _ in results) + " |"]
    for key, label in METRICS:
        lines.append(f"| {label} | " + " | ".join(t[key].cell() for _, _, t, _ in results) + " |")
    lines.append("| seconds | " + " | ".join(f"{s:.1f}" for *_, s in results) + " |")
    return "\n".join(lines)


def main(argv=None):
    parser = argparse.ArgumentParser(description="Score the quotes table, districts and set phrases against gold.")
    parser.add_argument("dirs", nargs="*", type=Path, help="folders with *.txt and expected.json")
    parser.add_argument("--detail", action="store_true", help="list every miss, article by article")
    args = parser.parse_args(argv)
    folders = args.dirs or DEFAULT_SETS
    for folder in folders:
        if not (folder / "expected.json").is_file():
            print(f"accuracy: {folder} has no expected.json; give a folder of articles with their gold", file=sys.stderr)
            return 2
    results = []
    for folder in folders:
        n, totals, seconds = score_set(folder, detail=args.detail)
        results.append((folder.name, n, totals, seconds))
    print()
    print(table(results))
    return 0


def _check(tally, ok, miss):
    tally.total += 1
    if ok:
        tally.hits += 1
    else:
        tally.misses.append(miss)
    return tally


def _find(rows, used, want, who, exact):
    for i, (text, speaker) in enumerate(rows):
        if i in used or speaker != who:
            continue
        if text == want:
            return i
        if not exact and text:
            text, core = _core(text), _core(want)
            if core in text or text in core:
                return i
    return None


def _core(text):
    """'3200多户' -> '3200户', '40余家' -> '40家': the approximation word between number and unit dropped."""
    return _APPROX.sub("", text)


if __name__ == "__main__":
    sys.exit(main())
