"""People: who a speaker is, from the words before a speech verb or on a transcript's header line.

A speaker is a person: a surname from ``data/surnames.txt`` followed by a given-name shape (one or
two characters that are not function words), or a name the article already introduced. Names with
no Han surname (names.py, ``data/minority_name_parts.txt``) count too: a ·-joined name (艾尼瓦尔·吐尔逊,
with any of · • ・ ‧ ．) wherever a name may stand, and a Tibetan, Mongolian or Yi name shape (扎西次仁,
乌兰图雅, 吉克阿依) when an office is written before it, a title after it (扎西次仁副县长) or a speech
verb and a quotation after it — never when a place unit follows (达瓦村, 吉克乡). A surname that is also
a common character (the "~" line of surnames.txt: 时, 全, 明 …) makes a name only as three characters
between an office and the verb (县长时建国表示). The office may be a chain (县委书记、县总河长; a
second office before a comma: 镇党委副书记、镇长，村党支部书记X表示 — see quotes._office_before_comma). A name
that is also a common word (``data/name_like_words.txt``: 高峰, 文明, 海洋, 金山 …) is a person
only when the text makes it one: an office written before it (市长高峰表示) or a speech verb and a
quotation right after it (金山说：“…”), or an honorific title after it (高峰同志). Headline markers (【权威发布】, 快讯, 独家), nouns of place or
communication (会上, 会议, 文件, 通知, 报告, 相关负责人 with no name) and the article's reporters
(its byline) are never speakers.

Surname + honorific (刘先生, 王阿姨, 陈女士, an unintroduced 王书记): the text names no one, so the
row's ``speaker`` stays empty, but the quote is kept (direct and indirect) and its ``title`` says
how the text names the person (人事主管刘先生 → title 人事主管刘先生). Such a person is never put in
the registry, so two 王阿姨 are never merged, and no honorific reaches the tokenizer as a name.

``split_person(segment)`` returns ``(title, name)`` or ``None`` and knows nothing of the article.
``PersonRegistry`` remembers who the article introduced, so a later 王进辉说, 李局长表示 or 他说
resolves to the full name, title and district of the first mention; ``resolve``, ``register``,
``people_joined``, ``scan_mentions`` and ``introduction`` are the resolution steps.
"""
from __future__ import annotations

import re

from dataclasses import dataclass
from functools import lru_cache
from typing import Callable

from helpers import names as N
from helpers.districts import is_place_name
from helpers import patterns as P
from helpers.paths import SURNAMES_FILE

NAME_LIKE_WORDS_FILE = SURNAMES_FILE.parent / "name_like_words.txt"
# kept importable from here: the people patterns live in patterns.py
ROLE_SUFFIX, UNIT_SUFFIX, LEAD_WORDS = P.ROLE_SUFFIX, P.UNIT_SUFFIX, P.LEAD_WORDS
ADVERB_TAIL = P.ADVERBIAL_TAIL
# characters that do not occur in the given name part of this genre's officials' names
NOT_NAME_CHARS = set(
    "的了在是和与及等将对把被从向也都就而并或其之这那个们我你他她它说示诉记者称要已还又更很最各每该此本"
    "第号次些种类项条件例如即便所以因但却于以给让使由自到过着得地省市区县镇乡村局部委党员"
)
# function characters that are also the first character of common given names (于向东, 韦本辉, 陈之常,
# 马者然, 欧阳和平): allowed there only in a full name right after an office (``office_name``)
GIVEN_FIRST_AFTER_OFFICE = set("向本之者以自由和于其")
# nouns for people that look like names (居 and 游 are surnames): never a name
NOT_NAMES = {"居民", "村民", "市民", "农民", "游客", "群众", "网民", "党员", "干部", "职工", "记者", "编辑", "学生", "老师",
             "医生", "专家", "代表", "委员", "师傅", "老板", "业主", "工人", "家长", "孩子", "老人", "宾客", "商户", "农户",
             "越来越", "越来"}
# what follows a surname when the text gives no name: 王阿姨, 刘先生, 李书记, 张总
# characters that do not occur in a minority name read without a Han surname (达瓦村, 乌兰察布市, 吉克乡)
NOT_MINORITY_CHARS = set(
    "的了在是和与及等将对把被从向也都就而并或之这那个们我你他她它说示诉记者称要已还又更很最各每该此本第号些种类项条件例如"
    "即便所以因但却于以给让使由自到过着得地省市区县镇乡村局部委党员旗盟湖河山路街沟寺庙场站院校厂队组所会社"
)
KINSHIP = {"阿姨", "先生", "女士", "大爷", "大妈", "大娘", "大姐", "大哥", "师傅", "老师", "同志", "小姐", "叔叔", "奶奶",
           "爷爷", "伯伯", "婆婆", "阿伯", "阿婆", "阿公", "阿叔", "阿嫂", "阿妈", "阿爸", "大伯", "大婶", "书记", "主任", "局长", "县长", "区长", "市长", "镇长", "总", "工", "老", "某", "某某"}


@dataclass
class Person:
    name: str  # '' for someone named only by surname + honorific (王阿姨)
    title: str = ""
    district: str = ""
    city: str = ""
    district_source: str = ""  # title | context | article | ''


@lru_cache(maxsize=1)
def surnames() -> tuple[frozenset, frozenset]:
    """(single-character surnames, compound surnames) from data/surnames.txt."""
    single, compound = set(), set()
    with open(SURNAMES_FILE, encoding="utf-8") as fh:
        for line in fh:
            if line.startswith(("#", "~")):
                continue
            for tok in line.split():
                (single if len(tok) == 1 else compound).add(tok)
    return frozenset(single), frozenset(compound)


@lru_cache(maxsize=1)
def ambiguous_surnames() -> frozenset:
    """Surnames that are also common characters of the genre (时 全 明 和 国 …): the "~" line of
    data/surnames.txt; a name with one of them is read only as 3 characters after an office."""
    with open(SURNAMES_FILE, encoding="utf-8") as fh:
        return frozenset(t for line in fh if line.startswith("~") for t in line[1:].split())


@lru_cache(maxsize=1)
def name_like_words() -> frozenset:
    """Common words with a name's shape (高峰, 文明, 海洋 …) from data/name_like_words.txt."""
    with open(NAME_LIKE_WORDS_FILE, encoding="utf-8") as fh:
        return frozenset(w.strip() for w in fh if w.strip() and not w.startswith("#"))


@lru_cache(maxsize=65536)
def looks_like_name(name: str) -> bool:
    """A Chinese personal name: a surname then one or two given-name characters (or a · name).
    王阿姨, 刘先生, 李书记 are ways of naming someone, not names.

    >>> looks_like_name("万俊菊"), looks_like_name("王阿姨"), looks_like_name("全市")
    (True, False, False)"""
    if any(d in name for d in P.NAME_DOTS):
        return N.is_dot_name(name)
    if not P.NAME_CHARS.fullmatch(name):
        return False
    single, compound = surnames()
    if name[1:] in KINSHIP or name[-2:] in KINSHIP or name in NOT_NAMES:
        return False
    if name[:2] in compound and 3 <= len(name) <= 4:
        return not (set(name[2:]) & NOT_NAME_CHARS)
    if len(name) == 4 or name[0] not in single:
        return False
    return not (set(name[1:]) & NOT_NAME_CHARS)


@lru_cache(maxsize=65536)
def is_minority_name(name: str) -> bool:
    """A name with no Han surname, by its elements (data/minority_name_parts.txt): 扎西次仁, 其其格,
    乌兰图雅, 吉克阿依. A person only in context (see ``split_person`` and ``resolve``).

    >>> is_minority_name("次仁卓玛"), is_minority_name("达瓦村"), is_minority_name("乌兰察布")
    (True, False, False)"""
    if name in NOT_NAMES or not N.minority_name(name):
        return False
    given = N.yi_clan_given(name)  # a clan name + any one or two characters: no place or function word
    return not (given and not N.made_of_elements(name) and set(given) & NOT_MINORITY_CHARS)


def office_name(name: str) -> bool:
    """A name whose given name is two characters and starts with a function character that given
    names use (向东, 本辉, 之常, 和平): a name only right after an office (the caller checks that).

    >>> office_name("于向东"), office_name("欧阳和平"), office_name("王向记"), office_name("李向")
    (True, True, False, False)"""
    if not P.NAME_CHARS.fullmatch(name) or name in NOT_NAMES:
        return False
    single, compound = surnames()
    given = name[2:] if name[:2] in compound else name[1:] if name[0] in single else ""
    return (len(given) == 2 and given[0] in GIVEN_FIRST_AFTER_OFFICE and given[1] not in NOT_NAME_CHARS
            and given not in KINSHIP and name not in name_like_words())


def ambiguous_name(name: str) -> bool:
    """Three characters starting with an ambiguous surname (时建国, 全永刚): a name only right
    before the verb and after an office (the caller checks that)."""
    return (len(name) == 3 and name[0] in ambiguous_surnames() and P.NAME_CHARS.fullmatch(name) is not None
            and not set(name[1:]) & NOT_NAME_CHARS and name not in name_like_words() and name[1:] not in KINSHIP)


def is_common_word(name: str) -> bool:
    """True for a name-shaped common word (高峰, 文明, 金华): a person only in context."""
    return name in name_like_words()


def honorific(core: str) -> bool:
    """Someone named by surname + honorific or office, with no given name: 王阿姨, 人事主管刘先生,
    来自广州的游客陈女士, 李书记 (when no 李 with that office was introduced)."""
    single, compound = surnames()
    for size in (2, 1):
        tail = core[-size:]
        rest = core[:-size]
        if tail in KINSHIP and rest and (rest[-1] in single or rest[-2:] in compound):
            return True
    return False


HONORIFIC_ONLY = ("阿姨", "先生", "女士", "大爷", "大妈", "大娘", "大姐", "大哥", "师傅", "叔叔", "奶奶", "爷爷", "伯伯",
                  "婆婆", "阿伯", "阿婆", "阿公", "阿叔", "阿嫂", "大伯", "大婶")


def honorific_before(text: str, known=()) -> str:
    """The last person ``text`` names by surname + honorific only (来自香港的李先生在南沙买了房 → 李先生),
    if no known person's name comes after it; else "". For 他/她 right after such a mention."""
    single, compound = surnames()
    best = -1, ""
    for word in HONORIFIC_ONLY:
        for m in re.finditer(word, text):
            i = m.start()
            if i >= 1 and (text[i - 1] in single or text[max(0, i - 2):i] in compound) and i > best[0]:
                start = i - 2 if text[max(0, i - 2):i] in compound else i - 1
                best = i, text[start:m.end()]
    if best[0] < 0 or any(name and name in text[best[0]:] for name in known):
        return ""
    return best[1]


DESCRIBED_BY = ("老人家", "老人", "老汉", "老大爷", "老奶奶", "小伙子", "小伙", "姑娘")  # words that call back a person


def named_by_description(reg: "PersonRegistry", text: str, word: str) -> "Person | None":
    """The person ``text`` last introduced with ``word`` (one of ``DESCRIBED_BY``) next to a full
    name, for ``word`` standing alone before a verb later: 家住3号楼的王秀兰老人今年78岁…“…”老人笑着说
    → 王秀兰 (title 老人); also 老人王秀兰. ``None`` when no name stands next to it."""
    if word not in DESCRIBED_BY:
        return None
    i = text.rfind(word)
    while i >= 0:
        before, after = text[max(0, i - 3):i], text[i + len(word):i + len(word) + 3]
        for name in (before, before[1:], after, after[:2]):
            if len(name) >= 2 and looks_like_name(name) and not is_common_word(name) and name not in reg.reporters:
                return reg.people.get(name) or register(reg, word, name, text)
        i = text.rfind(word, 0, i)
    return None


def title_score(title: str) -> int:
    """3: ends with an office (局长, 书记, 村民 …); 2: with a unit (局, 街道 …); 1: empty; 0: neither.

    >>> title_score("平度市农业农村局党组书记、局长"), title_score("区人社局"), title_score("会上")
    (3, 2, 0)"""
    title = title.rstrip("、，, ")
    if not title:
        return 1
    if P.ROLE_SUFFIX.search(title):
        return 3
    if P.UNIT_SUFFIX.search(title):
        return 2
    return 0


@lru_cache(maxsize=64)  # the same words are stripped several times while one attribution is read
def strip_segment(seg: str) -> str:
    """The person part of the words before a verb: headline markers, adverbials and lead words
    removed (【权威发布】市长张三在会上 → 市长张三; 会上，李四 → 李四)."""
    seg = P.HEADLINE_MARKER.sub("", seg.strip(" ，,、"))
    seg = seg.strip(" ，,、")
    for _ in range(2):
        seg = P.ADVERBIAL_TAIL.sub("", seg).strip(" ，,、")
        seg = P.LEAD_WORDS.sub("", seg).strip(" ，,、")
    return seg


def split_person(seg: str, known: dict | None = None, strict: bool = False) -> tuple[str, str] | None:
    """Split ``office+name`` (or a bare name) into ``(title, name)``; ``None`` if it is not one.

    ``known`` maps names already introduced in the article to anything; a segment ending in a
    known name is split there first. With ``strict`` a bare unknown name is refused.

    >>> split_person("平度市农业农村局党组书记、局长万俊菊")
    ('平度市农业农村局党组书记、局长', '万俊菊')"""
    seg = strip_segment(seg)
    if not seg or len(seg) > 80:
        return None
    known = known or {}
    if " " in seg:  # "成都市武侯区委书记 张某某" in transcripts
        title, _, name = seg.rpartition(" ")
        if looks_like_name(name) or name in known or is_minority_name(name) and title_score(title) == 3:
            return title.strip(), name  # also 县委书记 扎西次仁
    for name in sorted(known, key=len, reverse=True):
        if seg.endswith(name) and (title_score(seg[: -len(name)]) or not seg[: -len(name)]):
            return seg[: -len(name)].rstrip("、，, "), name
    m = P.HIGH_TITLE.search(seg) or P.TITLE_AFTER_NAME.search(seg)
    if m and (looks_like_name(seg[: m.start()]) or is_minority_name(seg[: m.start()])):
        return seg[m.start():], seg[: m.start()]  # 习近平总书记, 钟南山院士, 扎西次仁副县长
    other = other_name_at_end(seg)
    if other and title_score(other[0]) == 3:
        return other  # 部长艾尼瓦尔·吐尔逊, 县长次仁卓玛, 村主任吉克阿依
    best = None
    for length in (4, 3, 2):
        if len(seg) < length:
            continue
        name, title = seg[-length:], seg[:-length]
        if title.endswith("的") and title_score(title[:-1]) == 3:
            title = title[:-1]  # 挂职永宁县委常委、副县长的陈立新
        score = title_score(title)
        if not looks_like_name(name) and not (score == 3 and office_name(name)):
            continue
        if score == 0 or (score == 1 and strict):
            continue
        if score == 1 and length == 2 and name[0] not in surnames()[0]:
            continue
        key = (score, length)
        if best is None or key > best[0]:
            best = (key, title.rstrip("、，, "), name)
    if best:
        return best[1], best[2]
    if len(seg) > 3 and ambiguous_name(seg[-3:]) and title_score(seg[:-3]) == 3:
        return seg[:-3].rstrip("、，, "), seg[-3:]  # 县长时建国
    if other and (title_score(other[0]) == 3 or not other[0] and not strict):
        return other  # a bare 次仁卓玛 / 艾尼瓦尔·吐尔逊: ``resolve`` keeps it only before a quotation
    return None


def other_name_at_end(seg: str) -> tuple[str, str] | None:
    """``(title, name)`` when ``seg`` ends in a ·-joined name or a minority name shape (longest first,
    2–6 characters); the caller decides whether the title makes it a person.

    >>> other_name_at_end("旗委书记、旗长格桑德吉")
    ('旗委书记、旗长', '格桑德吉')"""
    dotted = N.dot_name_at_end(seg)
    if dotted:
        return dotted
    starts = N.first_chars()
    for length in range(min(6, len(seg)), 1, -1):
        name = seg[-length:]
        if name[0] in starts and is_minority_name(name):
            return seg[:-length].rstrip("、，, "), name
    return None


def other_name_at(clause: str, e: int) -> str:
    """A ·-joined or minority name starting at ``clause[e]`` and followed by the end, a verb, an
    adverbial or a title (书记其其格介绍 → 其其格; 书记乌兰察布… → ''); '' if none."""
    dotted = N.dot_name_at_start(clause[e:]) if N.HAS_DOT.search(clause, e, e + N.MAX_PART + 1) else ""  # (it needs a dot there)
    if dotted or clause[e:e + 1] not in N.first_chars():
        return dotted
    for length in range(6, 1, -1):
        name = clause[e:e + length]
        if len(name) < length or not is_minority_name(name):
            continue
        rest = clause[e + length:]
        if P.PLACE_AFTER_NAME.match(rest):
            continue
        if not rest or P.ADVERB_START.match(rest) or P.AFTER_NAME.match(rest) or P.TITLE_AFTER_START.match(rest):
            return name
    return ""


def _name_lengths(clause: str, e: int) -> tuple[int, ...]:
    """The lengths to try for a Han name at ``clause[e]``: 3, 2, 4 — but 4 first after a compound
    surname unless a verb follows its third character (欧阳文斌 not 欧阳文; 欧阳明表示 → 欧阳明)."""
    if clause[e:e + 2] in surnames()[1] and not P.ADVERB_START.match(clause[e + 3:]):
        return (4, 3, 2)
    return (3, 2, 4)


def _han_name_at(clause: str, e: int, length: int, title: str) -> bool:
    """``clause[e:e + length]`` is a Han name after ``title``, with words after it a name allows."""
    name = clause[e:e + length]
    if len(name) < length or not (looks_like_name(name) or office_name(name) and title_score(title) == 3
                                  and not any(is_minority_name(clause[e:e + k]) for k in range(length + 1, 7))):
        return False  # 村民马者然 is a name after an office, a bare 马者然 is not; 旗长孟和朝鲁 is Mongolian
    rest = clause[e + length:]
    if P.PLACE_AFTER_NAME.match(rest):
        return False  # 村民吉克乡… : a place, not 吉克
    if length == 3 and P.ADVERB_START.match(clause[e + 2:]) and looks_like_name(name[:2]):
        return False  # 马明强调 → 马明 + 强调
    if length == 3 and P.ADVERB_PAIR.match(clause[e + 2:]) and looks_like_name(name[:2]):
        return False  # 镇长江河正在… → 江河 + 正在
    office = title_score(title) == 3  # after an office (局长, 队员, 村民) any words may follow the name
    return not (rest and not office and not P.ADVERB_START.match(rest) and not P.AFTER_NAME.match(rest))


@lru_cache(maxsize=1)
def _office_then_name() -> re.Pattern | None:
    """Two characters: one an office or unit can end with (``P.OFFICE_OR_UNIT``), then one a name
    can start with (a surname, a compound surname's first character, a minority name's first
    character). A clause without such a pair, without a name's dot and without a known name
    holds no office+name (``find_person_at_start``). None when the ends cannot be worked out."""
    from helpers.quickre import last_chars

    ends = last_chars(P.OFFICE_OR_UNIT)
    if not ends:
        return None
    single, compound = surnames()
    starts = set(single) | {c[0] for c in compound} | set(N.first_chars())
    cls = lambda chars: "[" + "".join(map(re.escape, sorted(chars))) + "]"  # noqa: E731
    return re.compile(cls(ends) + cls(starts))


_NAME_DOT = re.compile(f"[{re.escape(P.NAME_DOTS)}]")


def _dotted(s: str) -> bool:
    """``s`` holds a name's middle dot (a ·-name: ``looks_like_name`` reads it as one)."""
    return _NAME_DOT.search(s) is not None


def find_person_at_start(text: str, known: dict | None = None) -> tuple[str, str, int] | None:
    """A person mentioned at the very start of ``text`` (office+name, or a known name):
    ``(title, name, end)``; used after a closing quote: “…”即墨国际陆港党委书记马明强在…

    >>> find_person_at_start("即墨国际陆港党委书记马明强在收看后感慨")
    ('即墨国际陆港党委书记', '马明强', 15)"""
    known = known or {}
    clause = P.CLAUSE_SPLIT.split(text, maxsplit=1)[0][:80]
    for name in sorted(known, key=len, reverse=True):
        i = clause.find(name)
        if i >= 0 and (i == 0 or title_score(clause[:i]) >= 2):
            return clause[:i].rstrip("、，, "), name, i + len(name)
    pair = _office_then_name()
    if pair is not None and not pair.search(clause) and not _dotted(clause):
        return None  # no office or unit followed by a name's first character, no ·-name: no one here
    best = None
    single, compound = surnames()
    for m in P.OFFICE_OR_UNIT.finditer(clause):
        e = m.end()
        title = clause[:e]  # ends with an office or a unit: title_score(title) >= 2
        if clause[e + 1:e + 3] in KINSHIP or clause[e + 1:e + 2] in KINSHIP:
            continue  # 居民王阿姨, 市民刘先生: no name given
        if P.VERB_AT.match(text, e):  # (the clause stops before the comma; the text goes on)
            continue  # 习近平总书记强调，…: the verb, not a name (强 is a surname)
        other = other_name_at(clause, e)
        if not other and clause[e:e + 1] not in single and clause[e:e + 2] not in compound and not _dotted(clause[e:e + 4]):
            continue  # no surname (nor a name's dot) at e: no Han name of 2–4 characters starts there
        for length in ([len(other)] if other else _name_lengths(clause, e)):
            name = clause[e:e + length]
            if not other and not _han_name_at(clause, e, length, title):
                continue
            if not other and clause[e + length:e + length + 1] == "的" and P.OFFICE_OR_UNIT.search(clause[e + length:]):
                continue  # 在太姥山景区游玩的台湾游客…: a verb after a place, and the title goes on after 的
            title = P.INTRODUCED_BY.sub("", P.LEAD_WORDS.sub("", P.HEADLINE_MARKER.sub("", title))).rstrip("、，, ")
            joined = P.JOINED_OR_LISTED.search(title)
            left = split_person(title[: joined.start()], known, strict=True) if joined else None
            if left and title_score(left[0]) == 3:
                title = title[joined.end():]  # 镇长宋广志和村党支部书记马春燕: her office only
            if "的" in title and title_score(title.rsplit("的", 1)[1]) >= 2:
                title = title.rsplit("的", 1)[1]  # 家住西一社区7幢的居民 → 居民
            best = (title, name, e + length)
            break
        if best and P.ADVERB_PAIR.match(clause[best[2]:]):
            return best  # 传承人陈德华正带着学员练拳: the person acts; no later office (学员) names another
    return best


# -- the article's people ------------------------------------------------------------------------
Locate = Callable[..., tuple[str, str, str]]  # (title, sentence) → (district, city, district_source)


class PersonRegistry:
    """Who the article has introduced, for resolving later mentions.

    ``reporters`` are the byline's names (never speakers); ``text`` is the whole article (for the
    office written before a name's first appearance); ``locate`` gives a title's district."""

    def __init__(self, reporters=(), text: str = "", locate: Locate | None = None):
        self.people: dict[str, Person] = {}
        self.reporters = set(reporters)
        self.text = text
        self.locate: Locate = locate or (lambda title, sentence="": ("", "", ""))

    def known(self) -> dict:
        return self.people

    def add(self, person: Person) -> Person:
        if person.name in self.people:
            old = self.people[person.name]
            if not old.title and person.title:
                self.people[person.name] = person
                return person
            return old
        self.people[person.name] = person
        return person

    def by_surname_office(self, seg: str) -> Person | None:
        """李局长 / 王书记 / 张主任 → the latest person with that surname and office."""
        seg = strip_segment(seg)
        single, compound = surnames()
        heads = [s for s in (seg[:2], seg[:1]) if s in compound or s in single]
        # a minority name is called back by its first element (次仁旺堆 → 次仁书记, 巴图孟和 → 巴图旗长)
        heads += [seg[:k] for k in (3, 2) if any(p.name.startswith(seg[:k]) and len(p.name) > k and is_minority_name(p.name)
                                                 for p in self.people.values())]
        for sur in heads:
            if len(seg) > len(sur) and len(seg) <= len(sur) + 4:
                office = seg[len(sur):]
                if not P.ROLE_SUFFIX.search(office):
                    continue
                found = [p for p in self.people.values() if p.name.startswith(sur) and office[-2:] in p.title]
                if not found:
                    found = [p for p in self.people.values() if p.name.startswith(sur) and office[-1] in p.title[-3:]]
                if found:
                    return found[-1]
        return None


def introduction(text: str, name: str) -> str:
    """The office written before a name's first appearance in ``text`` (村民张建华家种了… → 村民),
    when a later bare mention (张建华笑着说) is what attributes the quote; '' if none."""
    i = text.find(name)
    if i <= 0:
        return ""
    j = i - 1
    while j >= 0 and text[j] not in "。！？；，：“”\n":
        j -= 1
    before = text[j + 1:i]
    cut = max(before.rfind(x) for x in P.INTRO_CUT)
    before = P.LEAD_WORDS.sub("", before[cut + 1:]).strip()
    return before if before and len(before) <= 40 and title_score(before) >= 2 else ""


_PLACE_PREFIX = re.compile(r"[^的是在，,、\s]{1,12}?(?:村|镇|乡|县|区|市|旗|街道|社区|嘎查|苏木)")  # 万年村 before 村党支部书记


def register(reg: PersonRegistry, title: str, name: str, sentence: str = "") -> Person:
    """The person ``name`` with ``title``, added to the registry (or the one already there); a
    title-less mention takes the office of the name's first appearance. ``sentence``: the words
    around the mention, for the place lookup (…代表团, 来自…)."""
    known = reg.people.get(name)
    if (known and title and known.title and len(title) > len(known.title) and title.endswith(known.title)
            and any(_PLACE_PREFIX.fullmatch(title[:len(title) - len(known.title)] + known.title[:k]) for k in (0, 1, 2))):
        # the same office with its place written out (村党支部书记 → 万年村党支部书记): the fuller title
        district, city, source = reg.locate(title, sentence)
        known.title = title
        if district and not known.district:
            known.district, known.city, known.district_source = district, city, source
        return known
    if known and (not title or known.title):
        return known
    if not title:
        title = introduction(reg.text, name)
    district, city, source = reg.locate(title, sentence)
    return reg.add(Person(name=name, title=title, district=district, city=city, district_source=source))


def resolve(reg: PersonRegistry, seg: str, para_speaker: Person | None, last: Person | None = None,
            strict: bool = False, quoted: bool = False) -> Person | None:
    """The person the words before a verb (or on a header line) name, or ``None``.

    他/她 → ``para_speaker`` or ``last``; 李局长 → the 李 with that office introduced earlier;
    office+name → registered; a bare name that is a common word (高峰) only when ``quoted`` (a
    quotation follows the verb, or precedes the name); reporters and news outlets → ``None``."""
    core = strip_segment(seg)
    if core in ("他", "她"):
        return para_speaker or last
    if not core or P.REPORTER_TITLE.search(core) and not P.OFFICE_WORD.search(core) or P.NOT_PERSON_END.search(core):
        return None
    if not quoted and core not in reg.people and is_place_name(core):
        return None  # 孟津：一朵“牡丹”… — a place heading a headline, not a person
    found = reg.by_surname_office(core)
    if found:
        return found
    split = split_person(core, reg.known(), strict=strict)
    if not split:
        at_start = find_person_at_start(core, reg.known())  # 张磊擦了把汗(说)
        if not at_start:
            return None
        split = at_start[:2]
    title, name = split
    if name in reg.reporters:
        return None
    if not title and not quoted and name not in reg.people and (is_common_word(name) or not looks_like_name(name)):
        return None  # 高峰表示 / 金华表示 / 达瓦表示: a word, unless an office or a quotation makes it a person
    return register(reg, title, name, seg)


def people_joined(reg: PersonRegistry, seg: str) -> list[Person]:
    """Two people who say the same thing, each with an office: 镇长宋广志和村党支部书记马春燕都表示
    → [宋广志, 马春燕]; 县委书记张建国、县长李卫东分别表示 → [张建国, 李卫东]; [] otherwise (县委副书记、
    县长王强 is one person: the words before 、 have no name)."""
    core = strip_segment(seg)
    for m in P.JOINED_OR_LISTED.finditer(core):
        i = m.start()
        left = split_person(core[:i], reg.known(), strict=True)
        right = split_person(core[i + 1:], reg.known(), strict=True)
        if left and right and left[1] != right[1] and title_score(left[0]) == 3 and title_score(right[0]) == 3:
            return [register(reg, *left, seg), register(reg, *right, seg)]
    return []


def unnamed_person(seg: str) -> Person | None:
    """Someone the text names by surname + honorific only (人事主管刘先生, 家住陆城街道的王阿姨):
    a ``Person`` with no name and the words as written for title; ``None`` otherwise."""
    core = strip_segment(seg)
    if "的" in core:
        core = core.rsplit("的", 1)[1]
    if not core or len(core) > 20 or not honorific(core):
        return None
    return Person(name="", title=core)


def _referred_at_start(reg: PersonRegistry, clause: str) -> Person | None:
    """Someone a clause opens on without an office: surname + office of a person introduced before
    (任区长逐一作了回应 → 任晓光), or a bare Han name doing something (尤秀云正带着学员…, 王春娇笑得合不拢嘴 is
    not enough: the name must be followed by an ongoing-action word of ``P.ADVERB_PAIR``)."""
    single, compound = surnames()
    if not clause or (clause[0] not in single and clause[:2] not in compound):
        return None  # both shapes open on a surname
    for k in range(min(6, len(clause)), 2, -1):
        seg = clause[:k]
        if P.ROLE_SUFFIX.search(seg):
            person = reg.by_surname_office(seg)
            if person is not None:
                return person
    return _bare_name(reg, clause, P.ADVERB_PAIR, clause, place_in_text=True)


def _bare_name(reg: PersonRegistry, text: str, after: re.Pattern, clause: str, place_in_text: bool = False) -> Person | None:
    """A Han name of 3 or 2 characters opening ``text`` and followed by what ``after`` matches, registered
    (title-less) with ``clause`` for its place; a common word, a place, a reporter — and, with
    ``place_in_text``, a name the article writes before a place unit (石岛管理区 … 石岛正在推进) — is none."""
    for k in (3, 2):
        name = text[:k]
        if (len(name) == k and after.match(text[k:]) and looks_like_name(name) and not is_common_word(name)
                and not is_place_name(name) and name not in reg.reporters
                and not (place_in_text and re.search(re.escape(name) + P.PLACE_WORD_AFTER, reg.text))):
            return reg.people.get(name) or register(reg, "", name, clause)
    return None


def _introduced_by_age(reg: PersonRegistry, clause: str) -> Person | None:
    """A person a clause introduces by age without an office (36岁的付海波是从上海返乡创业的面包师;
    今年62岁的王秀兰正在…): a Han name of 2–3 characters after ``P.AGE_LEAD``, followed by a copula,
    an adverb or the end of the clause (``P.AFTER_AGE_NAME``); a common word or a place is no name."""
    m = P.AGE_LEAD.match(clause)
    if not m:
        return None
    return _bare_name(reg, clause[m.end():], P.AFTER_AGE_NAME, clause)


def _known_or_register(reg: PersonRegistry, title: str, name: str, sentence: str) -> Person:
    """The person already known as ``name``, unless known without an office and now mentioned with
    one (a subheadline 赵明远出席并讲话, then 省委书记赵明远出席会议): then registered with it."""
    known = reg.people.get(name)
    if known is not None and (known.title or not title):
        return known
    return register(reg, title, name, sentence)


def _name_taking_office(reg: PersonRegistry, text: str, at: int) -> tuple[int, str] | None:
    """The last Han name of 3 or 2 characters in the sentence before ``at`` that starts the text,
    a clause or follows 的 (由省直单位选派的孙晓燕来到这里，|担任…): (where it starts, the name)."""
    start = max(text.rfind(c, 0, at) for c in "。！？；\n") + 1
    best = None
    for i in range(start, at):
        if i > start and text[i - 1] not in "的，,":
            continue
        for k in (3, 2):
            name = text[i:i + k]
            if (i + k <= at and looks_like_name(name) and not is_common_word(name) and not is_place_name(name)
                    and name not in reg.reporters):
                best = (i, name)
                break
    return best


def scan_mentions(reg: PersonRegistry, text: str) -> list[tuple[int, Person]]:
    """People introduced without speaking (专访了安溪县委副书记、县长黄文明; 区长马晓燕深有感触;
    祝荔萍，长沙市天心区委副书记、区长。): registered, and returned with their positions in ``text``."""
    found_all = []
    if "担任" in text or "出任" in text:  # …的孙晓燕来到这里，担任柳树沟村驻村第一书记
        for m in P.TAKES_OFFICE.finditer(text):
            found = _name_taking_office(reg, text, m.start())
            if found is not None:
                found_all.append((found[0], _known_or_register(reg, m.group(1), found[1], text[found[0]:m.end()])))
    pos = 0
    parts = P.MENTION_SPLIT.split(text)
    for k, clause in enumerate(parts):
        start = pos
        pos += len(clause)
        # name first, office after: 祝荔萍，长沙市天心区委副书记、区长。
        if (k + 2 < len(parts) and parts[k + 1] in "，," and (looks_like_name(clause) or is_minority_name(clause))
                and clause not in reg.reporters
                and (k == 0 or parts[k - 1] in "。！？\n") and P.ROLE_SUFFIX.search(parts[k + 2]) and len(parts[k + 2]) <= 40
                and (k + 3 >= len(parts) or parts[k + 3] in "。；;")):
            person = _known_or_register(reg, parts[k + 2], clause, clause + "，" + parts[k + 2])
            found_all.append((start, person))
            continue
        if len(clause) < 3:
            continue
        stripped = clause.lstrip("—- ")
        lead = len(clause) - len(stripped)
        cut = -1  # an office+name at the clause start, else after 专访了/见到 (…县长黄文明)
        found = find_person_at_start(stripped, reg.known())
        if not found or P.REPORTER_TITLE.search(found[0]):  # 记者专访了…县长黄文明: the person after 了
            cut = max(map(stripped.rfind, P.INTRO_CUT))  # (the last of them; map: no generator per clause)
            found = find_person_at_start(stripped[cut + 1:], reg.known()) if cut >= 0 else None
        if found and found[0] and found[1] not in reg.reporters and not P.REPORTER_TITLE.search(found[0]):
            person = _known_or_register(reg, found[0], found[1], clause)
            found_all.append((start + lead + cut + 1, person))
            continue
        dot = N.dot_name_at_start(stripped) if not found else ""
        if dot and dot not in reg.reporters:  # 吐尔逊·买买提是村里的致富带头人，他说：… — a ·-name is a person anywhere
            found_all.append((start + lead, reg.people.get(dot) or register(reg, "", dot, clause)))
            continue
        if not found:
            person = _referred_at_start(reg, stripped) or _introduced_by_age(reg, stripped)
            if person is not None:
                found_all.append((start + lead, person))
    return found_all
