"""Recognising a person in the words before a speech verb: office + name, name alone, 李局长,
他/她, or "office name" with a space (transcripts).

``split_person(segment)`` returns ``(title, name)`` or ``None``; it knows nothing of the
article. ``PersonRegistry`` remembers who was introduced, so a later 王进辉说 or 李局长表示
resolves to the full name, title and district of the first mention.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from helpers import patterns as P
from helpers.paths import SURNAMES_FILE

ROLE_SUFFIX = re.compile(
    r"(?:书记|主任|[局处科股院校所站部区县市镇乡村组队社厂行馆会庭署厅司团班园台省州旗]长|董事长|理事长|秘书长|委员长|"
    r"员|主席|委员|常委|干部|负责人|经理|专家|教授|代表|村民|居民|市民|党员|志愿者|农民|企业家|创始人|合伙人|创业者|"
    r"主编|总编|总裁|支书|政委|总监|发言人|老师|教师|医生|学者|博士|师|师傅|助理|主管|董事|带头人|职工|工人|店主|老板|"
    r"农户|商户|种植户|养殖户|个体户|大户|专业户|小哥|大姐|阿姨|大爷|大叔|老人|青年|学生|游客|首席|顾问|干事|骨干|负责同志|总经济师|总工|CEO|CTO|COO|"
    r"[茶菜果蔗棉花瓜药烟蚕]农|(?:台|港|澳|外|客|侨)商|观众|嘉宾|网友|听众|(?:经营|从业|创业|劳动|建设|管理|参与|见证|志愿|种植|养殖)者|业主|主理人|掌柜|店长|传承人)$"
)
UNIT_SUFFIX = re.compile(
    r"(?:部|局|委|办|办公室|中心|街道|镇|乡|村|社区|公司|集团|学校|大学|学院|医院|协会|管委会|工委|党委|党组|政府|"
    r"法院|检察院|银行|小组|支部|队|所|站|园|区|县|市|处|科|厅|署|院|会|社|厂|馆|店|合作社|基地|新区|陆港|港|组)$"
)
HIGH_TITLE = re.compile(r"(?:总书记|国家主席|主席|总理|副总理|委员长)$")
# characters that do not occur in the given name part of this genre's officials' names
NOT_NAME_CHARS = set(
    "的了在是和与及等将对把被从向也都就而并或其之这那个们我你他她它说示诉记者称要已还又更很最各每该此本"
    "第号次些种类项条件例如即便所以因但却于以给让使由自到过着得地省市区县镇乡村局部委党员"
)
ADVERB_START = re.compile(r"^(?:在|受访|表示|说|介绍|认为|指出|强调|看来|告诉|谈|坦言|透露|感慨|也|还|对|向|则|就|又|激动|动情|深有感触|笑着|自豪|难掩|满怀|信心|接受|称|直言|回忆|补充)")


@lru_cache(maxsize=1)
def surnames() -> tuple[frozenset, tuple]:
    """(single-character surnames, compound surnames) from data/surnames.txt."""
    single, compound = set(), []
    with open(SURNAMES_FILE, encoding="utf-8") as fh:
        for line in fh:
            if line.startswith("#"):
                continue
            for tok in line.split():
                (single.add(tok) if len(tok) == 1 else compound.append(tok))
    return frozenset(single), tuple(compound)


# nouns for people that look like names (居 and 游 are surnames): never a name
NOT_NAMES = {"居民", "村民", "市民", "农民", "游客", "群众", "网民", "党员", "干部", "职工", "记者", "编辑", "学生", "老师",
             "医生", "专家", "代表", "委员", "师傅", "老板", "业主", "工人", "家长", "孩子", "老人", "宾客", "商户", "农户"}
KINSHIP = {"阿姨", "先生", "女士", "大爷", "大妈", "大娘", "大姐", "大哥", "师傅", "老师", "同志", "小姐", "叔叔", "奶奶",
           "爷爷", "伯伯", "婆婆", "书记", "主任", "局长", "县长", "区长", "市长", "镇长", "总", "工", "老", "某", "某某"}


def looks_like_name(name: str) -> bool:
    """A Chinese personal name: a surname then one or two given-name characters (or a · name).
    王阿姨, 刘先生, 李书记 are ways of naming someone, not names."""
    if "·" in name:
        return 3 <= len(name) <= 12 and bool(re.fullmatch(rf"[{P.CJK}]+(?:·[{P.CJK}]+)+", name))
    if not re.fullmatch(rf"[{P.CJK}]{{2,4}}", name):
        return False
    single, compound = surnames()
    if name[1:] in KINSHIP or name[-2:] in KINSHIP or name in NOT_NAMES:
        return False
    for sur in compound:
        if name.startswith(sur) and 3 <= len(name) <= 4:
            return not (set(name[len(sur):]) & NOT_NAME_CHARS)
    if len(name) == 4 or name[0] not in single:
        return False
    return not (set(name[1:]) & NOT_NAME_CHARS)


def title_score(title: str) -> int:
    """3: ends with an office (局长, 书记, 村民 …); 2: with a unit (局, 街道 …); 1: empty; 0: neither."""
    title = title.rstrip("、，, ")
    if not title:
        return 1
    if ROLE_SUFFIX.search(title):
        return 3
    if UNIT_SUFFIX.search(title):
        return 2
    return 0


ADVERB_TAIL = P.ADVERBIAL_TAIL
LEAD_WORDS = re.compile(r"^(?:在|据|对此|对于此|同时|此外|另外|而|但|记者了解到|据了解|其中|随后|最后|首先|接着|专访|采访|走访|访)[，,]?")


def strip_segment(seg: str) -> str:
    """The person part of the words before a verb: adverbials and lead words removed."""
    seg = seg.strip(" ，,、")
    for _ in range(2):
        seg = ADVERB_TAIL.sub("", seg).strip(" ，,、")
        seg = LEAD_WORDS.sub("", seg).strip(" ，,、")
    return seg


def split_person(seg: str, known: dict | None = None, strict: bool = False) -> tuple[str, str] | None:
    """Split ``office+name`` (or a bare name) into ``(title, name)``; ``None`` if it is not one.

    ``known`` maps names already introduced in the article to anything; a segment ending in a
    known name is split there first. With ``strict`` a bare unknown name is refused."""
    seg = strip_segment(seg)
    if not seg or len(seg) > 80:
        return None
    known = known or {}
    if " " in seg:  # "成都市武侯区委书记 张某某" in transcripts
        title, _, name = seg.rpartition(" ")
        if looks_like_name(name) or name in known:
            return title.strip(), name
    for name in sorted(known, key=len, reverse=True):
        if seg.endswith(name) and (title_score(seg[: -len(name)]) or not seg[: -len(name)]):
            return seg[: -len(name)].rstrip("、，, "), name
    m = HIGH_TITLE.search(seg)
    if m and looks_like_name(seg[: m.start()]):
        return seg[m.start():], seg[: m.start()]
    best = None
    for length in (4, 3, 2):
        if len(seg) < length:
            continue
        name, title = seg[-length:], seg[:-length]
        if not looks_like_name(name):
            continue
        score = title_score(title)
        if score == 0 or (score == 1 and strict):
            continue
        if score == 1 and length == 2 and name[0] not in surnames()[0]:
            continue
        key = (score, length)
        if best is None or key > best[0]:
            best = (key, title.rstrip("、，, "), name)
    if best:
        return best[1], best[2]
    return None


def find_person_at_start(text: str, known: dict | None = None) -> tuple[str, str, int] | None:
    """A person mentioned at the very start of ``text`` (office+name, or a known name):
    ``(title, name, end)``; used after a closing quote: “…”即墨国际陆港党委书记马明强在…"""
    known = known or {}
    clause = re.split(r"[，。；：！？,;:“”]", text, maxsplit=1)[0][:80]
    for name in sorted(known, key=len, reverse=True):
        i = clause.find(name)
        if i >= 0 and (i == 0 or title_score(clause[:i]) >= 2):
            return clause[:i].rstrip("、，, "), name, i + len(name)
    best = None
    for m in re.finditer(ROLE_SUFFIX.pattern.rstrip("$") + r"|" + UNIT_SUFFIX.pattern.rstrip("$"), clause):
        e = m.end()
        title = clause[:e]
        if title_score(title) < 2:
            continue
        if clause[e + 1:e + 3] in KINSHIP or clause[e + 1:e + 2] in KINSHIP:
            continue  # 居民王阿姨, 市民刘先生: no name given
        for length in (3, 2, 4):
            name = clause[e:e + length]
            if len(name) < length or not looks_like_name(name):
                continue
            rest = clause[e + length:]
            if length == 3 and ADVERB_START.match(clause[e + 2:]) and looks_like_name(name[:2]):
                continue  # 马明强调 → 马明 + 强调
            office = title_score(title) == 3  # after an office (局长, 队员, 村民) any words may follow the name
            if rest and not office and not ADVERB_START.match(rest) and not re.match(r"^(?:同志|先生|女士|时|的|等|一行|是|曾|已|正|今年|家)", rest):
                continue
            title = LEAD_WORDS.sub("", title).rstrip("、，, ")
            joined = re.search(r"和|与|及", title)
            left = split_person(title[: joined.start()], known, strict=True) if joined else None
            if left and title_score(left[0]) == 3:
                title = title[joined.end():]  # 镇长宋广志和村党支部书记马春燕: her office only
            if "的" in title and title_score(title.rsplit("的", 1)[1]) >= 2:
                title = title.rsplit("的", 1)[1]  # 家住西一社区7幢的居民 → 居民
            best = (title, name, e + length)
            break
    return best


@dataclass
class Person:
    name: str
    title: str = ""
    district: str = ""
    city: str = ""


class PersonRegistry:
    """Who the article has introduced, for resolving later mentions."""

    def __init__(self, reporters=()):
        self.people: dict[str, Person] = {}
        self.reporters = set(reporters)

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
        for sur in list(compound) + sorted(single):
            if seg.startswith(sur) and len(seg) > len(sur) and len(seg) <= len(sur) + 4:
                office = seg[len(sur):]
                if not ROLE_SUFFIX.search(office):
                    continue
                found = [p for p in self.people.values() if p.name.startswith(sur) and office[-2:] in p.title]
                if not found:
                    found = [p for p in self.people.values() if p.name.startswith(sur) and office[-1] in p.title[-3:]]
                if found:
                    return found[-1]
        return None
