"""Set phrases recognised by their shape (src/helpers/shapes.py) and county + product compounds:
what each shape keeps whole, and the ordinary text it must leave alone."""
import jieba
import pandas as pd
import pytest

from helpers.shapes import shaped_phrases
from helpers.tokenize import _shared, article_segmenter, segmenter


def cut(s):
    return _shared().tokenizer.lcut(s, HMM=False)


@pytest.mark.parametrize("text, found", [
    ("坚持以茶促旅、以旅带茶，推动茶旅融合", ["以茶促旅", "以旅带茶"]),
    ("坚持以文塑旅、以旅兴农", ["以旅兴农"]),  # 以文塑旅 is a lexicon word: the other item still joins
    ("确保搬得出、稳得住、能致富。", ["搬得出", "稳得住", "能致富"]),
    ("推行省水省肥技术，掀起大抓大干热潮", ["省水省肥", "大抓大干"]),
    ("要早谋早动，做到应保尽保", ["早谋早动", "应保尽保"]),
    ("坚持真抓真干，延链补链", ["真抓真干", "延链补链"]),
    ("打造可复制可推广的样板", ["可复制可推广"]),
    ("坚持生态立岛、富民兴村", ["生态立岛", "富民兴村"]),
])
def test_shapes_found(text, found):
    assert [p for p in shaped_phrases(text, cut) if p in found] == found


@pytest.mark.parametrize("text", [
    "保障粮食生产、粮食安全",            # a list of words, not a slogan
    "县林业局、县政府办负责落实",          # offices of one level
    "全区全面推进，农业农村现代化，创新创业热潮",  # two words sharing a character
    "这是他的人的话",                    # function characters frame nothing
    "带动200多户农户增收",               # a number before the frame
    "秦创原创新驱动平台",                 # the frame would steal 创新 from a word
    "正式成立县委工作组，带动强村公司",     # no slogan across word boundaries, no verb as X
    "要学习好贯彻好落实好党的精神",        # no formula with 的 in it
    "学习好、贯彻好、落实好，即产生、即汇聚",  # a word with a shared suffix or prefix: the word counts
])
def test_ordinary_text_has_no_shapes(text):
    assert shaped_phrases(text, cut) == []


def test_names_and_places_are_not_slogans():
    text = "县委副书记、县长乔世杰说"
    assert shaped_phrases(text, cut, names=["乔世杰"]) == []


def test_shaped_phrases_reach_the_tokens():
    text = "当地推行省水省肥，坚持以茶促旅、以旅带茶，走旅游兴市之路。"
    quotes = pd.DataFrame(columns=["speaker", "start", "end", "quote_id"])
    words = article_segmenter(text, quotes, places=[]).cut(text)
    assert {"省水省肥", "以茶促旅", "以旅带茶", "旅游兴市"} <= set(words)
    plain = segmenter().cut(text)  # the shared tokenizer alone splits them
    assert not {"省水省肥", "以茶促旅", "以旅带茶", "旅游兴市"} & set(plain)


def test_county_short_name_and_product():
    seg = segmenter()
    assert "富川脐橙" in seg.cut("富川脐橙远销海外")  # 富川 for 富川瑶族自治县
    assert "柞水木耳" in seg.cut("柞水木耳走俏")
    # a common word that is also a place's short name (新建区, 山地) keeps its product apart
    assert "新建茶叶" not in seg.cut("新建茶叶加工厂")
    assert "新鲜苹果" not in seg.cut("新鲜苹果上市")
    assert jieba.lcut("柞水木耳") != ["柞水木耳"]  # jieba alone splits it: the rule does the work


def test_an_empty_slogan_verbs_section_turns_the_strategy_shape_off(monkeypatch):
    from helpers import shapes
    full = shapes._sections()
    monkeypatch.setattr(shapes, "_sections", lambda: {**full, "slogan-verbs": frozenset()})
    shapes._hint.cache_clear()
    try:
        assert shaped_phrases("走生态立岛之路，推行省水省肥", cut) == ["省水省肥"]
    finally:
        shapes._hint.cache_clear()
    monkeypatch.undo()
    assert "生态立岛" in shaped_phrases("走生态立岛之路，推行省水省肥", cut)
