"""Which district an official speaks for.

Two sources, both data a user can read:
- ``data/gazetteer_qingdao.tsv``: Qingdao's ten districts and county-level cities with their
  aliases, streets, towns and zones (so 即墨国际陆港 or 金家岭街道 still gives a district);
- China's administrative divisions as shipped by the ``cpca`` package (``adcodes.csv``), for
  the generic rule: an official of 海淀区, 余杭区 or 安吉县 gets that county-level unit.
A title naming only a town, street or village gets the county the article is about, when the
article is clearly about one.
"""
from __future__ import annotations

import csv
import importlib.util
import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from helpers import patterns as P
from helpers.paths import GAZETTEER_FILE

# county-level names too generic to find by themselves inside longer words
GENERIC_COUNTIES = {"城区", "郊区", "矿区", "新区", "市辖区", "东区", "西区", "南区", "北区", "中区", "市中区", "城中区", "城东区", "城西区", "城北区"}
# two-character county names that are also ordinary words inside text (城乡和县域)
AMBIGUOUS_SHORT = {"和县", "大县", "中县", "新区", "城区", "郊区", "矿区"}
UNIT_TAIL = re.compile(rf"[{P.CJK}]{{1,8}}?(?:街道|镇|乡|村|社区)")
GENERIC_COUNTY = re.compile(rf"([{P.CJK}]{{2,6}}?(?:新区|自治县|自治旗|区|县|旗))(?=委|政府|人民政府|人大|政协|纪委|党|[{P.CJK}]{{0,12}}(?:委|局|部|办|中心|街道|镇|乡|区|园|所|站|院|校))")


@dataclass(frozen=True)
class Place:
    district: str  # canonical county-level name ('' if none)
    city: str  # prefecture-level city when known ('' if none)
    matched: str  # the words in the title that gave it


@lru_cache(maxsize=1)
def gazetteer() -> dict[str, tuple[str, str]]:
    """Qingdao gazetteer: every name (district, alias, street, town, zone) → (district, kind)."""
    table: dict[str, tuple[str, str]] = {}
    with open(GAZETTEER_FILE, encoding="utf-8") as fh:
        rows = [line for line in fh if line.strip() and not line.startswith("#")]
    for row in csv.DictReader(rows, delimiter="\t"):
        name = (row.get("name") or "").strip()
        district = (row.get("district") or "").strip()
        if name and district:
            table[name] = (district, (row.get("kind") or "").strip())
    return table


@lru_cache(maxsize=1)
def _adcodes() -> tuple[tuple[str, str], ...]:
    """(adcode, name) for every unit in cpca's adcodes.csv; empty if cpca is missing."""
    spec = importlib.util.find_spec("cpca")
    if spec is None or not spec.submodule_search_locations:
        return ()
    path = Path(list(spec.submodule_search_locations)[0]) / "resources" / "adcodes.csv"
    if not path.exists():
        return ()
    with open(path, encoding="utf-8") as fh:
        return tuple((row["adcode"], row["name"]) for row in csv.DictReader(fh))


@lru_cache(maxsize=1)
def national_divisions() -> dict[str, list[tuple[str, str, str]]]:
    """County-level units of China from cpca's adcodes.csv: name → [(adcode, city, province)]."""
    rows = _adcodes()
    names = dict(rows)
    out: dict[str, list] = {}
    for code, name in rows:
        if code[4:6] != "00" and code[6:] == "000000":  # county level
            city = names.get(code[:4] + "0" * 8, "")
            province = names.get(code[:2] + "0" * 10, "")
            if city in ("市辖区", "县"):
                city = province
            out.setdefault(name, []).append((code, city, province))
    return out


@lru_cache(maxsize=1)
def _county_pattern() -> re.Pattern:
    names = sorted((n for n in national_divisions() if len(n) >= 2), key=len, reverse=True)
    return re.compile("|".join(map(re.escape, names))) if names else re.compile(r"(?!x)x")


@lru_cache(maxsize=1)
def _qingdao_pattern() -> re.Pattern:
    names = sorted(gazetteer(), key=len, reverse=True)
    return re.compile("|".join(map(re.escape, names)))


def find_place(title: str, context_district: str = "", qingdao: bool = True, nearby_district: str = "") -> Place:
    """The county-level unit a title names (Qingdao gazetteer first, then all of China).

    ``context_district`` is used when the title names only a street, town or village, or a
    local role with no place (村民), and no province or prefecture (街道党工委书记 in an article
    about one county). ``qingdao`` says whether the article is about Qingdao: only then do the
    gazetteer's streets, towns and zones count."""
    if not title:
        return Place("", "", "")
    candidates = []  # (start, end, Place)
    for m in _qingdao_pattern().finditer(title):
        district, kind = gazetteer()[m.group(0)]
        if not qingdao and kind not in ("district", "alias"):
            continue  # 南村镇 is in 平度市 and in 番禺区: a street or town is Qingdao's only in a Qingdao article
        candidates.append((m.start(), m.end(), Place(district, "青岛市", m.group(0))))
    divisions = national_divisions()
    for m in _county_pattern().finditer(title):
        name = m.group(0)
        entries = divisions[name]
        before = title[: m.start()]
        after_city = any(e[1] and (before.endswith(e[1]) or before.endswith(e[1].rstrip("市"))) for e in entries)
        # a generic name (市中区, 城区) counts only after its city; a two-character one (和县)
        # only there or at the start of the title
        if name in GENERIC_COUNTIES and not after_city:
            continue
        if len(name) == 2 and before and not after_city:
            continue
        city = next((e[1] for e in entries if e[1] and e[1] in before), entries[0][1] if len(entries) == 1 else "")
        candidates.append((m.start(), m.end(), Place(name, city, name)))
    # a match inside a longer one of the other source loses (深圳市南山区: 南山区, not 市南)
    kept = [
        c for c in candidates
        if not any(o is not c and o[0] <= c[1] - 1 and c[0] <= o[1] - 1 and (o[1] - o[0]) > (c[1] - c[0]) for o in candidates)
    ]
    if kept:
        return min(kept, key=lambda c: (c[0], -(c[1] - c[0])))[2]
    # a county-level city's zone named by its short name: 昆山经济技术开发区 → 昆山市
    for m in _zone_pattern().finditer(title):
        name = _short_counties()[m.group(1)]
        city = divisions[name][0][1]
        before = title[: m.start()]
        if not before or (city and before.endswith((city, city.rstrip("市")))):  # at the start, or after its city
            return Place(name, city, m.group(0))
    # a county that became a city or a district since the list was made (长垣县 → 长垣市)
    for m in re.finditer(rf"([{P.CJK}]{{2,4}}?)(市|区)(?=委|政府|人民政府|人大|政协|副|[市区]长|[{P.CJK}]{{0,12}}(?:局|部|办|街道|镇|乡))", title):
        if m.group(0) in _prefecture_names():
            continue  # 长沙市 is the prefecture, though 长沙县 exists
        if f"{m.group(1)}县" in divisions or (m.group(2) == "区" and f"{m.group(1)}市" in divisions):
            return Place(m.group(0), "", m.group(0))
    m = GENERIC_COUNTY.search(title)
    if m and not m.group(1).endswith(("社区", "园区", "景区", "校区", "片区", "城区", "街区", "开发区", "功能区", "示范区")):
        name = re.split(r"[省市州盟]", m.group(1)[:-1])[-1] + m.group(1)[-1]  # 许昌市建安区 → 建安区
        if len(name) >= 2 + (name.endswith("新区")):
            return Place(name, "", name)
    if names_higher_place(title) or HIGHER_UNIT.match(title) or PREFECTURE_WORD.search(title):
        return Place("", "", "")
    # no place named: a street, town, village or 区商务局 gets the county the article is about, or
    # the one named just before; a company, a school or a resident only the county the article is about
    local_unit = UNIT_TAIL.search(title) or THIS_COUNTY.match(title)
    context = context_district or (nearby_district if local_unit else "")
    return Place(context, "", "") if context else Place("", "", "")


# 区商务局局长, 县委书记 without the place: "this district's"
THIS_COUNTY = re.compile(rf"^(?:区|县|旗)(?:委|政府|人大|政协|纪委|[{P.CJK}]{{0,10}}?(?:局|办|部|中心|委员会))")
# 黔东南州茶产业发展中心: an autonomous prefecture's office
PREFECTURE_WORD = re.compile(rf"[{P.CJK}]{{2,5}}州(?![市区县])")
# 省发展改革委, 市民政局, 国家发展改革委: a province's, a prefecture's or the nation's office
HIGHER_UNIT = re.compile(r"^(?:省|市|州|盟|自治区|国家|中央|全国|国务院|中共中央|部|总书记|国家主席|主席|总理|副总理|委员长)")


@lru_cache(maxsize=1)
def _prefecture_names() -> frozenset:
    """Names of provinces and prefecture-level units (adcodes ending in eight zeros)."""
    return frozenset({name for code, name in _adcodes() if code[4:] == "0" * 8} - {"市辖区", "县"})


@lru_cache(maxsize=1)
def _higher_places() -> re.Pattern:
    """Provinces and prefecture-level cities (from cpca), and national bodies."""
    names = set(_prefecture_names())  # full names only: 玉林市 is a city, 玉林街道 a street
    words = sorted(names | {"全国", "中央", "国家", "国务院", "中共中央"}, key=len, reverse=True)
    return re.compile("|".join(map(re.escape, words)))


@lru_cache(maxsize=1)
def _short_prefecture() -> re.Pattern:
    """Prefecture names without 市 (衡阳, 齐齐哈尔), as headlines write them."""
    names = {re.sub(r"(?:市|地区|盟)$", "", n) for n in _prefecture_names() if n.endswith(("市", "地区", "盟"))}
    names = {n for n in names if len(n) >= 2} | {"青岛"}
    return re.compile("|".join(sorted(map(re.escape, names), key=len, reverse=True)))


def names_higher_place(title: str) -> bool:
    """Does the title name a province, a prefecture-level city or a national body?"""
    return bool(_higher_places().search(title))


ZONE_WORDS = r"(?:经济技术开发区|经济开发区|高新技术产业开发区|高新区|经开区|开发区|综合保税区|综保区|保税区|工业园区|产业园区)"


@lru_cache(maxsize=1)
def _short_counties() -> dict[str, str]:
    """Short names of county-level units (昆山 → 昆山市) that are unique and not a prefecture's."""
    short: dict[str, list] = {}
    for name in national_divisions():
        base = re.sub(r"(?:市|县|区|旗)$", "", name)
        if len(base) >= 2 and base != name:
            short.setdefault(base, []).append(name)
    prefectures = {re.sub(r"(?:市|地区|盟|自治州)$", "", n) for n in _prefecture_names()}
    return {b: names[0] for b, names in short.items() if len(names) == 1 and b not in prefectures}


@lru_cache(maxsize=1)
def _zone_pattern() -> re.Pattern:
    names = sorted(_short_counties(), key=len, reverse=True)
    return re.compile(f"({'|'.join(map(re.escape, names))}){ZONE_WORDS}")


def county_mentions(text: str) -> list[tuple[int, str]]:
    """Every county-level unit the text names, with its position (Qingdao names canonical)."""
    found = []
    for m in _qingdao_pattern().finditer(text):
        district, kind = gazetteer()[m.group(0)]
        if kind in ("district", "alias"):
            found.append((m.start(), district))
    for m in _county_pattern().finditer(text):
        if m.group(0) not in GENERIC_COUNTIES and m.group(0) not in AMBIGUOUS_SHORT:
            found.append((m.start(), m.group(0)))
    return sorted(found)


def article_district(text: str, headline: str = "") -> str:
    """The county-level unit an article is about: the one its headline names; none when the
    headline names only a prefecture or province (《问政衡阳》, 青岛各区市 …); else the one that
    clearly dominates its mentions."""
    if headline:
        named = [d for _, d in county_mentions(headline)]
        if len(set(named)) == 1:
            return named[0]
        if named or names_higher_place(headline) or _short_prefecture().search(headline):
            return ""
    counts: Counter = Counter()
    for m in _qingdao_pattern().finditer(text):
        district, kind = gazetteer()[m.group(0)]
        if kind in ("district", "alias"):
            counts[district] += 1
    for m in _county_pattern().finditer(text):
        if m.group(0) not in GENERIC_COUNTIES and m.group(0) not in AMBIGUOUS_SHORT:
            counts[m.group(0)] += 1
    if not counts:
        return ""
    (top, n), total = counts.most_common(1)[0], sum(counts.values())
    return top if n / total >= 0.6 and n >= 2 else ""


def about_qingdao(text: str) -> bool:
    """Does the article name Qingdao or one of its districts?"""
    names = [n for n, (_d, kind) in gazetteer().items() if kind in ("district", "alias") and len(n) >= 3]
    return "青岛" in text or any(n in text for n in names)
