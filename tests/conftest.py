import atexit
import json
import os
import shutil
import tempfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
ARTICLES = Path(__file__).resolve().parent / "articles"
SEED = ROOT / "seeds" / "000_10887d3b92d999db.txt"

# The tests never read or write the project's .cache/: a fresh cache for the session, also seen by
# the subprocesses and notebook kernels the tests start (they inherit the environment).
_CACHE = tempfile.mkdtemp(prefix="helpers-test-cache-")
os.environ["HELPERS_CACHE"] = _CACHE
atexit.register(shutil.rmtree, _CACHE, ignore_errors=True)


@pytest.fixture(scope="session")
def expected():
    return json.loads((ARTICLES / "expected.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def seed_analysis():
    """The seed's analysis, computed once for the whole session (tests must not modify it)."""
    from helpers.pipeline import compute_analysis

    return compute_analysis(SEED)


def article_files():
    return sorted(ARTICLES.glob("*.txt"))


def lexicon_groups(phrases) -> dict:
    """The lexicon's rows of each group whose ``# source:`` line contains one of ``phrases`` (exactly
    one group each), for the tests of the lexicon's groups."""
    from helpers.tokenize import lexicon_table

    table = lexicon_table()
    out = {}
    for phrase in phrases:
        sources = [s for s in table["source"].unique() if phrase in s]
        assert len(sources) == 1, (phrase, sources)
        out[phrase] = table[table["source"] == sources[0]]
    return out
