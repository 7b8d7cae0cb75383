"""The on-disk analysis cache: a loaded analysis equals a computed one; the key follows the
file's content, its name and the package's source and data files; a damaged entry is recomputed."""
import pandas as pd

from helpers import cache
from helpers.pipeline import analyze, compute_analysis

from conftest import ARTICLES, SEED


def test_loaded_equals_computed(seed_analysis, tmp_path, monkeypatch):
    monkeypatch.setenv(cache.CACHE_ENV, str(tmp_path / "c"))
    first = analyze(SEED)
    assert len(list((tmp_path / "c" / "analyses").iterdir())) == 1  # stored under $HELPERS_CACHE
    loaded = analyze(SEED)
    assert loaded._segmenter is None  # came from disk, the tokenizer not rebuilt
    for got in (first, loaded):
        pd.testing.assert_frame_equal(got.quotes, seed_analysis.quotes)
        pd.testing.assert_frame_equal(got.tokens, seed_analysis.tokens)
        assert got.structure == seed_analysis.structure and got.article.text == seed_analysis.article.text
        assert got.quotes.attrs == seed_analysis.quotes.attrs and got.added == seed_analysis.added
    assert loaded.segmenter.cut("实体经济") == ["实体经济"]  # rebuilt on demand


def test_key_follows_content_name_and_package(tmp_path, monkeypatch):
    a = tmp_path / "a.txt"
    a.write_bytes(SEED.read_bytes())
    key = cache.analysis_key(a)
    assert cache.analysis_key(a) == key
    b = tmp_path / "b.txt"
    b.write_bytes(SEED.read_bytes())
    assert cache.analysis_key(b) != key  # the stem is the article column
    a.write_bytes(SEED.read_bytes() + "\n补充。".encode())
    assert cache.analysis_key(a) != key
    edited = cache.analysis_key(a)
    extra = tmp_path / "themes.txt"
    extra.write_text("[主题]\n词\n", encoding="utf-8")
    files = cache._package_files()
    monkeypatch.setattr(cache, "_package_files", lambda: files + [extra])
    with_extra = cache.analysis_key(a)
    assert with_extra != edited
    extra.write_text("[主题]\n另一个词\n", encoding="utf-8")  # editing a data file invalidates
    assert cache.analysis_key(a) != with_extra


def test_damaged_entry_is_recomputed(tmp_path, monkeypatch):
    monkeypatch.setenv(cache.CACHE_ENV, str(tmp_path / "c"))
    path = ARTICLES / "04_no_headings.txt"
    want = compute_analysis(path)
    analyze(path)
    (entry,) = (tmp_path / "c" / "analyses").iterdir()
    (entry / "tokens.parquet").write_bytes(b"not parquet")
    got = analyze(path)
    pd.testing.assert_frame_equal(got.tokens, want.tokens)
    assert analyze(path)._segmenter is None  # stored again, loads again


def test_unwritable_cache_still_analyses(tmp_path, monkeypatch):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    monkeypatch.setenv(cache.CACHE_ENV, str(blocker / "sub"))  # a folder under a file: cannot be made
    an = analyze(ARTICLES / "04_no_headings.txt")
    assert len(an.quotes) > 0


def test_package_digest_reads_versions_without_importing_the_libraries():
    """A rerun with nothing changed computes the stamp only: it should not pay for importing
    pandas and jieba (half a second) to learn their versions."""
    import subprocess
    import sys

    code = ("import sys; from helpers import cache; d = cache.package_digest(); "
            "print(len(d), 'pandas' in sys.modules, 'jieba' in sys.modules, 'pyarrow' in sys.modules)")
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert r.stdout.split() == ["64", "False", "False", "False"]
