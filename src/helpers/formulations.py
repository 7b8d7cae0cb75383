"""Formulations (提法): which slogans and numbered formulas an article uses, and who uses them.

Three kinds, each found by rules a reader can audit (the patterns are all in this module, the
heads of numbered formulas in ``data/formulation_heads.txt``, the reference list in
``data/lexicon.txt``):

- ``quoted``: what the text puts in quotation marks that is a slogan or a name, not a sentence
  (“源头活水”, “急难愁盼”, ‘头雁效应’, “疫情要防住、经济要稳住、发展要安全”);
- ``numbered``: a numbered formula, in or out of quotation marks (一枢纽三高地, 5+5+7, 四新,
  五大工程, 两个确立, 三个务必);
- ``reference``: a formulation of a central document from the reference list, with its source and
  its fidelity: ``verbatim``, ``altered`` (a member replaced: 人才强国 → 人才强区), ``truncated``
  (members or characters dropped) or ``expanded`` (members or characters added).

The speaker of a formulation is the speaker of the quote whose span contains it (a cited document:
""), else the one speaker of its paragraph when it follows their quote in the same sentence, else ""
(narration).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import pandas as pd

from helpers.paths import DATA_DIR, LEXICON_FILE
from helpers.patterns import CJK

HEADS_FILE = DATA_DIR / "formulation_heads.txt"
COLUMNS = ["formulation", "kind", "reference", "source", "fidelity", "speaker", "district", "cited_by", "voice", "count", "start"]
FIDELITY = ["verbatim", "altered", "truncated", "expanded"]
NARRATION = "叙述与文件"  # the district column of narration and cited documents (nobody speaks)
NO_DISTRICT = "无区县"  # the district column of speakers placed in no district

# --- patterns (one place) -------------------------------------------------------------------
QUOTED_SPANS = (re.compile(r"“([^“”\n]{1,40})”"), re.compile(r"‘([^‘’\n]{1,40})’"))  # each mark on its own: ‘…’ nests in “…”
MEMBER_MAX = 12  # a quoted slogan or name, or each 、-joined member of one, has at most 12 characters
QUOTED_MAX = 30  # … and 30 in all
SENTENCE_PUNCT = re.compile(r"[。！？；，：,.!?;:…]")  # a quoted span with these is a sentence
NUM = "一二两三四五六七八九十"
DIGIT_SUM = re.compile(r"(?<![\d.])\d+(?:[+＋](?:\d+|[NnX]))+(?![\d.])")  # 5+5+7, 1+N
NUM_NEW = re.compile(rf"(?<![第{NUM}\d])[二两三四五六七八九十]新(?![闻鲜华])")  # 四新 (新技术、新产业、新业态、新模式)
ONE_TWO_THREE = re.compile(rf"(?<![第{NUM}])一二三产?融合")  # 一二三产融合: the three sectors merged
MEMBER_SEP = re.compile(r"[、，,；;]")


@dataclass(frozen=True)
class Use:
    """One use of a formulation at ``start`` in the cleaned text."""

    formulation: str
    kind: str
    start: int
    end: int
    reference: str = ""
    source: str = ""
    fidelity: str = ""


# --- data -----------------------------------------------------------------------------------


def read_heads(path=HEADS_FILE) -> dict[str, list[str]]:
    """Heads of numbered formulas by rule (``个``, ``大``, ``链``), longest first.

    >>> read_heads()["个"][:1] != []
    True
    """
    heads: dict[str, list[str]] = {}
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        rule, head = line.split("\t")[:2]
        heads.setdefault(rule.strip(), []).append(head.strip())
    return {k: sorted(v, key=len, reverse=True) for k, v in heads.items()}


def reference_formulations(path=LEXICON_FILE) -> pd.DataFrame:
    """The reference list: every lexicon line whose third column is ``ref`` or ``ref-only``, with
    the document named by the ``# source:`` header above it (read by ``tokenize.lexicon_table``).

    A line ``两个确立<TAB>nz<TAB>ref`` under ``# source: 党的二十大报告 (2022-10-16)`` gives the row
    (两个确立, 党的二十大报告 (2022-10-16)). Returns DataFrame(formulation, source), file order,
    each formulation once."""
    from helpers.tokenize import lexicon_table

    table = lexicon_table(path)
    refs = table[table["use"].isin(["ref", "ref-only"])].drop_duplicates("term")
    return pd.DataFrame({"formulation": refs["term"].to_list(), "source": refs["source"].to_list()})


# --- numbered -------------------------------------------------------------------------------


def numbered_patterns(heads: dict[str, list[str]] | None = None) -> list[re.Pattern]:
    """The rules for numbered formulas, compiled from the heads file: digit sums (5+5+7), NUM个HEAD
    (两个确立, 三个务必, 三项改革), NUM大…HEAD (五大工程), chains NUM HEAD NUM HEAD (一枢纽三高地), NUM新 (四新), 一二三(产)融合."""
    heads = heads or read_heads()
    alt = {k: "|".join(map(re.escape, v)) for k, v in heads.items()}
    lead = rf"(?<![第{NUM}\d])"
    return [
        DIGIT_SUM,
        re.compile(rf"{lead}[{NUM}]+[个项](?:{alt['个']})"),
        re.compile(rf"{lead}[{NUM}]+大[{CJK}]{{0,6}}(?:{alt['大']})"),
        re.compile(rf"{lead}(?:[{NUM}](?:{alt['链']})){{2,}}(?![{CJK}])|{lead}(?:[{NUM}](?:{alt['链']})){{2,}}(?=[”’的发格战])"),
        NUM_NEW,
        ONE_TWO_THREE,
    ]


def numbered_spans(text: str, patterns=None) -> list[tuple[int, int]]:
    """Non-overlapping spans of numbered formulas in ``text``, leftmost-longest.

    >>> [ "加快打造“一枢纽三高地”，实施五大工程"[a:b] for a, b in numbered_spans("加快打造“一枢纽三高地”，实施五大工程")]
    ['一枢纽三高地', '五大工程']
    """
    found = []
    for pat in patterns or numbered_patterns():
        found += [(m.start(), m.end()) for m in pat.finditer(text)]
    found.sort(key=lambda s: (s[0], -(s[1] - s[0])))
    spans, last = [], -1
    for a, b in found:
        if a >= last:
            spans.append((a, b))
            last = b
    return spans


def is_numbered(phrase: str, patterns=None) -> bool:
    """True when the whole ``phrase`` is one numbered formula (“四新”, “5+5+7”)."""
    return any((a, b) == (0, len(phrase)) for a, b in numbered_spans(phrase, patterns))


# --- quoted ---------------------------------------------------------------------------------


def is_slogan(phrase: str) -> bool:
    """A quoted span is a slogan or a name, not a sentence: no sentence or clause punctuation,
    at most ``MEMBER_MAX`` characters (each member, when 、 joins several) and ``QUOTED_MAX`` in all.

    >>> is_slogan("疫情要防住、经济要稳住、发展要安全"), is_slogan("报告为我们指明了方向。")
    (True, False)
    >>> is_slogan("高质量发展是全面建设社会主义现代化国家的首要任务")  # a sentence the report says
    False
    """
    parts = phrase.split("、")
    return (len(phrase) <= QUOTED_MAX and all(2 <= len(p) <= MEMBER_MAX for p in parts)
            and re.search(f"[{CJK}0-9A-Za-z]", phrase) is not None and not SENTENCE_PUNCT.search(phrase))


def quoted_uses(text: str, patterns=None, exclude: set[tuple[int, int]] = frozenset()) -> list[Use]:
    """Slogans and names in “…” or ‘…’; a whole numbered formula in quotes is kind ``numbered``.
    ``exclude``: spans that are quotes of speech (a direct quote is not a slogan)."""
    uses = []
    for m in sorted((m for pat in QUOTED_SPANS for m in pat.finditer(text)), key=lambda m: m.start()):
        phrase, a, b = m.group(1), m.start(1), m.end(1)
        if (a, b) in exclude or not is_slogan(phrase):
            continue
        uses.append(Use(phrase, "numbered" if is_numbered(phrase, patterns) else "quoted", a, b))
    return uses


def numbered_uses(text: str, patterns=None) -> list[Use]:
    """Numbered formulas anywhere in ``text`` (a quoted one is found here too; duplicates by span are
    merged by :func:`find_uses`)."""
    return [Use(text[a:b], "numbered", a, b) for a, b in numbered_spans(text, patterns)]


# --- reference ------------------------------------------------------------------------------


def members(formulation: str) -> list[str]:
    """The members of a listed formulation: 制造强国、质量强国、航天强国 → three members; a single
    phrase is one member."""
    return [m for m in MEMBER_SEP.split(formulation) if m]


def _list_runs(text: str) -> list[tuple[int, list[tuple[int, int]]]]:
    """Runs of items joined by 、 in ``text``: [(start, [(a, b) per item])], items of 2–12 chars."""
    runs = []
    for m in re.finditer(rf"[{CJK}A-Za-z0-9]{{2,16}}(?:、[{CJK}A-Za-z0-9]{{2,16}})+", text):
        items, pos = [], m.start()
        for item in m.group().split("、"):
            items.append((pos, pos + len(item)))
            pos += len(item) + 1
        runs.append((m.start(), items))
    return runs


def _match_member(item: str, member: str, first: bool, last: bool) -> bool:
    return item == member or (first and item.endswith(member)) or (last and item.startswith(member))


def list_fidelity(items: list[str], ref_members: list[str]) -> tuple[str, int, int] | None:
    """Compare a run of 、-joined ``items`` (one enumeration) with a listed reference formulation's
    members; the first item may end with a member (加快建设制造强国), the last begin with one.

    Returns (fidelity, first item, last item + 1) or None when fewer than two members are shared:
    ``verbatim`` all members in order and nothing else; ``truncated`` only members, some missing;
    ``expanded`` every member and more; ``altered`` some members replaced by others.
    >>> list_fidelity(["建设制造强国", "质量强国", "数字中国"], ["制造强国", "质量强国", "航天强国", "数字中国"])
    ('truncated', 0, 3)
    """
    n, k = len(items), len(ref_members)
    hit = [next((j for j, mem in enumerate(ref_members) if _match_member(it, mem, i == 0, i == n - 1)), None)
           for i, it in enumerate(items)]
    shared = {j for j in hit if j is not None}
    if len(shared) < 2:
        return None
    others = sum(j is None for j in hit)
    if others == 0:
        return ("verbatim" if hit == list(range(k)) else "truncated" if len(shared) < k else "expanded"), 0, n
    if len(shared) == k:
        return "expanded", 0, n
    return "altered", 0, n


@lru_cache(maxsize=4096)
def _phrase_variants(ref: str) -> tuple[tuple[str, tuple[str, ...], str], ...]:
    """Patterns for non-verbatim uses of a single-phrase formulation of 4+ characters, each with
    the literal texts a use must contain (a cheap filter before the pattern is compiled and run)
    and the pattern's source (compile it with :func:`_pattern`):

    - altered: one character replaced in the last two, after a kept stem of 3+ (人才强国 → 人才强区;
      a changed last character must end the phrase: 新型工业陶瓷 is not 新型工业化 altered);
    - expanded: 2–4 characters inserted inside, 2+ kept on each side (乡村振兴 → 乡村产业振兴;
      one character is too often another word: 扩大国内需求);
    - truncated: a prefix of at least 6 characters and three quarters of the formulation that ends
      the phrase (习近平新时代中国特色社会主义思想 → 习近平新时代中国特色社会主义，); shorter cuts
      (人才强国战略 → 人才强国) are too often another phrase to call.

    The patterns are compiled only when their literals occur in a text: each holds the Chinese
    character class, whose compilation costs about a millisecond, and a formulation has dozens."""
    out, n = [], len(ref)
    if n < 4 or not re.fullmatch(f"[{CJK}]+", ref):
        return ()
    ends = rf"(?![{CJK}])"  # a cut or a changed last character must end the phrase: 人才强区’, not 新型工业陶瓷
    for i in range(max(3, n - 2), n):
        tail = re.escape(ref[i + 1:]) if i < n - 1 else ends
        out.append(("altered", (ref[:i], ref[i + 1:]), rf"{re.escape(ref[:i])}(?!{re.escape(ref[i])})[{CJK}]{tail}"))
    for i in range(2, n - 1):
        out.append(("expanded", (ref[:i], ref[i:]), rf"{re.escape(ref[:i])}[{CJK}]{{2,4}}?{re.escape(ref[i:])}"))
    keep = max(6, -(-3 * n // 4))
    for k in range(n - 1, keep - 1, -1):
        out.append(("truncated", (ref[:k],), rf"{re.escape(ref[:k])}{ends}"))
    return tuple(out)


@lru_cache(maxsize=8192)
def _pattern(source: str) -> re.Pattern:
    return re.compile(source)


def _variant_matches(source: str, text: str):
    """``re.finditer(source, text)`` for a pattern of :func:`_phrase_variants`, compiled only if
    a looser pattern without the Chinese character class (``.`` for it, no lookahead on it),
    which compiles in a fiftieth of the time and matches wherever it does, finds something:
    most variants whose literals occur in a text do not match."""
    loose = source.replace(f"(?![{CJK}])", "").replace(f"[{CJK}]", ".")
    if _pattern(loose).search(text) is None:
        return ()
    return _pattern(source).finditer(text)


def reference_uses(text: str, reference: pd.DataFrame) -> list[Use]:
    """Uses of the reference formulations in ``text``.

    A listed formulation (members joined by 、) is compared member by member with every 、-run of
    the text (verbatim, truncated, expanded or altered; see :func:`list_fidelity`). A single-phrase
    formulation is found verbatim first, then as a variant (see :func:`_phrase_variants`) that
    overlaps no verbatim use of any single-phrase formulation."""
    uses: list[Use] = []
    refs = list(reference.itertuples(index=False))
    listed = [r for r in refs if "、" in r.formulation]
    single = [r for r in refs if "、" not in r.formulation]
    runs = _list_runs(text)
    for r in listed:
        mem = members(r.formulation)
        for _, items in runs:
            got = list_fidelity([text[a:b] for a, b in items], mem)
            if not got:
                continue
            fidelity, lo, hi = got
            a, b = items[lo][0], items[hi - 1][1]
            first, last = text[a:items[lo][1]], text[items[hi - 1][0]:b]
            head = next((m for m in mem if first.endswith(m)), None)
            tail = next((m for m in mem if last.startswith(m)), None)
            if head and first != head:
                a = items[lo][1] - len(head)  # 加快建设制造强国 → 制造强国
            if tail and last != tail:
                b = items[hi - 1][0] + len(tail)
            uses.append(Use(text[a:b], "reference", a, b, r.formulation, r.source, fidelity))
    taken: list[tuple[int, int]] = []
    for r in single:  # str.find, not re.finditer: hundreds of literal patterns overflow re's cache of compiled ones
        f, at = r.formulation, r.formulation and text.find(r.formulation)
        while f and at >= 0:
            uses.append(Use(f, "reference", at, at + len(f), f, r.source, "verbatim"))
            taken.append((at, at + len(f)))
            at = text.find(f, at + len(f))
    for r in single:
        if r.formulation[:2] not in text:
            continue
        for fidelity, needles, source in _phrase_variants(r.formulation):
            if not all(needle in text for needle in needles):
                continue
            for m in _variant_matches(source, text):
                if m.group() != r.formulation and all(m.end() <= x or m.start() >= y for x, y in taken):
                    uses.append(Use(m.group(), "reference", m.start(), m.end(), r.formulation, r.source, fidelity))
                    taken.append((m.start(), m.end()))
    return uses


# --- who ------------------------------------------------------------------------------------


def _s(x) -> str:
    return "" if x is None or (isinstance(x, float) and x != x) else str(x)


class QuoteSpans:
    """The quotes table reduced to what :func:`speaker_at` reads (start, end, kind, speaker,
    district, cited_by per quote, as plain values): made once for the many positions of an
    article (pandas filters on a frame of a few rows cost milliseconds each)."""

    def __init__(self, quotes: pd.DataFrame):
        cols = [quotes[c].tolist() if c in quotes else [""] * len(quotes) for c in ("start", "end", "kind", "speaker", "district", "cited_by")]
        self.rows = list(zip(*cols))


def speaker_at(quotes, paragraphs, pos: int) -> dict:
    """Who speaks at character ``pos``: a dict of speaker, district, cited_by and voice.
    ``quotes`` is the quotes table or its :class:`QuoteSpans` (faster for many positions).

    Inside a quote: its speaker (voice ``speaker``; an unnamed speaker gives ""), or for a cited
    document speaker "" with voice ``document`` and, in cited_by, the official citing it. Outside
    every quote: the one speaker quoted in its paragraph when ``pos`` comes after that speaker's
    first quote there (their words run on), else voice ``narration``."""
    rows = quotes.rows if isinstance(quotes, QuoteSpans) else QuoteSpans(quotes).rows
    narration = dict(speaker="", district="", cited_by="", voice="narration")
    inside = [r for r in rows if r[0] <= pos < r[1]]
    if inside:
        start, _, kind, speaker, district, cited_by = max(reversed(inside), key=lambda r: r[0])  # the innermost (latest-starting; of equals the last) quote
        if kind == "report":
            return dict(speaker="", district="", cited_by=_s(cited_by), voice="document")
        return dict(speaker=_s(speaker), district=_s(district), cited_by="", voice="speaker")
    para = next((p for p in paragraphs if p.start <= pos < max(p.end, p.start + 1)), None)
    if para is None or para.kind in {"heading", "headline", "subtitle", "byline"} or not rows:
        return narration
    own = [r for r in rows if r[0] >= para.start and r[1] <= para.end and r[2] != "report"]
    speakers = list(dict.fromkeys(_s(r[3]) for r in own if _s(r[3])))
    before = [r for r in own if r[1] <= pos]
    if len(speakers) == 1 and before:
        row = max(reversed(before), key=lambda r: r[1])  # the quote that ended last (of equals the last listed)
        if row[3] == speakers[0]:
            gap = para.text[max(0, int(row[1]) - 1 - para.start):pos - para.start]
            if not re.search("[。！？!?]", gap):  # the same sentence runs on: 做到“一次规划、一次开挖”
                return dict(speaker=speakers[0], district=_s(row[4]), cited_by="", voice="speaker")
    return narration


# --- the table ------------------------------------------------------------------------------


def find_uses(text: str, quotes: pd.DataFrame, reference: pd.DataFrame | None = None, patterns=None) -> list[Use]:
    """Every use of a formulation in ``text``, in text order (quoted, numbered, reference)."""
    patterns = patterns or numbered_patterns()
    speech = set()
    if len(quotes):
        speech = {(int(r.start), int(r.end)) for r in quotes.itertuples() if r.kind == "direct"}
    uses = quoted_uses(text, patterns, speech)
    quoted = [(u.start, u.end) for u in uses]
    # a numbered formula that is, or lies inside, a quoted formulation is that formulation (“三高四新”)
    uses += [u for u in numbered_uses(text, patterns) if not any(a <= u.start and u.end <= b for a, b in quoted)]
    if reference is None:
        reference = reference_formulations()
    uses += reference_uses(text, reference)
    return sorted(uses, key=lambda u: (u.start, u.kind))


def formulations(analysis, reference: pd.DataFrame | None = None) -> pd.DataFrame:
    """One row per formulation per speaker (and, for reference formulations, per fidelity), in
    order of first use.

    Columns: formulation (as written, no quote marks), kind (quoted | numbered | reference),
    reference (the reference formulation a reference use renders; "" otherwise), source (its
    document), fidelity (verbatim | altered | truncated | expanded, for reference uses), speaker
    ("" for narration and cited documents), district, cited_by (the official citing the document a
    formulation is quoted from, else ""), voice (speaker | document | narration), count, start
    (first use), article.
    On the seed: (一枢纽三高地, numbered, 刘孺霖, 胶州市, 1, …), (急难愁盼, quoted, 许洁先, 市南区, …)."""
    if reference is None and hasattr(analysis, "memo"):  # the default reference list: once per analysis
        return analysis.memo("formulations", lambda: _formulations(analysis, None))
    return _formulations(analysis, reference)


def _formulations(analysis, reference: pd.DataFrame | None) -> pd.DataFrame:
    text = analysis.article.text
    quotes = analysis.quotes
    uses = find_uses(text, quotes, reference)
    spans = QuoteSpans(quotes)
    rows = []
    for u in uses:
        who = speaker_at(spans, analysis.structure.paragraphs, u.start)
        rows.append(dict(formulation=u.formulation, kind=u.kind, reference=u.reference, source=u.source,
                         fidelity=u.fidelity, **who, start=u.start))
    if not rows:
        return pd.DataFrame(columns=COLUMNS + ["article"])
    df = pd.DataFrame(rows)
    keys = ["formulation", "kind", "reference", "source", "fidelity", "speaker", "district", "cited_by", "voice"]
    out = (df.groupby(keys, sort=False).agg(count=("start", "size"), start=("start", "min"))
           .reset_index().sort_values("start", kind="stable").reset_index(drop=True))
    out["article"] = analysis.article.name
    return out[COLUMNS + ["article"]]


def district_column(df: pd.DataFrame) -> pd.Series:
    """The district of each row for a district × formulation table: NARRATION (叙述与文件) when
    nobody speaks, NO_DISTRICT (无区县) for a speaker placed in no district."""
    nobody = df["voice"] != "speaker" if "voice" in df else df["speaker"] == ""
    return df["district"].mask(df["district"] == "", NO_DISTRICT).mask(nobody & (df["district"] == ""), NARRATION)


def fidelity_matrix(df: pd.DataFrame) -> pd.DataFrame:
    """Reference formulation × district: the fidelity of its uses there ("verbatim",
    "altered", "verbatim+truncated" …), "" where not used. Narration and documents are column
    NARRATION. Rows in order of first use."""
    ref = df[df["kind"] == "reference"].copy()
    if ref.empty:
        return pd.DataFrame()
    ref["district"] = district_column(ref)
    order = {f: i for i, f in enumerate(FIDELITY)}
    cell = (ref.groupby(["reference", "district"], sort=False)["fidelity"]
            .agg(lambda s: "+".join(sorted(set(s), key=order.get))))
    table = cell.unstack(fill_value="")
    return table.loc[ref.drop_duplicates("reference")["reference"]].fillna("")


def formulation_matrix(df: pd.DataFrame, kinds=("quoted", "numbered", "reference")) -> pd.DataFrame:
    """Formulation × district: number of uses (reference uses counted under their reference
    formulation). Narration and documents are column NARRATION, speakers with no district NO_DISTRICT."""
    d = df[df["kind"].isin(kinds)].copy()
    if d.empty:
        return pd.DataFrame()
    d["name"] = d["reference"].where(d["kind"] == "reference", d["formulation"])
    d["district"] = district_column(d)
    table = d.pivot_table(index="name", columns="district", values="count", aggfunc="sum", fill_value=0, sort=False)
    return table.loc[d.drop_duplicates("name")["name"]]


def formulations_across(corpus) -> pd.DataFrame:
    """Formulations across the articles of a corpus (``helpers.corpus.Corpus``): one row per
    formulation (reference uses under their reference formulation), its kind, the number of
    articles and speakers using it, total uses, and one column per article with its count; sorted
    by articles using it, then uses."""
    tables = [formulations(a) for a in corpus.analyses]
    tables = [t for t in tables if len(t)]
    if not tables:
        return pd.DataFrame(columns=["formulation", "kind", "articles", "speakers", "uses"])
    d = pd.concat(tables, ignore_index=True)
    d["name"] = d["reference"].where(d["kind"] == "reference", d["formulation"])
    per = d.pivot_table(index="name", columns="article", values="count", aggfunc="sum", fill_value=0)
    spoken = d[d["speaker"] != ""]
    out = pd.DataFrame({
        "kind": d.groupby("name")["kind"].first(),
        "articles": (per > 0).sum(axis=1),
        "speakers": spoken.groupby("name")["speaker"].nunique(),
        "uses": per.sum(axis=1),
    }).fillna({"speakers": 0}).astype({"speakers": int})
    out = out.join(per).sort_values(["articles", "uses"], ascending=False)
    return out.rename_axis("formulation").reset_index()


def uses_by_district(df: pd.DataFrame) -> pd.DataFrame:
    """The tidy data of the formulation × district figure: formulation (reference uses under their
    reference formulation), kind, district (see :func:`district_column`), count,
    fidelity; in order of first use."""
    if df.empty:
        return pd.DataFrame(columns=["formulation", "kind", "district", "count", "fidelity"])
    d = df.assign(formulation=df["reference"].where(df["kind"] == "reference", df["formulation"]),
                  district=district_column(df))
    return (d.groupby(["formulation", "kind", "district", "fidelity"], sort=False)["count"].sum()
            .reset_index()[["formulation", "kind", "district", "count", "fidelity"]])


def shared_formulations(df: pd.DataFrame) -> pd.DataFrame:
    """Formulations (reference uses under their reference formulation) used by two or more
    speakers: formulation, kind, speakers (joined by 、), uses; most speakers first."""
    d = df[df["speaker"] != ""]
    if d.empty:
        return pd.DataFrame(columns=["formulation", "kind", "speakers", "uses"])
    d = d.assign(name=d["reference"].where(d["kind"] == "reference", d["formulation"]))
    g = d.groupby("name", sort=False).agg(kind=("kind", "first"), speakers=("speaker", lambda s: "、".join(pd.unique(s))),
                                          n=("speaker", "nunique"), uses=("count", "sum"))
    g = g[g["n"] >= 2].sort_values("n", ascending=False, kind="stable")
    return g.rename_axis("formulation").reset_index()[["formulation", "kind", "speakers", "uses"]]


def top_formulations(tidy: pd.DataFrame, n: int) -> pd.DataFrame:
    """The rows of :func:`uses_by_district` for the ``n`` formulations used in the most districts
    (then with the most uses), in their original order — what a readable figure can show when
    the reference list finds many."""
    if tidy.empty or tidy["formulation"].nunique() <= n:
        return tidy
    g = tidy.groupby("formulation", sort=False).agg(districts=("district", "nunique"), uses=("count", "sum"))
    keep = set(g.sort_values(["districts", "uses"], ascending=False, kind="stable").index[:n])
    return tidy[tidy["formulation"].isin(keep)].reset_index(drop=True)
