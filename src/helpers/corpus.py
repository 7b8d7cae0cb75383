"""Many articles at once: ``load_corpus(paths, workers=N)`` analyses each article (in N processes,
with a progress bar), skips and lists unusable files, and keeps what a comparison needs.

Memory stays bounded however many articles there are. Each article's full analysis (every
token) goes to the on-disk cache (``helpers.cache``: one compressed entry per article); the corpus
holds only
- ``quotes``: every quote of every article (tens of rows per article),
- ``counts``: content-term counts per article (article, term, count; a few hundred rows per
  article, stored as integer codes into one vocabulary),
- ``articles``: one summary row per article (characters, quotes, speakers, districts, theme shares).
``corpus.tokens`` and ``corpus.analyses`` load the full tables back from the cache on demand: fine
for tens of articles, not for thousands (10,000 articles hold about 17 million tokens).

The per-article function ``article_summary(path)`` is the same in-process, in a process pool and on
Dask (``load_corpus_dask``), so a cluster runs exactly what a laptop runs.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd

from helpers.errors import InputError

CHUNK = 256  # quotes of this many articles are stacked into one frame at a time


def article_summary(path) -> dict:
    """Analyse one article (through the cache) and return what a corpus keeps of it: ``name``,
    ``quotes`` (its quotes table), ``terms``/``counts`` (content-term counts), ``row`` (summary
    row) — or ``{"skipped": "<one line>"}`` for a file the study cannot use. Picklable, so it
    runs in a process pool or on a Dask worker."""
    from helpers import measures as M
    from helpers.pipeline import analyze

    try:
        an = analyze(path)
    except InputError as err:
        return {"skipped": str(err)}
    tokens, quotes = an.tokens, an.quotes
    words = tokens.loc[tokens["content"], "word"]
    counts = words.value_counts(sort=False)
    shares = M.theme_shares(quotes, tokens, an.themes).set_index("theme")["token_share"].reindex(list(an.themes)).fillna(0)
    spoken = quotes[quotes["kind"] != "report"] if len(quotes) else quotes
    row = {
        "article": an.name,
        "path": str(path),
        "characters": an.article.steps["chinese_characters"],
        "tokens": len(tokens),
        "content_tokens": int(len(words)),
        "quotes": len(quotes),
        "speakers": spoken["speaker"].replace("", pd.NA).nunique() if len(spoken) else 0,
        "districts": quotes.loc[quotes["district"] != "", "district"].nunique() if len(quotes) else 0,
        "traditional": an.article.traditional,
        "encoding": an.article.encoding,
        **{f"theme:{k}": float(v) for k, v in shares.items()},
    }
    return {"name": an.name, "quotes": quotes, "terms": counts.index.tolist(), "counts": counts.to_numpy(dtype=np.int32), "row": row}


@dataclass
class Corpus:
    paths: list[Path]  # the articles analysed, in input order
    quotes: pd.DataFrame  # every quote of every article (column ``article`` tells which)
    counts: pd.DataFrame  # content-term counts: article, term (categorical), count
    articles: pd.DataFrame  # one row per article: characters, tokens, quotes, speakers, … ``theme:<name>`` shares
    skipped: list[str] = field(default_factory=list)  # one line per unusable file

    @property
    def names(self) -> list[str]:
        return self.articles["article"].tolist() if len(self.articles) else []

    def themes_by_article(self) -> pd.DataFrame:
        """Article × theme: % of the article's theme-term tokens (rows: articles)."""
        cols = [c for c in self.articles.columns if c.startswith("theme:")]
        table = self.articles.set_index("article")[cols] if len(self.articles) else pd.DataFrame(columns=cols)
        table.columns = [c.removeprefix("theme:") for c in cols]
        return table.rename_axis(None)

    @property
    def analyses(self):
        """Every article's full :class:`~helpers.pipeline.Analysis`, loaded from the cache
        (a list; for small corpora)."""
        from helpers.pipeline import analyze

        return [analyze(p) for p in self.paths]

    @property
    def tokens(self) -> pd.DataFrame:
        """Every token of every article, loaded from the cache (for small corpora)."""
        frames = [a.tokens for a in self.analyses]
        return pd.concat(frames, ignore_index=True) if frames else pd.DataFrame()


class _Collector:
    """Stacks article summaries as they arrive, keeping memory small: term counts as integer
    codes into one vocabulary, stacked every ``CHUNK`` articles with the quotes (their text
    columns made contiguous), summary rows as tuples of values under one shared tuple of keys."""

    def __init__(self):
        self.vocab: dict[str, int] = {}
        self.codes, self.lengths, self.values = [], [], []
        self.rows, self.paths, self.skipped = [], [], []
        self.keys: dict[tuple, tuple] = {}  # the rows' keys, one tuple per distinct set
        self.pending, self.chunks = [], []

    def add(self, path, result: dict):
        if "skipped" in result:
            self.skipped.append(result["skipped"])
            return
        row = result["row"]
        keys = tuple(row)
        keys = self.keys.setdefault(keys, keys)
        self.rows.append((keys, tuple(row.values())))
        self.paths.append(Path(path))
        vocab = self.vocab
        self.codes.append(np.fromiter((vocab.setdefault(t, len(vocab)) for t in result["terms"]), dtype=np.int32, count=len(result["terms"])))
        self.values.append(result["counts"])
        self.lengths.append(len(result["terms"]))
        if len(result["quotes"]):
            self.pending.append(result["quotes"])
        if len(self.pending) >= CHUNK:
            self._stack()

    def _stack(self):
        if self.pending:
            self.chunks.append(_contiguous(pd.concat(self.pending, ignore_index=True)))
            self.pending = []
        if len(self.codes) > 1:  # one array each, not one per article
            self.codes, self.values = [np.concatenate(self.codes)], [np.concatenate(self.values)]

    def _articles(self) -> pd.DataFrame:
        if len(self.keys) == 1:  # every row has the same keys: columns of values, as a list of dicts gives
            (keys,) = self.keys
            columns = list(zip(*(values for _k, values in self.rows)))
            return pd.DataFrame({k: list(col) for k, col in zip(keys, columns)})
        return pd.DataFrame([dict(zip(k, v)) for k, v in self.rows])

    def corpus(self) -> Corpus:
        self._stack()
        quotes = pd.concat(self.chunks, ignore_index=True) if self.chunks else pd.DataFrame()
        articles = self._articles()
        names = articles["article"].tolist() if len(articles) else []
        if self.lengths:
            ids = np.repeat(np.arange(len(self.lengths), dtype=np.int32), self.lengths)
            terms = pd.Categorical.from_codes(np.concatenate(self.codes), categories=list(self.vocab))
            article = pd.Categorical.from_codes(ids, categories=pd.Index(names).unique()) \
                if len(set(names)) == len(names) else np.array(names, dtype=object)[ids]
            counts = pd.DataFrame({"article": article, "term": terms, "count": np.concatenate(self.values)})
        else:
            counts = pd.DataFrame(columns=["article", "term", "count"])
        return Corpus(self.paths, quotes, counts, articles, self.skipped)


def _contiguous(df: pd.DataFrame) -> pd.DataFrame:
    """``df`` with each Arrow-backed column in one piece: pd.concat keeps one small chunk per
    article (each with its own buffers); joined, they take a fraction of the memory. Same values."""
    for name in df.columns:
        arr = df[name].array
        data = getattr(arr, "_pa_array", None)
        if data is not None and getattr(data, "num_chunks", 1) > 1:
            df[name] = pd.Series(pd.array(data.combine_chunks(), dtype=arr.dtype), index=df.index, name=name)
    return df


def _warm():
    """Build the shared tokenizer once in a worker, before its first article."""
    from helpers.tokenize import _base

    _base()


def load_corpus(paths, progress: bool = True, workers: int = 1) -> Corpus:
    """Analyse every file in ``paths`` (through the cache) and stack what a comparison needs;
    unusable files are skipped and listed in ``skipped``. ``workers`` > 1 analyses in that many
    processes; the progress bar counts articles either way. Results keep the order of ``paths``.

    >>> corpus = load_corpus(["seeds/000_10887d3b92d999db.txt", "tests/articles/11_second_study.txt"], workers=2)  # doctest: +SKIP
    >>> corpus.names                                                           # doctest: +SKIP
    ['000_10887d3b92d999db', '11_second_study']"""
    from tqdm.auto import tqdm

    paths = [Path(p) for p in paths]
    collect = _Collector()
    bar = tqdm(total=len(paths), desc="articles", unit="article", disable=not progress)
    if workers <= 1 or len(paths) < 2:
        for path in paths:
            collect.add(path, article_summary(path))
            bar.update()
    else:
        import multiprocessing as mp
        from concurrent.futures import ProcessPoolExecutor

        # fork where the system has it: works from a script without a __main__ guard and from a
        # notebook; the workers share the parent's tokenizer if it was already built
        method = "fork" if "fork" in mp.get_all_start_methods() else "spawn"
        with ProcessPoolExecutor(max_workers=workers, mp_context=mp.get_context(method), initializer=_warm) as pool:
            chunksize = max(1, min(16, len(paths) // (workers * 8)))
            for path, result in zip(paths, pool.map(article_summary, paths, chunksize=chunksize)):
                collect.add(path, result)
                bar.update()
    bar.close()
    return collect.corpus()


def load_corpus_dask(paths, scheduler=None, partitions: int | None = None) -> Corpus:
    """``load_corpus`` on Dask: a ``dask.bag`` over ``paths`` maps ``article_summary``.

    ``scheduler``: ``None`` (Dask's local processes), a ``distributed.Client``, or a scheduler's
    address such as ``"tcp://10.0.0.5:8786"`` (a client is opened and closed for the run). Every
    worker needs the package installed (``pip install -r requirements.txt``) and the article files
    at the same paths (a shared disk); set ``HELPERS_CACHE`` to a shared folder to share the cache."""
    import dask.bag as db

    paths = [Path(p) for p in paths]
    bag = db.from_sequence([str(p) for p in paths], npartitions=partitions or max(1, min(len(paths), 64)))
    results = bag.map(article_summary)
    if scheduler is None:
        computed = results.compute(scheduler="processes")
    elif isinstance(scheduler, str):
        from distributed import Client

        with Client(scheduler) as client:
            computed = client.compute(results).result()
    else:
        computed = scheduler.compute(results).result()
    collect = _Collector()
    for path, result in zip(paths, computed):
        collect.add(path, result)
    return collect.corpus()


def corpus_quotes(paths, progress: bool = True) -> pd.DataFrame:
    """The corpus-level quotes table: all quotes of all articles, in file then article order."""
    return load_corpus(paths, progress).quotes
