"""Districts and their evidence (helpers.districts), on short texts written for these tests.

Each test states the evidence kind it checks: ``title`` (a place in the speaker's title),
``context`` (a place tied to the speaker in the sentence or paragraph), ``article`` (the county
the article is about, only for people at or below the county) or none."""
import time

import pytest

from helpers import districts as D
from helpers.districts import ArticlePlaces, Place

from conftest import SEED


def places(text: str, headline: str = "", lead: str = "") -> ArticlePlaces:
    return ArticlePlaces.from_text(text, headline, lead)


def where(p: Place) -> tuple[str, str]:
    return p.district, p.source


# -- the national gazetteer -------------------------------------------------------------------

def test_national_gazetteer_levels():
    g = D.national()
    assert len(g.provinces) >= 34  # 31 mainland + Hong Kong, Macao, Taiwan
    assert 300 <= len(g.prefectures) <= 400
    assert 2800 <= sum(1 for u in g.units if u.name and not u.zone) <= 3100
    assert len(g.towns) > 30000
    unit = g.units[g.counties["婺源县"][0]]
    assert (unit.prefecture, unit.province) == ("上饶市", "江西省")


def test_global_names_are_counties_and_above_not_towns():
    names = D.gazetteer()
    assert names["婺源县"] == ("婺源县", "district")
    assert names["西海岸新区"] == ("黄岛区", "alias")  # editorial
    assert names["江西省"][1] == "province" and names["上饶市"][1] == "prefecture"
    assert "江湾镇" not in names and "城阳街道" not in names  # towns go per article (place_words)
    assert "和县" not in names  # an ordinary word inside 城乡和县域


def test_place_words_are_the_towns_streets_and_villages_of_the_text():
    words = D.place_words("婺源县江湾镇汪口村，城阳区城阳街道的居民")
    assert words[:2] == ["江湾镇", "城阳街道"] and "汪口村" in words
    assert "婺源县" not in words  # a county is a global name
    assert D.place_words("今天天气很好") == []


def test_renamed_counties():
    assert where(places("").place("长垣县委书记")) == ("长垣市", "title")  # 2019: 县 → 市
    assert where(places("").place("下城区委书记")) == ("拱墅区", "title")  # 2021: merged
    assert where(places("").place("即墨市副市长")) == ("即墨区", "title")  # editorial alias
    assert D.county_mentions("原邢台县") == [(1, "信都区")]


def test_a_name_renamed_in_one_city_but_current_in_another_keeps_its_name():
    # 邢台市's 桥东区 became 襄都区; 张家口市 still has a 桥东区
    assert D.title_place("张家口市桥东区区长")[0].district == "桥东区"


# -- evidence: title --------------------------------------------------------------------------

@pytest.mark.parametrize("title,district", [
    ("达拉特旗委书记", "达拉特旗"),  # a 旗
    ("全国人大代表、甘肃省定西市安定区香泉镇党委书记", "安定区"),
    ("济南市市中区民政局局长", "市中区"),  # a generic name after its city
    ("深圳市南山区委书记", "南山区"),  # not 市南 (a Qingdao alias inside 市南山)
    ("昆山经济技术开发区管委会主任", "昆山市"),  # a county-level city's zone
    ("青岛西海岸新区商务局局长", "黄岛区"),  # editorial alias
])
def test_title_names_the_county(title, district):
    assert where(places("").place(title)) == (district, "title")


def test_a_town_in_one_county_of_the_places_named():
    text = "江西省上饶市婺源县乡村旅游持续升温。"
    assert where(places(text).place("江湾镇党委书记")) == ("婺源县", "title")


def test_a_village_in_a_county_the_article_names():
    text = "婺源县大鄣山乡的茶园里，采茶正忙。"
    assert where(places(text).place("水岚村党支部书记")) == ("婺源县", "title")
    assert where(places("茶园里采茶正忙。").place("水岚村党支部书记")) == ("", "")  # no county named


# -- ambiguity: a town in several counties ----------------------------------------------------

def test_town_in_two_provinces_resolved_by_the_province_named():
    g = D.national()
    counties = {g.units[i].name for i in g.towns["港上镇"]}
    assert counties == {"郯城县", "邳州市"}  # the premise: 山东 and 江苏 each have one
    assert where(places("山东省各地春耕正忙。").place("港上镇党委书记")) == ("郯城县", "title")
    assert where(places("江苏各地春耕正忙。").place("港上镇党委书记")) == ("邳州市", "title")


def test_town_in_two_prefectures_resolved_by_the_prefecture_named():
    g = D.national()
    assert {g.units[i].prefecture for i in g.towns["港上镇"]} == {"临沂市", "徐州市"}
    assert where(places("徐州市各地春耕正忙。").place("港上镇镇长")) == ("邳州市", "title")


@pytest.mark.parametrize("text", ["各地春耕正忙。", "山东、江苏两省春耕正忙。"])
def test_town_in_two_counties_left_empty_when_the_text_does_not_decide(text):
    assert where(places(text).place("港上镇党委书记")) == ("", "")


# -- evidence: context ------------------------------------------------------------------------

def test_context_a_place_tied_to_the_speaker_in_the_sentence():
    art = places("安吉县余村游人如织。", headline="安吉：绿水青山就是金山银山")
    assert art.about == "安吉县"
    got = art.place("游客", sentence="“风景真美。”来自婺源县的游客王丽说。")
    assert where(got) == ("婺源县", "context")  # not the article's 安吉县


def test_context_a_street_delegation_at_a_county_congress():
    text = "婺源县第十七届人民代表大会第三次会议开幕。\n在江湾镇代表团，代表张三说，要把乡村旅游做强。"
    art = places(text)
    assert art.about == "婺源县"  # the county whose congress it reports
    paragraph = text.split("\n")[1]
    assert where(art.place("代表", paragraph=paragraph)) == ("婺源县", "context")


def test_context_a_county_named_just_before_a_town_title():
    assert "青禾镇" not in D.national().towns  # the premise: a town the gazetteer does not know
    art = places("湖州市各县区推进共同富裕。")
    assert where(art.place("青禾镇党委书记", nearby="在长兴县，青禾镇党委书记李明介绍")) == ("长兴县", "context")
    assert where(art.place("青禾镇党委书记")) == ("", "")


# -- evidence: article ------------------------------------------------------------------------

@pytest.mark.parametrize("title", ["县委书记", "县长", "区商务局局长", "江湾镇党委书记", "村民", "种粮大户", "竹业有限公司董事长", ""])
def test_article_county_for_local_people_whose_title_names_no_place(title):
    art = places("鄂尔多斯市各地春耕正忙。", headline="婺源：乡村旅游持续升温")
    assert where(art.place(title))[1] in ("article", "title")
    assert art.place(title).district == "婺源县"


def test_a_banner_written_without_the_place_gets_the_article_county():
    art = places("达拉特旗春耕正忙。", headline="达拉特旗：春耕正忙")
    assert where(art.place("旗委书记")) == ("达拉特旗", "article")


@pytest.mark.parametrize("title", [
    "鄂尔多斯市农牧局局长",  # a prefecture's office
    "市农牧局局长",  # the same, written without the place
    "内蒙古自治区农牧厅副厅长",  # a province's
    "省发展改革委副主任",
    "国家发展改革委副主任",  # the nation's
    "内蒙古农业大学教授",  # a scholar
    "研究员",
    "深圳某科技有限公司董事长",  # a company placed in another prefecture
])
def test_no_article_county_for_higher_offices_scholars_and_companies_elsewhere(title):
    art = places("鄂尔多斯市达拉特旗春耕正忙。", headline="达拉特旗春耕正忙")
    assert art.about == "达拉特旗"
    assert where(art.place(title)) == ("", "")


def test_zones_spanning_several_counties_get_no_district_and_no_article_county():
    art = places("重庆市渝北区推进数字经济。", headline="渝北区推进数字经济")
    assert art.about == "渝北区"
    assert art.place("两江新区管委会副主任") == Place("", "重庆市", "", "两江新区")
    assert where(art.place("东莞市松山湖管委会副主任")) == ("", "")


# -- the county an article is about ---------------------------------------------------------

@pytest.mark.parametrize("text", [
    "今日婺源\n江湾镇游客如织。",
    "婺源融媒讯 江湾镇游客如织。",
    "江湾镇游客如织。\n来源：婺源县融媒体中心",
    "婺源讯（记者 王五）江湾镇游客如织。",
])
def test_local_media_source_lines(text):
    assert D.source_line_county(text) == "婺源县"
    assert places(text).place("镇长").district == "婺源县"


def test_source_line_dropped_by_cleaning_is_read_from_the_raw_file():
    from helpers.read import clean_text

    raw = "江湾镇：游客如织\n来源：婺源县融媒体中心 发布时间：2024-05-01 浏览次数：120\n镇党委书记李明说，游客多了。"
    text = clean_text(raw)[0]
    assert "融媒体中心" not in text  # the premise: cleaning drops the line
    assert places(text).place("镇党委书记").district == ""
    assert where(ArticlePlaces.from_text(text, raw=raw).place("镇党委书记")) == ("婺源县", "article")


def test_headline_naming_a_prefecture_decides_no_county():
    text = "雁峰区、石鼓区负责人到场。雁峰区表示……"
    assert D.article_district(text) == "雁峰区"  # two of three mentions: dominant
    assert D.article_district(text, headline="问政衡阳：老旧小区改造") == ""


def test_dateline_naming_a_province_decides_no_county():
    lead = "新华社重庆4月18日电 走进重庆市渝中区解放碑街道，老街巷绿意盎然。"
    assert D.article_district(lead + "\n九龙坡区……", lead=lead) == ""  # the lead's one county is a scene
    assert D.article_district(lead + "\n渝中区……渝中区……", lead=lead) == "渝中区"  # dominant
    assert D.article_district("婺源县……", lead="婺源讯 江湾镇游客如织。") == "婺源县"


def test_lead_naming_one_county():
    lead = "近日，记者走进安吉县，竹林连绵。"
    assert D.article_district(lead + "\n湖州市有关负责人介绍……", headline="绿水青山间的新产业", lead=lead) == "安吉县"


def test_dominant_county():
    assert D.dominant_county("安吉县……安吉县……长兴县……安吉县") == "安吉县"
    assert D.dominant_county("安吉县……长兴县") == ""


# -- old callers --------------------------------------------------------------------------------

def test_find_place_keeps_its_signature():
    assert D.find_place("县委书记", context_district="安吉县").district == "安吉县"
    assert D.find_place("江湾镇党委书记", nearby_district="婺源县") == Place("婺源县", "", "context")
    assert D.find_place("省发展改革委副主任", context_district="安吉县").district == ""
    assert D.about_qingdao("城阳区夏庄街道") and not D.about_qingdao("婺源县江湾镇")


# -- the seed and costs ---------------------------------------------------------------------

def test_seed_districts_all_from_the_title():
    from helpers.quotes import extract_quotes
    from helpers.read import read_article

    quotes = extract_quotes(read_article(SEED))
    spoken = quotes[quotes.kind != "report"]
    assert spoken["speaker"].nunique() == 10 and spoken["district"].nunique() == 10
    assert set(spoken["district_source"]) == {"title"}
    assert list(quotes.columns).index("district_source") == list(quotes.columns).index("district") + 1


def test_lookup_is_cheap():
    art = places("江西省上饶市婺源县乡村旅游持续升温。")
    art.place("江湾镇党委书记")  # warm
    start = time.perf_counter()
    for _ in range(200):
        art.place("婺源县江湾镇党委书记")
        art.place("县委书记")
    assert (time.perf_counter() - start) / 400 < 0.005  # seconds per title


def test_docstring_examples():
    import doctest

    assert doctest.testmod(D).failed == 0


@pytest.mark.parametrize("title", ["喀什地区农业农村局局长", "自治区党委常委、宣传部部长", "阿里地区行署副专员"])
def test_prefecture_areas_and_regions_are_no_district(title):
    """The generic …区 rule must not read a prefecture (…地区) or a region (自治区) as a county."""
    assert ArticlePlaces.from_text("新华社乌鲁木齐电").place(title).district == ""
