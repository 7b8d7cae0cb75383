"""One analysis per article, kept on disk: ``store`` and ``load`` an :class:`~helpers.pipeline.Analysis`
under a key made of the article file's bytes, its name and everything the analysis depends on.

The key (``analysis_key(path)``) is a SHA-256 of
- the file's content and its stem (the stem is the ``article`` column),
- the package: every ``src/helpers/**/*.py`` and ``src/helpers/data/*`` file (so editing the
  lexicon, a theme or the gazetteer invalidates every entry),
- the versions of Python, jieba, pandas, pyarrow and numpy (the entry is pickled: it is read back
  only by the libraries that wrote it).

An entry is a folder ``<cache>/analyses/<key>/`` holding one file, ``analysis.pickle.zst``: the
quotes and tokens tables (the DataFrames themselves), the cleaned article, its structure, the
themes and the words the tokenizer added, pickled together and compressed with zstd (pyarrow's
codec). One read, one decompression and one unpickling give the tables exactly as computed, in a
fraction of the time of computing them (two Parquet reads and their conversion to pandas cost
more than the analysis itself). It is written to a temporary folder and renamed into place, so a
reader never sees half an entry and two writers of the same entry do not clash; an entry that
cannot be read (damaged, or from another layout) is dropped and computed again.

Beside the analyses, ``derived(name, build)`` keeps the tables every process builds from the data
files before it can analyse anything: jieba's dictionary with the lexicon, gazetteer and theme
terms written in and every word's tag (``helpers.tokenize``), the national gazetteer
(``helpers.districts``), CC-CEDICT (``helpers.glossary``) and jieba's IDF table
(``helpers.measures``). Each is built once per version of the package, its data files and the
libraries named (``<cache>/derived/<name>-<key>.pickle``) and unpickled by every later process,
a tenth of the time of building it; as jieba keeps its own dictionary's table in
``/tmp/jieba.cache``.

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
FORMAT = "2"  # bump when the layout of an entry changes (1: two Parquet files and a pickle)
ENTRY_FILE = "analysis.pickle.zst"
_CODEC = "zstd"


def cache_dir() -> Path:
    """The cache folder: ``$HELPERS_CACHE`` if set, else ``<project>/.cache``."""
    return Path(os.environ.get(CACHE_ENV) or PROJ_ROOT / ".cache")


def _package_files() -> list[str]:
    """Every ``.py`` file of the package (at any depth, ``__pycache__`` aside) and every file of
    ``data/``: their paths, sorted. Listed with ``os.scandir`` and kept as strings (a glob of the
    tree, and making and sorting Path objects, cost several times more)."""
    files: list[str] = []

    def walk(folder: str):
        with os.scandir(folder) as entries:
            for e in entries:
                if e.is_dir():
                    if e.name != "__pycache__":
                        walk(e.path)
                elif e.name.endswith(".py") and e.is_file():
                    files.append(e.path)

    walk(str(PACKAGE_DIR))
    data = os.path.join(PACKAGE_DIR, "data")
    if os.path.isdir(data):
        with os.scandir(data) as entries:
            files += [e.path for e in entries if e.is_file() and not e.name.endswith(".py")]  # (a .py there is listed above)
    return sorted(files)


def package_digest() -> str:
    """SHA-256 of the package's source and data files and of the libraries that shape the
    tokens and read the entries back. Recomputed on each call (one ``stat`` per file, well
    under a millisecond), so an edit in a running notebook counts."""
    stamp = []
    for p in _package_files():
        st = os.stat(p)
        stamp.append((os.fspath(p), st.st_mtime_ns, st.st_size))
    return _package_digest(tuple(stamp))


@lru_cache(maxsize=8)
def _package_digest(stamp) -> str:
    import sys
    from importlib.metadata import version  # the installed versions, without importing the libraries (½ s)

    h = hashlib.sha256(FORMAT.encode())
    for name, _, _ in stamp:
        path = Path(name)
        h.update(os.path.relpath(path, PACKAGE_DIR).encode())
        h.update(path.read_bytes())
    h.update(f"python=={sys.version_info[0]}.{sys.version_info[1]}".encode())
    for name in ("jieba", "pandas", "pyarrow", "numpy"):
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
    import pyarrow as pa

    from helpers.pipeline import Analysis

    folder = _entry(key)
    try:
        with open(folder / ENTRY_FILE, "rb") as fh:
            data = fh.read()
    except OSError:  # no entry; or a folder without its file (never written so): dropped, so it is stored again
        if folder.is_dir():
            shutil.rmtree(folder, ignore_errors=True)
        return None
    try:
        size = int.from_bytes(data[:8], "little")
        entry = pickle.loads(pa.decompress(memoryview(data)[8:], size, codec=_CODEC, asbytes=True))
        quotes, tokens = entry["quotes"], entry["tokens"]
        quotes.attrs = dict(entry["quotes_attrs"])
        return Analysis(entry["article"], entry["structure"], quotes, tokens, None, entry["themes"], entry["added"])
    except Exception:  # a damaged or foreign entry: drop it, so it is recomputed and stored again
        shutil.rmtree(folder, ignore_errors=True)
        return None


def store(key: str, analysis) -> bool:
    """Write ``analysis`` under ``key``; ``False`` (and nothing written) if the cache folder is
    not writable. Atomic: written beside, then renamed into place."""
    import pyarrow as pa

    final = _entry(key)
    if final.exists():
        return True
    tmp = final.with_name(f".tmp-{key[:16]}-{uuid.uuid4().hex[:8]}")
    try:
        tmp.mkdir(parents=True)
        quotes = analysis.quotes.copy(deep=False)  # the same columns; its attrs kept apart
        attrs, quotes.attrs = dict(analysis.quotes.attrs), {}
        entry = {"quotes": quotes, "tokens": analysis.tokens, "article": analysis.article, "structure": analysis.structure,
                 "themes": analysis.themes, "added": analysis.added, "quotes_attrs": attrs}
        data = pickle.dumps(entry, protocol=pickle.HIGHEST_PROTOCOL)
        with open(tmp / ENTRY_FILE, "wb") as fh:
            fh.write(len(data).to_bytes(8, "little"))
            fh.write(pa.compress(data, codec=_CODEC, asbytes=True))
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


def derived(name: str, build, libraries: tuple[str, ...] = (), files=()):
    """``build()``, computed once per package digest (its source and data files, and the
    libraries ``package_digest`` names), the versions of ``libraries`` (those whose data it
    reads) and the paths and contents of ``files`` (the data files it reads, wherever they are:
    a module's file setting may point outside the package), then read back from
    ``<cache>/derived/<name>-<key>.pickle``. A file that cannot be read is built again; an
    unwritable cache folder only costs the build. Older versions of the same table are removed
    when a new one is written."""
    from importlib.metadata import PackageNotFoundError, version

    h = hashlib.sha256(package_digest().encode())
    for lib in libraries:
        try:
            h.update(f"{lib}=={version(lib)}".encode())
        except PackageNotFoundError:
            h.update(f"{lib} missing".encode())
    for f in files:
        h.update(f"\0{os.fspath(f)}\0".encode())
        h.update(file_digest(f).encode() if os.path.isfile(f) else b"missing")
    folder = cache_dir() / "derived"
    path = folder / f"{name}-{h.hexdigest()[:24]}.pickle"
    try:
        with open(path, "rb") as fh:
            return pickle.load(fh)
    except Exception:  # missing, or damaged or foreign (a killed writer leaves none: files are renamed into place)
        pass
    value = build()
    tmp = folder / f".tmp-{name}-{uuid.uuid4().hex[:8]}"
    try:
        folder.mkdir(parents=True, exist_ok=True)
        with open(tmp, "wb") as fh:
            pickle.dump(value, fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
        for old in folder.glob(f"{name}-*.pickle"):
            if old != path:
                old.unlink(missing_ok=True)
    except OSError:
        try:
            tmp.unlink(missing_ok=True)
        except OSError:
            pass
    return value


def clear() -> None:
    """Delete every cached analysis."""
    shutil.rmtree(cache_dir() / "analyses", ignore_errors=True)
