"""The whole chain for one article, in one call: ``analyze(path)`` → :class:`Analysis`.

The data flows one way: read → structure (parsed once) → quotes → tokens → themes, each step
taking what the one before made. ``analyze`` keeps the result on disk (``helpers.cache``) and
loads it next time, so the notebooks, the command line and the corpus compute an article once
per change of the file or the package; ``compute_analysis`` always computes.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd

from helpers import frames
from helpers.quotes import extract_quotes, quote_columns, quotes_and_people  # noqa: F401 (extract_quotes, quotes_and_people: API)
from helpers.read import Article, read_article
from helpers.structure import Structure, parse_structure
from helpers.themes import default_term_theme, read_themes, score_columns, score_quotes  # noqa: F401 (score_quotes: API)
from helpers.tokenize import Segmenter, article_segmenter, token_columns, tokenize_article, tokens_frame  # noqa: F401 (tokenize_article: API)


@dataclass
class Analysis:
    """Everything the notebooks use for one article."""

    article: Article
    structure: Structure
    quotes: pd.DataFrame  # the quotes table, with theme scores and dominant_theme joined on
    tokens: pd.DataFrame  # one row per token
    _segmenter: Segmenter | None  # built lazily when loaded from the cache (see ``segmenter``)
    themes: dict
    added: dict = field(default_factory=dict)  # words the tokenizer added for this article: word → tag (nr, nz)
    _memo: dict = field(default_factory=dict, init=False, repr=False, compare=False)  # see ``memo``; not copied by dataclasses.replace

    @property
    def name(self) -> str:
        return self.article.name

    @property
    def segmenter(self) -> Segmenter:
        """The article's tokenizer (its speakers' names and quoted phrases added). Not cached on
        disk: rebuilt on first use after a load, exactly as ``compute_analysis`` built it."""
        if self._segmenter is None:
            self._segmenter = _segmenter_for(self.article, self.quotes)
        return self._segmenter

    def __setattr__(self, name, value):
        if name not in ("_memo", "_segmenter") and "_memo" in self.__dict__:
            self._memo.clear()  # a field replaced (``an.quotes = …``): what was derived from it is stale
        object.__setattr__(self, name, value)

    def memo(self, key, compute):
        """A table derived from this analysis alone, computed once per analysis object: a copy of
        ``compute()``'s result, kept under ``key`` until a field is assigned. The findings, the
        notebook cells and the explorer ask for the same formulations and quote table several
        times in one notebook."""
        if key not in self._memo:
            self._memo[key] = compute()
        found = self._memo[key]
        return found.copy() if hasattr(found, "copy") else found

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


def _segmenter_for(article, quotes: pd.DataFrame, people=None) -> Segmenter:
    """The article's tokenizer: its people (``people``; default ``quotes.attrs["people"]``), its
    quoted and shaped set phrases and its towns and streets."""
    return article_segmenter(article.text, quotes, people=people)


def with_scores(quotes: pd.DataFrame, scores: pd.DataFrame) -> pd.DataFrame:
    """The quotes table with the theme-score columns of ``score_quotes`` (same rows, same order)
    appended; its ``attrs`` (the people the quote finder met) kept."""
    extra = scores.drop(columns=["article", "quote_id"]).reset_index(drop=True)
    out = pd.concat([quotes.reset_index(drop=True), extra], axis=1)
    out.attrs = dict(quotes.attrs)
    return out


def _with_score_columns(quotes: pd.DataFrame, columns: dict, attrs: dict | None = None) -> pd.DataFrame:
    """``with_scores`` for the columns of ``themes.score_columns``: the quotes table and the
    scores built as one table (helpers.frames); the concatenation when that cannot be. The
    result's ``attrs``: ``attrs`` if given, else the quotes table's. ``quotes`` may be the
    columns of ``quotes.quote_columns`` (made a DataFrame only for the concatenation)."""
    from helpers.quotes import QUOTE_KINDS

    names = list(quotes.columns)
    if len(quotes) and not set(columns) & set(names) and set(names) <= set(QUOTE_KINDS):
        data = dict(quotes.data) if isinstance(quotes, frames.Columns) else {c: quotes[c].tolist() for c in names}
        kinds = dict(QUOTE_KINDS)
        for c, values in columns.items():
            kinds[c] = str if c == "dominant_theme" else np.int64 if c == "content_tokens" else np.float64
            data[c] = values if isinstance(values, np.ndarray) and values.dtype == kinds[c] else \
                values.tolist() if isinstance(values, np.ndarray) else list(values)  # (frames takes arrays of the kind's dtype)
        out = frames.frame(data, kinds)
        if out is not None:
            out.attrs = dict(quotes.attrs if attrs is None else attrs)
            return out
    if not isinstance(quotes, pd.DataFrame):
        quotes = quotes.frame()
    scores = pd.DataFrame({"article": quotes["article"].to_numpy() if len(quotes) else np.array([], dtype=object),
                           "quote_id": np.array([int(q) for q in quotes["quote_id"]] if len(quotes) else [], dtype=np.int64),
                           **columns})
    out = with_scores(quotes, scores)
    if attrs is not None:
        out.attrs = dict(attrs)
    return out


def compute_analysis(path, themes: dict | None = None) -> Analysis:
    """Read, clean, structure, extract quotes, tokenize and score themes for one article file,
    always computing (no cache).

    Raises ``helpers.InputError`` for a file the study cannot use."""
    article = read_article(Path(path))
    structure = parse_structure(article.text)
    quotes, people = quote_columns(article, structure)  # columns, no DataFrame yet: one table, at the end
    seg = _segmenter_for(article, quotes, people)
    columns = token_columns(article, quotes, structure, seg)
    tokens = tokens_frame(columns)
    lookup = default_term_theme() if not themes else None  # (the shipped themes: their lookup made once)
    themes = themes or read_themes()
    scores = score_columns(quotes, frames.Columns(columns), themes, lookup)  # read from the lists, not the table
    quotes = _with_score_columns(quotes, scores, {"people": people})
    return Analysis(article, structure, quotes, tokens, seg, themes, dict(getattr(seg, "added", {}) or {}))


def _cacheable(path: Path) -> bool:
    from helpers.read import MAX_BYTES

    try:
        return path.is_file() and 0 < path.stat().st_size <= MAX_BYTES
    except OSError:
        return False


def analyze(path, themes: dict | None = None, cache: bool = True) -> Analysis:
    """The analysis of one article file (see :class:`Analysis`), loaded from the on-disk cache
    when the file and the package are unchanged, else computed and stored.

    ``themes`` (a custom theme dictionary) or ``cache=False`` always compute. Raises
    ``helpers.InputError`` for a file the study cannot use.

    >>> an = analyze("seeds/000_10887d3b92d999db.txt")  # doctest: +SKIP
    >>> an.quotes.loc[0, "speaker"], len(an.tokens)      # doctest: +SKIP
    ('', 1744)"""
    from helpers import cache as C

    path = Path(path)
    if themes is not None or not cache or not _cacheable(path):
        return compute_analysis(path, themes)
    key = C.analysis_key(path)
    found = C.load(key)
    if found is None:
        with C.computing(key):  # another process computing it: wait, then load theirs
            found = C.load(key)
            if found is None:
                analysis = compute_analysis(path)
                C.store(key, analysis)
                return analysis
    found.article.path = path
    return found


def load_analysis(path) -> Analysis:
    """The cached analysis of ``path`` (computed and stored first if missing). Same as
    ``analyze(path)``; the name says what the notebooks do."""
    return analyze(path)
