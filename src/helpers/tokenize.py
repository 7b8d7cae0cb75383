"""Tokens: jieba with the domain lexicon, the article's own names and quoted phrases, at
frequencies that really keep them whole, on a private ``jieba.Tokenizer`` per article.

``segmenter(names, phrases)`` returns a :class:`Segmenter`; ``tokenize_article(article, quotes)``
returns the tidy tokens table (one row per token with offsets, part of speech, paragraph,
section, the quote it belongs to and whether it counts as a content word).
"""
from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from functools import lru_cache

import jieba
import pandas as pd

from helpers import patterns as P
from helpers.paths import LEXICON_FILE, STOPWORDS_FILES

jieba.setLogLevel(logging.WARNING)

FLOOR = 20000  # a user word is as likely as a common word of jieba's dictionary (tuned on the seed and tests/articles)
MARGIN = 20  # …and this many times more likely than its own best split into pieces
NON_CONTENT_PARTS = {"byline", "label"}


def read_lexicon(path=LEXICON_FILE) -> dict[str, str]:
    """The domain lexicon: term → part-of-speech tag (``term<TAB>tag`` lines, # comments)."""
    out: dict[str, str] = {}
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            line = line.strip()
            if not line or line.startswith("#"):
                continue
            parts = line.split("\t") if "\t" in line else line.split()
            out[parts[0].strip()] = (parts[1].strip() if len(parts) > 1 else "nz") or "nz"
    return out


@lru_cache(maxsize=1)
def stopwords() -> frozenset:
    words = set()
    for path in STOPWORDS_FILES:
        with open(path, encoding="utf-8") as fh:
            words.update(w.strip() for w in fh if w.strip() and not w.startswith("#"))
    return frozenset(words)


@lru_cache(maxsize=1)
def _dictionary_tags() -> dict[str, str]:
    """jieba's own part-of-speech tag for every word in its dictionary."""
    tags = {}
    with jieba.get_dict_file() as fh:
        for line in fh:
            parts = line.decode("utf-8").split()
            if len(parts) == 3:
                tags[parts[0]] = parts[2]
    return tags


def winning_freq(tok: jieba.Tokenizer, word: str) -> int:
    """A frequency that makes ``word`` beat every split of it (jieba's ``suggest_freq`` logic,
    with a margin and a floor) and never lowers a frequency jieba already has."""
    prob = 1.0
    for piece in tok.cut(word, HMM=False):
        prob *= tok.FREQ.get(piece, 1) / tok.total
    return max(tok.FREQ.get(word, 0) or 0, int(prob * tok.total * MARGIN) + 1, FLOOR)


def _set_word(tok: jieba.Tokenizer, word: str, freq: int, tags: dict, tag: str):
    old = tok.FREQ.get(word, 0) or 0
    tok.FREQ[word] = freq
    tok.total += freq - old
    for i in range(1, len(word)):
        tok.FREQ.setdefault(word[:i], 0)
    tags[word] = tag


@lru_cache(maxsize=1)
def _base() -> tuple[jieba.Tokenizer, dict]:
    """jieba's dictionary plus the lexicon, gazetteer names and theme terms (built once)."""
    from helpers.districts import gazetteer
    from helpers.themes import read_themes

    tok = jieba.Tokenizer()
    tok.initialize()
    tags = dict(_dictionary_tags())
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
    return tok, tags


@dataclass
class Segmenter:
    """A private jieba tokenizer for one article, and the part-of-speech tags it knows."""

    tokenizer: jieba.Tokenizer
    tags: dict
    added: dict  # the article's own words: word → tag

    def cut(self, text: str) -> list[str]:
        return self.tokenizer.lcut(text)

    def tokenize(self, text: str):
        """(word, start, end) for every token, offsets in ``text``."""
        return self.tokenizer.tokenize(text)

    def pos(self, word: str) -> str:
        if word in self.added:
            return self.added[word]
        tag = self.tags.get(word)
        if tag == "nr":
            return "n"  # jieba's dictionary tags 光荣, 智慧, 隆起带 … as names: only the article's people are nr
        if tag:
            return tag
        if re.fullmatch(r"[0-9.%％]+", word):
            return "m"
        if re.fullmatch(r"[A-Za-z]+", word):
            return "eng"
        if not P.HAS_CJK.search(word):
            return "x"
        return "n"  # a word jieba guessed: a noun unless the article introduced it as a person


def _breaks_into_characters(tok: jieba.Tokenizer, phrase: str) -> bool:
    """True when jieba would cut ``phrase`` into pieces some of which are single characters
    (急难愁盼 → 急/难/愁/盼): it is a set phrase jieba does not know. A phrase that is already
    one word, or a sequence of words (全面推进/乡村振兴), is left to the dictionary."""
    pieces = tok.lcut(phrase, HMM=False)
    return len(pieces) > 1 and any(len(p) == 1 for p in pieces)


def segmenter(names=(), phrases=(), places=()) -> Segmenter:
    """A fresh tokenizer: the shared dictionary (copied, so nothing leaks between articles)
    plus this article's speaker names (tag ``nr``), quoted set phrases (tag ``nz``) and the
    towns, streets and villages it names (tag ``ns``, from ``districts.place_words``)."""
    base, base_tags = _base()
    tok = jieba.Tokenizer()
    tok.FREQ, tok.total = dict(base.FREQ), base.total
    tok.initialized = True
    tags = dict(base_tags)
    added = {}
    for word, tag in [(n, "nr") for n in names] + [(p, "nz") for p in phrases] + [(p, "ns") for p in places]:  # places: ns
        if len(word) < 2 or word in added:
            continue
        if tag == "nz" and not _breaks_into_characters(tok, word):
            continue  # 全面推进乡村振兴 is 全面推进 + 乡村振兴: words already, not a new set phrase
        _set_word(tok, word, winning_freq(tok, word), tags, tag)
        added[word] = tag
    return Segmenter(tok, tags, added)


def article_names(quotes: pd.DataFrame) -> list[str]:
    """Speakers and everyone else the quote finder met in the article, in order."""
    names = [n for n in quotes["speaker"].unique() if n] if len(quotes) else []
    return list(dict.fromkeys(names + list(quotes.attrs.get("people", []))))


def is_content(word: str, pos: str = "") -> bool:
    """A content word: two or more characters, some Chinese, not a stopword."""
    return len(word) >= 2 and bool(P.HAS_CJK.search(word)) and word not in stopwords()


def tokenize_article(article, quotes: pd.DataFrame | None = None, structure=None, seg: Segmenter | None = None) -> pd.DataFrame:
    """The tokens table of one article (columns: article, token_id, word, pos, start, end,
    paragraph, part, section, quote_id, content)."""
    from helpers.districts import place_words  # places: towns and streets per article
    from helpers.quotes import extract_quotes, quoted_phrases
    from helpers.structure import parse_structure

    structure = structure or parse_structure(article.text)
    if quotes is None:
        quotes = extract_quotes(article, structure)
    if seg is None:
        names = article_names(quotes)
        seg = segmenter(names, quoted_phrases(article.text), place_words(article.text))  # places
    rows = []
    q_start = quotes["start"].to_numpy() if len(quotes) else []
    q_end = quotes["end"].to_numpy() if len(quotes) else []
    q_ids = quotes["quote_id"].to_numpy() if len(quotes) else []
    qi = 0
    for para in structure.paragraphs:
        for word, a, b in seg.tokenize(para.text):
            if not word.strip():
                continue
            start, end = para.start + a, para.start + b
            while qi < len(q_end) and q_end[qi] <= start:
                qi += 1
            quote_id = int(q_ids[qi]) if qi < len(q_start) and q_start[qi] <= start < q_end[qi] else -1
            pos = seg.pos(word)
            rows.append((article.name, word, pos, start, end, para.index, para.kind, para.section, quote_id,
                         para.kind not in NON_CONTENT_PARTS and is_content(word, pos)))
    df = pd.DataFrame(rows, columns=["article", "word", "pos", "start", "end", "paragraph", "part", "section", "quote_id", "content"])
    df.insert(1, "token_id", range(len(df)))
    return df


def term_counts(tokens: pd.DataFrame, top: int | None = None) -> pd.DataFrame:
    """term,count over content tokens, most frequent first (ties by term)."""
    counts = tokens.loc[tokens["content"], "word"].value_counts()
    df = counts.rename_axis("term").reset_index(name="count").sort_values(["count", "term"], ascending=[False, True], kind="stable")
    return (df.head(top) if top else df).reset_index(drop=True)
