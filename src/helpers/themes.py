"""Themes: a dictionary of theme → terms (``data/themes.txt``, INI-like, editable), and each
quote's score per theme and dominant theme.

A quote's score for a theme is the weighted number of its content tokens that are terms of the
theme, per 100 content tokens; the dominant theme is the highest score (none when no term hits).
"""
from __future__ import annotations

from functools import lru_cache
from itertools import compress
from pathlib import Path

import numpy as np
import pandas as pd

from helpers.paths import THEMES_FILE

NONE = "（无）"


def read_themes(path: str | Path = THEMES_FILE) -> dict[str, dict[str, float]]:
    """theme → {term: weight}, in file order."""
    return dict(_read_themes(str(path)))


@lru_cache(maxsize=4)
def _read_themes(path: str):
    themes: dict[str, dict[str, float]] = {}
    current = None
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            line = line.strip()
            if not line or line.startswith("#"):
                continue
            if line.startswith("[") and line.endswith("]"):
                current = themes.setdefault(line[1:-1].strip(), {})
                continue
            if current is None:
                continue
            parts = line.split("\t") if "\t" in line else line.split()
            weight = float(parts[1]) if len(parts) > 1 else 1.0
            current[parts[0].strip()] = weight
    return tuple((k, v) for k, v in themes.items())


def term_theme(themes=None) -> dict[str, str]:
    """term → theme (a term belongs to one theme; the first wins if a user lists it twice)."""
    themes = themes or read_themes()
    out = {}
    for theme, terms in themes.items():
        for term in terms:
            out.setdefault(term, theme)
    return out


_DEFAULT_LOOKUP: list = [None, None]  # (the themes file as read, its term_theme)


def default_term_theme() -> dict[str, str]:
    """``term_theme(read_themes())``, made once per reading of the themes file (callers must not
    change it)."""
    items = _read_themes(str(THEMES_FILE))
    if _DEFAULT_LOOKUP[0] is not items:
        _DEFAULT_LOOKUP[:] = [items, term_theme(dict(items))]
    return _DEFAULT_LOOKUP[1]


def theme_hits(tokens: pd.DataFrame, themes=None) -> pd.DataFrame:
    """Content tokens that are theme terms: the tokens rows plus ``theme`` and ``weight``."""
    themes = themes or read_themes()
    lookup = term_theme(themes)
    hits = tokens[tokens["content"] & tokens["word"].isin(lookup)].copy()
    hits["theme"] = hits["word"].map(lookup)
    hits["weight"] = [themes[t][w] for t, w in zip(hits["theme"], hits["word"])]
    return hits


def score_quotes(quotes: pd.DataFrame, tokens: pd.DataFrame, themes=None) -> pd.DataFrame:
    """One row per quote: article, quote_id, content_tokens, a score column per theme (weighted
    hits per 100 content tokens) and ``dominant_theme`` (``（无）`` when nothing hits).

    Plain dictionaries, one pass over the tokens (no pivot tables on frames of a few rows). For
    example a quote of 50 content tokens with 实体经济 twice (weight 2) and 产业 once (weight 1)
    scores 实体经济与产业 = (2·2 + 1) / 50 · 100 = 10.0."""
    ids = [int(q) for q in quotes["quote_id"]] if len(quotes) else []
    columns = {"article": quotes["article"].to_numpy() if len(quotes) else np.array([], dtype=object),
               "quote_id": np.array(ids, dtype=np.int64)}
    columns.update(score_columns(quotes, tokens, themes))
    return pd.DataFrame(columns)


def score_columns(quotes: pd.DataFrame, tokens: pd.DataFrame, themes=None, lookup: dict | None = None) -> dict:
    """The columns :func:`score_quotes` adds, one value per quote in order: ``content_tokens``
    (int64 array), one score array per theme (float64, rounded to 2 places) and ``dominant_theme``
    (list of str). ``lookup``: ``term_theme(themes)`` if the caller has it already."""
    themes = themes or read_themes()
    names = list(themes)
    lookup = term_theme(themes) if lookup is None else lookup
    col = {name: i for i, name in enumerate(names)}
    ids = [int(q) for q in quotes["quote_id"]] if len(quotes) else []
    n_content = dict.fromkeys(ids, 0)
    weights = {q: [0.0] * len(names) for q in ids}
    if len(tokens):
        for word, qid in compress(zip(tokens["word"].tolist(), tokens["quote_id"].tolist()), tokens["content"].tolist()):
            if qid < 0 or qid not in n_content:  # (content tokens only: compress kept them)
                continue
            n_content[qid] += 1
            theme = lookup.get(word)
            if theme is not None:
                weights[qid][col[theme]] += themes[theme][word]
    n = np.array([n_content[q] for q in ids], dtype=np.int64)
    w = np.array([weights[q] for q in ids], dtype=float).reshape(len(ids), len(names))
    scores = w / np.where(n > 0, n, 1)[:, None] * 100
    best = scores.argmax(axis=1) if len(names) else np.zeros(len(ids), dtype=int)  # first of equal maxima, like idxmax
    has = scores.max(axis=1) > 0 if len(names) else np.zeros(len(ids), dtype=bool)
    columns = {"content_tokens": n}
    columns.update({name: scores[:, i].round(2) for i, name in enumerate(names)})
    columns["dominant_theme"] = [names[b] if h else NONE for b, h in zip(best, has)]
    return columns
