"""The whole chain for one article, in one call: ``analyze(path)`` → :class:`Analysis`."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from helpers.districts import place_words  # places: towns and streets per article
from helpers.quotes import extract_quotes, quoted_phrases
from helpers.read import Article, read_article
from helpers.structure import Structure, parse_structure
from helpers.themes import read_themes, score_quotes
from helpers.tokenize import Segmenter, article_names, segmenter, tokenize_article


@dataclass
class Analysis:
    """Everything the notebooks use for one article."""

    article: Article
    structure: Structure
    quotes: pd.DataFrame  # the quotes table, with theme scores and dominant_theme joined on
    tokens: pd.DataFrame  # one row per token
    segmenter: Segmenter
    themes: dict

    @property
    def name(self) -> str:
        return self.article.name

    def steps(self) -> pd.DataFrame:
        """Counts at each processing step, for the README and the notebooks."""
        s = self.article.steps
        t = self.tokens
        rows = [
            ("characters read", s["characters_read"]),
            ("characters after cleaning", s["characters_clean"]),
            ("Chinese characters", s["chinese_characters"]),
            ("paragraphs", s["paragraphs"]),
            ("page-broken paragraphs joined", s["broken_paragraphs_joined"]),
            ("web debris lines dropped", s["debris_lines_dropped"]),
            ("sections (headings)", len(self.structure.headings)),
            ("quotes", len(self.quotes)),
            ("tokens (jieba)", len(t)),
            ("tokens with Chinese", int(t["word"].str.contains(r"[\u4e00-\u9fff]").sum())),
            ("content tokens (after stopwords, 2+ characters)", int(t["content"].sum())),
            ("distinct content terms", int(t.loc[t["content"], "word"].nunique())),
        ]
        return pd.DataFrame(rows, columns=["step", "count"])


def analyze(path, themes: dict | None = None) -> Analysis:
    """Read, clean, structure, extract quotes, tokenize and score themes for one article file.

    Raises ``helpers.InputError`` for a file the study cannot use."""
    article = read_article(Path(path))
    structure = parse_structure(article.text)
    quotes = extract_quotes(article, structure)
    names = article_names(quotes)
    seg = segmenter(names, quoted_phrases(article.text), place_words(article.text))  # places: towns per article
    tokens = tokenize_article(article, quotes, structure, seg)
    themes = themes or read_themes()
    scores = score_quotes(quotes, tokens, themes)
    quotes = quotes.merge(scores.drop(columns=["article"]), on="quote_id", how="left")
    return Analysis(article, structure, quotes, tokens, seg, themes)
