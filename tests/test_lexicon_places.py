"""The lexicon's named places of the national lists — nature reserves, wetland and forest parks,
geoparks, tourist resorts, heritage and revolutionary sites, famous villages, scenic spots, ancient
roads, rivers and temples: each group is sourced, its entries are places that jieba splits, each
stays whole in running text and joins its designation by the [place-heads] rule of heads.txt, no
entry hides another, no entry is a town's name without its suffix, and the texts of the project
keep their words around every place the groups name."""
import re
from pathlib import Path

import jieba
import pytest

from helpers.tokenize import lexicon_table, read_lexicon, segmenter

from conftest import ROOT, lexicon_groups

SOURCES = {  # a phrase of the group's "# source:" line → (at least this many entries, the designation that joins it)
    "国家级自然保护区名录 (生态环境部公布": (120, "国家级自然保护区"),
    "国家湿地公园 (原国家林业局、国家林业和草原局批准": (60, "国家湿地公园"),
    "国家级森林公园 (原林业部、国家林业和草原局批准": (100, "国家森林公园"),
    "世界地质公园 (联合国教科文组织, 中国 2004 年起) 与国家地质公园": (25, "景区"),
    "国家级旅游度假区 (文化和旅游部公布": (10, "旅游度假区"),
    "全国重点文物保护单位 (国务院公布": (150, None),
    "中国历史文化名镇名村 (住房和城乡建设部、国家文物局": (60, None),
    "名山大川与景区景点": (450, None),
    "古道、河流与运河、草原、盆地与平原、山脉、溶洞与寺庙": (50, None),
}
TEXTS = sorted((ROOT / "tests" / "ordinary").glob("*.txt")) + sorted((ROOT / "seeds").glob("*.txt")) \
    + sorted((ROOT / "tests" / "articles").glob("*.txt"))
TEMPLATES = ["记者日前来到{}采访。", "{}位于群山之中，风景秀丽。", "在{}，王建国介绍说。", "{}李明说，这里很美。"]


@pytest.fixture(scope="module")
def seg():
    return segmenter()


@pytest.fixture(scope="module")
def plain():
    tok = jieba.Tokenizer()
    tok.initialize()
    return tok


@pytest.fixture(scope="module")
def groups():
    return lexicon_groups(SOURCES)


@pytest.fixture(scope="module")
def entries(groups):
    return [(phrase, term, pos) for phrase, frame in groups.items() for term, pos in zip(frame["term"], frame["pos"])]


def test_the_groups_are_there_and_name_their_lists(groups):
    for phrase, (size, _) in SOURCES.items():
        assert len(groups[phrase]) >= size, (phrase, len(groups[phrase]))
        assert (groups[phrase]["use"] == "").all()  # set phrases for the tokenizer, no formulations


def test_formats(entries):
    """Chinese names of 2–14 characters, tagged as places (ns), events (nz) or bodies (nt), each once in the file."""
    terms = lexicon_table()["term"]
    counts = terms.value_counts()
    for _, term, pos in entries:
        assert re.fullmatch(r"[\u4e00-\u9fff]{2,14}", term), term
        assert pos in {"ns", "nz", "nt"}, (term, pos)
        assert counts[term] == 1, term
    assert sum(pos == "ns" for _, _, pos in entries) > 0.9 * len(entries)


def test_jieba_splits_every_entry(entries, plain):
    """Only names jieba's dictionary does not know: a name it keeps whole needs no entry."""
    whole = [term for _, term, _ in entries if len(plain.lcut(term, HMM=False)) == 1]
    assert not whole, whole


def test_every_entry_stays_whole_in_running_text(entries, seg):
    broken = []
    for _, term, _ in entries:
        for template in TEMPLATES:
            if term not in seg.cut(template.format(term)):
                broken.append((term, "/".join(seg.cut(template.format(term)))))
    assert not broken, broken[:20]


@pytest.mark.parametrize("text, phrase", [
    ("宁夏哈巴湖国家级自然保护区管理局加大巡护力度。", "哈巴湖国家级自然保护区"),
    ("辽河口湿地迎来大批候鸟。", "辽河口湿地"),  # a place + 湿地 ([local-place-heads])
    ("丹东白石砬子的原始森林保存完好。", "白石砬子"),
    ("游客在野鸭湖观鸟。", "野鸭湖"),
    ("汤逊湖水质持续改善。", "汤逊湖"),
    ("本溪五女峰国家森林公园的枫叶红了。", "五女峰国家森林公园"),
    ("盱眙铁山寺国家森林公园开展生态研学。", "铁山寺国家森林公园"),
    ("黛眉山是世界地质公园的重要组成部分。", "黛眉山"),
    ("乐业大石围天坑群令人震撼。", "大石围天坑群"),
    ("阳澄湖半岛旅游度假区举办音乐季。", "阳澄湖半岛旅游度假区"),
    ("参观洛川会议纪念馆，重温党的历史。", "洛川会议纪念馆"),
    ("瞻仰麻田八路军总部旧址。", "麻田八路军总部旧址"),
    ("汉魏洛阳城遗址的考古发掘取得新进展。", "汉魏洛阳城遗址"),
    ("克孜尔千佛洞的壁画得到数字化保护。", "克孜尔千佛洞"),
    ("红军四渡赤水出奇兵。", "四渡赤水"),
    ("婺源篁岭的晒秋吸引了大批游客。", "篁岭"),
    ("沧源翁丁佤寨完成灾后重建。", "翁丁"),  # the place part (翁/丁佤寨 in jieba)
    ("丹巴甲居藏寨被誉为中国最美乡村。", "甲居藏寨"),
    ("安吉鲁家村发展田园综合体。", "鲁家村"),
    ("重庆十八梯传统风貌区人气很旺。", "十八梯"),
    ("苏州平江路和山塘街游人如织。", "平江路"),
    ("苏州平江路和山塘街游人如织。", "山塘街"),
    ("茶卡盐湖、翡翠湖成为青海旅游的新名片。", "翡翠湖"),
    ("沿着徽杭古道徒步。", "徽杭古道"),
    ("荔枝道是连接关中和巴蜀的古道。", "荔枝道"),
    ("隋唐大运河的通济渠段。", "隋唐大运河"),
    ("成都宽窄巷子夜游火爆。", "宽窄巷子"),
])
def test_set_phrases_stay_whole(seg, text, phrase):
    assert phrase in seg.cut(text)


def test_each_place_joins_its_designation(groups, seg):
    """A place part + the designation of its list is one token: the [place-heads] rule's job (a place of
    2–6 characters; 哈巴湖 + 国家级自然保护区, 野鸭湖 + 国家湿地公园, 七百弄 + 景区)."""
    missed = []
    for phrase, (_, head) in SOURCES.items():
        if head is None:
            continue
        for term, pos in zip(groups[phrase]["term"], groups[phrase]["pos"]):
            if pos == "ns" and len(term) <= 6 and term + head not in seg.cut(f"这里是{term}{head}。"):
                missed.append(term + head)
    assert not missed, missed


def test_an_event_joins_the_site_named_for_it(seg):
    assert "洛川会议旧址" in seg.cut("洛川会议旧址")
    assert "黎平会议会址" not in seg.cut("黎平会议会址")  # 会址 is no place head: the meeting stays whole
    assert "黎平会议" in seg.cut("黎平会议会址")


def test_no_entry_hides_another_entry(entries):
    """No entry contains another tokenizer entry, and none is inside one (of a place and its landmark,
    either the place is listed or the whole: 响堂山 and not 响堂山石窟, which the rule joins)."""
    words = set(read_lexicon())
    for _, term, _ in entries:
        inside = [w for w in words if w != term and len(w) >= 2 and w in term]
        around = [w for w in words if w != term and term in w]
        assert not inside and not around, (term, inside, around)


def test_no_entry_is_a_town_without_its_suffix(entries, seg):
    """The lexicon's word would beat the article's town before 镇党委书记 (木渎/镇党委书记): a name whose
    town, township or street is in the national gazetteer is not listed, so the article keeps it."""
    from helpers.districts import national

    towns = national().towns
    if not towns:
        pytest.skip("the national gazetteer (jionlp's data) is not installed")
    found = [term for _, term, _ in entries if any(term + s in towns for s in ("镇", "乡", "街道"))]
    assert not found, found
    town = segmenter(places=["木渎镇"])  # the article's own town (helpers.districts.place_words)
    assert town.cut("木渎镇党委书记顾国平表示")[:2] == ["木渎镇", "党委书记"]


@pytest.mark.parametrize("text, pieces", [
    ("铁山寺李明介绍", ["铁山寺", "李明", "介绍"]),  # a place before a family name stays a place
    ("五女峰王建国介绍", ["五女峰", "王建国", "介绍"]),
    ("篁岭景区", ["篁岭景区"]),  # a place + 景区 ([local-place-heads])
    ("甲居藏寨的村民", ["甲居藏寨", "的", "村民"]),
])
def test_a_place_before_a_word_keeps_it(seg, text, pieces):
    assert seg.cut(text) == pieces


@pytest.mark.parametrize("village, text", [
    ("铁山寺村", "铁山寺村党支部书记说"),  # the article's village (a place of the gazetteer) stays whole
    ("白鹭湖村", "白鹭湖村村民小组"),
    ("禾木村", "禾木村集体经济"),
])
def test_a_place_name_before_its_village_suffix(village, text):
    cut = segmenter(places=[village]).cut(text)
    assert cut[0] == village, cut


def test_the_project_texts_keep_their_words_around_each_place(entries, plain, seg):
    """Wherever a listed name occurs in tests/ordinary, the seeds and tests/articles, it starts and ends
    where plain jieba cuts too (the entry joins jieba's pieces of the name, never a piece of the word
    before or after it), and the tokenizer keeps it whole there. Ordinary news names none of them."""
    terms = {term for _, term, _ in entries}
    pattern = re.compile("|".join(sorted(map(re.escape, terms), key=len, reverse=True)))
    met = []
    for path in TEXTS:
        text = path.read_text(encoding="utf-8")
        for para in text.splitlines():
            found = list(pattern.finditer(para))
            if not found:
                continue
            bounds = {0}
            for _, a, b in plain.tokenize(para):
                bounds.update((a, b))
            tokens = set(seg.cut(para))
            for m in found:
                assert m.start() in bounds and m.end() in bounds, (path.name, m.group(), para)
                assert m.group() in tokens or any(m.group() in t for t in tokens), (path.name, m.group())
                met.append((path.parent.name, m.group()))
    assert not [m for m in met if m[0] == "ordinary"], met
    assert {"篁岭", "平江路", "山塘街", "十八梯"} <= {m[1] for m in met}  # tests/articles name these
