"""The tables built from the data files (``helpers.cache.derived``): built once, read back the
same, rebuilt when what they are made from changes."""
import pickle

import pytest

from helpers import cache


@pytest.fixture
def own_cache(tmp_path, monkeypatch):
    monkeypatch.setenv(cache.CACHE_ENV, str(tmp_path / "cache"))
    return tmp_path / "cache"


def _counting(value):
    calls = []

    def build():
        calls.append(1)
        return value

    return build, calls


def test_built_once_then_read_back(own_cache):
    build, calls = _counting({"实体经济": 3})
    assert cache.derived("t", build) == {"实体经济": 3}
    assert cache.derived("t", build) == {"实体经济": 3}
    assert len(calls) == 1
    assert len(list((own_cache / "derived").glob("t-*.pickle"))) == 1


def test_a_changed_input_file_builds_again_and_drops_the_old_table(own_cache, tmp_path):
    data = tmp_path / "lexicon.txt"
    data.write_text("实体经济\tnz\n", encoding="utf-8")
    build, calls = _counting(1)
    cache.derived("t", build, files=[data])
    data.write_text("实体经济\tnz\n高质量发展\tnz\n", encoding="utf-8")
    cache.derived("t", build, files=[data])
    assert len(calls) == 2
    assert len(list((own_cache / "derived").glob("t-*.pickle"))) == 1
    cache.derived("t", build, files=[tmp_path / "elsewhere.txt"])  # another file (missing) is another table
    assert len(calls) == 3


def test_a_damaged_table_is_built_again(own_cache):
    build, calls = _counting([1, 2])
    cache.derived("t", build)
    (path,) = (own_cache / "derived").glob("t-*.pickle")
    path.write_bytes(b"not a pickle")
    assert cache.derived("t", build) == [1, 2]
    assert len(calls) == 2
    assert pickle.loads(path.read_bytes()) == [1, 2]


def test_an_unwritable_cache_only_costs_the_build(tmp_path, monkeypatch):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    monkeypatch.setenv(cache.CACHE_ENV, str(blocker / "cache"))  # under a file: cannot be made
    build, calls = _counting("v")
    assert cache.derived("t", build) == "v"
    assert cache.derived("t", build) == "v"
    assert len(calls) == 2


def test_the_cached_tokenizer_is_the_one_built_from_the_data():
    from helpers import tokenize as T

    base = T._shared()
    freqs, total, tags, added = T._shared_tables()
    assert base.tokenizer.total == total and base.added == added
    assert base.tokenizer.FREQ == freqs and base.tags == tags
    assert base.tokenizer.initialized
    assert T.segmenter().cut("推动实体经济高质量发展") == ["推动", "实体经济", "高质量发展"]
