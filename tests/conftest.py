import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
ARTICLES = Path(__file__).resolve().parent / "articles"
SEED = ROOT / "seeds" / "000_10887d3b92d999db.txt"


@pytest.fixture(scope="session")
def expected():
    return json.loads((ARTICLES / "expected.json").read_text(encoding="utf-8"))


def article_files():
    return sorted(ARTICLES.glob("*.txt"))
