"""Echo: the share of each quote shared verbatim (6+ characters) with the article's document
citations or the reference list, per quote, per district, and as a marked-up HTML page."""
import pandas as pd
import pytest

from helpers import echo as E
from helpers.pipeline import analyze

from conftest import SEED

NO_REFERENCE = pd.DataFrame(columns=["formulation", "source"])


@pytest.fixture(scope="module")
def seed():
    return analyze(SEED)


@pytest.fixture(scope="module")
def table(seed):
    return E.echo_table(seed, reference=NO_REFERENCE)


def test_spans_are_maximal_and_merged():
    src = "坚持农业农村优先发展，坚持城乡融合发展"
    assert E.echo_spans("我们将坚持农业农村优先发展，带动增收", src) == [(3, 14)]
    assert E.echo_spans("坚持农业农村", src) == [(0, 6)]
    assert E.echo_spans("坚持农业农", src) == []  # five characters are not an echo
    assert E.echo_spans("坚持城乡融合发展和坚持农业农村优先", src) == [(0, 8), (9, 17)]


def test_seed_echo_of_the_report(seed, table):
    assert "report" not in set(table["kind"])  # the documents do not echo themselves
    assert len(table) == int((seed.quotes["kind"] != "report").sum())
    wan = table[(table["speaker"] == "万俊菊") & (table["echoed"] > 0)].iloc[0]
    echoed = [wan["text"][a:b] for a, b in wan["spans"]]
    assert any("坚持农业农村优先发展" in e for e in echoed)  # the rural section's citation, repeated
    wang = table[(table["speaker"] == "王进辉") & (table["echoed"] > 0)].iloc[0]
    assert [wang["text"][a:b] for a, b in wang["spans"]] == ["全面推进乡村振兴"]
    assert wang["share"] == round(8 / len(wang["text"]), 4)
    assert (table["share"] + table["own"]).round(4).eq(1).all()


def test_reference_list_adds_echo(seed, table):
    ref = pd.DataFrame({"formulation": ["以人民为中心的发展思想"], "source": ["党的二十大报告"]})
    with_ref = E.echo_table(seed, reference=ref)
    song = with_ref[(with_ref["speaker"] == "宋小伟")]["echoed"].sum()
    assert song >= len("以人民为中心的发展思想") > table[table["speaker"] == "宋小伟"]["echoed"].sum()


def test_by_district(table):
    d = E.echo_by_district(table).set_index("district")
    assert d.loc["平度市", "echo_share"] > 0 and d.loc["黄岛区", "echo_share"] == 0
    chars = table.loc[table["district"] == "莱西市", "chars"].sum()
    assert d.loc["莱西市", "chars"] == chars
    assert d.loc["莱西市", "echo_share"] == round(table.loc[table["district"] == "莱西市", "echoed"].sum() / chars, 4)
    assert list(d["echo_share"]) == sorted(d["echo_share"], reverse=True)


def test_html_marks_echoed_spans(seed):
    page = E.echo_html(seed, reference=NO_REFERENCE)
    assert page.startswith("<!DOCTYPE html>") and "<style>" in page and "<script" not in page
    assert "<mark>全面推进乡村振兴</mark>" in page
    assert page.count('class="q"') == int((seed.quotes["kind"] != "report").sum())


def test_mark_escapes_html():
    assert E.mark_spans("a<b>c&d", [(1, 4)]) == "a<mark>&lt;b&gt;</mark>c&amp;d"


def test_no_quotes(tmp_path):
    p = tmp_path / "plain.txt"
    p.write_text("青岛市今年新建城市公园\n全市绿化覆盖率继续提高，市民休闲空间不断扩大。\n", encoding="utf-8")
    an = analyze(p)
    t = E.echo_table(an)
    assert t.empty and E.echo_by_district(t).empty
    assert "No quotes" in E.echo_html(an)
