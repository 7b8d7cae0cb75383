"""Cohesion proposals across articles, and accepting them into the user lexicon."""
import pytest

from helpers import tokenize as T
from helpers.phrases import COLUMNS, USER_GROUP, accept_phrases, propose_phrases

from conftest import ROOT

# Three short articles: 沽水河畔 (unknown to jieba) recurs in two of them in varied company;
# 岚山渔港 only in one.
A = ("a", "区里提出，沽水河畔要建设湿地公园。记者看到，沽水河畔游人如织。岚山渔港正在改造。")
B = ("b", "今年，沽水河畔新开了三家民宿。市民说，周末常去沽水河畔散步，那里空气很好。")
C = ("c", "全市推进重点项目建设，沽水大桥主体完工。")


@pytest.fixture(scope="module")
def table():
    return propose_phrases([A, B, C])


def test_columns_and_a_recurring_split_sequence(table):
    assert list(table.columns) == COLUMNS
    row = table[table.phrase == "沽水河畔"]
    assert len(row) == 1, table
    row = row.iloc[0]
    assert row["count"] == 4 and row["articles"] == 2
    assert row["pieces"].count("/") >= 1  # the tokenizer splits it: that is why it is proposed
    assert row["pmi"] > 2 and row["left_entropy"] >= 1 and row["right_entropy"] >= 1


def test_one_article_is_not_enough(table):
    assert not table.phrase.str.contains("岚山").any()


def test_no_proposal_starts_or_ends_with_a_stopword(table):
    for pieces in table.pieces:
        parts = pieces.split("/")
        assert parts[0] not in T.stopwords() and parts[-1] not in T.stopwords()


def test_real_articles_give_a_table(table):
    paths = sorted((ROOT / "tests" / "articles").glob("*.txt"))[:12]
    df = propose_phrases(paths)
    assert list(df.columns) == COLUMNS and len(df) > 0
    assert (df["articles"] >= 2).all()
    assert df["pieces"].str.contains("/").all()


@pytest.fixture
def user_lexicon(tmp_path, monkeypatch):
    path = tmp_path / "lexicon-user.txt"
    monkeypatch.setattr(T, "USER_LEXICON_FILE", path)
    T._shared.cache_clear()
    yield path
    monkeypatch.undo()
    T._shared.cache_clear()  # the next test gets the shipped lexicon only


def test_accept_writes_the_user_group_and_the_tokenizer_reads_it(table, user_lexicon):
    assert "沽水河畔" not in T.segmenter().cut("周末常去沽水河畔散步")
    written = accept_phrases(table[table.phrase == "沽水河畔"])
    assert written == ["沽水河畔"]
    lines = user_lexicon.read_text(encoding="utf-8").splitlines()
    assert USER_GROUP in lines and "沽水河畔\tnz" in lines
    assert lines.index("沽水河畔\tnz") > lines.index(USER_GROUP)
    assert "沽水河畔" in T.segmenter().cut("周末常去沽水河畔散步")
    assert T.lexicon_table().query("term == '沽水河畔'").source.iloc[0] == "accepted cohesion proposals (user)"
    assert accept_phrases(["沽水河畔", "实体经济"]) == []  # known already: nothing written twice
    assert accept_phrases(["岚山渔港"]) == ["岚山渔港"]
    assert user_lexicon.read_text(encoding="utf-8").count(USER_GROUP) == 1


def test_never_writes_into_seeds():
    with pytest.raises(ValueError):
        accept_phrases(["沽水河畔"], path=ROOT / "seeds" / "lexicon-user.txt")
    assert not (ROOT / "seeds" / "lexicon-user.txt").exists()
