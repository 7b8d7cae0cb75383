"""Cohesion proposals: word sequences that recur across articles and that the tokenizer splits.

With several articles (the files in ``seeds/``), ``propose_phrases(paths)`` lists sequences of 2–4
tokens that occur in at least two articles, with the statistics a reader needs to judge whether
they are one set phrase: how strongly the pieces stick together (PMI) and how freely the sequence
combines with what is around it (left and right boundary entropy). Nothing is added by itself:
the user reviews the table and calls ``accept_phrases(rows)``, which appends them to the user
lexicon (``data/lexicon-user.txt``), read by the tokenizer on its next start.

    >>> from helpers.paths import seed_files
    >>> table = propose_phrases(seed_files())              # doctest: +SKIP
    >>> accept_phrases(table[table.pmi > 8])                 # doctest: +SKIP
"""
from __future__ import annotations

import math
from collections import Counter, defaultdict
from pathlib import Path

import pandas as pd

from helpers import patterns as P
from helpers import tokenize as T
from helpers.paths import SEEDS_DIR

MAX_N = 4  # tokens in a proposal
MAX_CHARS = 10  # a longer sequence is a clause, not a phrase
USER_GROUP = "# source: accepted cohesion proposals (user)"
COLUMNS = ["phrase", "count", "articles", "pmi", "left_entropy", "right_entropy", "pieces"]


def _texts(items) -> list[tuple[str, str]]:
    """(name, text) for each item: a path (read and cleaned with ``helpers.read``), an Article, or
    a (name, text) pair."""
    from helpers.read import read_article

    out = []
    for i, item in enumerate(items):
        if isinstance(item, tuple):
            out.append((str(item[0]), item[1]))
        elif hasattr(item, "text"):
            out.append((item.name, item.text))
        else:
            article = read_article(Path(item))
            out.append((article.name, article.text))
    return out


def _runs(seg: T.Segmenter, text: str) -> list[list[str]]:
    """The text's tokens cut into runs of Chinese-only tokens (punctuation, digits, Latin and
    line breaks end a run): a phrase never crosses them."""
    runs, run = [], []
    for word in seg.cut(text):
        if T._CJK_ONLY.fullmatch(word):
            run.append(word)
        elif run:
            runs.append(run)
            run = []
    if run:
        runs.append(run)
    return runs


def _entropy(neighbours: list) -> float:
    """Shannon entropy (bits) of the neighbours; each run boundary (None) counts as its own
    neighbour, so a phrase that begins a run is free on that side."""
    counts = Counter(n for n in neighbours if n is not None)
    counts.update({("boundary", i): 1 for i, n in enumerate(neighbours) if n is None})
    total = sum(counts.values())
    return -sum(c / total * math.log2(c / total) for c in counts.values()) if total else 0.0


def _edge_ok(word: str) -> bool:
    """A proposal does not begin or end with a stopword (的, 和, 在 …)."""
    return word not in T.stopwords()


def propose_phrases(items, min_articles: int = 2, min_pmi: float = 2.0, min_entropy: float = 1.0) -> pd.DataFrame:
    """Sequences of 2–4 tokens found in at least ``min_articles`` articles, that the tokenizer
    splits, with ``pmi`` at least ``min_pmi`` and both boundary entropies at least
    ``min_entropy`` bits.

    ``items``: paths (as in ``seeds/``), Articles or (name, text) pairs. Returns a DataFrame with
    columns phrase, count (occurrences), articles (how many articles), pmi (the weakest link: the
    lowest pointwise mutual information, in bits, over the ways of cutting the sequence in two),
    left_entropy and right_entropy (bits, of the token before and after each occurrence), pieces
    (the tokenizer's cut, e.g. 沽水/河畔) — most articles first, then highest pmi.
    Example row: 沽水河畔, 4, 2, 11.3, 1.5, 2.0, 沽水/河畔."""
    seg = T.segmenter()
    texts = _texts(items)
    unigrams: Counter = Counter()
    grams: Counter = Counter()
    where: dict = defaultdict(set)
    left: dict = defaultdict(list)
    right: dict = defaultdict(list)
    for name, text in texts:
        for run in _runs(seg, text):
            unigrams.update(run)
            for n in range(2, MAX_N + 1):
                for i in range(len(run) - n + 1):
                    gram = tuple(run[i:i + n])
                    grams[gram] += 1
                    where[gram].add(name)
                    left[gram].append(run[i - 1] if i > 0 else None)
                    right[gram].append(run[i + n] if i + n < len(run) else None)
    total = sum(unigrams.values()) or 1
    rows = []
    for gram, count in grams.items():
        phrase = "".join(gram)
        if len(where[gram]) < min_articles or len(phrase) > MAX_CHARS:
            continue
        if not (_edge_ok(gram[0]) and _edge_ok(gram[-1])):
            continue
        pmi = min(_pmi(gram[:k], gram[k:], count, grams, unigrams, total) for k in range(1, len(gram)))
        le, re_ = _entropy(left[gram]), _entropy(right[gram])
        if pmi < min_pmi or min(le, re_) < min_entropy:
            continue
        rows.append((phrase, count, len(where[gram]), round(pmi, 2), round(le, 2), round(re_, 2), "/".join(gram)))
    df = pd.DataFrame(rows, columns=COLUMNS)
    df = _drop_contained(df)
    return df.sort_values(["articles", "pmi", "count", "phrase"], ascending=[False, False, False, True], kind="stable").reset_index(drop=True)


def _pmi(a: tuple, b: tuple, count: int, grams: Counter, unigrams: Counter, total: int) -> float:
    """log2 p(ab) / (p(a) p(b)), each part's probability its count over all tokens."""
    def c(part):
        return unigrams[part[0]] if len(part) == 1 else grams[part]
    return math.log2(count * total / (c(a) * c(b)))


def _drop_contained(df: pd.DataFrame) -> pd.DataFrame:
    """Of a phrase and a longer one containing it with the same count (河畔 in 沽水河畔), keep the
    longer: the shorter never occurs on its own."""
    if df.empty:
        return df
    keep = []
    for phrase, count in zip(df.phrase, df["count"]):
        keep.append(not any(p != phrase and phrase in p and c == count for p, c in zip(df.phrase, df["count"])))
    return df[keep]


def accept_phrases(rows, path=None) -> list[str]:
    """Append accepted proposals to the user lexicon, under the group ``# source: accepted
    cohesion proposals (user)`` (the file and the group are created if absent). ``rows``: the
    table of ``propose_phrases`` (or some of its rows) or a list of phrases. Phrases the lexicon
    already has are skipped. Returns the phrases written. Never writes into ``seeds/``.
    Default path: ``src/helpers/data/lexicon-user.txt``; the shared tokenizer is rebuilt with it."""
    path = Path(path) if path is not None else T.USER_LEXICON_FILE
    if SEEDS_DIR.resolve() in path.resolve().parents or path.resolve() == SEEDS_DIR.resolve():
        raise ValueError(f"{path}: the user lexicon may not be written into seeds/ (inputs are read only)")
    phrases = list(rows["phrase"]) if isinstance(rows, pd.DataFrame) else [str(r) for r in rows]
    phrases = [p.strip() for p in phrases if p and p.strip()]
    known = set(T.read_lexicon()) | (set(T.read_lexicon(path)) if path.exists() else set())
    new = [p for p in dict.fromkeys(phrases) if p not in known and P.HAS_CJK.search(p)]
    if not new:
        return []
    text = path.read_text(encoding="utf-8") if path.exists() else _USER_HEADER
    if USER_GROUP not in text.splitlines():
        text = text.rstrip("\n") + "\n\n" + USER_GROUP + "\n"
    lines = text.rstrip("\n").split("\n")
    at = lines.index(USER_GROUP) + 1
    while at < len(lines) and not lines[at].startswith("# source:"):
        at += 1  # the end of the group
    while at > 0 and not lines[at - 1].strip():
        at -= 1
    lines[at:at] = [f"{p}\tnz" for p in new]
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    T._shared.cache_clear()
    return new


_USER_HEADER = """# lexicon-user.txt — the user's own additions to the domain lexicon (same format as lexicon.txt:
# term<TAB>pos[<TAB>ref|ref-only]). Read by the tokenizer after lexicon.txt. The group below is
# written by helpers.phrases.accept_phrases from cohesion proposals the user accepted.
"""
