"""The compound rules beyond modifier + head (heads.txt [place-heads], [prefixes], [term-heads]) and
the article's names written with a middle dot, each kept one token; and where they must not fire."""
import pytest

from helpers.tokenize import read_head_sections, segmenter


@pytest.fixture(scope="module")
def seg():
    return segmenter()


@pytest.mark.parametrize("name, text", [
    ("热合曼·阿不都热依木", "主任热合曼·阿不都热依木表示"),  # jieba: 热合/曼/·/阿不都热依木
    ("阿依古丽•买买提", "村民阿依古丽•买买提在自家院里说"),
    ("艾尼瓦尔・吐尔逊", "县长艾尼瓦尔・吐尔逊介绍"),
])
def test_dotted_name_of_the_article_is_one_token(name, text):
    words = segmenter(names=[name]).cut(text)
    assert name in words, words
    assert segmenter(names=[name]).pos(name) == "nr"


def test_dotted_string_that_is_no_name_is_left_alone(seg):
    words = seg.cut("主任热合曼·阿不都热依木表示")
    assert "热合曼·阿不都热依木" not in words and "·" in words


def test_dotted_name_offsets(seg):
    text = "县长艾尼瓦尔·吐尔逊介绍，艾尼瓦尔·吐尔逊说"
    spans = segmenter(names=["艾尼瓦尔·吐尔逊"]).tokenize(text)
    assert [w for w, _, _ in spans].count("艾尼瓦尔·吐尔逊") == 2
    assert all(text[a:b] == w for w, a, b in spans)


@pytest.mark.parametrize("text, whole", [
    ("麦积山石窟等景点", "麦积山石窟"), ("入夜，和顺古镇灯火通明", "和顺古镇"),
    ("贺兰山东麓的葡萄园", "贺兰山东麓"), ("打造安宁河流域现代农业", "安宁河流域"),
    ("漫步杨浦滨江", "杨浦滨江"), ("雅鲁藏布大峡谷的门户", "雅鲁藏布大峡谷"), ("深化闽宁协作", "闽宁协作"),
])
def test_place_and_landmark_head(seg, text, whole):
    assert whole in seg.cut(text)


def test_article_place_is_a_place_modifier():
    assert "大泽山古村" in segmenter(places=["大泽山"]).cut("游客走进大泽山古村")


def test_county_without_its_suffix_is_a_place_modifier(seg):
    assert "平遥古城" in seg.cut("夜游平遥古城")  # jieba tags 平遥 a; the gazetteer has 平遥县


@pytest.mark.parametrize("text, pieces", [
    ("这个古镇很美", ["这个", "古镇"]),  # a pronoun is no place
    ("发展特色古镇", ["特色", "古镇"]),  # nor a common noun
    ("走在城市中心", ["城市", "中心"]),  # 中心 joins only after a discourse term
    ("河南景区门票优惠", ["河南", "景区"]),  # 景区 is no place head: a province + 景区 is no name
    ("局地出现特大洪水", ["特大", "洪水"]),  # 特大 is no prefix: 特大暴雨 is a grade of rain
])
def test_place_heads_need_a_place(seg, text, pieces):
    words = seg.cut(text)
    assert all(p in words for p in pieces), words


def test_person_is_not_a_place_modifier():
    words = segmenter(names=["王古"]).cut("王古镇定地说")
    assert "王古镇" not in words


@pytest.mark.parametrize("text, whole", [
    ("全省的首位产业。", "首位产业"), ("完成村级工业园改造", "村级工业园改造"),  # prefix, then a head
    ("推动超大城市治理", "超大城市治理"), ("服装等劳动密集型产业", "劳动密集型产业"),  # …型 is a prefix
    ("三级社会治理中心", "社会治理中心"),  # discourse term + 中心
    ("引进非遗工坊", "非遗工坊"), ("32个专业合作社", "专业合作社"), ("开展环境整治", "环境整治"),
])
def test_prefixes_and_new_heads(seg, text, whole):
    assert whole in seg.cut(text)
    assert seg.pos(whole) == "n"


@pytest.mark.parametrize("text, whole", [
    ("把人居环境整治好", "人居环境整治"), ("针对老旧小区停车难", "老旧小区"),
    ("新增规上工业企业15家", "规上工业企业"), ("也是金山银山", "金山银山"), ("设立总河长", "总河长"),
])
def test_lexicon_terms_of_government_documents(seg, text, whole):
    assert whole in seg.cut(text)


def test_prefix_needs_a_noun(seg):
    words = seg.cut("位居全省首位，发展很快")
    assert "首位" in words


def test_sections_are_read():
    s = read_head_sections()
    assert {"古镇", "石窟", "东麓", "流域", "滨江"} <= s["place-heads"]
    assert {"规上", "村级", "超大", "首位"} <= s["prefixes"]
    assert {"中心", "示范区", "产业园"} <= s["term-heads"] and {"国家", "省级"} <= s["levels"]
    assert s["place-heads"] & s["heads"] == {"精神"}  # a place's spirit (太行精神) and a modifier's (劳模精神)


def test_a_head_in_both_rules_keeps_each_rules_length():
    seg = segmenter()
    assert seg.joins("太行", "精神") and seg.joins("劳模", "精神")
    assert not seg.joins("乡村文化振兴示范", "精神", joined=True)  # 10 characters: too long for a modifier's compound
    assert seg.joins("鸭绿江口", "国家级自然保护区")  # 12: a place + its reserve may be longer


@pytest.mark.parametrize("text, whole", [
    ("建设国家现代农业产业园", "国家现代农业产业园"),  # level + a lexicon designation (9 characters)
    ("创建省级农业产业园", "省级农业产业园"),  # level + a designation just joined (农业 + 产业园)
    ("创建国家全域旅游示范区", "国家全域旅游示范区"),  # lexicon term + designation, then the level
])
def test_level_and_designation(seg, text, whole):
    assert whole in seg.cut(text)


@pytest.mark.parametrize("left, right", [("国家", "中心"), ("国家", "安全"), ("省级", "示范区")])
def test_level_needs_a_named_designation(seg, left, right):
    assert not seg.joins_level(left, right)  # 中心 or 示范区 alone is no named designation
