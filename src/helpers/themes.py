"""Themes: a dictionary of theme → terms (``data/themes.txt``, INI-like, editable), and each
quote's score per theme and dominant theme.

A quote's score for a theme is the weighted number of its content tokens that are terms of the
theme, per 100 content tokens; the dominant theme is the highest score (none when no term hits).
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

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
    themes = themes or read_themes()
    names = list(themes)
    lookup = term_theme(themes)
    col = {name: i for i, name in enumerate(names)}
    ids = [int(q) for q in quotes["quote_id"]] if len(quotes) else []
    n_content = dict.fromkeys(ids, 0)
    weights = {q: [0.0] * len(names) for q in ids}
    if len(tokens):
        for word, qid, is_content in zip(tokens["word"].tolist(), tokens["quote_id"].tolist(), tokens["content"].tolist()):
            if not is_content or qid < 0 or qid not in n_content:
                continue
            n_content[qid] += 1
            theme = lookup.get(word)
            if theme is not None:
                weights[qid][col[theme]] += themes[theme][word]
    rows = []
    for q in ids:
        n = n_content[q]
        scores = [w / (n or 1) * 100 for w in weights[q]]
        best = max(range(len(names)), key=lambda i: (scores[i], -i)) if names else None
        dominant = names[best] if names and scores[best] > 0 else NONE
        rows.append([n, *(round(x, 2) for x in scores), dominant])
    out = pd.DataFrame(rows, columns=["content_tokens", *names, "dominant_theme"])
    out.insert(0, "quote_id", ids)
    out.insert(0, "article", quotes["article"].to_numpy() if len(quotes) else [])
    out["content_tokens"] = out["content_tokens"].astype("int64")
    for name in names:
        out[name] = out[name].astype(float)
    return out
