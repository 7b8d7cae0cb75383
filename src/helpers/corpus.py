"""Many articles at once: ``load_corpus(paths)`` analyses each (with a progress bar), skips and
reports unusable files, and stacks every article's quotes and tokens into corpus tables."""
from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

from helpers.errors import InputError
from helpers.pipeline import Analysis, analyze


@dataclass
class Corpus:
    analyses: list[Analysis]
    quotes: pd.DataFrame  # every quote of every article (column ``article`` tells which)
    tokens: pd.DataFrame  # every token of every article
    skipped: list[str] = field(default_factory=list)  # one line per unusable file

    @property
    def names(self) -> list[str]:
        return [a.name for a in self.analyses]


def load_corpus(paths, progress: bool = True) -> Corpus:
    """Analyse every file in ``paths``; unusable ones are skipped and listed in ``skipped``."""
    from tqdm.auto import tqdm

    analyses, skipped = [], []
    for path in tqdm(list(paths), desc="articles", unit="article", disable=not progress):
        try:
            analyses.append(analyze(path))
        except InputError as err:
            skipped.append(str(err))
    quotes = pd.concat([a.quotes for a in analyses], ignore_index=True) if analyses else pd.DataFrame()
    tokens = pd.concat([a.tokens for a in analyses], ignore_index=True) if analyses else pd.DataFrame()
    return Corpus(analyses, quotes, tokens, skipped)


def corpus_quotes(paths, progress: bool = True) -> pd.DataFrame:
    """The corpus-level quotes table: all quotes of all articles, in file then article order."""
    return load_corpus(paths, progress).quotes
