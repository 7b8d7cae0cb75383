"""Round four of the compound rules (heads.txt): a place + its product (地理标志产品), 科学城 after a
place, the heritage heads 文化遗产/自然遗产, the verb-tagged modifiers 追溯/溯源/避暑, the prefix
世界级; and the lexicon groups added with them (each under a named document). Each rule has a case
where it must not fire."""
import pytest

from helpers.tokenize import lexicon_table, read_head_sections, segmenter


@pytest.fixture(scope="module")
def seg():
    return segmenter()


@pytest.mark.parametrize("text, whole", [
    ("奉节脐橙今年丰收", "奉节脐橙"),        # place (ns) + product
    ("信阳毛尖的春茶上市", "信阳毛尖"),
    ("庆元县推广庆元红茶", "庆元红茶"),        # a county of the gazetteer without its suffix
    ("中关村科学城的企业", "中关村科学城"),
])
def test_place_and_product_or_science_city(seg, text, whole):
    assert whole in seg.cut(text), seg.cut(text)


@pytest.mark.parametrize("text, pieces", [
    ("这个红茶很香", ["这个", "红茶"]),        # no place before the product
    ("新鲜大米和面粉", ["新鲜", "大米"]),     # jieba tags 新鲜 ns: no county
    ("进口泰国大米", ["泰国", "大米"]),      # a country is no county
])
def test_product_head_needs_a_place(seg, text, pieces):
    words = seg.cut(text)
    assert all(p in words for p in pieces), words


@pytest.mark.parametrize("text, whole", [
    ("这里是世界文化遗产", "世界文化遗产"),
    ("申报世界自然遗产", "世界自然遗产"),
    ("健全质量安全追溯体系", "追溯体系"),
    ("完善溯源体系", "溯源体系"),
    ("大力发展避暑经济", "避暑经济"),
    ("建设世界级旅游目的地", "世界级旅游目的地"),
    ("培育世界级城市群", "世界级城市群"),
])
def test_heritage_heads_modifiers_and_prefix(seg, text, whole):
    assert whole in seg.cut(text), seg.cut(text)


def test_verb_modifiers_only_before_a_head(seg):
    # 追溯 stays a verb before a common noun; 世界级 needs a noun after it
    assert "追溯" in seg.cut("追溯历史")
    assert "世界级" in seg.cut("达到世界级的水准")


def test_sections_hold_the_new_words():
    s = read_head_sections()
    assert "科学城" in s["place-heads"] and {"脐橙", "红茶", "大米"} <= s["place-products"]
    assert {"文化遗产", "自然遗产"} <= s["heads"]
    assert {"追溯", "溯源", "避暑"} <= s["modifiers"]
    assert "世界级" in s["prefixes"]


@pytest.mark.parametrize("text, whole", [
    ("增强国内大循环内生动力和可靠性", "内生动力"),
    ("维护国家粮食安全", "国家粮食安全"),
    ("实施奶业振兴行动", "奶业振兴"),
    ("培育发展预制菜产业", "预制菜"),
    ("健全联农带农利益联结机制", "利益联结"),
    ("实行一线放开、二线管住、岛内自由", "岛内自由"),
    ("支持台胞台企融入新发展格局", "台胞台企"),
    ("坚持久久为功", "久久为功"),
    ("学习寻乌调查的方法", "寻乌调查"),
    ("防止大拆大建", "大拆大建"),
    ("红河哈尼梯田的梯田景观", "红河哈尼梯田"),
    ("英德红茶远销海外", "英德红茶"),          # jieba cuts inside: 英德红/茶
    ("加强网络主播管理", "网络主播"),
    ("坚持制造业当家", "制造业当家"),
    ("发展生态旅游和智慧旅游", "智慧旅游"),
    ("建设边境小康村", "边境小康村"),
])
def test_round_four_lexicon_terms(seg, text, whole):
    assert whole in seg.cut(text), seg.cut(text)


def test_round_four_groups_name_their_documents():
    t = lexicon_table()
    src = dict(zip(t["term"], t["source"]))
    assert "海南自由贸易港" in src["岛内自由"]
    assert "地理标志" in src["英德红茶"]
    assert "世界遗产" in src["侗族大歌"]
    assert "大拆大建" in src["大拆大建"]
    assert "预制菜" in src["预制菜"]
