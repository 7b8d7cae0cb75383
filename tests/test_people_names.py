"""Names that do not fit "Han surname + 1–2 characters" (helpers.names, helpers.people): rare and
compound surnames, ·-joined Uyghur/Kazakh names, Tibetan, Mongolian and Yi names, long title chains,
a name before its title — and what must NOT become a person (乌兰察布市委书记, 达瓦村, 吉克乡 …)."""
import pytest

from helpers import names as N
from helpers import people as H
from helpers.people import PersonRegistry
from helpers.quotes import extract_quotes
from helpers.read import Article


def registry():
    return PersonRegistry((), text="", locate=lambda title, sentence="": ("", "", ""))


# -- the data files ------------------------------------------------------------------------------
def test_surnames_file_is_the_common_list():
    single, compound = H.surnames()
    assert len(single) >= 500 and len(compound) >= 50
    assert set("寸禤亓訾逯仝冼覃粟佘蔺邴") <= single
    assert {"欧阳", "上官", "司马", "诸葛", "夏侯", "皇甫", "尉迟", "公孙", "令狐", "宇文", "长孙", "慕容"} <= compound
    text = H.SURNAMES_FILE.read_text(encoding="utf-8")
    assert text.startswith("#") and "百家姓" in text and "jionlp" in text and "not copied" in text  # sources named
    assert f"{len(single)} single surnames" in text and f"{len(compound)} compound surnames" in text  # header honest


def test_ambiguous_surnames_are_apart():
    single, _ = H.surnames()
    amb = H.ambiguous_surnames()
    assert {"时", "全", "明", "和", "国"} <= amb
    assert not amb & single and "~" not in single


def test_minority_parts_file():
    parts = N.name_parts()
    assert {"tibetan", "mongolian", "yi_clan", "yi_given", "transliteration"} <= set(parts)
    assert {"扎西", "次仁", "卓玛", "格桑", "德吉", "达瓦", "尼玛", "顿珠"} <= parts["tibetan"]
    assert {"巴特尔", "其其格", "乌兰", "图雅", "额尔敦", "毕力格"} <= parts["mongolian"]
    assert {"吉克", "阿苏", "沙马"} <= parts["yi_clan"]
    assert N.PARTS_FILE.read_text(encoding="utf-8").startswith("# ")


# -- name shapes ---------------------------------------------------------------------------------
@pytest.mark.parametrize("run,ok", [
    ("扎西次仁", True), ("次仁卓玛", True), ("格桑德吉", True), ("达瓦", True), ("尼玛顿珠", True),
    ("巴特尔", True), ("其其格", True), ("乌兰图雅", True), ("额尔敦毕力格", True),
    ("吉克阿依", True), ("阿苏拉哈", True), ("沙马伍牛", True),
    ("乌兰察布", False), ("达瓦村", False), ("吉克乡", False), ("格桑花", False), ("扎西村", False),
    ("居民", False), ("全市", False), ("巴", False), ("扎西次仁扎西次仁", False), ("阿克苏", False), ("吉尔队", False),
])
def test_is_minority_name(run, ok):
    assert H.is_minority_name(run) is ok


@pytest.mark.parametrize("name", ["艾尼瓦尔·吐尔逊", "阿依古丽•买买提", "买买提・艾力", "热依汗‧吐尔洪", "阿不都．热合曼"])
def test_every_middle_dot_makes_a_name(name):
    assert H.looks_like_name(name) and N.is_dot_name(name)


@pytest.mark.parametrize("name,ok", [("寸云峰", True), ("禤海燕", True), ("亓明", True), ("覃雪梅", True),
                                     ("欧阳文斌", True), ("长孙明", True), ("慕容雪", True),
                                     ("全市", False), ("明确", False), ("时间", False)])
def test_rare_and_compound_surnames(name, ok):
    assert H.looks_like_name(name) is ok


# -- office + name, name + title, title chains -------------------------------------------------
@pytest.mark.parametrize("seg,want", [
    ("县委书记、县总河长扎西次仁", ("县委书记、县总河长", "扎西次仁")),
    ("自治区党委常委、宣传部部长艾尼瓦尔·吐尔逊", ("自治区党委常委、宣传部部长", "艾尼瓦尔·吐尔逊")),
    ("村党支部书记阿依古丽•买买提", ("村党支部书记", "阿依古丽•买买提")),
    ("镇长阿不都．热合曼", ("镇长", "阿不都．热合曼")),
    ("旗委书记、旗长格桑德吉", ("旗委书记、旗长", "格桑德吉")),
    ("嘎查党支部书记、嘎查达其其格", ("嘎查党支部书记、嘎查达", "其其格")),
    ("县长额尔敦毕力格", ("县长", "额尔敦毕力格")), ("镇长乌兰图雅", ("镇长", "乌兰图雅")),
    ("村主任吉克阿依", ("村主任", "吉克阿依")), ("乡长阿苏拉哈", ("乡长", "阿苏拉哈")),
    ("镇党委书记沙马伍牛", ("镇党委书记", "沙马伍牛")), ("牧民尼玛顿珠", ("牧民", "尼玛顿珠")), ("村民达瓦", ("村民", "达瓦")),
    ("县长寸云峰", ("县长", "寸云峰")), ("镇长禤海燕", ("镇长", "禤海燕")), ("局长欧阳明", ("局长", "欧阳明")),
    ("县委书记、县长长孙明", ("县委书记、县长", "长孙明")),
    ("扎西次仁副县长", ("副县长", "扎西次仁")), ("寸云峰副县长", ("副县长", "寸云峰")),
    ("艾尼瓦尔·吐尔逊副主席", ("副主席", "艾尼瓦尔·吐尔逊")), ("其其格同志", ("同志", "其其格")),
    ("县长时建国", ("县长", "时建国")),  # an ambiguous surname: three characters after an office
])
def test_split_person_other_names(seg, want):
    assert H.split_person(seg) == want


@pytest.mark.parametrize("seg", [
    "乌兰察布市委书记", "达瓦村", "吉克乡", "村民吉克乡", "局长格桑花", "县长乌兰察布", "副县长扎西村",
    "书记明确", "县长全力", "书记时间", "区长和平", "全市", "时建国",  # a bare ambiguous name: no
])
def test_split_person_no_over_reach(seg):
    assert H.split_person(seg, strict=True) is None


@pytest.mark.parametrize("clause,want", [
    ("嘎查党支部书记其其格介绍，今年…", ("嘎查党支部书记", "其其格")),
    ("县委副书记、县长次仁卓玛在调研时说", ("县委副书记、县长", "次仁卓玛")),
    ("村民热依汗‧吐尔洪家种了12亩杏树", ("村民", "热依汗‧吐尔洪")),
    ("局长欧阳文斌介绍", ("局长", "欧阳文斌")), ("局长欧阳明表示", ("局长", "欧阳明")),  # 4 after a compound surname
    ("主任达瓦村里走访", None), ("村民吉克乡里种茶", None), ("局长格桑花开", None),
])
def test_find_person_at_start_other_names(clause, want):
    found = H.find_person_at_start(clause)
    assert (found[:2] if found else None) == want


def test_bare_minority_name_needs_a_quotation():
    assert H.resolve(registry(), "次仁卓玛", None) is None  # 次仁卓玛表示，… with no office: not enough
    assert H.resolve(registry(), "次仁卓玛", None, quoted=True).name == "次仁卓玛"  # 次仁卓玛说：“…”
    reg = registry()
    H.register(reg, "副县长", "尼玛顿珠")
    assert H.resolve(reg, "尼玛顿珠", None).title == "副县长"  # introduced earlier: a later bare mention


# -- in a whole article --------------------------------------------------------------------------
def _quotes(text):
    return extract_quotes(Article(path=None, name="t", safe_name="t", raw=text, text=text, encoding="utf-8"))


def test_title_chain_with_comma_in_an_article():
    q = _quotes("林周县：青稞丰收\n\n春堆乡党委副书记、乡长，春堆村驻村工作队队长次仁卓玛表示，乡里将发展订单农业，带动农牧民增收。\n\n"
                "“我们要把青稞种好。”县委书记、县总河长扎西次仁说。\n")
    who = q.drop_duplicates("speaker").set_index("speaker")["title"].to_dict()
    assert who == {"次仁卓玛": "春堆乡党委副书记、乡长，春堆村驻村工作队队长", "扎西次仁": "县委书记、县总河长"}


def test_no_person_from_places_in_an_article():
    q = _quotes("阿巴嘎旗：草原新貌\n\n乌兰察布市委书记在考察时表示，两地将在草原畜牧业方面加强合作。\n\n"
                "达瓦村村民表示，今年青稞收成好，收入比去年多了不少。\n")
    assert set(q.speaker) <= {""}


def test_a_chain_of_three_offices_before_commas():
    q = _quotes("乌审旗：羊绒产业\n\n嘎鲁图镇党委书记、镇长，巴音温都尔嘎查党支部书记，绒山羊合作社理事长苏和表示，"
                "今年合作社的羊绒每斤多卖了20元，社员分红超过百万元。\n")
    assert q.speaker.tolist() == ["苏和"]
    assert q.title[0] == "嘎鲁图镇党委书记、镇长，巴音温都尔嘎查党支部书记，绒山羊合作社理事长"


def test_a_clause_of_words_before_the_comma_is_no_office():
    q = _quotes("林周县：丰收\n\n今年青稞丰收，县长次仁卓玛表示，县里将建设青稞加工园区，带动群众增收。\n")
    assert q.title.tolist() == ["县长"]


def test_minority_name_on_a_transcript_header_and_name_first():
    assert H.split_person("县委书记 扎西次仁") == ("县委书记", "扎西次仁")
    assert H.split_person("村民 达瓦村") is None
    reg = registry()
    found = H.scan_mentions(reg, "格桑德吉，拉萨市农业农村局局长。")
    assert [p.name for _, p in found] == ["格桑德吉"] and reg.people["格桑德吉"].title == "拉萨市农业农村局局长"


@pytest.mark.parametrize("line,names", [
    ("本报记者 王海燕 通讯员 迪丽努尔·阿不都", ["王海燕", "迪丽努尔·阿不都"]),
    ("锡林郭勒日报记者 额尔敦毕力格", ["额尔敦毕力格"]), ("记者 次仁罗布 摄", ["次仁罗布"]),
])
def test_byline_names_of_minority_reporters(line, names):
    from helpers.structure import byline_names
    assert byline_names(line) == names
