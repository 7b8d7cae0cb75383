"""The quotes table on articles written for the tests, one per shape real copies come in
(web copy, TV transcript, Q&A, no headings, 「」 and straight quotes, traditional characters
with pinyin debris, a county outside Qingdao, 李局长 after a first full mention, page breaks …).
Expectations were written by a reader from the text alone (tests/articles/expected.json);
articles 14–57 were written by readers who never saw the code, as five held-out sets."""
import json

import pytest

from helpers.quotes import extract_quotes
from helpers.read import read_article
from helpers.tokenize import tokenize_article

from conftest import ARTICLES

EXPECTED = json.loads((ARTICLES / "expected.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module", params=sorted(EXPECTED))
def case(request):
    article = read_article(ARTICLES / request.param)
    return request.param, article, extract_quotes(article), EXPECTED[request.param]


def test_offsets_trace_back(case):
    _, article, quotes, _ = case
    for row in quotes.itertuples():
        assert article.text[row.start:row.end] == row.text


def test_speakers_names_titles_districts(case):
    name, _, quotes, exp = case
    spoken = quotes[quotes.kind != "report"]
    got = {}
    for row in spoken.itertuples():
        got.setdefault(row.speaker, (row.title, row.district, set()))[2].add(row.kind)
    for who in exp["speakers"]:
        assert who["name"] in got, f"{name}: {who['name']} not found; got {sorted(got)}"
        title, district, kinds = got[who["name"]]
        assert title == who["title"], (name, who["name"], title)
        assert district == who["district"], (name, who["name"], district)
        assert set(who["kinds"]) <= kinds, (name, who["name"], kinds)
    extra = set(got) - {w["name"] for w in exp["speakers"]} - {""}  # "": a quote from someone unnamed (王阿姨)
    assert not extra, f"{name}: unexpected speakers {extra}"


def test_reports_and_reporters(case):
    name, _, quotes, exp = case
    assert (quotes.kind == "report").sum() == exp["reports"], name
    assert (quotes.loc[quotes.kind == "report", "speaker"] == "").all()
    assert not set(exp.get("not_speakers", [])) & set(quotes.speaker), name


def test_terms_kept_whole(case):
    name, article, quotes, exp = case
    words = set(tokenize_article(article, quotes).word)
    missing = [t for t in exp.get("must_keep_whole", []) if t not in words]
    assert not missing, f"{name}: split {missing}"


def test_rows_spoken_by_and_not_quoted(case):
    """Optional gold (articles 58–): a fragment of a quote and who says it ('' for someone with no
    name, 刘先生/王阿姨); fragments no row may contain (questions, the reporter's stand-up)."""
    name, _, quotes, exp = case
    for fragment, speaker in exp.get("spoken_by", []):
        rows = quotes[quotes.text.str.contains(fragment, regex=False)]
        assert len(rows), f"{name}: no row contains {fragment}"
        assert set(rows.speaker) == {speaker}, (name, fragment, set(rows.speaker))
    for fragment in exp.get("not_quoted", []):
        assert not quotes.text.str.contains(fragment, regex=False).any(), (name, fragment)
