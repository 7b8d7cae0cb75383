"""The lexicon's groups of local proper names — national intangible-heritage items, geographical-
indication products, 5A scenic areas and national scenic areas, pastoral, forest and border terms:
they are sourced, they stay whole in running text, a place before a family name stays a place, and
no entry swallows a common word next to it."""
import pytest

from helpers.tokenize import read_lexicon, segmenter

from conftest import lexicon_groups

SOURCES = {  # a phrase of the group's "# source:" line → at least this many entries
    "国家级非物质文化遗产代表性项目名录 (国务院公布": 300,
    "人类非物质文化遗产代表作名录、急需保护的非物质文化遗产名录与优秀实践名册中的中国项目": 5,
    "地理标志产品 (国家知识产权局": 250,
    "国家5A级旅游景区": 100,
    "牧区、林区与边境地区的生产生活用语": 30,
}


@pytest.fixture(scope="module")
def seg():
    return segmenter()


@pytest.fixture(scope="module")
def groups():
    return lexicon_groups(SOURCES)


def test_the_groups_are_there_and_name_their_lists(groups):
    for phrase, size in SOURCES.items():
        assert len(groups[phrase]) >= size, (phrase, len(groups[phrase]))
        assert (groups[phrase]["use"] == "").all()  # set phrases for the tokenizer, no formulations
    heritage = groups["国家级非物质文化遗产代表性项目名录 (国务院公布"]["source"].iloc[0]
    for year in ("2006", "2008", "2011", "2014", "2021"):  # the five batches
        assert year in heritage


def test_parts_of_speech(groups):
    """Heritage items and products are nz, scenic areas ns."""
    assert set(groups["国家级非物质文化遗产代表性项目名录 (国务院公布"]["pos"]) == {"nz"}
    assert set(groups["地理标志产品 (国家知识产权局"]["pos"]) == {"nz"}
    assert set(groups["国家5A级旅游景区"]["pos"]) == {"ns"}


def test_no_entry_hides_another_entry(groups):
    """A new entry never contains another tokenizer entry (龙泉青瓷烧制技艺 would hide 龙泉青瓷, 建窑建盏
    would hide 建盏): of a family, either the family name or the items are listed."""
    words = set(read_lexicon())
    for frame in groups.values():
        for term in frame["term"]:
            inside = [w for w in words if w != term and len(w) >= 2 and w in term]
            assert not inside, (term, inside)


@pytest.mark.parametrize("text, phrase", [
    ("安塞腰鼓表演震撼人心。", "安塞腰鼓"),
    ("正月十五的打树花吸引了大批游客。", "打树花"),
    ("石阡苔茶是贵州的地理标志产品。", "石阡苔茶"),
    ("游客沿着剑门蜀道徒步。", "剑门蜀道"),
    ("牧民赶着羊群转入冬窝子。", "冬窝子"),
    ("村里的木刻楞改成了民宿。", "木刻楞"),
    ("他家种了二十亩林下参。", "林下参"),
    ("发展牧家乐和渔家乐。", "牧家乐"),
    ("发展牧家乐和渔家乐。", "渔家乐"),
    ("畲族彩带编织技艺代代相传。", "畲族彩带"),
    ("清徐老陈醋远销海外。", "清徐老陈醋"),
    ("宁夏枸杞产业提质增效。", "宁夏枸杞"),
    ("西递宏村是国家5A级旅游景区。", "西递宏村"),
    ("入选人类非物质文化遗产代表作名录的麦西热甫。", "麦西热甫"),
    ("去年接待游客的伪满皇宫博物院。", "伪满皇宫"),
    ("英歌舞火遍全网。", "英歌舞"),
])
def test_set_phrases_stay_whole(seg, text, phrase):
    assert phrase in seg.cut(text)


@pytest.mark.parametrize("text, pieces", [
    ("吉林敦化六鼎山文化旅游区", ["敦化", "六鼎山文化旅游区"]),  # a place + 文化旅游区 joins by heads.txt [place-heads]
    ("德江傩堂戏", ["德江", "傩堂戏"]),  # family name listed, the place stays a place
    ("泉州提线木偶戏", ["泉州", "提线木偶戏"]),
    ("西江千户苗寨", ["西江", "千户苗寨"]),
    ("天水花牛苹果", ["天水", "花牛苹果"]),
    ("麻阳冰糖橙", ["麻阳", "冰糖橙"]),
    ("查干湖冬捕", ["查干湖", "冬捕"]),
    ("龙泉青瓷烧制技艺", ["龙泉青瓷烧制技艺"]),  # a heritage technique is one name (heads.txt [crafts]), its product inside it
])
def test_a_place_before_a_family_name_stays_a_place(seg, text, pieces):
    cut = seg.cut(text)
    assert cut[len(cut) - len(pieces):] == pieces


@pytest.mark.parametrize("text, word", [
    ("春天到了，花儿开了。", "花儿"),  # 花儿 (the song) is a common word: not listed
    ("花儿会开得更艳。", "花儿"),
    ("藏族群众跳起锅庄舞蹈。", "舞蹈"),  # X舞 after a known word X is not listed (芦笙舞蹈, 锅庄舞蹈)
    ("吹起芦笙舞蹈翩翩。", "舞蹈"),
    ("古老腔调悠扬。", "腔调"),  # 老腔 is listed only as 华阴老腔
    ("他明白剧情的走向。", "剧情"),  # 白剧 left out
    ("仿佛神仙居住的地方。", "居住"),  # 神仙居 left out
    ("那个姑娘追求真爱。", "追求"),  # 姑娘追 left out
    ("推动西藏医药产业发展。", "西藏"),  # 藏医药 left out
    ("代表团来辽参加洽谈会。", "参加"),  # 辽参 left out
    ("第二十届莱阳梨花节开幕。", "莱阳梨花节"),  # 莱阳梨 left out: no 莱阳梨/花节; the festival is one name (heads.txt [events])
    ("肥城桃花节开幕。", "肥城桃花节"),  # 肥城桃 left out: no 肥城桃/花节
    ("潍坊风筝节开幕。", "潍坊风筝节"),  # 潍坊风筝 left out; the festival is one name
    ("大同黄花菜丰收。", "黄花菜"),  # 大同黄花 left out
    ("北京绣娘", "北京"),  # 京绣 left out
    ("巴黎锦标赛", "锦标赛"),  # 黎锦 is listed and keeps off 巴黎
    ("冰雪乡村游火热。", "乡村"),  # 雪乡 left out
    ("周末去公园参观。", "参观"),  # 园参 left out
    ("宜兴紫砂壶", "紫砂壶"),  # 宜兴紫砂 left out
    ("高邮咸鸭蛋", "高邮咸鸭蛋"),  # the [place-products] rule, untouched
])
def test_no_entry_swallows_a_common_word(seg, text, word):
    assert word in seg.cut(text)
