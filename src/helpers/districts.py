"""Which district (county-level unit) a speaker speaks for, and the evidence for it.

Sources, all data a user can read:
- the national gazetteer shipped by jionlp (``jionlp/dictionary/china_location.zip``,
  Apache-2.0): province → prefecture → county → town or street → village, read as a data file
  (jionlp is never imported), with ``china_location_change.txt`` for renamed units (长垣县 →
  长垣市, 即墨市 → 即墨区);
- two editorial files, ``data/gazetteer_qingdao.tsv`` and ``data/gazetteer_editorial.tsv``:
  aliases and zones the national list does not give (西海岸新区 = 黄岛区, 即墨国际陆港 → 即墨区,
  两江新区 → 重庆市 with no single county).

Evidence, in order (``Place.source``): ``title`` — a place in the speaker's title or unit;
``context`` — a place tied to the speaker in the same sentence or paragraph (某某街道代表团,
来自某某镇, a county named just before a town title); ``article`` — the county the article is
about, given only to people at or below the county whose title names no place.

``ArticlePlaces.from_text(text, headline, lead)`` is built once per article; its
``.place(title, sentence, paragraph, nearby)`` returns a :class:`Place`.
"""
from __future__ import annotations

import csv
import importlib.util
import re
import weakref
import zipfile
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import compress
from pathlib import Path

import numpy as np

from helpers import patterns as P
from helpers.patterns import (  # the place patterns, audited with the others in patterns.py
    UNIT_TAIL, GENERIC_COUNTY, THIS_COUNTY, PREFECTURE_WORD, HIGHER_UNIT,
    DEPUTY, SCHOLAR, COMPANY, ZONE_WORDS, CONTEXT_BEFORE, CONTEXT_AFTER,
    SOURCE_LINE, CONGRESS, TOWN_NAME, VILLAGE_END, RENAMED_UNIT, ZONE_WORD, DATELINE,
    DATELINE_REPORTED, LEVEL_DESIGNATION,
)
from helpers.paths import GAZETTEER_EDITORIAL_FILE, GAZETTEER_FILE
from helpers.quickre import may_match

# county-level names too generic to find by themselves inside longer words
GENERIC_COUNTIES = {"城区", "郊区", "矿区", "新区", "市辖区", "东区", "西区", "南区", "北区", "中区", "市中区", "城中区", "城东区", "城西区", "城北区"}
# two-character county names that are also ordinary words inside text (城乡和县域)
AMBIGUOUS_SHORT = {"和县", "大县", "中县", "新区", "城区", "郊区", "矿区"}
# the top level of a few regions whose county-level units the study does not index (no adcode
# in jionlp for Taiwan's; Hong Kong's and Macao's districts are not counties)
NOT_INDEXED = ("71", "81", "82")


@dataclass(frozen=True)
class Place:
    """Where a speaker speaks for: ``district`` (county-level, canonical; '' if none),
    ``city`` (prefecture when known), ``source`` (title | context | article | '')."""

    district: str
    city: str
    source: str = ""
    matched: str = ""  # the words that gave it


@dataclass(frozen=True)
class Unit:
    """A county-level unit (or a zone with its own adcode) of the national gazetteer."""

    name: str  # 婺源县; '' for the towns a prefecture governs directly (东莞市's)
    code: str
    short: str
    prefecture: str  # '' when the province governs it directly (济源市)
    province: str
    zone: bool = False  # a development zone with its own adcode (青岛高新技术产业开发区)


@dataclass
class Gazetteer:
    """The national gazetteer, indexed for lookups (built once by :func:`national`)."""

    provinces: dict = field(default_factory=dict)  # name → short
    prefectures: dict = field(default_factory=dict)  # name → (short, province)
    units: list = field(default_factory=list)  # Unit, by index
    counties: dict = field(default_factory=dict)  # name (current, old, alias) → [unit index]
    towns: dict = field(default_factory=dict)  # town/street name → (unit index, ...)
    village_spans: list = field(default_factory=list)  # unit index → its villages: "\n" + names + "\n", "\n"-joined
    renamed: dict = field(default_factory=dict)  # 长垣县 → 长垣市

    def unit_place(self, i: int, source: str = "", matched: str = "") -> Place:
        u = self.units[i]
        district = _canonical(u.name) if u.name else ""
        return Place(district, u.prefecture, source if district else "", matched)


def _jionlp_dictionary() -> Path | None:
    spec = importlib.util.find_spec("jionlp")
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(list(spec.submodule_search_locations)[0]) / "dictionary"


def _raw_locations() -> str:
    """jionlp's china_location.txt, decoded, one unit a line between newlines (depth by leading
    tabs: province, prefecture, county, town or street, village)."""
    folder = _jionlp_dictionary()
    if folder is None or not (folder / "china_location.zip").exists():
        return ""
    with zipfile.ZipFile(folder / "china_location.zip") as z:
        return "\n" + z.read("china_location.txt").decode("utf-8").replace("\r", "") + "\n"


LINE = re.compile(r"\n(\t{0,3})([^\t\n]+)(?:\t(\d+)\t([^\t\n]*))?(?=\n)")


@lru_cache(maxsize=1)
def national() -> Gazetteer:
    """The national gazetteer from jionlp's data (empty if jionlp is not installed), built once
    per version of the package and of jionlp, then read from the cache (``helpers.cache.derived``).

    >>> g = national(); g.units[g.counties["婺源县"][0]].prefecture
    '上饶市'
    """
    from helpers.cache import derived

    return derived("gazetteer", _build_national, ("jionlp",))


def _build_national() -> Gazetteer:
    raw = _raw_locations()
    g = Gazetteer()
    province = prefecture = ""
    county = -1
    skip = False
    for m in LINE.finditer(raw):
        depth, name, code, short = len(m.group(1)), m.group(2).strip(), m.group(3) or "", (m.group(4) or "").strip()
        if depth == 0:
            province, skip = name, code[:2] in NOT_INDEXED or not code
            g.provinces[name] = short
        elif skip:
            continue
        elif depth == 1:
            prefecture = "" if "直辖" in name else name
            if prefecture and prefecture != province:
                g.prefectures[prefecture] = (short, province)
        elif depth == 2:
            if county >= 0:
                g.village_spans[county] = (g.village_spans[county][0], m.start())
            county = len(g.units)
            direct = "直辖" in name  # 东莞市's towns: the prefecture governs them directly
            zone = code[4:5] == "7"
            g.units.append(Unit("" if direct else name, code, short, prefecture, province, zone))
            g.village_spans.append((m.end(), m.end()))
            if not direct:
                g.counties.setdefault(name, []).append(county)
        elif depth == 3 and county >= 0:
            g.towns.setdefault(name, []).append(county)
    if county >= 0:
        g.village_spans[county] = (g.village_spans[county][0], len(raw))
    # each county keeps only its village lines (four tabs), without the tabs: the raw text (12 MB
    # in memory) is dropped once read
    g.village_spans = [_village_block(raw, start, end) for start, end in g.village_spans]
    g.towns = {t: tuple(dict.fromkeys(c)) for t, c in g.towns.items()}
    for old, new in _renamed_units(g):
        if old not in g.counties:  # 桥东区 was renamed in 邢台市 but is still 张家口市's
            g.renamed[old] = new
            g.counties[old] = list(g.counties[new])
    return g


def _renamed_units(g: Gazetteer) -> list[tuple[str, str]]:
    """(old name, current name) from jionlp's china_location_change.txt, for county-level units
    whose current name is in the gazetteer (长垣县 → 长垣市)."""
    folder = _jionlp_dictionary()
    path = folder / "china_location_change.txt" if folder else None
    if path is None or not path.exists():
        return []
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if "=>" not in line:
            continue
        before, after = line.split("=>", 1)
        old, new = before.split("\t"), after.split("\t")
        if len(old) >= 7 and len(new) >= 3 and old[6] != new[2] and new[2] in g.counties:
            if old[6] not in GENERIC_COUNTIES:
                out.append((old[6], new[2]))
    return out


@lru_cache(maxsize=1)
def editorial() -> dict[str, tuple[str, str, str]]:
    """Editorial names: name → (district, city, kind) from ``gazetteer_qingdao.tsv`` and
    ``gazetteer_editorial.tsv`` (kind: district, alias, street, town, zone). A zone whose
    district is empty (两江新区) is a place with a city but no single county."""
    table: dict[str, tuple[str, str, str]] = {}
    for path, default_city in ((GAZETTEER_FILE, "青岛市"), (GAZETTEER_EDITORIAL_FILE, "")):
        if not path.exists():
            continue
        with open(path, encoding="utf-8") as fh:
            rows = [line for line in fh if line.strip() and not line.startswith("#")]
        for row in csv.DictReader(rows, delimiter="\t"):
            name = (row.get("name") or "").strip()
            if name:
                table[name] = ((row.get("district") or "").strip(), (row.get("city") or default_city).strip(), (row.get("kind") or "").strip())
    return table


def _zone_district(name: str) -> str:
    """The district an adcode zone belongs to, when the editorial files say (青岛高新技术产业开发区
    → 城阳区); else '' (a prefecture's zone spans no single county)."""
    entry = editorial().get(name)
    return entry[0] if entry else ""


@lru_cache(maxsize=1)
def gazetteer() -> dict[str, tuple[str, str]]:
    """Names worth adding to the tokenizer's global dictionary: provinces, prefectures,
    county-level units (current and former names) and the editorial aliases and zones.
    name → (district, kind); district is '' for a province, a prefecture or a multi-county zone.

    >>> gazetteer()["西海岸新区"]
    ('黄岛区', 'alias')
    """
    g = national()
    table: dict[str, tuple[str, str]] = {}
    for name in g.provinces:
        table[name] = ("", "province")
    for name in g.prefectures:
        table[name] = ("", "prefecture")
    for name, idx in g.counties.items():
        if name in GENERIC_COUNTIES or name in AMBIGUOUS_SHORT:
            continue
        u = g.units[idx[0]]
        table[name] = ((_zone_district(name) if u.zone else g.renamed.get(name, name)), "zone" if u.zone else "district")
    for name, (district, _city, kind) in editorial().items():
        if kind in ("street", "town"):
            continue  # towns and streets reach the tokenizer per article (place_words)
        table[name] = (district, kind)
    return table


@lru_cache(maxsize=8)
def _bigrams(text: str) -> tuple[str, ...]:
    """Every two characters of ``text`` (made in C), shared by the scans of one text: the same
    strings, hashed once, looked up in each table."""
    return tuple(map(str.__add__, text, text[1:]))


@lru_cache(maxsize=8)
def _bigram_keys(text: str) -> tuple[np.ndarray, np.ndarray]:
    """Every two characters of ``text`` as one number (first code point << 32 | second), sorted,
    and where each sorted number starts in ``text``: made at once, shared by the scans of one
    text (a sorted search is several times faster than one of numbers in text order)."""
    a = np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32).astype(np.uint64)
    keys = (a[:-1] << np.uint64(32)) | a[1:]
    order = np.argsort(keys)
    return keys[order], order


_LONG = 100  # a text this long is scanned with the numbers (fewer steps per character than a slice each)
_SEEN_MAX = 16  # scans (and supports) of long texts remembered: those of the article at hand, never a corpus


def _seen(memo: dict, key, compute):
    """``compute()``, remembered in ``memo`` under ``key`` among the last ``_SEEN_MAX`` (an article's
    text is scanned by several steps: its county, its places, its towns and villages)."""
    found = memo.get(key)
    if found is None:
        found = compute()
        _keep(memo, key, found, _SEEN_MAX)
    return found


def _keep(memo: dict, key, value, most: int) -> None:
    """``memo[key] = value``, the oldest entry dropped first when ``memo`` holds ``most`` (safe
    if another thread drops it at the same time)."""
    if len(memo) >= most:
        memo.pop(next(iter(memo.copy()), None), None)
    memo[key] = value


_SCANS: dict = {}  # (table, scan kind, text, min_len) → the found names, for long texts

# The bigram keys of every _Names table made so far, merged into one sorted array with a bit per
# table (bit k: table k has names starting with those two characters): one sorted search of a long
# text's bigrams serves every table's scan of it. Replaced as a whole (one assignment) when a
# table is added.
_UNION: tuple = ((), np.array([], dtype=np.uint64), np.array([], dtype=np.uint32))
_BITS: dict = {}  # long text → (the _UNION it was looked up in, each sorted bigram's table bits)


def _union_bit(names: "_Names") -> tuple[tuple, int]:
    """(the merged index, the bit of ``names`` in it), ``names`` added first if new."""
    global _UNION
    state = _UNION
    for k, t in enumerate(state[0]):
        if t is names:
            return state, 1 << k
    tables = (*state[0], names)
    keys = np.unique(np.concatenate([t.keys for t in tables]))
    bits = np.zeros(len(keys), dtype=np.uint32)
    for k, t in enumerate(tables):
        bits[np.searchsorted(keys, t.keys)] |= np.uint32(1 << k)
    state = _UNION = (tables, keys, bits)
    return state, 1 << (len(tables) - 1)


def _bigram_bits(text: str, state: tuple) -> np.ndarray:
    """For each of ``text``'s sorted bigrams (``_bigram_keys``), the bits of the tables of
    ``state`` that have names starting with it (0: none); worked out once per text and index."""
    found = _BITS.get(text)
    if found is not None and found[0] is state:
        return found[1]
    keys, _order = _bigram_keys(text)
    union, bits = state[1], state[2]
    at = np.searchsorted(union, keys)
    np.minimum(at, len(union) - 1, out=at)
    out = np.where(union[at] == keys, bits[at], np.uint32(0))
    _keep(_BITS, text, (state, out), 8)
    return out


class _Names:
    """A set of names with an index by their first two characters, for fast scanning."""

    def __init__(self, table):
        self.table = table
        prefix: dict[str, set] = {}
        for name in table:
            if len(name) >= 2:
                prefix.setdefault(name[:2], set()).add(len(name))
        self.prefix = {k: tuple(sorted(v, reverse=True)) for k, v in prefix.items()}
        self.keys = np.array(sorted((ord(k[0]) << 32) | ord(k[1]) for k in self.prefix), dtype=np.uint64)  # the same, as numbers

    def __contains__(self, name) -> bool:
        return name in self.table

    def __getitem__(self, name):
        return self.table[name]

    def _starts(self, text: str) -> list[tuple[int, tuple]]:
        """(position, name lengths, longest first) wherever two characters of ``text`` begin a
        name; the bigrams are made and looked up in C (map), not one slice per position."""
        if len(text) < 2:
            return []
        if len(text) >= _LONG and len(self.keys):  # a long text: every bigram looked up at once, for every table
            state, bit = _union_bit(self)
            _keys, order = _bigram_keys(text)
            prefix = self.prefix
            return [(i, prefix[text[i:i + 2]]) for i in np.sort(order[(_bigram_bits(text, state) & bit) != 0]).tolist()]
        lens = list(map(self.prefix.get, _bigrams(text)))
        return [(i, lens[i]) for i in compress(range(len(lens)), lens)]

    def scan_all(self, text: str, min_len: int = 2) -> list[tuple[int, int, str]]:
        """The longest name at each position; a name overlapping a longer one is dropped
        (深圳市南山区: 南山区, not 市南)."""
        if len(text) >= _LONG:
            return list(_seen(_SCANS, (self, 0, text, min_len), lambda: self._scan_all(text, min_len)))
        return self._scan_all(text, min_len)

    def _scan_all(self, text: str, min_len: int) -> list[tuple[int, int, str]]:
        found = []
        table = self.table
        for i, lengths in self._starts(text):
            for length in lengths:
                if length >= min_len and text[i:i + length] in table:
                    found.append((i, i + length, text[i:i + length]))
                    break
        return [f for f in found if not any(o[0] < f[1] and f[0] < o[1] and o[1] - o[0] > f[1] - f[0] for o in found)]

    def scan(self, text: str, min_len: int = 2) -> list[tuple[int, int, str]]:
        """Leftmost-longest, non-overlapping occurrences of the names in ``text``."""
        if len(text) >= _LONG:
            return list(_seen(_SCANS, (self, 1, text, min_len), lambda: self._scan(text, min_len)))
        return self._scan(text, min_len)

    def _scan(self, text: str, min_len: int) -> list[tuple[int, int, str]]:
        out, after = [], 0
        table = self.table
        for i, lengths in self._starts(text):
            if i < after:
                continue  # inside the name found before
            for length in lengths:
                if length >= min_len and text[i:i + length] in table:
                    out.append((i, i + length, text[i:i + length]))
                    after = i + length
                    break
        return out


@lru_cache(maxsize=1)
def _county_table() -> _Names:
    """Names that give a county-level unit (or a zone): national, former and editorial names →
    kind (national, alias, zone)."""
    table = {name: "national" for name in national().counties}
    for name, (_d, _c, kind) in editorial().items():
        if kind in ("district", "alias", "zone"):
            table[name] = kind
    return _Names(table)


@lru_cache(maxsize=1)
def _higher_table() -> _Names:
    """Provinces and prefectures (full names) and national bodies → level."""
    g = national()
    table = {n: "province" for n in g.provinces}
    table.update({n: "prefecture" for n in g.prefectures})
    table.update({n: "nation" for n in ("全国", "中央", "国家", "国务院", "中共中央")})
    return _Names(table)


@lru_cache(maxsize=1)
def _short_higher() -> _Names:
    """Short names of provinces and prefectures (河南, 衡阳, 黔东南) → full name."""
    g = national()
    out = {}
    for name, (short, _prov) in g.prefectures.items():
        base = re.sub(r"(?:市|地区|盟)$", "", name) if not short else short
        for s in {short, base}:
            if s and len(s) >= 2 and s != name:
                out.setdefault(s, name)
    for name, short in g.provinces.items():
        if short and len(short) >= 2:
            out.setdefault(short, name)
    return _Names(out)


# the ethnic part of an autonomous county: …族, or a people named without 族 (巴里坤哈萨克自治县,
# 察布查尔锡伯自治县, 塔什库尔干塔吉克自治县, 和布克赛尔蒙古自治县)
AUTONOMOUS_COUNTY = re.compile(rf"^([{P.CJK}]{{2,}}?)(?:[{P.CJK}]{{1,4}}族|哈萨克|蒙古|塔吉克|锡伯|柯尔克孜)+自治[县旗]$")


@lru_cache(maxsize=1)
def _short_counties() -> dict[str, str]:
    """Short names of county-level units (婺源 → 婺源县, 昆山 → 昆山市) that are unique and are
    not a prefecture's or a province's short name."""
    g = national()
    short: dict[str, set] = {}
    for name, idx in g.counties.items():
        if g.units[idx[0]].zone or name in g.renamed:
            continue
        base = re.sub(r"(?:自治县|自治旗|市|县|区|旗)$", "", name)
        if len(base) >= 2 and base != name:
            short.setdefault(base, set()).add(name)
        ethnic = AUTONOMOUS_COUNTY.match(name)  # 富川瑶族自治县 → 富川, 琼中黎族苗族自治县 → 琼中
        if ethnic:
            short.setdefault(ethnic.group(1), set()).add(name)
    higher = set(_short_higher().table) | {re.sub(r"(?:市|地区|盟|自治州)$", "", n) for n in g.prefectures}
    return {b: next(iter(names)) for b, names in short.items() if len(names) == 1 and b not in higher}




def is_place_name(word: str) -> bool:
    """A province, prefecture or county-level unit, by its full or short name (孟津, 孟津区, 洛阳)."""
    return bool(short_county(word)) or word in _short_higher().table or word in _county_table().table \
        or word in _higher_table().table


@lru_cache(maxsize=1)
def _shorts_by_county() -> dict[str, tuple[str, ...]]:
    out: dict[str, list[str]] = {}
    for short, county in _short_counties().items():
        out.setdefault(county, []).append(short)
    return {county: tuple(shorts) for county, shorts in out.items()}


def _short_names_of(county: str) -> tuple[str, ...]:
    """The unique short names of a county-level unit (化隆回族自治县 → 化隆), or ()."""
    return _shorts_by_county().get(county, ())


def is_county_name(word: str) -> bool:
    """A county-level unit's full name (蔚县, 东宁市, 化隆回族自治县); not a generic one (城区) nor
    an ordinary word (和县)."""
    return word in _county_table().table and word not in GENERIC_COUNTIES and word not in AMBIGUOUS_SHORT


def short_county(word: str) -> str:
    """The county-level unit ``word`` is the unique short name of (婺源 → 婺源县, 富川 →
    富川瑶族自治县), else ""."""
    return _short_counties().get(word, "")


@lru_cache(maxsize=1)
def _towns() -> _Names:
    """Town, township and street names of the national gazetteer (names such as 开发区, 农场 or
    城区 at that level are not looked for in text)."""
    return _Names({t: units for t, units in national().towns.items() if TOWN_NAME.match(t)})


def _canonical(name: str) -> str:
    """The canonical district for a county-table name (alias → district, old → current name)."""
    entry = editorial().get(name)
    if entry and entry[2] in ("district", "alias", "zone"):
        return entry[0]
    g = national()
    if name in g.renamed:
        return g.renamed[name]
    idx = g.counties.get(name)
    if idx and g.units[idx[0]].zone:
        return _zone_district(name)
    return name


def _city_of(name: str, before: str = "", named: frozenset = frozenset()) -> str:
    """The prefecture of a county-level name: the one written before it, or named in the article,
    or the only one."""
    entry = editorial().get(name)
    if entry and entry[2] in ("district", "alias", "zone"):
        return entry[1]
    g = national()
    prefs = [g.units[i].prefecture or g.units[i].province for i in g.counties.get(name, [])]
    prefs = list(dict.fromkeys(prefs))
    for p in prefs:
        if before and (p in before or p.rstrip("市") in before):
            return p
    for p in prefs:
        if p in named:
            return p
    return prefs[0] if len(prefs) == 1 else ""


def _glued_to_word(pair: str) -> bool:
    """The character before a two-character county name and the name's first character make a
    common word of jieba's dictionary (示范, 沿海): the county is not named there."""
    from helpers.tokenize import _shared
    return (_shared().tokenizer.FREQ.get(pair) or 0) >= 100


def county_mentions(text: str) -> list[tuple[int, str]]:
    """Every county-level unit the text names, with its position, canonical names (西海岸新区 →
    黄岛区, 长垣县 → 长垣市); generic names (城区, 新区) and ordinary words (和县) are skipped.

    >>> county_mentions("青岛西海岸新区和婺源县")
    [(0, '黄岛区'), (8, '婺源县')]
    """
    found = []
    for a, _b, name in _county_table().scan_all(text):
        if name in GENERIC_COUNTIES or name in AMBIGUOUS_SHORT:
            continue
        if len(name) == 2 and a > 0 and _glued_to_word(text[a - 1:a + 1]):
            continue  # 示范县 is no 范县, 沿海县 no 海县: the county's first character ends a word
        district = _canonical(name)
        if district:
            found.append((a, district))
    return found


def _higher_mentions(text: str) -> list[tuple[int, str]]:
    """Provinces and prefectures the text names, by full name."""
    return [(a, n) for a, _b, n in _higher_table().scan(text) if _higher_table()[n] != "nation"]


def names_higher_place(title: str) -> bool:
    """Does the title name a province, a prefecture-level city or a national body (full names:
    玉林市 is a city, 玉林街道 a street)?"""
    return bool(_higher_table().scan(title))


@dataclass(frozen=True)
class Support:
    """The places an article names, to resolve a town found in several counties."""

    counties: frozenset = frozenset()
    prefectures: frozenset = frozenset()
    provinces: frozenset = frozenset()

    @classmethod
    def of(cls, text: str) -> "Support":
        if len(text) < _LONG:
            return cls._of(text)
        # an article's text: its places are asked for by several steps. county_mentions reads the
        # shared dictionary (_glued_to_word): a support is kept with the tokenizer it was made with
        from helpers.tokenize import _shared

        tok = _shared().tokenizer
        kept, support = _seen(_SUPPORTS, text, lambda: (weakref.ref(tok), cls._of(text)))
        if kept() is not tok:  # the dictionary was rebuilt since (an accepted phrase): made again
            support = cls._of(text)
            _keep(_SUPPORTS, text, (weakref.ref(tok), support), _SEEN_MAX)
        return support

    @classmethod
    def _of(cls, text: str) -> "Support":
        g = national()
        counties = {d for _a, d in county_mentions(text)}
        highers = {n for _a, n in _higher_mentions(text)}
        highers |= {_short_higher()[s] for _a, _b, s in _short_higher().scan(text)}
        for d in list(counties):  # a county named also names its prefecture and province
            for i in g.counties.get(d, [])[:1]:
                highers |= {g.units[i].prefecture, g.units[i].province}
        return cls(frozenset(counties), frozenset(h for h in highers if h in g.prefectures), frozenset(h for h in highers if h in g.provinces))

    def level(self, unit: Unit, name: str) -> int:
        """3: its county is named; 2: its prefecture; 1: its province; 0: none."""
        if name and name in self.counties:
            return 3
        if unit.prefecture and unit.prefecture in self.prefectures:
            return 2
        return 1 if unit.province in self.provinces else 0

    @property
    def empty(self) -> bool:
        return not (self.counties or self.prefectures)

    def __or__(self, other: "Support") -> "Support":
        """The places of two texts together: ``Support.of(a) | Support.of(b)`` is
        ``Support.of(a + "\n" + b)`` (no name spans a line break; each set is a union of what
        each mention gives)."""
        return Support(self.counties | other.counties, self.prefectures | other.prefectures, self.provinces | other.provinces)


_SUPPORTS: dict = {}  # long text → (the shared tokenizer it was made with, its Support) (see _seen)


def resolve_units(units: tuple, support: Support, before: str = "") -> int | None:
    """One unit index among ``units`` (the counties a town or village name is found in): the
    only one whose county, prefecture or province the title (``before``) or the article names
    most closely; a name found in one county only when the article names no other place; else
    None.

    >>> g = national(); i = resolve_units(g.towns["南村镇"], Support.of("广州市番禺区"))
    >>> g.units[i].name
    '番禺区'
    """
    g = national()
    if not units:
        return None
    local = Support.of(before) if before else Support()
    for sup in (local, support):
        if sup.empty and not sup.provinces:
            continue
        levels = [sup.level(g.units[i], _canonical(g.units[i].name) if g.units[i].name else "") for i in units]
        best = max(levels)
        if best and levels.count(best) == 1:
            return units[levels.index(best)]
        if best:
            return None  # named places leave several: ambiguous
    if len(units) == 1 and (support.empty or support.level(g.units[units[0]], g.units[units[0]].name)):
        return units[0]
    return None


def _village_block(raw: str, start: int, end: int) -> str:
    """The village lines of ``raw[start:end + 1]`` (a county's span) without their four tabs,
    between newlines: ``"\n" + name + "\n"`` occurs in it exactly where ``"\n\t\t\t\t" + name +
    "\n"`` occurs in the span, for a name without tabs or newlines."""
    lines = [line[4:] for line in raw[start:end + 1].split("\n") if line.startswith("\t\t\t\t")]
    return "\n" + "\n".join(lines) + "\n" if lines else ""


def _villages_in(unit: int, name: str) -> bool:
    """Is ``name`` (Chinese characters) a village or community of the county ``unit``?"""
    return f"\n{name}\n" in national().village_spans[unit]


def village_units(name: str, support: Support) -> tuple:
    """The counties, among those the article names (or whose prefecture it names), that have a
    village or community called ``name``; villages are too many and too alike to look up
    nationally."""
    g = national()
    candidates = [i for n in support.counties for i in g.counties.get(n, [])]
    if not candidates:
        candidates = [i for i, u in enumerate(g.units) if u.prefecture in support.prefectures]
    return tuple(i for i in dict.fromkeys(candidates) if _villages_in(i, name))




_CJK_RUN = re.compile(f"[{P.CJK}]+")
_TOWN_OR_COUNTY = re.compile("镇|乡|街道|县|区|市")


def village_mentions(text: str, support: Support) -> list[tuple[int, int, str, tuple]]:
    """Villages and communities named in ``text`` that exist in the counties the article names:
    (start, end, name, unit indexes), the longest name (three characters or more) ending at each
    村/社区; towns are not villages (白道口镇前张村 → 前张村)."""
    found = []
    for m in VILLAGE_END.finditer(text):
        for length in range(7, 2 - len(m.group(0)) + 1, -1):
            a = m.end() - length
            name = text[a:m.end()] if a >= 0 else ""
            if len(name) < 3 or not _CJK_RUN.fullmatch(name) or _TOWN_OR_COUNTY.search(name, 0, len(name) - 1):
                continue
            units = village_units(name, support)
            if units:
                found.append((a, m.end(), name, units))
                break
    return found


ETHNIC_TOWNSHIP = re.compile(rf"(?=([{P.CJK}]{{2,3}}?)((?:[{P.CJK}]{{1,4}}?族)+乡))")  # at every start: overlapping


def place_words(text: str) -> list[str]:
    """Town, street and village names of the national gazetteer that occur in ``text``, in order
    of first occurrence (for the tokenizer to add per article). Villages count only in counties
    the text names, towns anywhere.

    >>> place_words("婺源县江湾镇汪口村")
    ['江湾镇', '汪口村']
    """
    g = national()
    found = [w for _a, _b, w in _towns().scan(text, 3)]
    # an ethnic township written in full (四排赫哲族乡) where the list has it short (四排乡)
    if "族乡" in text:
        found += [m.group(1) + m.group(2) for m in ETHNIC_TOWNSHIP.finditer(text) if f"{m.group(1)}乡" in g.towns]
    found += [n for n, (_d, _c, k) in editorial().items() if k in ("street", "town") and n in text]
    if VILLAGE_END.search(text):
        found += [name for _a, _b, name, _u in village_mentions(text, Support.of(text))]
    return list(dict.fromkeys(found))


def _local_title(title: str) -> bool:
    return bool(UNIT_TAIL.search(title) or THIS_COUNTY.match(title))


# 长垣市委 when only 长垣县 is known: a county turned city (or a city turned district)


@lru_cache(maxsize=1)
def _editorial_towns() -> tuple[tuple[str, str, str], ...]:
    """(name, district, city) of the streets and towns the editorial files add."""
    return tuple((n, d, c) for n, (d, c, k) in editorial().items() if k in ("street", "town"))


def title_place(title: str, support: Support = Support()) -> tuple[Place, bool]:
    """The place a speaker's title names: (Place with source 'title' or an empty one, whether the
    title names a place above the county — a province's, prefecture's or national office — so
    that no other evidence applies).

    >>> title_place("湄潭县兴隆镇党委书记")[0].district
    '湄潭县'
    """
    if not title:
        return Place("", ""), False
    g = national()
    core = DEPUTY.sub("", title)
    candidates = []  # (start, end, Place)
    for a, b, name in _county_table().scan_all(core):
        before = core[:a]
        kind = _county_table()[name]
        city = _city_of(name, before, support.prefectures)
        if kind == "national":
            after_city = bool(city) and (before.endswith(city) or before.endswith(city.rstrip("市")))
            # a generic name (市中区, 城区) counts only after its city; a two-character one (和县)
            # only there or at the start of the title
            if name in GENERIC_COUNTIES and not after_city:
                continue
            if len(name) == 2 and before and not after_city:
                continue
        district = _canonical(name)
        candidates.append((a, b, Place(district, city, "title" if district else "", name)))
    # a company registered under a county's short name in brackets: 克劳斯精密机械（太仓）有限公司
    if not candidates and COMPANY.search(core):
        for m in re.finditer(rf"[（(]([{P.CJK}]{{2,6}})[）)]", core):
            name = m.group(1) if m.group(1) in _county_table() else short_county(m.group(1))
            if name and _canonical(name):
                candidates.append((m.start(1), m.end(1), Place(_canonical(name), _city_of(name), "title", m.group(1))))
    zone = None  # a zone spanning several counties (两江新区): a place, but no district
    if candidates:
        first = min(candidates, key=lambda c: (c[0], -(c[1] - c[0])))[2]
        if first.district:
            return first, False
        zone = first
    # a county-level city's zone named by its short name: 昆山经济技术开发区 → 昆山市
    m = _zone_pattern().search(core) if ZONE_WORD.search(core) else None
    if m:
        name = _short_counties()[m.group(1)]
        city = _city_of(name)
        before = core[: m.start()]
        if not before or (city and before.endswith((city, city.rstrip("市")))):
            return Place(name, city, "title", m.group(0)), False
    # a town, street or village that resolves to one county
    for a, _b, name in _towns().scan(core, 3):
        unit = resolve_units(g.towns[name], support, core[:a])
        if unit is not None:
            place = g.unit_place(unit, "title", name)
            if place.district or place.city:
                return place, not place.district
    for name, district, city in _editorial_towns():  # streets the national list lacks
        if name in core and (city in support.prefectures or district in support.counties):
            return Place(district, city, "title", name), False
    for a, _b, name, units in village_mentions(core, support) if VILLAGE_END.search(core) else ():
        unit = resolve_units(units, support, core[:a])
        if unit is not None and g.units[unit].name:
            return g.unit_place(unit, "title", name), False
    if zone is not None:
        return Place("", zone.city, "", zone.matched), True
    # a county that became a city or a district under a name the lists do not have
    for m in RENAMED_UNIT.finditer(core):
        if m.group(0) in _higher_table():
            continue  # 长沙市 is the prefecture, though 长沙县 exists
        if f"{m.group(1)}县" in g.counties or (m.group(2) == "区" and f"{m.group(1)}市" in g.counties):
            return Place(m.group(0), "", "title", m.group(0)), False
    m = GENERIC_COUNTY.search(core)
    # …地区 is a prefecture (喀什地区) and …自治区 a province-level region: neither is a district
    if m and not m.group(1).endswith(("社区", "园区", "景区", "校区", "片区", "城区", "街区", "开发区", "功能区", "示范区", "地区", "自治区")):
        name = re.split(r"[省市州盟]", m.group(1)[:-1])[-1] + m.group(1)[-1]  # 许昌市建安区 → 建安区
        if name[-1] == name[-2]:
            name = name[:-1]  # 龙胜县县长: the office repeats the unit's last character
        full = short_county(name[:-1]) if name.endswith(("县", "旗")) else ""
        if full:  # 沧源县 for 沧源佤族自治县, 宽甸县 for 宽甸满族自治县: the autonomous county
            return Place(full, _city_of(full), "title", name), False
        if len(name) >= 2 + (name.endswith("新区")) and not name.endswith(("城区", "社区", "园区", "片区", "街区")):
            return Place(name, "", "title", name), False
    core = LEVEL_DESIGNATION.sub("", core)
    higher = _higher_mentions(core)
    if higher or names_higher_place(core) or HIGHER_UNIT.match(core) or PREFECTURE_WORD.search(core):
        city = next((n for _a, n in higher if n in g.prefectures), "")
        return Place("", city), True
    return Place("", ""), False


@lru_cache(maxsize=1)
def _zone_pattern() -> re.Pattern:
    names = sorted(_short_counties(), key=len, reverse=True)
    return re.compile(f"({'|'.join(map(re.escape, names))}){ZONE_WORDS}")


def _county_in(words: str, shorts: bool = True) -> str:
    """The county-level unit ``words`` names, by full name or (``shorts``) by a unique short name
    at its start (婺源县融媒体中心, 婺源 → 婺源县)."""
    named = county_mentions(words)
    if named:
        return named[0][1]
    if shorts:
        for length in range(min(len(words), 6), 1, -1):
            if words[:length] in _short_counties():
                return _short_counties()[words[:length]]
    return ""


def _single(names: list[str]) -> str:
    return names[0] if len(set(names)) == 1 else ""


def source_line_county(text: str) -> str:
    """The county of the local media that published the article: 今日婺源, 婺源融媒讯,
    来源：婺源县融媒体中心, 婺源讯（记者…）.

    >>> source_line_county("来源：婺源县融媒体中心")
    '婺源县'
    """
    found = []
    for line in text.split("\n"):
        if not may_match(SOURCE_LINE, line):
            continue  # none of the words every source line has (今日, 融媒, 来源, 讯 …)
        for m in SOURCE_LINE.finditer(line.strip()):
            words = next(g for g in m.groups() if g)
            county = _county_in(words)
            if county:
                found.append(county)
    return _single(found)


def congress_county(text: str) -> str:
    """The county whose people's congress, CPPCC or meeting the article reports (婺源县第十七届
    人民代表大会), when only one is named so."""
    found = []
    for a, b, name in _county_table().scan_all(text):
        if CONGRESS.match(text, b) and name not in GENERIC_COUNTIES:
            found.append(_canonical(name))
    return _single([f for f in found if f])


def headline_county(headline: str) -> tuple[str, bool]:
    """(county the headline names, whether the headline decides): one county named → it; a
    prefecture or province named (《问政衡阳》, 青岛各区市) or several counties → '' and decided."""
    named = [d for _a, d in county_mentions(headline)]
    if len(set(named)) == 1:
        return named[0], True
    if named:
        return "", True
    if names_higher_place(headline) or _short_higher().scan(headline):
        return _single(counties_after_higher(headline)), True
    m = re.match(rf"^(?:[（(【\[][{P.CJK}]{{2,8}}[）)】\]]\s*)?([{P.CJK}]{{2,5}})[：:]", headline)  # 婺源：…, （四川）宣汉：…
    if m and m.group(1) in _short_counties():
        return _short_counties()[m.group(1)], True
    return "", False




def counties_after_higher(text: str) -> list[str]:
    """County-level units written by short name right after their own province or prefecture
    (陕西米脂 → 米脂县, 榆林米脂 → 米脂县, 湖南省江华 → 江华瑶族自治县): a headline that names
    a province this way is about the county.

    >>> counties_after_higher("黄土高坡“谷”香浓——陕西米脂做强小米产业见闻")
    ['米脂县']
    """
    g, shorts, found = national(), _short_counties(), []
    higher = [(b, _short_higher()[n]) for _a, b, n in _short_higher().scan(text)]
    higher += [(b, n) for _a, b, n in _higher_table().scan(text) if _higher_table()[n] != "nation"]
    for end, place in higher:
        while end < len(text) and text[end] in "）)】] 　·":  # （四川）宣汉, 【四川】 宣汉
            end += 1
        for length in range(6, 1, -1):
            county = shorts.get(text[end:end + length])
            if not county:
                continue
            units = [g.units[i] for i in g.counties.get(county, [])]
            if any(place in (u.province, u.prefecture) for u in units):
                found.append(county)
            break
    return found


def dateline_county(lead: str) -> tuple[str, bool]:
    """(county the lead's dateline names, whether it names a place at all): 婺源讯 → ('婺源县',
    True); 新华社重庆4月18日电 → ('', True): filed from a province, not about one county."""
    m = DATELINE_REPORTED.match(lead.strip()) or DATELINE.match(lead.strip())
    if not m:
        return "", False
    words = m.group(1)
    county = _county_in(words)
    if county:
        return county, True
    if _higher_table().scan(words) or _short_higher().scan(words):
        return "", True
    return "", False


def dominant_county(text: str) -> str:
    """The county-level unit that clearly dominates the text's mentions (≥ 60% and ≥ 2)."""
    counts = Counter(d for _a, d in county_mentions(text) if d)
    if not counts:
        return ""
    for county in list(counts):  # a county named in full once, then by its short name (化隆 for 化隆回族自治县)
        counts[county] = max([counts[county], *(text.count(s) for s in _short_names_of(county))])
    (top, n), total = counts.most_common(1)[0], sum(counts.values())
    return top if n / total >= 0.6 and n >= 2 else ""


def article_district(text: str, headline: str = "", lead: str = "", raw: str = "") -> str:
    """The county-level unit an article is about: the one its headline names (none when the
    headline names a prefecture or province); else its lead's dateline (婺源讯); else the one its
    lead names alone, unless the dateline names a province or city (新华社重庆…电); else its local
    media's source line or dateline (今日婺源, 婺源融媒讯); else the county whose congress it
    reports; else the one that clearly dominates its mentions.

    >>> article_district("……", headline="婺源：江湾镇打造乡村旅游新名片")
    '婺源县'
    """
    if headline:
        county, decided = headline_county(headline)
        if decided:
            return county
    if lead:
        county, decided = dateline_county(lead)
        if county:
            return county
        if not decided:  # a lead filed from a province or a city (新华社重庆…电) may open on any county
            county = _single([d for _a, d in county_mentions(lead)])
            if county:
                return county
    source = source_line_county(text) or (source_line_county("\n".join(l for l in raw.splitlines() if len(l) <= 80)) if raw else "")
    return source or congress_county(text) or dominant_county(text)


def about_qingdao(text: str) -> bool:
    """Does the article name Qingdao or one of its districts?"""
    g = national()
    names = [n for n, (_d, city, kind) in editorial().items() if city == "青岛市" and kind == "alias" and len(n) >= 3]
    names += [u.name for u in g.units if u.prefecture == "青岛市" and u.name and not u.zone]
    return "青岛" in text or any(n in text for n in names)


def _sentence_of(paragraph: str, title: str) -> str:
    """The sentence of ``paragraph`` that contains ``title`` (the whole paragraph if none)."""
    if not paragraph or not title:
        return ""
    i = paragraph.find(title)
    if i < 0:
        return ""
    a = max(paragraph.rfind(x, 0, i) for x in "。！？；\n") + 1
    ends = [j for j in (paragraph.find(x, i + len(title)) for x in "。！？；\n") if j >= 0]
    return paragraph[a:min(ends) + 1 if ends else len(paragraph)]


def _place_in(words: str, support: Support) -> Place:
    """A county, or a town or street resolving to one county, named in ``words``."""
    g = national()
    named = county_mentions(words)
    if named:
        return Place(named[0][1], _city_of(named[0][1], words, support.prefectures), "context")
    for _a, _b, name in _towns().scan(words, 3):
        unit = resolve_units(g.towns[name], support)
        if unit is not None and g.units[unit].name:
            return g.unit_place(unit, "context", name)
    return Place("", "")


def context_place(sentence: str, support: Support, delegation_only: bool = False) -> Place:
    """A place tied to the speaker in ``sentence``: 来自某某镇, 所在的某某村, 某某街道代表团
    (``delegation_only``: only the last, which holds for a whole paragraph)."""
    for m in CONTEXT_AFTER.finditer(sentence):
        a = max(sentence.rfind(x, 0, m.start()) for x in "，,。；：:、（(“ \n") + 1
        place = _place_in(sentence[a:m.start()], support)
        if place.district:
            return place
    if delegation_only:
        return Place("", "")
    for m in CONTEXT_BEFORE.finditer(sentence):
        end = min([j for j in (sentence.find(x, m.end()) for x in "，,。；：:、的") if j >= 0] or [len(sentence)])
        place = _place_in(sentence[m.end():end], support)
        if place.district:
            return place
    return Place("", "")


@dataclass
class ArticlePlaces:
    """The place evidence of one article: the places it names and the county it is about."""

    text: str
    about: str  # the county-level unit the article is about ('' if none)
    support: Support
    about_city: str = ""

    @classmethod
    def from_text(cls, text: str, headline: str = "", lead: str = "", raw: str = "") -> "ArticlePlaces":
        """Built once per article from its cleaned text, headline (and subtitle) and lead; ``raw``
        (the file as read, optional) still has the source line a web copy's cleaning drops
        (来源：婺源县融媒体中心 发布时间：…)."""
        about = article_district(text, headline, lead, raw)
        support = Support.of(headline) | Support.of(text)  # = Support.of(f"{headline}\n{text}"); the text's is asked again
        return cls(text, about, support, _city_of(about, named=support.prefectures) if about else "")

    def place(self, title: str, sentence: str = "", paragraph: str = "", nearby: str = "") -> Place:
        """The speaker's place, with its evidence: the title's place; else one tied to the speaker
        in ``sentence`` or ``paragraph`` (or, for a street, town or 区商务局 title, the last county
        named in ``nearby`` — the text just before); else the article's county for people at or
        below the county, never for higher offices, scholars, or companies placed elsewhere.

        >>> ArticlePlaces.from_text("今日婺源讯 …").place("县委书记").source
        'article'
        """
        found, higher = title_place(title, self.support)
        if higher and self._this_city(title, found):
            return Place(self.about, self.about_city, "article")
        if found.district or higher:
            return found
        sentence = sentence or _sentence_of(paragraph, title)
        for words, delegation in ((sentence, False), (paragraph, True)):  # 来自… ties one sentence, 代表团 a paragraph
            place = context_place(words, self.support, delegation) if words else Place("", "")
            if place.district:
                return place
        if nearby and _local_title(title) and not SCHOLAR.search(title):  # 中国农村发展研究院教授: no village
            k = nearby.find(sentence) if sentence else -1
            at = nearby.find(title, max(k, 0))
            named = county_mentions(nearby[:at] if at >= 0 else nearby)  # named before the speaker, not after
            if named and named[-1][1] == self.about and self._local_person(title):
                return Place(self.about, self.about_city, "article")  # the article's own county: no tie of its own
            if named:
                return Place(named[-1][1], _city_of(named[-1][1], named=self.support.prefectures), "context")
        if self.about and self._local_person(title):
            return Place(self.about, self.about_city, "article")
        return Place("", "")

    def _this_city(self, title: str, found: Place) -> bool:
        """A 市 office written without its place (市商务局局长, 市委副书记) in an article about a
        county-level city (东宁市): that city's office, not a prefecture's."""
        return (self.about.endswith("市") and not found.city and title.startswith("市")
                and not names_higher_place(title) and not _short_higher().scan(title))

    def _local_person(self, title: str) -> bool:
        """At or below the county, with no place of its own: not a scholar, not a company whose
        name places it in another province or prefecture."""
        if SCHOLAR.search(title):
            return False
        if COMPANY.search(title):
            g = national()
            i = (g.counties.get(self.about) or [None])[0]
            home = {g.units[i].prefecture, g.units[i].province} if i is not None else set()
            named = {_short_higher()[s] for _a, _b, s in _short_higher().scan(title)}
            if named - home:
                return False
        return True


def find_place(title: str, context_district: str = "", qingdao: bool = True, nearby_district: str = "") -> Place:
    """The county-level unit a title names (kept for old callers; see :class:`ArticlePlaces`).

    ``context_district`` is the article's county, given to a local title that names no place;
    ``nearby_district`` the county named just before, for a street, town or village title.
    ``qingdao`` is accepted for compatibility: towns now resolve by the places named."""
    support = Support.of(context_district) if context_district else Support()
    found, higher = title_place(title, support)
    if found.district or higher:
        return found
    if nearby_district and _local_title(title):
        return Place(nearby_district, "", "context")
    if context_district and not SCHOLAR.search(title):
        return Place(context_district, "", "article")
    return Place("", "")
