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
    hits per 100 content tokens) and ``dominant_theme`` (``（无）`` when nothing hits)."""
    themes = themes or read_themes()
    names = list(themes)
    content = tokens[tokens["content"] & (tokens["quote_id"] >= 0)]
    n_content = content.groupby("quote_id").size()
    hits = theme_hits(content, themes)
    weights = hits.pivot_table(index="quote_id", columns="theme", values="weight", aggfunc="sum", fill_value=0)
    weights = weights.reindex(index=quotes["quote_id"], columns=names, fill_value=0)
    n = n_content.reindex(quotes["quote_id"], fill_value=0).to_numpy()
    scores = weights.div(pd.Series(n, index=weights.index).where(lambda s: s > 0, 1), axis=0) * 100
    out = pd.DataFrame({"article": quotes["article"].to_numpy(), "quote_id": quotes["quote_id"].to_numpy(), "content_tokens": n})
    for name in names:
        out[name] = scores[name].round(2).to_numpy()
    top = scores.idxmax(axis=1) if len(scores) else pd.Series(dtype=str)
    has = scores.max(axis=1) > 0 if len(scores) else pd.Series(dtype=bool)
    out["dominant_theme"] = [t if h else NONE for t, h in zip(top, has)]
    return out
