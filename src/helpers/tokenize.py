"""Tokens: jieba with the domain lexicon, the article's own names, places and quoted phrases, at
frequencies that really keep them whole, and the discourse's productive compounds kept whole.

One shared ``jieba.Tokenizer`` holds jieba's dictionary plus the lexicon, the gazetteer and the
theme terms (built once per process). An article's own words are an *overlay*: its
:class:`Segmenter` writes them into the shared dictionary just before each cut and removes them
(with the prefix entries jieba needs) just after, so nothing leaks from one article to the next and
no article pays for a copy of the dictionary.

``segmenter(names, phrases, places)`` returns a :class:`Segmenter`; ``tokenize_article(article,
quotes)`` returns the tidy tokens table (one row per token with offsets, part of speech, paragraph,
section, the quote it belongs to and whether it counts as a content word).
"""
from __future__ import annotations

import logging
import re
import threading
from itertools import compress
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from helpers.jiebaload import jieba
import numpy as np
import pandas as pd

from helpers import fastcut, frames
from helpers import patterns as P
from helpers.paths import DATA_DIR, LEXICON_FILE, STOPWORDS_FILES

jieba.setLogLevel(logging.WARNING)

FLOOR = 20000  # a user word is as likely as a common word of jieba's dictionary (tuned on the seed and tests/articles)
MARGIN = 20  # …and this many times more likely than its own best split into pieces
NON_CONTENT_PARTS = {"byline", "label"}
USER_LEXICON_FILE = DATA_DIR / "lexicon-user.txt"  # the user's accepted phrases (helpers.phrases.accept_phrases)
HEADS_FILE = DATA_DIR / "heads.txt"
USES = ("", "ref", "ref-only")  # third lexicon column: plain term, reference formulation, formulation only
MODIFIER_TAGS = {"n", "nz", "nl", "ng", "b"}  # see heads.txt: noun-like modifiers only
UNIT_ENDS = ("省", "市", "县", "区", "州", "盟", "旗", "镇", "乡", "村")  # a full administrative name ends so ([not-after-unit])
PLACE_SUFFIXES = ("县", "区", "市", "镇", "乡")  # 平遥 + 县: a short place name before a place head
COMMON_WORD_FREQ = 1000  # jieba frequency from which a word is common (新建, 山地), not a county's name (柞水 3)
_COUNTING_CHARACTERS = frozenset("一二三四五六七八九十百千万几每各这那某该此其本全整多少大小新老")
PLACE_NAME_MAX = 14  # characters: a place + its landmark or reserve (鸭绿江口湿地国家级自然保护区)
COMPOUND_MAX = 8  # characters: a compound longer than this is not one word of the discourse
LEVEL_MAX = 10  # …except a level + a designation (国家现代农业产业园, 国家全域旅游示范区)
_CJK_ONLY = re.compile(f"[{P.CJK}]+")
_NUMBER = re.compile(r"[0-9.%％]+")  # Segmenter.pos: m
_LATIN = re.compile(r"[A-Za-z]+")  # Segmenter.pos: eng
_LOCK = threading.RLock()  # the shared dictionary is changed around each cut: one cut at a time


def _lexicon_lines(path):
    """(term, pos, use, source) for each entry line of one lexicon file, in file order."""
    source = ""
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            line = line.rstrip("\n")
            if line.startswith("# source:"):
                source = line[len("# source:"):].strip()
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            parts = [x.strip() for x in (line.split("\t") if "\t" in line else line.split())]
            use = parts[2] if len(parts) > 2 else ""
            if use not in USES:
                raise ValueError(f"{path}: unknown use {use!r} for {parts[0]} (expected ref or ref-only)")
            yield parts[0], (parts[1] if len(parts) > 1 and parts[1] else "nz"), use, source


def _lexicon_paths(path):
    if path is not None:
        return [Path(path)]
    return [LEXICON_FILE] + ([USER_LEXICON_FILE] if USER_LEXICON_FILE.exists() else [])


def lexicon_table(path=None) -> pd.DataFrame:
    """Every lexicon entry with its use and source document: columns term, pos, use ('' for a
    plain term, 'ref' for a reference formulation that is also a token, 'ref-only' for a long
    formulation that is never a token), source (the text of its ``# source:`` header).

    Default: ``data/lexicon.txt`` and, if present, ``data/lexicon-user.txt``.
    Example row: 高质量发展, nz, ref, 党的二十大报告 (2022-10-16) — …"""
    rows = [r for p in _lexicon_paths(path) for r in _lexicon_lines(p)]
    return pd.DataFrame(rows, columns=["term", "pos", "use", "source"])


def read_lexicon(path=None) -> dict[str, str]:
    """The words the tokenizer keeps whole: term → part-of-speech tag (``term<TAB>tag[<TAB>use]``
    lines, # comments), without the ``ref-only`` formulations. Default: ``lexicon.txt`` plus
    ``lexicon-user.txt`` if it exists. Example: {'实体经济': 'nz', '组织部': 'nt', …}."""
    out: dict[str, str] = {}
    for p in _lexicon_paths(path):
        for term, pos, use, _ in _lexicon_lines(p):
            if use != "ref-only":
                out.setdefault(term, pos)
    return out


HEADS_SECTIONS = ("heads", "modifiers", "blocklist", "place-heads", "local-place-heads", "place-endings", "crafts",
                  "events", "holidays", "place-products", "product-characters", "product-heads", "prefixes",
                  "term-heads", "levels", "slogan-verbs", "slogan-objects", "not-frames", "not-after-unit")


def read_head_sections(path=HEADS_FILE) -> dict[str, frozenset]:
    """Every section of ``heads.txt``, one word a line: section name → words. Sections:
    ``heads`` (经济, 治理 …), ``modifiers`` (夜间 …), ``blocklist`` (家庭经济), ``place-heads``
    (古镇, 石窟, 东麓 … after a place name), ``place-products`` (脐橙, 大米 … after a county or
    city), ``prefixes`` (规上, 村级, 超大 … before a noun) and
    ``term-heads`` (中心, 示范区, 产业园 … after a discourse term; designations) and ``levels``
    (国家, 省级 … before a designation).

    >>> "古镇" in read_head_sections()["place-heads"]
    True"""
    return _read_head_sections(str(path))


@lru_cache(maxsize=4)  # keyed by the path as a string: read_head_sections() and (HEADS_FILE) share one entry
def _read_head_sections(path: str) -> dict[str, frozenset]:
    sections = {name: set() for name in HEADS_SECTIONS}
    current = None
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            line = line.split("#", 1)[0].strip()
            if not line:
                continue
            if line.startswith("[") and line.endswith("]"):
                if line[1:-1] not in sections:
                    raise ValueError(f"{path}: unknown section {line}")
                current = sections[line[1:-1]]
                continue
            if current is None:
                raise ValueError(f"{path}: {line!r} before any [section]")
            current.update(line.split())
    return {name: frozenset(words) for name, words in sections.items()}


def read_heads(path=HEADS_FILE) -> tuple[frozenset, frozenset, frozenset]:
    """(heads, extra modifiers, blocked compounds) from ``heads.txt``: its ``[heads]``,
    ``[modifiers]`` and ``[blocklist]`` sections (see :func:`read_head_sections` for all)."""
    s = read_head_sections(path)
    return s["heads"], s["modifiers"], s["blocklist"]


@lru_cache(maxsize=1)
def stopwords() -> frozenset:
    words = set()
    for path in STOPWORDS_FILES:
        with open(path, encoding="utf-8") as fh:
            words.update(w.strip() for w in fh if w.strip() and not w.startswith("#"))
    return frozenset(words)


def _dictionary_tags(freqs: dict | None = None) -> dict[str, str]:
    """jieba's own part-of-speech tag for every word in its dictionary (a new dict each call).

    With ``freqs`` (an initialised tokenizer's ``FREQ``), the keys are the very string objects of
    ``freqs`` and each tag one shared string: the two tables of 350,000 words then hold each word
    once in memory (about 35 MB less per process). The file is read a line at a time."""
    canon = {w: w for w in freqs} if freqs is not None else None  # a word → freqs' own key object
    pool: dict[str, str] = {}
    tags: dict[str, str] = {}
    with jieba.get_dict_file() as fh:
        for raw in fh:
            parts = raw.decode("utf-8").split()
            if len(parts) == 3:
                word = parts[0] if canon is None else canon.get(parts[0], parts[0])
                tags[word] = pool.setdefault(parts[2], parts[2])
    return tags


def winning_freq(tok: jieba.Tokenizer, word: str) -> int:
    """A frequency that makes ``word`` beat every split of it (jieba's ``suggest_freq`` logic,
    with a margin and a floor) and never lowers a frequency jieba already has."""
    prob = 1.0
    for piece in fastcut.cut_no_hmm(tok, word):  # = tok.cut(word, HMM=False)
        prob *= tok.FREQ.get(piece, 1) / tok.total
    return max(tok.FREQ.get(word, 0) or 0, int(prob * tok.total * MARGIN) + 1, FLOOR)


def _set_word(tok: jieba.Tokenizer, word: str, freq: int, tags: dict, tag: str):
    old = tok.FREQ.get(word, 0) or 0
    tok.FREQ[word] = freq
    tok.total += freq - old
    for i in range(1, len(word)):
        tok.FREQ.setdefault(word[:i], 0)
    tags[word] = tag


@dataclass(frozen=True)
class _Base:
    tokenizer: jieba.Tokenizer
    tags: dict  # jieba's tags, then the lexicon's, gazetteer's and themes'
    added: frozenset  # words the lexicon, gazetteer and themes added: never modifiers

    def in_dictionary(self, word: str) -> bool:
        """A word of jieba's own dictionary that nobody added (a candidate modifier). ``tags``
        holds exactly jieba's words and the added ones, so: in ``tags`` and not added."""
        return word in self.tags and word not in self.added


@lru_cache(maxsize=1)
def _shared() -> _Base:
    """jieba's dictionary plus the lexicon, gazetteer names and theme terms (built once per
    version of the package and its data files, then read from the cache: ``helpers.cache.derived``)."""
    from helpers import districts
    from helpers.cache import derived
    from helpers.paths import THEMES_FILE

    files = [*_lexicon_paths(None), THEMES_FILE, districts.GAZETTEER_FILE, districts.GAZETTEER_EDITORIAL_FILE]
    freqs, total, tags, added = derived("tokenizer", _shared_tables, ("jionlp",), files)  # the gazetteer's names come from jionlp
    tok = jieba.Tokenizer()
    tok.FREQ, tok.total, tok.initialized = freqs, total, True  # what ``initialize`` sets
    return _Base(tok, tags, added)


def _shared_tables() -> tuple[dict, int, dict, frozenset]:
    """The shared tokenizer's frequencies and total, every word's tag and the added words."""
    from helpers.districts import gazetteer
    from helpers.themes import read_themes

    tok = jieba.Tokenizer()
    tok.initialize()
    tags = _dictionary_tags(tok.FREQ)  # jieba's tags (keys shared with FREQ), then the added words'
    words = dict(read_lexicon())
    places = set(gazetteer()) - set(words)  # places: thousands of place names must not shift other splits
    for name in gazetteer():
        words.setdefault(name, "ns")
    for terms in read_themes().values():
        for term in terms:
            if len(term) > 1:
                words.setdefault(term, tags.get(term, "nz"))
    for word in sorted(words, key=lambda w: (len(w), w)):
        total = tok.total
        _set_word(tok, word, winning_freq(tok, word), tags, words[word])
        if word in places:
            tok.total = total  # places: the name wins its own splits; jieba's total stays the same
    return tok.FREQ, tok.total, tags, frozenset(words)


def _base() -> tuple[jieba.Tokenizer, dict]:
    """The shared tokenizer and its tags (kept for benchmarks/bench.py, which warms it)."""
    b = _shared()
    return b.tokenizer, b.tags


_MISSING = object()


class _Overlay:
    """Words written into the shared dictionary, each change remembered so that ``undo`` puts
    back exactly what was there (a frequency, or no entry at all)."""

    def __init__(self, tok: jieba.Tokenizer):
        self.tok, self.saved, self.total = tok, [], tok.total

    def add(self, word: str, freq: int):
        freqs = self.tok.FREQ
        self.saved.append((word, freqs.get(word, _MISSING)))
        self.tok.total += freq - (freqs.get(word, 0) or 0)
        freqs[word] = freq
        for i in range(1, len(word)):
            if word[:i] not in freqs:
                self.saved.append((word[:i], _MISSING))
                freqs[word[:i]] = 0

    def undo(self):
        freqs = self.tok.FREQ
        for key, old in reversed(self.saved):
            if old is _MISSING:
                del freqs[key]
            else:
                freqs[key] = old
        self.tok.total = self.total
        self.saved = []


@dataclass
class Segmenter:
    """One article's view of the shared tokenizer: its own words (names, places, quoted set
    phrases) are applied around each call and removed after. Not a copy: ``tokenizer`` is shared.

    >>> seg = segmenter(names=["曲艳阳"])
    >>> seg.cut("局长曲艳阳说，发展夜间经济")
    ['局长', '曲艳阳', '说', '，', '发展', '夜间经济']
    """

    tokenizer: jieba.Tokenizer
    tags: dict
    added: dict  # the article's own words: word → tag
    freqs: list = field(default_factory=list)  # (word, frequency) in the order they were added
    compounds: dict = field(default_factory=dict)  # productive compounds met so far: word → tag
    _depth: int = 0
    _overlay: _Overlay | None = None
    _odd: tuple | None = field(default=None, repr=False, compare=False)  # (added's words, those not all Chinese)
    _towns: tuple | None = field(default=None, repr=False, compare=False)  # (added's words, its towns and villages)

    def __enter__(self):
        """Apply this article's words to the shared dictionary (nested uses apply them once)."""
        _LOCK.acquire()
        if self._depth == 0:
            self._overlay = _Overlay(self.tokenizer)
            for word, freq in self.freqs:
                self._overlay.add(word, freq)
        self._depth += 1
        return self

    def __exit__(self, *exc):
        self._depth -= 1
        if self._depth == 0:
            self._overlay.undo()
            self._overlay = None
        _LOCK.release()
        return False

    def cut(self, text: str) -> list[str]:
        return [w for w, _, _ in self.tokenize(text)]

    def tokenize(self, text: str):
        """(word, start, end) for every token, offsets in ``text``; productive compounds joined."""
        with self:
            pieces = fastcut.tokenize(self.tokenizer, text)  # = list(self.tokenizer.tokenize(text)), faster
        return self._join_named(text, self._join_compounds(self._resplit_towns(text, self._join_added(text, pieces))))

    def pos(self, word: str) -> str:
        if word in self.added:
            return self.added[word]
        if word in self.compounds:
            return self.compounds[word]
        tag = self.tags.get(word)
        if tag == "nr":
            return "n"  # jieba's dictionary tags 光荣, 智慧, 隆起带 … as names: only the article's people are nr
        if tag:
            return tag
        if _NUMBER.fullmatch(word):
            return "m"
        if _LATIN.fullmatch(word):
            return "eng"
        if not P.HAS_CJK.search(word):
            return "x"
        return "n"  # a word jieba guessed: a noun unless the article introduced it as a person

    def _is_modifier(self, word: str, joined: bool) -> bool:
        """A content-word modifier of a compound (see heads.txt): a word of jieba's own
        dictionary (not a lexicon term, gazetteer name or the article's name or place), 2–4
        Chinese characters, not a stopword, tagged noun-like (n nz nl ng b; jieba's nr on a
        common word counts as n) — never a verb, vn, adjective, time word (今年), place word
        (当地) or place name — or listed under [modifiers] (夜间); or a compound just joined
        (社会治理 + 体系)."""
        if joined:
            return True
        _, extra, _ = read_heads()
        if word in extra:
            return True
        if not (2 <= len(word) <= 4) or word in self.added or word in stopwords() or not _CJK_ONLY.fullmatch(word):
            return False
        if not _shared().in_dictionary(word):
            return False
        tag = self.tags.get(word, "")
        return tag in MODIFIER_TAGS or tag == "nr"

    def _join_added(self, text: str, pieces):
        """Join the tokens that together spell one of the article's own words that contains a
        character jieba cuts at (jieba splits at every non-Chinese character, so the speaker
        热合曼·阿不都热依木 comes out as 热合/曼/·/阿不都热依木): the pieces of each occurrence
        that starts and ends on token boundaries become one token again."""
        ends = {}
        words = tuple(self.added)
        if self._odd is None or self._odd[0] != words:  # worked out once while the words stay the same
            self._odd = (words, [w for w in words if not _CJK_ONLY.fullmatch(w)])
        for word in self._odd[1]:
            for m in re.finditer(re.escape(word), text):
                ends[m.start()] = max(ends.get(m.start(), 0), m.end())
        if not ends:
            return pieces
        out, i = [], 0
        while i < len(pieces):
            word, a, b = pieces[i]
            end, j = ends.get(a), i
            while end and j < len(pieces) - 1 and pieces[j][2] < end:
                j += 1
            if end and pieces[j][2] == end and j > i:
                out.append((text[a:end], a, end))
                i = j + 1
                continue
            if end and j > i and pieces[j][1] < end < pieces[j][2]:
                # jieba glued the name's last character to the next word (托合提刚 → 托合/提刚): split it there
                out.append((text[a:end], a, end))
                out.append((text[end:pieces[j][2]], end, pieces[j][2]))
                i = j + 1
                continue
            out.append(pieces[i])
            i += 1
        return out

    def _is_place(self, word: str) -> bool:
        """A place name before a landmark or area head (see heads.txt, [place-heads]): 2–6
        Chinese characters, not a stopword nor a person of the article, and a gazetteer name or
        one of the article's places, or a county, district or town of the gazetteer without its
        suffix (平遥 for 平遥县, tagged a by jieba), or a word jieba tags as a proper noun (ns
        雅鲁藏布, nr 麦积山 贺兰山 杨浦, nz 和顺), or a word jieba does not know at all."""
        if not (2 <= len(word) <= 6) or not _CJK_ONLY.fullmatch(word) or word in stopwords():
            return False
        if word in self.added:
            return self.added[word] == "ns"
        tag = self.tags.get(word)
        if tag is None or tag in {"ns", "nr", "nz"} or (tag == "j" and (self.tokenizer.FREQ.get(word) or 0) < COMMON_WORD_FREQ):
            return True  # j: an abbreviation of a place (太行 + 精神), not a common one (国企, 人大)
        return any(self.tags.get(word + suffix) == "ns" for suffix in PLACE_SUFFIXES)

    def _is_county(self, word: str) -> bool:
        """A county, city, district or town before its product (see heads.txt, [place-products]):
        one of the article's places, or a name that is a place with a suffix of PLACE_SUFFIXES
        (奉节 for 奉节县, 五常 for 五常市), or a county's short name (富川 for 富川瑶族自治县);
        not a word jieba merely tags ns (新鲜, 东北).

        >>> segmenter()._is_county("奉节"), segmenter()._is_county("蔚县"), segmenter()._is_county("新鲜")
        (True, True, False)"""
        if not (2 <= len(word) <= 4) or not _CJK_ONLY.fullmatch(word) or word in stopwords():
            return False
        if word in self.added:
            return self.added[word] == "ns"
        from helpers.districts import is_county_name, short_county
        if is_county_name(word):
            return True  # a county's full name (蔚县, 和县 aside): jieba may know it as a frequent word
        if (self.tokenizer.FREQ.get(word) or 0) >= COMMON_WORD_FREQ:
            return False  # a common word (新建, 山地, 新鲜) that is also a place's short name (新建区)
        return any(self.tags.get(word + suffix) == "ns" for suffix in PLACE_SUFFIXES) or bool(short_county(word))

    def _is_noun(self, word: str) -> bool:
        """A noun after a prefix (see heads.txt, [prefixes]): 2–6 Chinese characters, tagged
        n, nz, nl or ng (工业园, 产业, the lexicon's 城市治理), not a stopword nor one of the
        article's own words (a lexicon term may follow a prefix as it may head a compound:
        超大 + 城市治理)."""
        return (2 <= len(word) <= 6 and bool(_CJK_ONLY.fullmatch(word)) and word not in stopwords()
                and word not in self.added and self.tags.get(word) in {"n", "nz", "nl", "ng"})

    def _is_prefix(self, word: str) -> bool:
        """A prefix that makes the following noun a compound: listed under [prefixes] (规上,
        村级, 超大, 首位), or a word of 3 or more characters ending in 型 that jieba
        knows as a noun or distinguishing word (劳动密集型, 资源型, 创新型)."""
        if word in read_head_sections()["prefixes"]:
            return True
        return (len(word) >= 3 and word.endswith("型") and bool(_CJK_ONLY.fullmatch(word))
                and word not in self.added and self.tags.get(word) in {"n", "b", "nz"})

    def _is_term(self, word: str, joined: bool) -> bool:
        """A discourse term before a [term-heads] head (社会治理 + 中心): a compound just joined,
        or a lexicon term of 4 or more characters tagged as a noun (n, nz)."""
        if joined:
            return True
        return (len(word) >= 4 and word in _shared().added and word not in self.added
                and self.tags.get(word) in {"n", "nz"})

    def joins(self, left: str, right: str, joined: bool = False) -> bool:
        """Whether the compound rules of heads.txt join the adjacent tokens ``left`` + ``right``
        (``joined``: ``left`` is itself a compound just made). Rules, in order: modifier + head
        (夜间 + 经济), place + place head (麦积山 + 石窟), county + product (奉节 + 脐橙), prefix + noun (村级 + 工业园), discourse
        term + term head (社会治理 + 中心); the whole at most COMPOUND_MAX characters and not
        blocked.

        >>> segmenter().joins("麦积山", "石窟")
        True"""
        s = read_head_sections()
        whole = left + right
        if len(whole) > PLACE_NAME_MAX or whole in s["blocklist"]:
            return False
        if len(whole) > COMPOUND_MAX and right not in s["place-heads"] and right not in s["local-place-heads"]:
            return False  # only a place + its landmark may be longer (阿尔山国家森林公园: 3 + 6)
        if right in s["heads"] and len(whole) <= COMPOUND_MAX and self._is_modifier(left, joined):
            return True  # (a head may be a place head too: 劳模 + 精神 here, 太行 + 精神 below)
        if right in s["place-heads"] and not joined and self._is_place(left):
            return not (right in s["not-after-unit"] and left.endswith(UNIT_ENDS))  # 于都县 + 文化(广电…局): no
        if right in s["place-heads"] and joined and any(left.endswith(h) and len(left) > len(h) for h in
                                                        s["place-heads"] | s["local-place-heads"]):
            return True  # a place just joined to its landmark, then its designation (鸭绿江口湿地 + 国家级自然保护区)
        if (right in s["local-place-heads"] and not joined and self._is_place(left) and not _is_named_place(left)
                and (len(left) >= 3 or self.tags.get(left) in {"ns", "nr", "nz"} or self.added.get(left) == "ns")):
            return True  # 冶力关景区, 河口景区; not 河南景区 (a province's), 各大景区 (two unknown characters)
        if right in s["place-products"] and not joined and self._is_county(left):
            return True
        if right in s["product-heads"] and not joined and left in s["product-characters"]:
            return True  # 茶 + 产业 (heads.txt, Rule 8)
        if not joined and self._is_prefix(left) and self._is_noun(right):
            return True
        return right in s["term-heads"] and self._is_term(left, joined)

    def joins_level(self, left: str, right: str) -> bool:
        """Whether a level (heads.txt [levels]: 国家, 省级) joins the designation after it: a token
        that ends in a [term-heads] word and is longer than it (国家 + 现代农业产业园, 省级 +
        农业产业园), the whole at most LEVEL_MAX characters. 国家/中心/城市 stays apart (中心 alone
        is no designation)."""
        s = read_head_sections()
        if left not in s["levels"] or len(left + right) > LEVEL_MAX or right in self.added:
            return False
        return any(right.endswith(h) and len(right) > len(h) for h in s["term-heads"])

    def _join_compounds(self, pieces):
        """Join adjacent tokens that the rules of :meth:`joins` make one compound, left to right,
        chains allowed (社会/治理/体系 → 社会治理 → 社会治理体系; 村级/工业园/改造 → 村级工业园 →
        村级工业园改造) up to COMPOUND_MAX characters; a level before a designation joins too
        (:meth:`joins_level`)."""
        out, joined = [], []
        sections = read_head_sections()
        rights, prefixes, levels = _join_filters(sections)
        place_heads = sections["place-heads"] | sections["local-place-heads"]
        for piece in pieces:
            word, a, b = piece
            if out:
                prev, pa, pb = out[-1]
                # a join needs a head on the right, or a prefix on the left (see joins): the rest is not asked
                if (pb == a and (word in rights or (not joined[-1] and (prev in prefixes or prev.endswith("型"))))
                        and self.joins(prev, word, joined[-1])):
                    out[-1] = (prev + word, pa, b)
                    joined[-1] = True
                    self.compounds.setdefault(prev + word, "n")
                    if len(out) >= 2 and out[-2][0] in levels:  # joins_level needs a level on the left
                        self._join_level(out, joined)
                    continue
                if (pb == a and len(out) >= 2 and word in place_heads and not joined[-1] and not joined[-2]
                        and self._place_in_pieces(out[-2][0], prev) and out[-2][2] == pa
                        and self.joins(out[-2][0] + prev, word)):
                    # a place jieba cut in two before its head (辽河/口 + 国家级自然保护区, 州/桥 + 老街)
                    out[-2:] = [(out[-2][0] + prev + word, out[-2][1], b)]
                    joined[-2:] = [True]
                    self.compounds.setdefault(out[-1][0], "n")
                    continue
                if prev in levels:  # (out[-2] once this piece is in)
                    out.append(piece)
                    joined.append(False)
                    self._join_level(out, joined)
                    continue
            out.append(piece)  # the piece itself: (word, a, b)
            joined.append(False)
        return out

    def _place_in_pieces(self, first: str, last: str) -> bool:
        """Two tokens that together are a place name jieba cut (see heads.txt, [place-endings]):
        ``last`` one Chinese character of [place-endings] after ``first`` of 1–4 characters
        (辽河 + 口, 哈巴 + 湖), or two single characters (州 + 桥); never a function character,
        a stopword, or a word jieba tags otherwise than as a noun or name (进入 + 山 is no place)."""
        s = read_head_sections()
        if len(last) != 1 or not _CJK_ONLY.fullmatch(first + last) or not (1 <= len(first) <= 4):
            return False
        if first in s["not-frames"] or last in s["not-frames"] or first in stopwords() or first in self.added:
            return False
        if len(first) == 1:
            return first not in _COUNTING_CHARACTERS  # 州/桥, 河/湟; not 一/山, 各/村
        return last in s["place-endings"] and self.tags.get(first) in {None, "n", "ns", "nr", "nz", "nrt", "ng", "j"}

    def _resplit_towns(self, text: str, pieces):
        """A town or village of the article that jieba cut before an office word starting with its
        suffix (张江/镇党委书记, 王庄/村党支部书记): cut again after the suffix (张江镇/党委书记) when the rest
        is a word."""
        places = self._town_ends()
        if not places or not any(p in text for p in places):
            return pieces
        out = list(pieces)
        freq = self.tokenizer.FREQ
        for i in range(len(out) - 1):
            (w, a, b), (v, c, d) = out[i], out[i + 1]
            if b == c and len(v) > 2 and v[0] in "镇乡村" and (w + v[0]) in places and (freq.get(v[1:]) or 0) > 0:
                out[i], out[i + 1] = (w + v[0], a, b + 1), (v[1:], c + 1, d)
        return out

    def _town_ends(self) -> frozenset:
        """The article's own places that end in 镇, 乡 or 村 (worked out once per set of words)."""
        words = tuple(self.added)
        if self._towns is None or self._towns[0] != words:
            self._towns = (words, frozenset(w for w, t in self.added.items() if t == "ns" and len(w) >= 3 and w[-1] in "镇乡村"))
        return self._towns[1]

    def _join_named(self, text: str, pieces):
        """Names the tokens spell in pieces (see heads.txt): a heritage technique (宣纸/制作/技艺, Rule 6),
        a designation 中国…之乡 / 之都 (中国/富锌富硒/有机/茶之乡), a place's festival or fair (巫山/国际/红叶/节,
        Rule 7). Each shape is looked for only when its word is in ``text``."""
        if "技艺" in text:
            pieces = self._join_crafts(pieces)
        if "中国" in text and ("之乡" in text or "之都" in text):
            pieces = self._join_designations(pieces)
        if "节" in text or "会" in text:
            pieces = self._join_events(pieces)
        return pieces

    def _merge(self, pieces: list, a: int, b: int) -> bool:
        """Join ``pieces[a..b]`` in place into one token when they touch; ``False`` when they do not."""
        if any(pieces[k][2] != pieces[k + 1][1] for k in range(a, b)):
            return False
        word = "".join(p[0] for p in pieces[a:b + 1])
        pieces[a:b + 1] = [(word, pieces[a][1], pieces[b][2])]
        self.compounds.setdefault(word, "nz")
        return True

    def _name_piece(self, word: str, longest: int = 5) -> bool:
        """A noun or name that may stand in a heritage item's or a festival's name: Chinese only, 2–``longest``
        characters, no stopword, tagged a noun or name by jieba or unknown to it."""
        return (2 <= len(word) <= longest and bool(_CJK_ONLY.fullmatch(word)) and word not in stopwords()
                and self.pos(word) in {"n", "nz", "ns", "nr", "nrt", "ng", "nt", "j"})

    def _join_crafts(self, pieces):
        """Rule 6 (heads.txt, [crafts]): noun + (传统)? + process + 技艺 → one token (宣纸制作技艺); a county
        or place name right before the noun comes along (龙泉/青瓷/烧制/技艺)."""
        crafts = read_head_sections()["crafts"]
        pieces = list(pieces)
        i = 0
        while i < len(pieces):
            if pieces[i][0] == "技艺" and i >= 2 and pieces[i - 1][0] in crafts:
                j = i - 1
                if j >= 2 and pieces[j - 1][0] == "传统":
                    j -= 1
                noun = pieces[j - 1][0] if j >= 1 else ""
                if noun and (self._name_piece(noun) or (  # jieba tags 宣纸 v: a rare verb-tagged word may name the craft
                        self.tags.get(noun) == "v" and 2 <= len(noun) <= 4 and _CJK_ONLY.fullmatch(noun)
                        and (self.tokenizer.FREQ.get(noun) or 0) < COMMON_WORD_FREQ // 5)):
                    j -= 1
                    if j >= 1 and (self._is_county(pieces[j - 1][0]) or self.added.get(pieces[j - 1][0]) == "ns"):
                        j -= 1
                    if self._merge(pieces, j, i):
                        i = j
            i += 1
        return pieces

    def _join_designations(self, pieces):
        """中国 + up to four pieces + …之乡 / 之都 → one token (中国/富锌富硒/有机/茶之乡, 中国/蒙古族/刺绣/之/乡): an
        honorary designation; no punctuation or stopword inside (之 aside), 14 characters at most."""
        pieces = list(pieces)
        i = 0
        while i < len(pieces):
            if pieces[i][0] == "中国":
                for k in range(i + 1, min(i + 6, len(pieces))):
                    w = pieces[k][0]
                    if not _CJK_ONLY.fullmatch(w) or (w in stopwords() and w not in {"之", "乡", "都"}):
                        break
                    whole = "".join(p[0] for p in pieces[i:k + 1])
                    if len(whole) > 14:
                        break
                    if k > i and (whole.endswith("之乡") or whole.endswith("之都")) and len(whole) >= 5:
                        self._merge(pieces, i, k)
                        break
            i += 1
        return pieces

    def _festival_place(self, p: str) -> bool:
        """A place before a festival's name: the article's place, a county or city, a word jieba tags ns (or nr,
        nz: its dictionary tags 洪泽湖 nr), or an unknown word of 2–4 characters."""
        return bool(p) and (self.added.get(p) == "ns" or self._is_county(p) or self.tags.get(p) in {"ns", "nr", "nz"}
                            or (self.tags.get(p) is None and 2 <= len(p) <= 4 and bool(_CJK_ONLY.fullmatch(p))
                                and p not in stopwords()))

    def _join_events(self, pieces):
        """Rule 7 (heads.txt, [events]): place + (国际 | 中国)? + (noun)? + festival or fair → one token
        (巫山国际红叶节, 潜江龙虾节); the festival is 节 after a noun or a word of 3–4 characters ending in an
        [events] word, never a holiday (中秋节)."""
        s = read_head_sections()
        events, holidays = s["events"], s["holidays"]
        pieces = list(pieces)
        i = len(pieces) - 1
        while i >= 1:
            w = pieces[i][0]
            start = None
            prev = pieces[i - 1][0]
            if (w == "节" and len(prev) >= 4 and (prev in self.compounds or prev in _shared().added and self.tags.get(prev) in {"nz", "ns"})
                    and _CJK_ONLY.fullmatch(prev) and pieces[i - 1][2] == pieces[i][1]):
                self._merge(pieces, i - 1, i)  # a place's product named whole (太湖大闸蟹) + 节: its festival
                i -= 2
                continue
            if w == "节" and self._name_piece(pieces[i - 1][0], 4):
                start = i - 1
            elif 3 <= len(w) <= 5 and w not in holidays and any(w.endswith(e) for e in events):
                start = i
                if i >= 1 and self._name_piece(pieces[i - 1][0], 4) and not self._is_place(pieces[i - 1][0]):
                    start = i - 1  # a noun before the festival word (芦笙 + 斗马节) needs a place before it too
            if start is not None:
                k = start
                if k >= 1 and pieces[k - 1][0] in {"国际", "中国"}:
                    k -= 1
                if k >= 1 and self._festival_place(pieces[k - 1][0]):
                    k -= 1
                    if k >= 1 and self._festival_place(pieces[k - 1][0]) and _is_named_place(pieces[k - 1][0]):
                        k -= 1  # its province or city before it (北京 + 平谷国际桃花音乐节)
                    if len("".join(x[0] for x in pieces[k:i + 1])) <= 14 and self._merge(pieces, k, i):
                        i = k
            i -= 1
        return pieces

    def _join_level(self, out: list, joined: list):
        """Join the last two tokens of ``out`` in place when a level meets a designation
        (国家/现代农业产业园; 省级/农业产业园 once 农业 + 产业园 is joined)."""
        if len(out) < 2 or joined[-2]:
            return
        (left, la, lb), (right, ra, rb) = out[-2], out[-1]
        if lb == ra and self.joins_level(left, right):
            out[-2:] = [(left + right, la, rb)]
            joined[-2:] = [True]
            self.compounds.setdefault(left + right, "n")


_FILTERS: dict = {}


def _join_filters(sections: dict) -> tuple[frozenset, frozenset, frozenset]:
    """(every word a rule of ``Segmenter.joins`` can join on the right: the heads, place heads,
    place products and term heads; the prefixes; the levels) of these heads.txt sections."""
    key = id(sections)
    found = _FILTERS.get(key)
    if found is None or found[0] is not sections:
        rights = (sections["heads"] | sections["place-heads"] | sections["local-place-heads"] | sections["place-products"]
                  | sections["term-heads"] | sections["product-heads"])
        found = _FILTERS[key] = (sections, (frozenset(rights), sections["prefixes"], sections["levels"]))
    return found[1]


def has_single_characters(pieces: list[str]) -> bool:
    """Pieces of a phrase of which some are single characters (急/难/愁/盼, 以/旅/彰/文): a set
    phrase jieba does not know. One piece, or whole words (全面推进/乡村振兴), are not."""
    return len(pieces) > 1 and any(len(p) == 1 for p in pieces)


def _breaks_into_characters(tok: jieba.Tokenizer, phrase: str) -> bool:
    """True when jieba would cut ``phrase`` into pieces some of which are single characters
    (急难愁盼 → 急/难/愁/盼): it is a set phrase jieba does not know. A phrase that is already
    one word, or a sequence of words (全面推进/乡村振兴), is left to the dictionary."""
    return has_single_characters(fastcut.cut_no_hmm(tok, phrase))  # = tok.lcut(phrase, HMM=False)


def segmenter(names=(), phrases=(), places=(), shaped=()) -> Segmenter:
    """This article's tokenizer: the shared dictionary plus its speaker names (tag ``nr``), its
    town and street names (tag ``ns``; 灵山卫街道, 大泽山镇), its quoted set phrases (tag
    ``nz``; 急难愁盼) and the set phrases recognised by their shape (tag ``nz``; 以文塑旅,
    统防统治, 生态立县: :mod:`helpers.shapes`). The words are an overlay, computed here on the
    shared dictionary as it would be with the words before them added, and applied only while
    the Segmenter cuts."""
    base = _shared()
    seg = Segmenter(base.tokenizer, base.tags, {})
    words = [(n, "nr") for n in names] + [(p, "ns") for p in places] + [(p, "nz") for p in phrases]
    words += [(p, "shape") for p in shaped]  # helpers.shapes checked already that jieba splits them
    with seg:
        for word, tag in words:
            if len(word) < 2 or word in seg.added:
                continue
            if tag == "nz" and not _breaks_into_characters(seg.tokenizer, word):
                continue  # 全面推进乡村振兴 is 全面推进 + 乡村振兴: words already, not a new set phrase
            tag = "nz" if tag == "shape" else tag
            freq = winning_freq(seg.tokenizer, word)
            seg._overlay.add(word, freq)
            seg.freqs.append((word, freq))
            seg.added[word] = tag
    return seg


def article_segmenter(text: str, quotes: pd.DataFrame, places=None, people=None) -> Segmenter:
    """The article's tokenizer: its people (``people``; default ``quotes.attrs["people"]``), its
    towns and streets (``places``; None = those ``districts.place_words`` finds in ``text``), its
    quoted set phrases and the set phrases of :mod:`helpers.shapes`."""
    from helpers.districts import place_words
    from helpers.quotes import quoted_phrases
    from helpers.shapes import shaped_phrases

    names = article_names(quotes, people)
    places = place_words(text) if places is None else places
    places = list(dict.fromkeys([*places, *title_places(quotes["title"].tolist() if len(quotes) else [])]))
    tok = _shared().tokenizer
    cuts: dict[str, list[str]] = {}  # shapes cut the same items and pieces again: each once

    def cut(s: str) -> list[str]:  # = tok.lcut(s, HMM=False)
        found = cuts.get(s)
        if found is None:
            found = cuts[s] = fastcut.cut_no_hmm(tok, s)
        return found

    with _LOCK:  # the shared dictionary, without any article's overlay
        shaped = shaped_phrases(text, cut, names, places)
    return segmenter(names, quoted_phrases(text), places, shaped)


# a village, community, township or street written just before its own office in a speaker's title
# (向阳村党支部书记, 书院社区党委书记, 齐勒乌泽克乡党委书记, 泗门镇镇长)
_TITLE_PLACE = re.compile(r"([\u4e00-\u9fff]{2,10}?)(村|社区|嘎查|街道|乡|镇)(?=党|村委|居委|支部|总支|书记|主任|[村镇乡]长)")
_UNIT_IN_PREFIX = re.compile(r"(?:区|县|市|旗|州|盟|街道|镇|乡)")


def title_places(titles) -> list[str]:
    """The places the speakers' titles name before their offices, for the article's tokenizer:
    villages and communities are in no gazetteer (向阳村 was cut 向阳/村党支部书记), nor are many
    townships. The words before the place are cut off after their last unit (镇海区招宝山街道 →
    招宝山街道; 银雀山街道书院社区 → 书院社区) when two characters or more are left.

    >>> title_places(["向阳村党支部书记", "镇海区招宝山街道党工委书记", "县委书记", "余村村党支部书记"])
    ['向阳村', '招宝山街道']
    """
    found = []
    for title in titles:
        for m in _TITLE_PLACE.finditer(title or ""):
            prefix, unit = m.group(1), m.group(2)
            cut = max((u.end() for u in _UNIT_IN_PREFIX.finditer(prefix)), default=0)
            if len(prefix) - cut >= 2:
                prefix = prefix[cut:]
            if prefix.endswith(unit):
                continue  # 余村村党支部书记 is 余村 + 村党支部书记 (a gazetteer's word if any)
            found.append(prefix + unit)
    return list(dict.fromkeys(found))


def article_names(quotes: pd.DataFrame, people=None) -> list[str]:
    """Speakers and everyone else the quote finder met in the article (``people``; default
    ``quotes.attrs["people"]``), in order."""
    names = [n for n in dict.fromkeys(quotes["speaker"].tolist()) if n] if len(quotes) else []  # unique, in order
    return list(dict.fromkeys(names + list(quotes.attrs.get("people", []) if people is None else people)))


def is_content(word: str, pos: str = "") -> bool:
    """A content word: two or more characters, some Chinese, not a stopword."""
    return len(word) >= 2 and bool(P.HAS_CJK.search(word)) and word not in stopwords()


TOKEN_COLUMNS = ["article", "token_id", "word", "pos", "start", "end", "paragraph", "part", "section", "quote_id", "content"]
TOKEN_KINDS = {"article": str, "token_id": np.int64, "word": str, "pos": str, "start": np.int64, "end": np.int64,
               "paragraph": np.int64, "part": str, "section": np.int64, "quote_id": np.int64, "content": np.bool_}


def tokenize_article(article, quotes: pd.DataFrame | None = None, structure=None, seg: Segmenter | None = None,
                     places=None) -> pd.DataFrame:
    """The tokens table of one article (columns: article, token_id, word, pos, start, end,
    paragraph, part, section, quote_id, content). Without ``seg``, the article's segmenter is
    made by :func:`article_segmenter` (its people, quoted and shaped phrases and ``places``)."""
    return tokens_frame(token_columns(article, quotes, structure, seg, places))


def token_columns(article, quotes=None, structure=None, seg: Segmenter | None = None, places=None) -> dict:
    """:func:`tokenize_article` before the DataFrame: its columns (``TOKEN_COLUMNS``), the text
    ones (article, word, pos, part) as lists of Python strings, the number ones (token_id, start,
    end, paragraph, section, quote_id: int64; content: bool) as numpy arrays; :func:`tokens_frame`
    makes the table."""
    from helpers.quotes import extract_quotes
    from helpers.structure import parse_structure

    structure = structure or parse_structure(article.text)
    if quotes is None:
        quotes = extract_quotes(article, structure)
    if seg is None:
        seg = article_segmenter(article.text, quotes, places)
    with seg:  # the article's words applied once for all its paragraphs
        spans = [(para, seg.tokenize(para.text)) for para in structure.paragraphs]
    words: list[str] = []
    part: list[str] = []
    at, to = [], []  # each token's offsets in its paragraph
    counts, bases, indexes, sections, content_parts = [], [], [], [], []  # per paragraph with tokens
    for para, tokens in spans:
        if not tokens:
            continue
        ws, a, b = zip(*tokens)  # (columns at once)
        if not all(map(str.strip, ws)):  # a token of white space (a space, a line break): not kept
            keep = list(map(str.strip, ws))
            ws, a, b = tuple(compress(ws, keep)), tuple(compress(a, keep)), tuple(compress(b, keep))
            if not ws:
                continue
        k = len(ws)
        words += ws
        at += a
        to += b
        part += [para.kind] * k
        counts.append(k)
        bases.append(para.start)
        indexes.append(para.index)
        sections.append(para.section)
        content_parts.append(para.kind not in NON_CONTENT_PARTS)  # byline and label paragraphs: never content
    n = len(words)
    counts = np.array(counts, dtype=np.intp)
    base = np.repeat(np.array(bases, dtype=np.int64), counts)
    start = np.array(at, dtype=np.int64) + base
    end = np.array(to, dtype=np.int64) + base
    quote_id = np.full(n, -1, dtype=np.int64)
    if len(quotes) and n:  # the quote holding each token's start, if any (quotes in order of start)
        q_start = np.array(quotes["start"].tolist(), dtype=np.int64)
        q_end = np.array(quotes["end"].tolist(), dtype=np.int64)
        q_ids = np.array([int(q) for q in quotes["quote_id"].tolist()], dtype=np.int64)
        # the first quote not ended by the token's start (a running maximum: quotes may nest) …
        first = np.searchsorted(np.maximum.accumulate(q_end), start, side="right")
        has = first < len(q_end)
        first = np.minimum(first, len(q_end) - 1)
        inside = has & (q_start[first] <= start)  # … holds the token if it has begun by then
        quote_id[inside] = q_ids[first[inside]]
    # each distinct word's tag and content flag once (the article's words are all added by now)
    distinct = set(words)
    pos = seg.pos
    tags = {w: pos(w) for w in distinct}
    stops, has_cjk = stopwords(), P.HAS_CJK.search
    flags = {w: len(w) >= 2 and bool(has_cjk(w)) and w not in stops for w in distinct}  # is_content
    content = np.fromiter(map(flags.__getitem__, words), dtype=bool, count=n)
    content &= np.repeat(np.array(content_parts, dtype=bool), counts)
    cols = {
        "article": [article.name] * n, "token_id": np.arange(n, dtype=np.int64), "word": words,
        "pos": list(map(tags.__getitem__, words)), "start": start, "end": end,
        "paragraph": np.repeat(np.array(indexes, dtype=np.int64), counts), "part": part,
        "section": np.repeat(np.array(sections, dtype=np.int64), counts), "quote_id": quote_id, "content": content,
    }
    return {name: cols[name] for name in TOKEN_COLUMNS}


def tokens_frame(cols: dict[str, list]) -> pd.DataFrame:
    """The tokens table of :func:`token_columns`."""
    df = frames.frame(cols, TOKEN_KINDS)
    if df is None:  # no tokens (or an odd value): pandas' own inference, as before
        lists = {name: v.tolist() if isinstance(v, np.ndarray) else v for name, v in cols.items()}
        rows = list(zip(*(lists[name] for name in TOKEN_COLUMNS if name != "token_id")))
        df = pd.DataFrame(rows, columns=[c for c in TOKEN_COLUMNS if c != "token_id"])
        df.insert(1, "token_id", range(len(df)))
    return df


def term_counts(tokens: pd.DataFrame, top: int | None = None) -> pd.DataFrame:
    """term,count over content tokens, most frequent first (ties by term)."""
    counts = tokens.loc[tokens["content"], "word"].value_counts()
    df = counts.rename_axis("term").reset_index(name="count").sort_values(["count", "term"], ascending=[False, True], kind="stable")
    return (df.head(top) if top else df).reset_index(drop=True)


def _is_named_place(word: str) -> bool:
    """A province, prefecture or county-level name, full or short (河南, 青岛, 婺源): see districts."""
    from helpers.districts import is_place_name
    return is_place_name(word)
