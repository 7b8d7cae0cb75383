"""Set phrases recognised by their shape, not by a list: the discourse coins slogans and
formulas faster than any lexicon can follow, but it coins them in a few fixed shapes.

``shaped_phrases(text, cut)`` returns the spans of ``text`` that have one of these shapes; the
tokenizer adds them to the article's own words (:func:`helpers.tokenize.segmenter`, ``shaped``),
so each occurrence is one token. The shapes (the characters they use are data, in
``src/helpers/data/heads.txt``, sections [slogan-verbs], [slogan-objects] and [not-frames]):

1. **Parallel slogans** (排比): two or more items of the same length (3–4 characters) separated
   by 、, where two neighbouring items repeat a character in the same place and jieba cuts every
   item into pieces with a single character among them: 以文塑旅、以旅彰文; 搬得出、稳得住、能致富;
   千村示范、万村整治. Ordinary lists (粮食生产、粮食安全: words already), offices (县林业局、县政府办)
   and a word with a shared prefix or suffix (学习好、贯彻好; 可复制、可推广: 贯彻 and 推广 count
   as words) are left alone.
2. **Repeated-frame four-character formulas** (AXAY / XAYA): 统防统治, 大拆大建, 一村一品,
   联农带农, 延链补链 — four Chinese characters with the first and third, or the second and
   fourth, the same character (not a function character of [not-frames]), the two halves
   different, and jieba cutting the four into pieces.
3. **Six-character AXXAYY formulas**: 可复制可推广, 有温度有力度 — a single character, a word, the
   same character, another word.
4. **Development-strategy slogans** (X 立/兴/强 Y): 生态立县, 富民兴村, 工业强市, 茶产业强市 —
   two or three characters, a verb of [slogan-verbs], an object of [slogan-objects].

Every span must start and end where jieba's own cut of its clause has a token boundary, so a
shape never glues the end of one word to the start of the next (正式/成立/县委 gives no 成立县).
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Callable

from helpers import patterns as P
from helpers.tokenize import _shared, has_single_characters, read_head_sections, stopwords

_CLAUSE = re.compile(rf"[{P.CJK}、]+")
_LIST_ITEM = re.compile(rf"[{P.CJK}]+")
MIN_ITEM, MAX_ITEM = 3, 4
STRATEGY_TAGS = {"n", "nz", "vn", "nr", "b", "ng", "an"}  # X of X 立/兴/强 Y: a noun-like word (生态, 旅游, 制造业)


def _sections() -> dict[str, frozenset]:
    return read_head_sections()  # cached there


def _boundaries(cut: Callable[[str], list[str]], clause: str) -> set[int]:
    out, i = {0}, 0
    for w in cut(clause):
        i += len(w)
        out.add(i)
    return out


LEVELS = set("省市县区州盟旗镇乡村")  # 县林业局、县政府办: offices of one level, not a slogan


def _parallel(a: str, b: str) -> bool:
    """Different items repeating a character in the same place (以文塑旅 / 以旅彰文; 千村示范 /
    万村整治), not only an administrative level at the front (县林业局 / 县政府办)."""
    shared = [k for k, (x, y) in enumerate(zip(a, b)) if x == y]
    if a == b or not shared or (shared == [0] and a[0] in LEVELS):
        return False
    # a shared first or last character before or after a word is a modifier of words that count
    # on their own (学习好/贯彻好/落实好, 即产生/即汇聚, 可复制/可推广): not a slogan
    if all(k == 0 for k in shared) and _known(a[1:]) and _known(b[1:]):
        return False
    if all(k == len(a) - 1 for k in shared) and _known(a[:-1]) and _known(b[:-1]):
        return False
    return True


def _parallel_items(clause: str, bounds: set[int], cut, names=()) -> list[str]:
    """Items of the 、-lists in ``clause`` that form a parallel slogan (shape 1)."""
    found = []
    parts = clause.split("、")
    if len(parts) < 2:
        return found
    # each part's last and first L characters are the candidate items around each 、
    offsets, pos = [], 0
    for p in parts:
        offsets.append(pos)
        pos += len(p) + 1
    for size in range(MIN_ITEM, MAX_ITEM + 1):
        items = []  # (start, text) of the run's items, in order
        for k, part in enumerate(parts):
            first, last = k == 0, k == len(parts) - 1
            inner = not first and not last
            if (inner and len(part) != size) or len(part) < size:
                items.append(None)
                continue
            if first:
                start = offsets[k] + len(part) - size
            else:
                start = offsets[k]
            text = clause[start:start + size]
            ok = start in bounds and start + size in bounds
            items.append((start, text) if ok else None)
        runs, run = [], []
        for it in items:
            if it is None:
                if run:
                    runs.append(run)
                run = []
                continue
            run.append(it)
        if run:
            runs.append(run)
        for run in runs:
            if len(run) < 2:
                continue
            texts = [t for _, t in run]
            if not any(_parallel(a, b) for a, b in zip(texts, texts[1:])):
                continue
            whole = [len(cut(t)) == 1 for t in texts]  # an item the lexicon knows already (以文塑旅)
            if all((w or has_single_characters(cut(t))) and _plain(t, cut, allow="得") and not any(nm in t for nm in names)
                   for t, w in zip(texts, whole)):
                found.extend(t for t, w in zip(texts, whole) if not w)
    return found


def _known(word: str) -> bool:
    """A word jieba's dictionary or the lexicon, gazetteer or themes know."""
    return word in _shared().tags


def _tags() -> dict:
    """The shared tokenizer's tags: jieba's, then the lexicon's, gazetteer's and themes'."""
    return _shared().tags


def _plain(text: str, cut, allow: str = "") -> bool:
    """No function character of [not-frames] (but those in ``allow``), and no stopword or
    adverb of two or more characters among jieba's pieces (起来, 越来越)."""
    if any(ch in _sections()["not-frames"] and ch not in allow for ch in text):
        return False
    tags = _tags()
    return not any(len(p) > 1 and (p in stopwords() or tags.get(p) == "d") for p in cut(text))


def _orphan(clause: str, k: int, bounds: set[int]) -> bool:
    """The character at ``k`` is a one-character token that is no function character."""
    return k in bounds and k + 1 in bounds and clause[k] not in _sections()["not-frames"]


def _frames(clause: str, bounds: set[int], cut) -> list[str]:
    """Shapes 2 and 3 in ``clause``, left to right, never overlapping."""
    found, tags = [], _tags()
    i, n = 0, len(clause)
    while i < n - 3:
        if i not in bounds or (i > 0 and clause[i - 1].isdigit()):
            i += 1  # after a number (200多户农户)
            continue
        six = clause[i:i + 6]
        if (len(six) == 6 and "、" not in six and six[0] == six[3] and len(set(six)) == 5
                and clause[i + 6:i + 7] != six[0]  # 学习好/贯彻好/落实好: a suffix frame, not AXXAYY
                and all(i + k in bounds for k in (1, 3, 4, 6)) and _plain(six, cut)):
            found.append(six)
            i += 6
            continue
        four = clause[i:i + 4]
        a, b, c, d = four
        pieces = cut(four) if i + 4 in bounds and "、" not in four and len(set(four)) == 3 else []
        ok = False
        if a == c and len(pieces) > 1:
            # 大拆大建, 统防统治, 做大做强 — halves split in the middle, not two known words
            # (全区/全面, 创新/创业, 国内/国际 are two words sharing a character) and no place (横县/撤县)
            middle = i + 2 in bounds
            two_words = _known(four[:2]) and _known(four[2:])
            # a lone character before the span may be the start of a word the frame would break
            # (秦/创/原/创新: 秦创原 + 创新) when the second half is a word of its own
            broken = i > 0 and _orphan(clause, i - 1, bounds) and _known(four[2:]) and not _known(four[:2])
            ok = middle and not two_words and not broken and not any(tags.get(p) == "ns" for p in pieces)
        elif b == d and len(pieces) == 4:
            # 联农带农, 应保尽保: four single characters (农业农村, 帽业企业 are words) — unless
            # the formula is the AXAY one starting a character later (要/早谋早动)
            ok = not (i + 5 <= n and i + 5 in bounds)
        if ok and _plain(four, cut):
            found.append(four)
            i += 4
            continue
        i += 1
    return found


def _strategies(clause: str, bounds: set[int], cut) -> list[str]:
    """Shape 4 in ``clause``: X 立/兴/强 Y with X of two characters, or of three when the
    two-character X does not start on a token boundary."""
    s = _sections()
    found = []
    for i in range(2, len(clause) - 1):
        if clause[i] not in s["slogan-verbs"] or clause[i + 1] not in s["slogan-objects"] or i + 2 not in bounds:
            continue
        for size in (2, 3):
            start = i - size
            if start >= 0 and start in bounds:
                text = clause[start:i + 2]
                known = _known(text[:-2]) and _tags().get(text[:-2]) in STRATEGY_TAGS
                if known and _LIST_ITEM.fullmatch(text) and _plain(text, cut) and len(cut(text)) > 1:
                    found.append(text)
                break
    return found


@lru_cache(maxsize=1)
def _hint() -> re.Pattern:
    s = _sections()
    frame = "".join(sorted(s["not-frames"]))
    verbs, objects = "".join(sorted(s["slogan-verbs"])), "".join(sorted(s["slogan-objects"]))
    strategy = f"|[{verbs}][{objects}]" if verbs and objects else ""  # an empty section turns shape 4 off
    return re.compile(rf"([^{frame}、])(?:.|..)\1{strategy}")


def _parallel_hint(clause: str) -> bool:
    """Items of 3–4 characters on both sides of a 、 that repeat a character in the same place."""
    i = clause.find("、")
    while i >= 0:
        for size in (MIN_ITEM, MAX_ITEM):
            a, b = clause[max(0, i - size):i], clause[i + 1:i + 1 + size]
            if len(a) == len(b) == size and any(x == y for x, y in zip(a, b)):
                return True
        i = clause.find("、", i + 1)
    return False


def _candidate(clause: str) -> bool:
    """A cheap look for what a shape needs, before any cut: parallel items around a 、, a
    character (no function character) repeated two or three places on, or a slogan verb before
    its object."""
    return _hint().search(clause) is not None or _parallel_hint(clause)


def shaped_phrases(text: str, cut: Callable[[str], list[str]], names=(), places=()) -> list[str]:
    """The set phrases of ``text`` recognised by their shape (see the module's doc), in order of
    first occurrence. ``cut`` is jieba's cut without HMM (``tokenizer.lcut(s, HMM=False)``);
    ``names`` and ``places`` are the article's people and towns: a span containing one, or
    inside one, is a title or a place, not a set phrase (县长乔世杰, 岚天乡岚溪村).

    >>> import jieba
    >>> cut = lambda s: jieba.lcut(s, HMM=False)
    >>> shaped_phrases("坚持以文塑旅、以旅彰文，推行统防统治，走生态立县之路", cut)
    ['以文塑旅', '以旅彰文', '统防统治', '生态立县']
    """
    found, protect = [], [w for w in (*names, *places) if len(w) >= 2]
    for m in _CLAUSE.finditer(text):
        clause = m.group(0)
        if len(clause) < 4 or not _candidate(clause):
            continue  # most clauses have no shape at all: they are not cut
        bounds = set()
        pos = 0
        for piece in clause.split("、"):
            bounds |= {pos + b for b in _boundaries(cut, piece)}
            pos += len(piece) + 1
        found += _parallel_items(clause, bounds, cut, names)
        found += _frames(clause, bounds, cut)
        found += _strategies(clause, bounds, cut)
    return list(dict.fromkeys(f for f in found if not any(w in f or f in w for w in protect)))
