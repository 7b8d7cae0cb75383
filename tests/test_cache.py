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


def _same_analysis(got, want):
    """Everything an analysis holds, compared exactly (values, dtypes, order, attrs)."""
    pd.testing.assert_frame_equal(got.quotes, want.quotes, check_exact=True)
    pd.testing.assert_frame_equal(got.tokens, want.tokens, check_exact=True)
    assert got.quotes.attrs == want.quotes.attrs and got.tokens.attrs == want.tokens.attrs
    assert got.structure == want.structure and got.themes == want.themes and got.added == want.added
    for name in ("name", "safe_name", "raw", "text", "encoding", "traditional", "steps"):
        assert getattr(got.article, name) == getattr(want.article, name), name


def test_loaded_equals_computed_on_several_articles(tmp_path, monkeypatch):
    """A web copy, a TV transcript, a traditional-character article, one with no quotes, ·-names
    and a press conference: each loaded analysis is the computed one, and its tables can be
    changed like any computed table (not read-only arrays)."""
    monkeypatch.setenv(cache.CACHE_ENV, str(tmp_path / "c"))
    names = ["01_web_copy", "02_tv_transcript", "07_traditional_pinyin", "21_indirect_only", "32_documents_only",
             "37_press_conference", "62_xinjiang_dot_names"]
    for name in names:
        path = ARTICLES / f"{name}.txt"
        want = compute_analysis(path)
        analyze(path)  # computed and stored
        loaded = analyze(path)
        assert loaded._segmenter is None, name  # read from the cache
        _same_analysis(loaded, want)
        assert loaded.article.path == path
        loaded.tokens.loc[0, "start"] = -1  # a table of its own, writable
        assert analyze(path).tokens.loc[0, "start"] == want.tokens.loc[0, "start"]  # the stored entry unchanged
    assert len(list((tmp_path / "c" / "analyses").iterdir())) == len(names)


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
    files = [f for f in entry.iterdir() if f.is_file()]
    assert files
    for f in files:  # every file of the entry damaged, whatever its layout
        f.write_bytes(b"not an analysis")
    got = analyze(path)
    pd.testing.assert_frame_equal(got.tokens, want.tokens)
    assert analyze(path)._segmenter is None  # stored again, loads again


def test_an_entry_without_its_file_is_stored_again(tmp_path, monkeypatch):
    """A cache folder left without its file (emptied by hand, an older tool) is not taken for a
    stored analysis: the analysis is computed, stored and loaded next time."""
    monkeypatch.setenv(cache.CACHE_ENV, str(tmp_path / "c"))
    path = ARTICLES / "04_no_headings.txt"
    analyze(path)
    (entry,) = (tmp_path / "c" / "analyses").iterdir()
    for f in entry.iterdir():
        f.unlink()
    assert analyze(path)._segmenter is not None  # computed
    assert analyze(path)._segmenter is None  # stored again, loaded


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
