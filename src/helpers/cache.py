"""One analysis per article, kept on disk: ``store`` and ``load`` an :class:`~helpers.pipeline.Analysis`
under a key made of the article file's bytes, its name and everything the analysis depends on.

The key (``analysis_key(path)``) is a SHA-256 of
- the file's content and its stem (the stem is the ``article`` column),
- the package: every ``src/helpers/**/*.py`` and ``src/helpers/data/*`` file (so editing the
  lexicon, a theme or the gazetteer invalidates every entry),
- the versions of jieba, pandas and pyarrow.

An entry is a folder ``<cache>/analyses/<key>/`` holding ``quotes.parquet`` and ``tokens.parquet``
(Parquet via pyarrow: typed, compressed, fast to read) and ``meta.pickle`` (the cleaned article,
its structure, the themes and the words the tokenizer added: small Python objects, pickled). It is
written to a temporary folder and renamed into place, so a reader never sees half an entry and two
writers of the same entry do not clash.

The cache folder is ``.cache/`` at the project root (gitignored), or ``$HELPERS_CACHE`` if set.
Delete it at any time; it is rebuilt on the next run.
"""
from __future__ import annotations

import fcntl
import hashlib
import os
import pickle
import shutil
import uuid
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path

from helpers.paths import PACKAGE_DIR, PROJ_ROOT

CACHE_ENV = "HELPERS_CACHE"
FORMAT = "1"  # bump when the layout of an entry changes


def cache_dir() -> Path:
    """The cache folder: ``$HELPERS_CACHE`` if set, else ``<project>/.cache``."""
    return Path(os.environ.get(CACHE_ENV) or PROJ_ROOT / ".cache")


def _package_files() -> list[Path]:
    files = [p for p in PACKAGE_DIR.rglob("*.py") if "__pycache__" not in p.parts]
    files += [p for p in (PACKAGE_DIR / "data").glob("*") if p.is_file()]
    return sorted(files)


def package_digest() -> str:
    """SHA-256 of the package's source and data files and of the libraries that shape the
    tokens. Recomputed on each call (about 2 ms), so an edit in a running notebook counts."""
    return _package_digest(tuple((str(p), p.stat().st_mtime_ns, p.stat().st_size) for p in _package_files()))


@lru_cache(maxsize=8)
def _package_digest(stamp) -> str:
    from importlib.metadata import version  # the installed versions, without importing the libraries (½ s)

    h = hashlib.sha256(FORMAT.encode())
    for name, _, _ in stamp:
        path = Path(name)
        h.update(os.path.relpath(path, PACKAGE_DIR).encode())
        h.update(path.read_bytes())
    for name in ("jieba", "pandas", "pyarrow"):
        h.update(f"{name}=={version(name)}".encode())
    return h.hexdigest()


def file_digest(path) -> str:
    """SHA-256 of a file's bytes."""
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def analysis_key(path) -> str:
    """The cache key of ``path``'s analysis (see the module docstring)."""
    path = Path(path)
    return hashlib.sha256(f"{file_digest(path)}\n{path.stem}\n{package_digest()}".encode()).hexdigest()


def _entry(key: str) -> Path:
    return cache_dir() / "analyses" / key


def load(key: str):
    """The cached :class:`~helpers.pipeline.Analysis` for ``key``, or ``None`` if there is none
    (or it cannot be read: a damaged entry is treated as missing)."""
    import pandas as pd

    from helpers.pipeline import Analysis

    folder = _entry(key)
    if not (folder / "meta.pickle").is_file():
        return None
    try:
        with open(folder / "meta.pickle", "rb") as fh:
            meta = pickle.load(fh)
        quotes = pd.read_parquet(folder / "quotes.parquet")
        tokens = pd.read_parquet(folder / "tokens.parquet")
    except Exception:  # a damaged or foreign entry: drop it, so it is recomputed and stored again
        shutil.rmtree(folder, ignore_errors=True)
        return None
    quotes.attrs = dict(meta["quotes_attrs"])
    return Analysis(meta["article"], meta["structure"], quotes, tokens, None, meta["themes"], meta["added"])


def store(key: str, analysis) -> bool:
    """Write ``analysis`` under ``key``; ``False`` (and nothing written) if the cache folder is
    not writable. Atomic: written beside, then renamed into place."""
    final = _entry(key)
    if final.exists():
        return True
    tmp = final.with_name(f".tmp-{key[:16]}-{uuid.uuid4().hex[:8]}")
    try:
        tmp.mkdir(parents=True)
        quotes = analysis.quotes.copy()
        attrs, quotes.attrs = dict(quotes.attrs), {}
        quotes.to_parquet(tmp / "quotes.parquet", index=False)
        analysis.tokens.to_parquet(tmp / "tokens.parquet", index=False)
        meta = {"article": analysis.article, "structure": analysis.structure, "themes": analysis.themes,
                "added": analysis.added, "quotes_attrs": attrs}
        with open(tmp / "meta.pickle", "wb") as fh:
            pickle.dump(meta, fh, protocol=pickle.HIGHEST_PROTOCOL)
        try:
            tmp.rename(final)
        except OSError:  # another process wrote the same entry first: theirs is as good
            shutil.rmtree(tmp, ignore_errors=True)
        return True
    except OSError:
        shutil.rmtree(tmp, ignore_errors=True)
        return False


@contextmanager
def computing(key: str):
    """Held while one process computes the entry ``key``: a second process asking for the same
    analysis (a notebook's kernel while the report computes it) waits, then loads it, instead of
    computing it again. An exclusive lock on a small file in ``<cache>/locks/``, released when the
    process ends however it ends; without a writable cache folder, no lock."""
    try:
        folder = cache_dir() / "locks"
        folder.mkdir(parents=True, exist_ok=True)
        fd = os.open(folder / key[:32], os.O_RDWR | os.O_CREAT, 0o644)
    except OSError:
        yield
        return
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)  # closing releases the lock


def clear() -> None:
    """Delete every cached analysis."""
    shutil.rmtree(cache_dir() / "analyses", ignore_errors=True)
