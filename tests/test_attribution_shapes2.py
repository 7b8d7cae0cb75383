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
