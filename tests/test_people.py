"""People (helpers.people): what counts as a speaker, and how later mentions resolve."""
import pytest

from helpers import people as H
from helpers.people import Person, PersonRegistry


def registry(text="", reporters=()):
    return PersonRegistry(reporters, text=text, locate=lambda title, sentence="": ("平度市", "青岛市", "title") if "平度" in title else ("", "", ""))


@pytest.mark.parametrize("name,ok", [("万俊菊", True), ("李强", True), ("欧阳晓峰", True), ("阿依古丽·买买提", True),
                                     ("王阿姨", False), ("刘先生", False), ("全市", False), ("居民", False), ("张书记", False)])
def test_looks_like_name(name, ok):
    assert H.looks_like_name(name) is ok


def test_name_like_words_file():
    words = H.name_like_words()
    assert {"高峰", "文明", "海洋", "金山", "江河"} <= words
    assert not {"李强", "王萍", "万俊菊"} & words  # real names of the seed are not common words
    assert all(H.looks_like_name(w) for w in words)
    assert H.NAME_LIKE_WORDS_FILE.read_text(encoding="utf-8").startswith("#")


@pytest.mark.parametrize("seg,core", [
    ("【权威发布】市长张三", "市长张三"), ("快讯 王五", "王五"), ("独家｜区长刘建", "区长刘建"),
    ("会上，李四", "李四"), ("新闻发布会上，市统计局副局长林海", "市统计局副局长林海"), ("马明强在收看大会直播后", "马明强"),
    ("现场观众刘建军", "现场观众刘建军"),  # 现场 is part of the title, no marker
])
def test_strip_segment(seg, core):
    assert H.strip_segment(seg) == core


@pytest.mark.parametrize("seg,want", [
    ("平度市农业农村局党组书记、局长万俊菊", ("平度市农业农村局党组书记、局长", "万俊菊")),
    ("成都市武侯区委书记 张明远", ("成都市武侯区委书记", "张明远")),
    ("习近平总书记", ("总书记", "习近平")), ("钟南山院士", ("院士", "钟南山")), ("张伟教授", ("教授", "张伟")),
    ("高峰同志", ("同志", "高峰")), ("王书记", None),
    ("会议", None), ("文件", None), ("通知", None), ("报告", None), ("相关负责人", None), ("该局相关负责人", None),
])
def test_split_person(seg, want):
    assert H.split_person(seg) == want


def test_find_person_at_start_prefers_name_then_adverb():
    assert H.find_person_at_start("大瑶镇镇长江河正在一家企业查看生产线")[:2] == ("大瑶镇镇长", "江河")
    assert H.find_person_at_start("即墨国际陆港党委书记马明强在收看后感慨")[:2] == ("即墨国际陆港党委书记", "马明强")
    assert H.find_person_at_start("区长马明强调，要抓项目")[:2] == ("区长", "马明")  # 强调 is the verb
    assert H.find_person_at_start("居民王阿姨说") is None


@pytest.mark.parametrize("seg,quoted,name", [
    ("高峰", False, None), ("文明", False, None), ("金华", False, None),  # a bare common word is no speaker
    ("金山", True, "金山"),  # … unless a quotation follows the verb (金山说：“…”)
    ("浏阳市委副书记、市长高峰", False, "高峰"), ("浏阳市新时代文明实践中心主任海洋", False, "海洋"),  # an office before it
    ("林海", False, "林海"),  # a bare name that is no common word
    ("快讯 王五", False, "王五"), ("会上，李四", False, "李四"),
    ("会上", False, None), ("会议", False, None), ("据了解", False, None), ("记者从市商务局获悉", False, None),
    ("相关负责人", False, None), ("有关方面", False, None), ("记者 赵琳", False, None), ("白皮书", False, None),
    ("通报", False, None), ("新华社消息", False, None), ("任命", False, None),
])
def test_resolve(seg, quoted, name):
    who = H.resolve(registry(), seg, None, quoted=quoted)
    assert (who.name if who else None) == name


def test_resolve_common_word_introduced_with_office_later_bare():
    reg = registry()
    H.resolve(reg, "大瑶镇镇长江河", None)
    assert H.resolve(reg, "江河", None).title == "大瑶镇镇长"


def test_resolve_pronoun_title_surname_and_reporters():
    reg = registry(reporters=["王凯"])
    wan = H.resolve(reg, "平度市农业农村局党组书记、局长万俊菊", None)
    assert (wan.district, wan.district_source) == ("平度市", "title")
    assert H.resolve(reg, "她", None, last=wan) is wan
    assert H.resolve(reg, "万局长", None) is wan
    assert H.resolve(reg, "王凯", None) is None


def test_register_takes_the_introduction():
    text = "村民张建华家种了20亩茶。\n“今年收成好。”张建华笑着说。"
    reg = registry(text)
    assert H.register(reg, "", "张建华").title == "村民"


def test_people_joined():
    reg = registry()
    both = H.people_joined(reg, "八里营镇镇长宋广志和白道口镇前张村党支部书记马春燕都")
    assert [(p.name, p.title) for p in both] == [("宋广志", "八里营镇镇长"), ("马春燕", "白道口镇前张村党支部书记")]
    assert H.people_joined(reg, "企业和群众") == []


@pytest.mark.parametrize("seg,title", [("人事主管刘先生", "人事主管刘先生"), ("家住陆城街道的王阿姨", "王阿姨"),
                                       ("来自广州的游客陈女士", "游客陈女士"), ("王书记", "王书记"),
                                       ("相关负责人", None), ("王刚", None), ("文件", None)])
def test_unnamed_person(seg, title):
    who = H.unnamed_person(seg)
    assert (who.title if who else None) == title
    assert who is None or who.name == ""


def test_scan_mentions():
    reg = registry()
    text = "记者专访了平度市委副书记、市长孙德宝。祝荔萍，长沙市天心区委副书记、区长。"
    found = H.scan_mentions(reg, text)
    assert [p.name for _, p in found] == ["孙德宝", "祝荔萍"]
    assert text[found[0][0]:].startswith("平度市委副书记")
    assert reg.people["孙德宝"].district == "平度市"
