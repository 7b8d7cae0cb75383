"""Attribution and reading shapes met on the fifth held-out set, each on a sentence of its own
(not the set's articles): hard-wrapped printed pages, 要求/提出 as speech verbs, a speech given
在讲话中, Hui surnames that are common characters, 他 after a surname + honorific, a place heading a
headline."""
from helpers.quotes import extract_quotes
from helpers.read import Article, clean_text, wrap_width


def rows(text, headline="标题"):
    article = Article(path=None, name="t", safe_name="t", raw=text, text=f"{headline}\n{text}", encoding="utf-8")
    q = extract_quotes(article)
    return list(zip(q["speaker"], q["title"], q["kind"]))


WRAPPED = """本报讯（记者 王文）谷雨前后，某某市的稻田里，农户们正
忙着起笼收虾。作为“虾稻共作”模式的发源地，全市虾稻共
作面积已达90万亩，全产业链综合产值突破六百亿元。
“我们要把这个‘小产业’做成富民强市的大产业。
”市委书记赵业军说，全市坚持“一只虾”带动全链条发
展，今年将重点推进精深加工和冷链物流项目建设。
湖北省农业农村厅副厅长钱国强表示，全省正在推广这
里的经验，确保粮食安全和农民增收两不误。"""


def test_hard_wrapped_page_is_joined_into_paragraphs():
    lines = [line for line in WRAPPED.splitlines()]
    assert wrap_width(lines) >= 20
    text, steps, _ = clean_text(WRAPPED)
    paragraphs = text.splitlines()
    assert "全市虾稻共作面积已达90万亩" in text  # a line cut mid-word is one again
    assert any(p.startswith("“我们要把") and "市委书记赵业军说" in p for p in paragraphs)  # ” belongs to the line before
    assert len(paragraphs) == 3
    assert {r[0] for r in rows(text)} == {"赵业军", "钱国强"}


def test_ordinary_lines_are_not_a_hard_wrapped_page():
    lines = ["标题在这里", "——副标题", "第一段很长，写了很多内容，说明了很多事情，一直写到结尾。", "短段落。"]
    assert wrap_width(lines) == 0


def test_yaoqiu_and_tichu_are_speech_verbs_but_not_as_nouns():
    assert ("蒲晓琳", "区委副书记、区长", "indirect") in rows("北碚区召开大会。区委副书记、区长蒲晓琳要求，要聚焦生态康养产业。")
    assert ("张明", "县长", "indirect") in rows("县长张明提出，要加快发展县域经济。")
    # “…”的重要要求，坚持…: a noun, and the quote has no speaker from it
    found = rows("下一步，街道将聚焦“疫情要防住、经济要稳住”的重要要求，坚持以人民为中心。")
    assert all(kind != "direct" or speaker for speaker, _t, kind in found) and not any(t == "" and k == "direct" for _s, t, k in found)


def test_words_said_in_a_speech_are_the_speakers_not_a_document():
    found = rows("副市长司马庆出席会议并讲话。司马庆在讲话中指出，要深入学习贯彻，在全市发展中挑大梁。")
    assert ("司马庆", "副市长", "indirect") in found
    assert not any(kind == "report" for _s, _t, kind in found)
    assert any(kind == "report" for _s, _t, kind in rows("党的二十大报告指出，要全面推进乡村振兴。"))


def test_hui_surnames_that_are_common_characters():
    assert rows("红寺堡区委书记锁建军说，全区种植面积已达10万亩。")[0][:2] == ("锁建军", "红寺堡区委书记")
    assert rows("罗山酒庄总经理虎晓燕介绍，酒庄去年吸纳移民务工1.5万人次。")[0][:2] == ("虎晓燕", "罗山酒庄总经理")


def test_he_after_a_surname_and_honorific_is_that_nameless_person():
    found = rows("大学教授麦锦辉认为，南沙是香港融入国家发展大局的重要平台。\n"
                 "来自香港的李先生在南沙买了房，他笑言，现在周末往返两地就像“过海”一样方便。")
    assert ("", "李先生", "indirect") in found
    assert {s for s, _t, _k in found} == {"麦锦辉", ""}


def test_a_place_heading_a_headline_is_no_speaker():
    found = rows("孟津：一朵“牡丹”一尊“三彩” 非遗里的富民经\n孟津区委书记裴建锋表示，孟津坚持以文塑旅，把牡丹画做成产业。")
    assert {s for s, _t, _k in found} == {"裴建锋"}
    # a person whose name is also a place's short name still speaks with a quote
    assert ("金山", "", "direct") in [(s, t, k) for s, t, k in rows("金山在花炮行业干了二十多年。金山说：“我们厂上了自动化生产线。”")]


def test_dateline_reported_from_a_place():
    from helpers.districts import dateline_county
    assert dateline_county("香港商报讯（记者程嘉仪）敦煌报道：暑假期间，莫高窟迎来客流高峰。")[0] == "敦煌市"
    assert dateline_county("他在报道：里面有很多内容")[0] == ""


def test_a_level_is_not_a_higher_office_and_a_bracketed_county_places_a_company():
    from helpers.districts import title_place
    place, higher = title_place("木雕国家级代表性传承人")
    assert not higher and place.district == ""  # a local person: the article's county may apply
    assert title_place("国家发展改革委副主任")[1]  # a national office stays one
    assert title_place("克劳斯精密机械（太仓）有限公司总经理")[0].district == "太仓市"
    assert title_place("某某（中国）有限公司总经理")[0].district == ""


def test_banner_short_names_from_the_editorial_gazetteer():
    from helpers.districts import source_line_county
    assert source_line_county("科右中旗融媒体中心讯（记者 图雅）近日，") == "科尔沁右翼中旗"


def test_mongolian_names_and_relocated_residents():
    found = rows("嘎查党支部书记额尔敦仓表示，嘎查探索新模式，去年牧户户均增收1.2万元。\n"
                 "牧民乌力吉木仁：“过去靠天养畜，现在讲究草畜平衡。”\n"
                 "搬迁群众格桑曲珍告诉记者，孩子们上学近了，看病也方便了。\n"
                 "区长孙海波表示，要把群众满意作为第一标准。他说：“宁可慢一点。”")
    assert {s for s, _t, _k in found} == {"额尔敦仓", "乌力吉木仁", "格桑曲珍", "孙海波"}  # not 满意作


def test_a_host_who_only_opens_and_closes_is_no_speaker():
    text = ("青浦区举行新闻发布会。区委宣传部副部长戚文娟主持发布会。\n"
            "区长钮晓峰介绍，青浦将加快建设长三角生态绿色一体化发展示范区。\n"
            "戚文娟：今天的发布会到此结束，谢谢各位。")
    assert {s for s, _t, _k in rows(text)} == {"钮晓峰"}
    # a host who also answers keeps their rows
    text2 = text.replace("戚文娟：今天的发布会到此结束，谢谢各位。", "戚文娟：补充一点，今年全区将新增绿地三百公顷。")
    assert "戚文娟" in {s for s, _t, _k in rows(text2)}


def test_autonomous_county_written_as_an_ordinary_county():
    from helpers.districts import title_place
    assert title_place("沧源县委书记")[0].district == "沧源佤族自治县"
    assert title_place("龙胜县县长")[0].district == "龙胜各族自治县"
    assert title_place("区委常委、常务副区长")[0].district == ""
    assert title_place("城区区长")[0].district == ""


def test_tv_sound_bite_header_without_a_colon():
    text = ("【正文】清晨，村里的稻田里，农机手正在开展无人机飞防作业。\n"
            "【同期】光东村党支部书记　金永哲\n"
            "我们成立了水稻种植专业合作社，统一品种、统一管理、统一销售。")
    assert ("金永哲", "光东村党支部书记", "direct") in rows(clean_text(text)[0])
