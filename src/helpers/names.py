"""Names with no Han surname: Tibetan, Mongolian, Yi … (扎西次仁, 其其格, 吉克阿依) and ·-joined
transliterated Uyghur or Kazakh names (艾尼瓦尔·吐尔逊, also written with • ・ ‧ ．).

The elements are data (``data/minority_name_parts.txt``, grouped by people; its header names the
source). These functions only say whether a run of characters has such a name's shape; people.py
decides when the context makes it a person (an office before it, a title after it, or a speech verb
and a quotation after it), exactly as it does for a Han name that is also a common word.

``minority_name(run)`` — 2–6 characters made wholly of elements (次仁卓玛 = 次仁 + 卓玛), or a Yi
clan name + one or two characters (吉克阿依). ``dot_name_at_end(seg)`` / ``dot_name_at_start(text)``
find a ·-joined name at the end of the words before a verb (…部长艾尼瓦尔·吐尔逊) or at the start of
a clause (艾尼瓦尔·吐尔逊表示 …).
"""
from __future__ import annotations

import re
from functools import lru_cache

from helpers import patterns as P
from helpers.paths import SURNAMES_FILE

PARTS_FILE = SURNAMES_FILE.parent / "minority_name_parts.txt"
NAME_GROUPS = ("tibetan", "mongolian", "yi_given", "other")  # elements a name may be made of
DOTS = P.NAME_DOTS
DOT_TAIL = re.compile(rf"([{P.CJK}]+)((?:[{DOTS}][{P.CJK}]{{1,10}})+)$")
DOT_HEAD = re.compile(rf"[{P.CJK}]{{1,10}}(?:[{DOTS}][{P.CJK}]{{1,10}})+")
HAS_DOT = re.compile(f"[{DOTS}]")
MAX_PART = 10  # characters in one part of a ·-joined name (阿不都热合曼 is 6)


@lru_cache(maxsize=1)
def name_parts() -> dict[str, frozenset]:
    """The groups of ``data/minority_name_parts.txt``: {"tibetan": {"扎西", "次仁", …}, …}."""
    groups: dict[str, set] = {}
    with open(PARTS_FILE, encoding="utf-8") as fh:
        for line in fh:
            if line.startswith("#") or ":" not in line:
                continue
            group, _, words = line.partition(":")
            groups.setdefault(group.strip(), set()).update(words.split())
    return {g: frozenset(w) for g, w in groups.items()}


@lru_cache(maxsize=1)
def _elements() -> tuple[frozenset, int]:
    parts = name_parts()
    elements = frozenset().union(*(parts.get(g, frozenset()) for g in NAME_GROUPS))
    return elements, max(map(len, elements))


def made_of_elements(run: str) -> bool:
    """True when ``run`` splits wholly into the elements of a name group (乌兰图雅 = 乌兰 + 图雅)."""
    elements, longest = _elements()
    return _made_of(run, elements, longest)


def _made_of(run: str, elements: frozenset, longest: int) -> bool:
    """True when ``run`` splits wholly into ``elements`` (乌兰图雅 = 乌兰 + 图雅)."""
    ok = [True] + [False] * len(run)
    for i in range(1, len(run) + 1):
        ok[i] = any(ok[i - k] and run[i - k:i] in elements for k in range(1, min(longest, i) + 1))
    return ok[-1]


@lru_cache(maxsize=65536)
def minority_name(run: str) -> bool:
    """A name shape with no Han surname: 2–6 characters wholly made of the file's elements, or a Yi
    clan name + one or two characters.

    >>> minority_name("次仁卓玛"), minority_name("额尔敦毕力格"), minority_name("吉克阿依"), minority_name("乌兰察布")
    (True, True, True, False)"""
    if not 2 <= len(run) <= 6 or not P.CJK_ONLY.fullmatch(run):
        return False
    elements, longest = _elements()
    return _made_of(run, elements, longest) or bool(yi_clan_given(run))


def yi_clan_given(run: str) -> str:
    """The given name after a Yi clan name (吉克阿依 → 阿依) or a Dai prefix (岩温 → 温, one character
    only; 玉米 is in the file's dai_not), '' if ``run`` has neither shape."""
    parts = name_parts()
    for clan in parts.get("yi_clan", ()):
        if run.startswith(clan) and 1 <= len(run) - len(clan) <= 2:
            return run[len(clan):]
    if len(run) == 2 and run[0] in parts.get("dai_prefix", ()) and run not in parts.get("dai_not", ()):
        return run[1:]  # a Dai name: 岩温, 玉香
    return ""


@lru_cache(maxsize=1)
def first_chars() -> frozenset:
    """Characters a minority name may start with (the first of an element or a Yi clan name)."""
    parts = name_parts()
    return frozenset(w[0] for g in NAME_GROUPS + ("yi_clan", "dai_prefix") for w in parts.get(g, ()))


def is_dot_name(name: str) -> bool:
    """Parts of Chinese characters joined by a middle dot (any of · • ・ ‧ ．), 3–16 characters.

    >>> is_dot_name("阿依古丽·买买提"), is_dot_name("热依汗‧吐尔洪"), is_dot_name("买买提")
    (True, True, False)"""
    return 3 <= len(name) <= 16 and bool(P.DOT_NAME.fullmatch(name))


def _translit_suffix(run: str) -> int:
    """Length of the longest suffix of ``run`` made of transliteration characters."""
    chars = name_parts().get("transliteration", frozenset())
    n = 0
    while n < len(run) and run[-1 - n] in chars:
        n += 1
    return n


def dot_name_at_end(seg: str) -> tuple[str, str] | None:
    """``(title, name)`` for words ending in a ·-joined name; the first part is what follows the last
    office or unit word (else the run of transliteration characters).

    >>> dot_name_at_end("自治区党委常委、宣传部部长艾尼瓦尔·吐尔逊")
    ('自治区党委常委、宣传部部长', '艾尼瓦尔·吐尔逊')"""
    m = DOT_TAIL.search(seg) if HAS_DOT.search(seg) else None
    if not m:
        return None
    head = m.group(1)
    ends = [o.end() for o in P.OFFICE_OR_UNIT.finditer(head) if o.end() < len(head)]
    cut = max(ends) if ends else 0
    if len(head) - cut > MAX_PART:
        cut = len(head) - _translit_suffix(head)
    if cut >= len(head):
        return None
    name = head[cut:] + m.group(2)
    return seg[: m.start() + cut].rstrip("、，, "), name


def dot_name_at_start(text: str) -> str:
    """A ·-joined name at the start of ``text`` (the last part stops where a verb, an adverbial or a
    title starts, else after its transliteration characters); '' if none.

    >>> dot_name_at_start("热依汗‧吐尔洪介绍，今年…")
    '热依汗‧吐尔洪'"""
    m = DOT_HEAD.match(text) if HAS_DOT.search(text, 0, MAX_PART + 1) else None
    if not m:
        return ""
    body = m.group(0)
    last_start = max(body.rfind(d) for d in DOTS) + 1
    last = body[last_start:]
    for k in range(1, len(last) + 1):
        rest = text[last_start + k:]
        if not rest or P.ADVERB_START.match(rest) or P.AFTER_NAME.match(rest) or P.TITLE_AFTER_START.match(rest):
            return body[: last_start + k]
    chars = name_parts().get("transliteration", frozenset())
    k = 0
    while k < len(last) and last[k] in chars:
        k += 1
    return body[: last_start + k] if k else ""
