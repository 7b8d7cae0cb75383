"""English for non-Chinese readers: official renderings first, CC-CEDICT next, pinyin with tone
marks grouped by word, surnames read as surnames, chart labels."""
import pandas as pd
import pytest

from helpers import glossary as G, plots
from helpers.tokenize import term_counts

from conftest import SEED


@pytest.fixture(scope="module")
def seed_analysis():
    from helpers.pipeline import analyze

    return analyze(SEED)


def test_official_rendering_comes_first():
    english, source = G.gloss("实体经济")
    assert english == "real economy" and "20th National Congress" in source
    assert G.gloss("中国式现代化")[0] == "Chinese modernization"
    assert G.gloss("引领")[0] == "to lead; leading"  # CC-CEDICT's first sense: "to crane one's neck"


def test_cedict_and_compound_glosses_say_where_they_come_from():
    assert G.gloss("发展") == ("development; growth", G.CEDICT)
    english, source = G.gloss("人才生态")
    assert english == "talent + ecology" and source == G.CEDICT_PARTS
    assert G.gloss("沽河街道") == ("Guhe Subdistrict", G.PLACE)
    assert G.gloss("示范区")[0] == "demonstration zone"  # 示范 is a word: not a place name


def test_pinyin_has_tone_marks_grouped_by_word():
    assert G.term_pinyin("实体经济") == "shítǐ jīngjì"
    assert G.term_pinyin("重要") == "zhòngyào"
    assert G.term_pinyin("青岛") == "Qīngdǎo"
    assert G.term_pinyin("金家岭街道") == "Jīnjiālǐng jiēdào"  # a place name CEDICT lacks: the name as one word


@pytest.mark.parametrize("name, romanized, toned", [
    ("曾国藩", "Zeng Guofan", "Zēng Guófān"), ("单雄信", "Shan Xiongxin", "Shàn Xióngxìn"),
    ("仇英", "Qiu Ying", "Qiú Yīng"), ("解缙", "Xie Jin", "Xiè Jìn"), ("区家麟", "Ou Jialin", "Ōu Jiālín"),
    ("朴槿惠", "Piao Jinhui", "Piáo Jǐnhuì"), ("查良镛", "Zha Liangyong", "Zhā Liángyōng"),
    ("盖叫天", "Ge Jiaotian", "Gě Jiàotiān"), ("欧阳修", "Ouyang Xiu", "Ōuyáng Xiū"), ("曲艳阳", "Qu Yanyang", "Qū Yànyáng"),
    ("王萍", "Wang Ping", "Wáng Píng"),
])
def test_surname_readings(name, romanized, toned):
    assert G.name_pinyin(name) == romanized
    assert G.name_pinyin(name, tones=True) == toned


def test_pypinyin_alone_misreads_these_surnames():
    """The table is needed: without it the common-word reading comes out."""
    from pypinyin import lazy_pinyin

    assert lazy_pinyin("曾国藩")[0] == "ceng"


def test_seed_top_50_terms_carry_a_gloss(seed_analysis):
    top = term_counts(seed_analysis.tokens, top=50)["term"]
    table = G.glossary(top)
    assert len(table) == 50
    assert G.coverage(table) >= 0.9
    assert (table["pinyin"] != "").all()
    # and most of them from a dictionary entry or an official rendering, not stitched from parts
    assert (table["source"] != G.CEDICT_PARTS).mean() >= 0.9


def test_glossary_of_an_analysis_lists_every_content_term(seed_analysis):
    table = G.glossary(seed_analysis)
    assert list(table.columns) == ["term", "pinyin", "gloss", "source"]
    assert set(table["term"]) == set(seed_analysis.tokens.loc[seed_analysis.tokens["content"], "word"])


def test_speakers_in_pinyin(seed_analysis):
    table = G.speakers(seed_analysis.quotes)
    assert len(table) == seed_analysis.quotes.loc[seed_analysis.quotes["speaker"] != "", "speaker"].nunique()
    assert table["romanized"].str.fullmatch(r"[A-Z][a-z]+ [A-Z][a-z]+").all()


def test_label_modes():
    assert G.label("实体经济", "zh") == "实体经济"
    assert G.label("实体经济", "zh+en") == "实体经济\nshítǐ jīngjì · real economy"
    assert G.label_map(["发展"], "zh") is None
    with pytest.raises(ValueError):
        G.label("发展", "en")


def test_bar_chart_uses_the_labels(tmp_path):
    df = pd.DataFrame({"term": ["实体经济", "发展"], "count": [12, 20]})
    fig = plots.barh(df, "term", "count", "t", "count", labels=G.label_map(df["term"], "zh+en"))
    shown = [t.get_text() for t in fig.axes[0].get_yticklabels()]
    assert "实体经济\nshítǐ jīngjì · real economy" in shown
    table = pd.DataFrame([[1, 2]], index=["黄岛区"], columns=["发展", "人才"])
    fig2 = plots.heatmap(table, "t", "n", labels={"发展": "发展\nfāzhǎn"})
    assert [t.get_text() for t in fig2.axes[0].get_xticklabels()] == ["发展\nfāzhǎn", "人才"]


def test_cedict_is_attributed():
    assert "CC BY-SA 4.0" in G.CEDICT_CREDIT
    assert G.__doc__ and "Attribution-ShareAlike" in G.__doc__


def test_an_analysis_glossary_is_made_once(monkeypatch):
    from helpers import glossary as G
    from helpers.pipeline import analyze

    from conftest import SEED

    an = analyze(SEED)
    calls = []
    real = G._glossary
    monkeypatch.setattr(G, "_glossary", lambda terms: calls.append(1) or real(terms))
    first = G.glossary(an)
    assert G.glossary(an).equals(first) and len(calls) == 1
    assert len(G.glossary(first["term"].head(3))) == 3 and len(calls) == 2  # a list of terms: computed


def test_a_gloss_of_parts_keeps_every_part_on_the_chart_label():
    """CC-CEDICT's first sense of a part may itself hold '; ' (林: '(bound form) woods; forest');
    a chart label keeps the first sense of a gloss, and a part's '; ' cut the label to the first
    part ('林下经济 · woods'). The label now keeps the first sense of each part; the glossary
    table keeps them all."""
    english, source = G.gloss("林下经济")
    assert source == G.CEDICT_PARTS and english == "woods; forest + down + economy"
    assert G.label("林下经济", "zh+en").endswith("woods + down + economy")
