"""The lexicon's groups for Xi Jinping's thought series, the provinces' positioning, national
designations and frontier work: their set phrases stay whole in running text, the province groups
cover all 31 provincial-level units, and no entry swallows a common word of ordinary text."""
import pytest

from helpers.tokenize import lexicon_table, segmenter

PROVINCES = ["北京", "天津", "河北", "山西", "内蒙古", "辽宁", "吉林", "黑龙江", "上海", "江苏", "浙江", "安徽",
             "福建", "江西", "山东", "河南", "湖北", "湖南", "广东", "广西", "海南", "重庆", "四川", "贵州", "云南",
             "西藏", "陕西", "甘肃", "青海", "宁夏", "新疆"]


@pytest.fixture(scope="module")
def seg():
    return segmenter()


def test_the_province_groups_name_every_provincial_unit():
    sources = [s for s in lexicon_table()["source"].unique() if s.startswith("习近平总书记对") and "定位与嘱托" in s]
    assert len(sources) >= 6
    missing = [p for p in PROVINCES if not any(p in s for s in sources)]
    assert not missing, missing


@pytest.mark.parametrize("text, phrase", [
    ("深入学习贯彻习近平生态文明思想和习近平法治思想。", "习近平生态文明思想"),
    ("以习近平外交思想为指引，落实全球治理倡议。", "习近平外交思想"),
    ("忠实践行八八战略，奋力打造重要窗口。", "八八战略"),
    ("锚定三高四新美好蓝图，建设现代化新湖南。", "三高四新"),
    ("努力建设天府粮仓，推动治蜀兴川再上新台阶。", "天府粮仓"),
    ("打造我国向北开放新高地。", "向北开放新高地"),
    ("全力完成好五大任务、全方位建设模范自治区。", "模范自治区"),
    ("这里是国家5A级旅游景区，也是国家级自然保护区。", "国家级自然保护区"),
    ("东兴边境经济合作区设有一类口岸。", "边境经济合作区"),
    ("入选人类非物质文化遗产代表作名录。", "人类非物质文化遗产代表作名录"),
    ("护边员常年守边固边。", "护边员"),
])
def test_set_phrases_stay_whole(seg, text, phrase):
    assert phrase in seg.cut(text)


@pytest.mark.parametrize("text, word", [
    ("推动产业优化升级。", "优化"),  # 产业优 (机制活、产业优、百姓富、生态美) is no token
    ("激发市场机制活力。", "活力"),
    ("抓住重要窗口期。", "窗口期"),  # 重要窗口 (浙江) is no token
    ("构建四个共同体。", "共同体"),  # 四个共同 is no token
    ("抢抓新机遇，勇争先进。", "新机遇"),
    ("吸引更多入境消费者。", "消费者"),
])
def test_no_entry_swallows_a_common_word(seg, text, word):
    assert word in seg.cut(text)
