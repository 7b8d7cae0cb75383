"""Round two of name classes (helpers.people, helpers.names, helpers.patterns): a rare surname (么, 刀),
a given name starting with a function character (于向东, 欧阳和平) only after an office, offices the
title list lacked (总指挥, 关长, 绣娘, 民宿经营户), a ·-joined name followed by 把 — each with the
shape that must NOT become a person."""
import pytest

from helpers import names as N
from helpers import people as H


@pytest.mark.parametrize("seg, expected", [
    ("区农业农村委副主任么红梅", ("区农业农村委副主任", "么红梅")),
    ("西双版纳傣族自治州副州长刀晓梅", ("西双版纳傣族自治州副州长", "刀晓梅")),
    ("东北农业大学教授于向东", ("东北农业大学教授", "于向东")),
    ("广西大学农学院教授韦本辉", ("广西大学农学院教授", "韦本辉")),
    ("浑南区委书记陈之常", ("浑南区委书记", "陈之常")),
    ("全国政协委员、四川省政协副主席欧阳和平", ("全国政协委员、四川省政协副主席", "欧阳和平")),
    ("综合极端条件实验装置总指挥向青松", ("综合极端条件实验装置总指挥", "向青松")),
    ("抚远海关关长陈晓东", ("抚远海关关长", "陈晓东")),
    ("绣娘石秀英", ("绣娘", "石秀英")),
    ("民宿经营户周丽娟", ("民宿经营户", "周丽娟")),
    ("互助土族自治县县委书记星玉林", ("互助土族自治县县委书记", "星玉林")),
])
def test_names_after_an_office(seg, expected):
    assert H.split_person(seg) == expected


@pytest.mark.parametrize("seg", [
    "于向东",          # no office before it: 向 keeps it out of bare names
    "会上王向记",       # 记 is no given-name character
    "合作社和平台",     # no office, 和 after a non-surname
    "全面推进乡村振兴",  # no name at all
    "什么",
    "总指挥部",         # a unit word, no name
])
def test_no_over_reach(seg):
    assert H.split_person(seg, strict=True) is None


def test_office_name_needs_two_given_characters_and_no_kinship():
    assert H.office_name("于向东") and H.office_name("欧阳和平")
    assert not H.office_name("李向") and not H.office_name("王向记") and not H.office_name("向东")
    assert not H.looks_like_name("于向东")  # the bare check stays strict


def test_title_scores_of_the_new_offices():
    assert H.title_score("实验装置总指挥") == 3 and H.title_score("抚远海关关长") == 3
    assert H.title_score("苗绣合作社绣娘") == 3 and H.title_score("民宿主人") == 3
    assert H.title_score("关于") == 0 and H.title_score("指挥") == 0


def test_dot_name_stops_before_ba():
    assert N.dot_name_at_start("别克·哈力别克把自家的木屋改成了民宿") == "别克·哈力别克"
    assert N.dot_name_at_start("艾尼瓦尔·吐尔逊介绍，今年") == "艾尼瓦尔·吐尔逊"


@pytest.mark.parametrize("seg, expected", [
    ("勐海县勐混镇贺开村茶农岩温", ("勐海县勐混镇贺开村茶农", "岩温")),
    ("勐海县茶叶发展服务中心主任玉香", ("勐海县茶叶发展服务中心主任", "玉香")),
    ("理塘县文化广播电视和旅游局局长洛绒尼玛", ("理塘县文化广播电视和旅游局局长", "洛绒尼玛")),
])
def test_dai_and_tibetan_names_after_an_office(seg, expected):
    assert H.split_person(seg) == expected


@pytest.mark.parametrize("seg", ["种植户玉米", "村民岩石", "主任玉溪", "岩的", "玉米"])
def test_dai_shape_no_over_reach(seg):
    assert H.split_person(seg, strict=True) is None


def test_dai_prefix_takes_exactly_one_character():
    assert N.yi_clan_given("岩温") == "温" and N.yi_clan_given("玉香") == "香"
    assert N.yi_clan_given("岩温香") == "" and N.yi_clan_given("玉米") == ""


def test_mention_after_an_office_with_a_function_character_given_name():
    assert H._han_name_at("村民马者然正在田里放鱼苗", 2, 3, "村民")
    assert not H._han_name_at("马者然正在田里放鱼苗", 0, 3, "")  # no office: not a name
    assert not H._han_name_at("村民马者的田里", 2, 3, "村民")  # 的 ends no given name


def test_a_mongolian_name_is_not_cut_by_the_office_name_rule():
    assert not H._han_name_at("旗长孟和朝鲁参加天山镇代表团审议时指出", 2, 3, "旗长")  # not 孟和朝


def test_southern_honorifics_are_not_names():
    assert not H.looks_like_name("林阿伯") and H.honorific("村民林阿伯") and H.honorific("陈阿婆")
    assert H.looks_like_name("林阿平") and not H.honorific("林阿平")  # 阿 + a given character is a name
