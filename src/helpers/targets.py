"""Numbers and commitments: every quantity a speaker (or the narration) states, with its unit,
modifier, firmness, deadline and whether it is a goal or an achievement.

A quantity is a number followed by a unit or counter from ``data/units.txt`` (3个千亿级, 1000亿元,
500万元, 3至5个, 20余万人, 十八亿亩, 增长12%). Chinese numerals are converted with cn2an, only
inside the matched span (converting a whole text would turn 两会 into a number). Not quantities:
dates and years (2025年, 10月16日 — 月/日 are not units, 年 only in a duration written in digits: 3年,
20多年), ordinals and article numbers
(第二个, 第三条), session numbers (十二届七次全会), numbers without a unit (phone numbers, section numbers 一、), numbers inside a
numbered formulation (两个确立, 五大工程, 5+5+7; see ``helpers.formulations``), 二十大, and a bare
一 before a counter (一名干部, 一批人才: an article, not a count).

Percentages are quantities with unit ``%`` (增长12% → value 12, unit %); 个百分点 is its own unit.
"""
from __future__ import annotations

import re
from pathlib import Path

import pandas as pd

from helpers.formulations import QuoteSpans, numbered_spans, speaker_at
from helpers.paths import DATA_DIR

UNITS_FILE = DATA_DIR / "units.txt"
COLUMNS = ["speaker", "district", "cited_by", "voice", "text", "value", "low", "high", "unit", "indicator", "modifier",
           "firmness", "deadline", "tense", "start", "end"]

# --- patterns (one place) -------------------------------------------------------------------
DIGITS = r"\d+(?:,\d{3})*(?:\.\d+)?"
CN_NUM = r"[一二两三四五六七八九十][零〇一二两三四五六七八九十百千万亿几]*|[百千万][万亿]+|几[十百千万]+"  # 十八亿, 两千; 千亿 (not 千家); 十几, 几十
RANGE_SEP = r"(?:至|到|-|~|～|—|－)"
CN_DIGITS = "一二三四五六七八九"
ADJACENT = re.compile(r"[一二三四五六七八九]{2}")  # 三四, 七八: two neighbouring digits are a rough range
MAGNITUDE = {"十": 10, "百": 100, "千": 1_000, "万": 10_000, "亿": 100_000_000}
MODIFIERS_BEFORE = ["超过", "突破", "不少于", "不低于", "至少", "逾", "近", "约", "过", "达到", "达"]
MODIFIERS_AFTER = ["左右", "以上", "以下", "以内", "余", "多"]
# firmness, strongest first; the nearest one before the number in its sentence is reported
FIRMNESS = ["确保", "力争", "争取", "努力", "计划", "预计", "拟", "目标", "将"]
GOAL_WORDS = ["要", "打造", "培育", "新增", "守住", "建成", "推进", "推动", "实施", "突破"]
ACHIEVED_WORDS = ["已经", "已", "累计", "完成了", "实现了", "去年", "上年", "同比", "目前", "现有", "拥有", "共有", "截至", "截止"]
DEADLINE = re.compile(
    r"到20\d\d年(?:底|末|前)?|20\d\d年(?:前|底|末|内)|(?:到|至)?本世纪中叶|今年(?:底|内|年底)?|年内|年底前?|明年(?:底)?"
    r"|下半年|“?十[一二三四五六七八九]五”?(?:末|期间|时期)|未来[一二三四五六七八九十\d]+年|[一二三四五六七八九十\d]+年内"
)
# a small Chinese count that frames the speech (三个方面, 两件事), not a quantity
FRAME = re.compile(r"^(?:个?方面|件事|件大事|个字|句话|个环节|个层次)")
SENTENCE_END = "。！？!?\n"
INDICATOR_STOP = "，。；、：！？（）“”‘’\n"


def read_units(path=UNITS_FILE) -> list[str]:
    """The units and counters, longest first (so 个百分点 wins over 个)."""
    lines = Path(path).read_text(encoding="utf-8").splitlines()
    return sorted({ln.strip() for ln in lines if ln.strip() and not ln.startswith("#")}, key=len, reverse=True)


def quantity_pattern(units=None) -> re.Pattern:
    """Number (or range) + optional 余/多 + magnitude + unit + optional grade (千亿级) + modifier.

    >>> quantity_pattern().search("打造3个千亿级产业集群").group()
    '3个千亿级'
    """
    units = units or read_units()
    unit = "|".join(re.escape(u) for u in units)
    num = rf"(?:{DIGITS}|{CN_NUM})"
    return re.compile(
        rf"(?<![第届\d.,+＋A-Za-z{'零〇一二两三四五六七八九十百千万亿'}])"
        rf"(?P<num>{num}(?:{RANGE_SEP}{num})?)(?P<approx>余|多)?(?P<mag>[十百千万亿]*)(?P<approx2>余|多)?"
        rf"(?P<unit>{unit}|年(?![代级度底末初中内前后月份会]))"
        rf"(?P<grade>[一二两三四五六七八九十百千万亿]+级)?(?P<post>左右|以上|以下|以内)?(?![+＋\d])"
    )


def to_number(num: str) -> float:
    """A number as written, Arabic or Chinese, to a float: '1,000' → 1000, '十八亿' → 1.8e9.
    Chinese numerals go through cn2an on this span only.

    >>> to_number("十八亿"), to_number("千亿"), to_number("1,000")
    (1800000000.0, 100000000000.0, 1000.0)
    """
    if re.fullmatch(DIGITS, num):
        return float(num.replace(",", ""))
    if num[0] in "百千万":  # 千亿 is 一千亿 (cn2an wants the leading digit)
        num = "一" + num
    import cn2an  # here: its import (0.15 s) is paid only where a Chinese numeral is read

    return float(cn2an.cn2an(num, "normal"))


def magnitude(mag: str) -> int:
    """万 → 10,000; 千万 → 10,000,000; '' → 1."""
    out = 1
    for ch in mag:
        out *= MAGNITUDE[ch]
    return out


def _clean(x: float):
    return int(x) if float(x).is_integer() else round(x, 6)


def parse_quantity(m: re.Match) -> dict | None:
    """Value, range, unit and trailing modifier of one match; None when it is not a quantity (a
    bare 一 before a counter, a number cn2an cannot read)."""
    num = m.group("num")
    parts = re.split(RANGE_SEP, num, maxsplit=1) if re.search(RANGE_SEP, num[1:]) else [num]
    if parts == ["一"] and not m.group("mag"):  # 一名干部, 一批人才: an article, not a count
        return None
    unit = m.group("unit") + (m.group("grade") or "")
    approx = m.group("approx") or m.group("approx2") or ""
    if "几" in num:  # 十几块, 几十个: a rough number, no value
        return dict(value=None, low=None, high=None, unit=unit, modifier="几")
    if ADJACENT.fullmatch(num) and CN_DIGITS.index(num[1]) == CN_DIGITS.index(num[0]) + 1:
        parts = list(num)  # 三四天 is three or four days, not 34
    try:
        nums = [to_number(p) * magnitude(m.group("mag") or "") for p in parts]
    except (ValueError, KeyError):
        return None
    modifier = m.group("post") or approx
    if len(nums) == 2:
        return dict(value=None, low=_clean(nums[0]), high=_clean(nums[1]), unit=unit, modifier=modifier)
    return dict(value=_clean(nums[0]), low=None, high=None, unit=unit, modifier=modifier)


def sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence around [start, end): from after the last 。！？/newline to the next one."""
    a = max(text.rfind(ch, 0, start) for ch in SENTENCE_END) + 1
    ends = [i for i in (text.find(ch, end) for ch in SENTENCE_END) if i >= 0]
    return a, min(ends) if ends else len(text)


def _last_of(words, s: str) -> str:
    best, pos = "", -1
    for w in words:
        i = s.rfind(w)
        if i > pos:
            best, pos = w, i
    return best


def modifier_before(text: str, start: int) -> str:
    """超过/突破/近/约/达到 … written just before the number (within four characters)."""
    window = text[max(0, start - 4):start]
    return next((w for w in MODIFIERS_BEFORE if window.endswith(w)), "")


def indicator(text: str, start: int, end: int, sent_start: int) -> str:
    """What is counted: the words after the quantity up to punctuation (3个千亿级 → 产业集群 …),
    else the words before it in its clause (常住人口达到20余万人 → 常住人口)."""
    after = re.match(rf"[^{INDICATOR_STOP}\d]{{0,10}}", text[end:]).group()
    after = re.split(r"[和与及、]|集聚|建设$", after)[0] if after else ""
    if len(after) >= 2:
        return after[:10]
    before = text[sent_start:start]
    before = re.split(rf"[{INDICATOR_STOP}]", before)[-1]
    before = re.split(r"[\d.]+[年月日号]?", before)[-1]
    before = re.sub(r"[的有为是达]+$", "", before)
    before = re.split(f"{DEADLINE.pattern}|{'|'.join(FIRMNESS[:-1])}", before)[-1]  # 力争年内落地企业 → 落地企业
    before = re.sub("(?:" + "|".join(MODIFIERS_BEFORE + ["增长", "增加", "下降", "提高到", "提升到", "为", "是"]) + ")$", "", before)
    return before[-8:]


def describe(text: str, start: int, end: int) -> dict:
    """Firmness, deadline and tense of a quantity from its sentence.

    Firmness: the nearest word of ``FIRMNESS`` before it (确保 … 将). Deadline: the nearest
    ``DEADLINE`` phrase in the sentence (到2025年, 年内, 十四五末, 今年). Tense: ``achieved`` when a
    word of ``ACHIEVED_WORDS`` (已, 累计, 去年, 共有 …) precedes it in its sentence and no firmness
    word does; else ``goal`` when a firmness word, a deadline (今年 included: 今年安排资金5亿元 is a
    plan) or a word of ``GOAL_WORDS`` precedes it; else ``achieved`` (a stated fact)."""
    a, b = sentence_bounds(text, start, end)
    before = text[a:start]
    firm = _last_of(FIRMNESS, before)
    deadlines = [(abs(m.start() - start), m.group()) for m in DEADLINE.finditer(text[a:b], ) if not (a + m.start() >= start and a + m.end() <= end)]
    deadline = min(deadlines)[1] if deadlines else ""
    achieved = _last_of(ACHIEVED_WORDS, before)
    if achieved and not firm:
        tense = "achieved"
    elif firm or deadline or _last_of(GOAL_WORDS, before):
        tense = "goal"
    else:
        tense = "achieved"
    return dict(firmness=firm, deadline=deadline, tense=tense, sentence_start=a)


def _duration(m: re.Match) -> bool:
    """A number of years written in digits that is no date: with 多/余 (20多年, 1600多年), or under
    100 (3年, 10年); 2025年 and 二〇二五年 are dates, 两年 and 十年 are left as words."""
    num = m.group("num")
    if not re.fullmatch(r"\d+", num) or m.group("mag"):
        return False
    return bool(m.group("approx") or m.group("approx2")) or int(num) < 100


def find_quantities(text: str, pattern=None, exclude=()) -> list[dict]:
    """Every quantity in ``text`` with its span and parsed parts; spans inside ``exclude`` (numbered
    formulations) are skipped."""
    pattern = pattern or quantity_pattern()
    out = []
    for m in pattern.finditer(text):
        if any(x <= m.start() < y for x, y in exclude):
            continue
        if not re.match(r"\d", m.group()) and FRAME.match(text[m.start("unit"):]):
            continue
        if m.group("unit") == "年" and not _duration(m):
            continue  # 2025年 is a date; 3年, 20多年, 1600多年 are durations
        q = parse_quantity(m)
        if q is None:
            continue
        d = describe(text, m.start(), m.end())
        before = modifier_before(text, m.start())
        q["modifier"] = "+".join(x for x in (before, q["modifier"]) if x)
        q.update(text=m.group(), start=m.start(), end=m.end(), firmness=d["firmness"], deadline=d["deadline"],
                 tense=d["tense"], indicator=indicator(text, m.start(), m.end(), d["sentence_start"]))
        out.append(q)
    return out


def targets(analysis) -> pd.DataFrame:
    """One row per quantity stated in the article, in text order.

    Columns: speaker ("" for narration and cited documents), district, cited_by (the official who
    cites the document a quantity is in, else ""), voice (speaker | document | narration), text (as written: 3个千亿级),
    value (万/亿 expanded; empty for ranges), low/high (ranges), unit, indicator (what is counted),
    modifier (左右, 以上, 突破, 余 …), firmness (确保, 力争, 将 … as written), deadline, tense
    (goal | achieved), start, end, article.
    On the seed: 曲艳阳 (黄岛区) 3个千亿级 → value 3, unit 个千亿级, firmness 将, goal."""
    text = analysis.article.text
    rows, spans = [], QuoteSpans(analysis.quotes)
    for q in find_quantities(text, exclude=numbered_spans(text)):
        rows.append(dict(q, **speaker_at(spans, analysis.structure.paragraphs, q["start"])))
    df = pd.DataFrame(rows, columns=COLUMNS)
    df["article"] = analysis.article.name
    return df


def numbers_per_1000(analysis, table: pd.DataFrame | None = None) -> pd.DataFrame:
    """Per district (speakers with a district): quantities stated, quoted characters, and
    quantities per 1,000 quoted characters (who turns goals into numbers)."""
    q = analysis.quotes
    q = q[(q["kind"] != "report") & (q["district"].fillna("") != "")] if len(q) else q
    if not len(q):
        return pd.DataFrame(columns=["district", "quantities", "goals", "quoted_chars", "per_1000"])
    t = targets(analysis) if table is None else table
    t = t[t["district"] != ""]
    chars = q.assign(n=q["text"].str.len()).groupby("district", sort=False)["n"].sum()
    out = pd.DataFrame({"quoted_chars": chars})
    out["quantities"] = t.groupby("district").size().reindex(out.index, fill_value=0)
    out["goals"] = t[t["tense"] == "goal"].groupby("district").size().reindex(out.index, fill_value=0)
    out["per_1000"] = (1000 * out["quantities"] / out["quoted_chars"]).round(2)
    return out.rename_axis("district").reset_index()[["district", "quantities", "goals", "quoted_chars", "per_1000"]]


def commitment_points(table: pd.DataFrame) -> pd.DataFrame:
    """The data of the commitments chart: one row per quantity, label "speaker（district）·
    indicator" (叙述 for narration, 文件 or 王建民引用的文件 for a cited document, 未具名 for an
    unnamed speaker), deadline, firmness, tense, text."""
    if table.empty:
        return pd.DataFrame(columns=["label", "deadline", "firmness", "tense", "text"])
    def who(s, d, c, v):
        if s:
            return s + (f"（{d}）" if d else "")
        if v == "document":
            return f"{c}引用的文件" if c else "文件"
        return "叙述" if v == "narration" else "未具名"

    who = [who(*x) for x in zip(table["speaker"], table["district"], table["cited_by"], table["voice"])]
    label = [f"{w} · {i}" if i else w for w, i in zip(who, table["indicator"])]
    return pd.DataFrame({"label": label, "deadline": table["deadline"].values, "firmness": table["firmness"].values,
                         "tense": table["tense"].values, "text": table["text"].values})
