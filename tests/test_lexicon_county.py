"""The lexicon's groups of the everyday vocabulary of county and township news ("县域政务新闻常用语 —
…": farming techniques, forestry, water, rural tourism, regional cultures, parks, commerce, labour,
social services, grassroots governance, emergencies, border areas, fisheries, infrastructure,
rural finance, set expressions of speeches, regional plans, county offices): sourced, well formed,
words jieba splits, whole in running text, no entry hiding another entry's count, and the news of
tests/ordinary, seeds and tests/articles cut as before except where a group's term joins whole
tokens."""
import json
import os
import subprocess
import sys
from collections import Counter

import jieba
import pytest

from helpers.tokenize import LEXICON_FILE, lexicon_table, read_lexicon, segmenter

from conftest import ROOT

PREFIX = "县域政务新闻常用语 — "
GROUPS = {  # the start of a group's name → at least this many entries
    "农业技术与设施": 150,
    "林业、草原与荒漠化防治": 50,
    "水利、生态与人居环境": 50,
    "乡村旅游与文化": 60,
    "地域文化与精神谱系": 60,
    "工业、园区与招商": 30,
    "商贸、电商与物流": 40,
    "就业、劳务与帮扶": 50,
    "县域社会事业": 40,
    "基层治理与党的建设": 50,
    "应急、防灾与安全": 40,
    "边境与民族地区": 20,
    "海洋与渔业": 35,
    "基础设施": 50,
    "农村金融与保险": 30,
    "讲话与报道的常用四字语和比喻": 50,
    "区域经济带、都市圈与革命老区": 30,
    "县乡政务运行与部门工作": 30,
}
POS = {"n", "nz", "vn", "ns", "nt"}
BEFORE = ("发展", "推进", "推动", "加快", "坚持", "实施", "建设", "加强", "深化", "持续", "扎实", "着力", "大力",
          "积极", "促进", "构建", "打造", "提升", "完善", "健全", "深入", "承接", "打通", "消除", "预防", "保障",
          "推广", "开展", "落实", "强化", "优化", "支持", "培育", "壮大", "提高", "巩固", "防止", "整治", "整顿",
          "创建", "统筹", "协同", "一体", "纵深", "守住", "筑牢", "保护", "助力", "带动")
AFTER = ("建设", "发展", "提升", "升级", "创建", "推进", "保护", "保障", "治理", "整治", "实现", "服务")
CORPUS = ["tests/ordinary/*.txt", "seeds/*.txt", "tests/articles/*.txt"]
CROSSINGS = {  # an entry that cuts a word of the old segmentation, where the old cut was the wrong one
    "烟火气足": "烟火/气足 → 烟火气/足 (the 烟火气 is 足, plentiful)",
}


@pytest.fixture(scope="module")
def table():
    return lexicon_table(LEXICON_FILE)


@pytest.fixture(scope="module")
def groups(table):
    sources = [s for s in table["source"].unique() if s.startswith(PREFIX)]
    out = {}
    for name in GROUPS:
        found = [s for s in sources if s[len(PREFIX):].startswith(name)]
        assert len(found) == 1, (name, found)
        out[name] = table[table["source"] == found[0]]
    assert len(sources) == len(GROUPS), sorted(set(sources) - {f["source"].iloc[0] for f in out.values()})
    return out


@pytest.fixture(scope="module")
def terms(groups):
    return [t for frame in groups.values() for t in frame["term"]]


@pytest.fixture(scope="module")
def seg():
    return segmenter()


def test_the_groups_are_there_and_sourced(groups, terms):
    for name, size in GROUPS.items():
        frame = groups[name]
        assert len(frame) >= size, (name, len(frame))
        source = frame["source"].iloc[0]
        assert "compiled by this project" in source, source  # says who compiled it, and from what
        assert (frame["use"] == "").all(), name  # words for the tokenizer, no formulations
        assert set(frame["pos"]) <= POS, (name, set(frame["pos"]) - POS)
    assert len(terms) >= 800


def test_lines_are_term_tab_pos():
    inside = False
    for n, line in enumerate(LEXICON_FILE.read_text(encoding="utf-8").splitlines(), 1):
        if line.startswith("# source:"):
            inside = line.startswith("# source: " + PREFIX)
        elif inside and line.strip() and not line.startswith("#"):
            cols = line.split("\t")
            assert len(cols) == 2 and cols[0] == cols[0].strip() and cols[1] in POS, (n, line)


def test_each_entry_once_and_new(table, terms):
    counts = Counter(table["term"])
    assert [t for t in terms if counts[t] != 1] == []


def test_jieba_splits_every_entry(terms):
    """Plain jieba (its own dictionary, with and without HMM) cuts every entry into pieces."""
    plain = jieba.Tokenizer()
    whole = [t for t in terms if len(plain.lcut(t, HMM=False)) == 1 or len(plain.lcut(t, HMM=True)) == 1]
    assert whole == []


def test_no_entry_hides_another_entry(terms):
    """A verb before or after a tokenizer entry (建设 + 用地指标, 完整社区 + 建设) would hide the
    entry's count: such phrases are not entries. A modifier that narrows an entry (横向 +
    生态补偿机制, 现代化 + 海洋牧场) makes a term of its own."""
    words = set(read_lexicon())
    hiding = []
    for term in terms:
        for i in range(1, len(term)):
            head, rest = term[:i], term[i:]
            if (head in BEFORE and rest in words) or (rest in AFTER and head in words):
                hiding.append((term, head, rest))
    assert hiding == []


RUNNING_TEXT = [  # (a sentence in the genre's style, the group entries it must keep whole)
    ("果园推广矮化密植和水肥一体化，稻虾共作面积扩大到两万亩。", ["矮化密植", "水肥一体化", "稻虾共作"]),
    ("村里建起冷链仓储设施和田头冷库，科技小院的学生常驻田间。", ["冷链仓储", "田头冷库", "科技小院"]),
    ("全县林草覆盖率提高到百分之四十，完成低产林改造八千亩。", ["林草覆盖率", "低产林改造"]),
    ("牧区推行禁牧封育和草畜平衡，草原管护员每天巡护。", ["禁牧封育", "草原管护员"]),
    ("推进清洁小流域建设，落实横向生态补偿机制。", ["清洁小流域", "横向生态补偿机制"]),
    ("当地是首都的生态涵养区，一批生态移民搬进了新居。", ["生态涵养区", "生态移民"]),
    ("镇上的精品民宿和研学基地吸引了大批游客，实景演出场场爆满。", ["精品民宿", "研学基地", "实景演出"]),
    ("发展生态康养和温泉小镇，新建旅游厕所二十座。", ["生态康养", "温泉小镇", "旅游厕所"]),
    ("深入挖掘河湟文化和黄河文化，弘扬右玉精神。", ["河湟文化", "黄河文化", "右玉精神"]),
    ("新建标准化厂房十万平方米，开展驻点招商和乡情招商。", ["标准化厂房", "乡情招商"]),
    ("项目竣工投产后当年投产达效。", ["竣工投产", "投产达效"]),
    ("建设电商直播基地，助农直播带动特产销售。", ["电商直播基地", "助农直播"]),
    ("寄递物流向村延伸，建成农村商业网点八十个。", ["寄递物流", "农村商业网点"]),
    ("打造劳务品牌，返乡青年在家门口的乡村就业工厂上班。", ["劳务品牌", "返乡青年", "乡村就业工厂"]),
    ("用好脱贫人口小额信贷，援藏干部与当地干部结对帮扶。", ["脱贫人口小额信贷", "援藏干部", "结对帮扶"]),
    ("新建农村幸福院十所，乡镇寄宿制学校改善了条件。", ["农村幸福院", "乡镇寄宿制学校"]),
    ("县人民医院建成胸痛中心和卒中中心，远程会诊覆盖各乡镇卫生院。", ["胸痛中心", "卒中中心", "远程会诊"]),
    ("村里召开院坝会和板凳会，兼职网格员上门听意见。", ["院坝会", "板凳会", "兼职网格员"]),
    ("防汛应急响应启动后，群测群防员对危岩体进行巡查。", ["防汛应急响应", "群测群防员", "危岩体"]),
    ("整治飞线充电和电瓶车进楼，学校食堂推行明厨亮灶。", ["飞线充电", "电瓶车进楼", "明厨亮灶"]),
    ("边民互助组开展互市商品落地加工，国门卫士守护边境一线。", ["边民互助组", "互市商品落地加工", "国门卫士"]),
    ("建设现代化海洋牧场，打造蓝色粮仓，开展增殖放流。", ["现代化海洋牧场", "蓝色粮仓", "增殖放流"]),
    ("推进深海养殖和陆基圆池养殖，养殖尾水达标排放。", ["深海养殖", "陆基圆池", "养殖尾水"]),
    ("实施农村公路提质改造和窄路面拓宽，打通断头路十二条。", ["农村公路提质改造", "窄路面拓宽", "断头路"]),
    ("推进光纤入户和农村应急广播建设，村里的大喇叭又响了。", ["光纤入户", "农村应急广播", "大喇叭"]),
    ("开展整村授信，推广价格指数保险和防返贫保险。", ["整村授信", "价格指数保险", "防返贫保险"]),
    ("各部门同频共振，拿出真金白银，保持党和人民的血肉联系。", ["同频共振", "真金白银", "血肉联系"]),
    ("立足资源禀赋，老街的烟火气回来了，城市有了新名片。", ["资源禀赋", "烟火气", "新名片"]),
    ("推动辽宁沿海经济带和天山北坡经济带建设，筹办京张体育文化旅游带活动。",
     ["辽宁沿海经济带", "天山北坡经济带", "京张体育文化旅游带"]),
    ("支持大别山革命老区和川陕革命老区振兴发展。", ["大别山革命老区", "川陕革命老区"]),
    ("推行房地一体宅基地确权，开展卫片执法。", ["房地一体", "宅基地确权", "卫片执法"]),
    ("整治占道经营和流动摊贩，文明劝导员上街劝导。", ["占道经营", "流动摊贩", "文明劝导员"]),
]


@pytest.mark.parametrize("text, phrases", RUNNING_TEXT)
def test_set_phrases_stay_whole(seg, text, phrases):
    cut = seg.cut(text)
    assert [p for p in phrases if p not in cut] == [], cut


def test_every_group_has_a_phrase_in_running_text(groups):
    """Each group is tried in running text above: at least one of its entries is a phrase there."""
    tried = {p for _, phrases in RUNNING_TEXT for p in phrases}
    untried = [name for name, frame in groups.items() if not tried & set(frame["term"])]
    assert untried == []


@pytest.mark.parametrize("text, words", [  # entries the over-merge checks removed stay out
    ("拓宽增收路径，探索产业路径。", ["增收", "路径", "产业"]),  # 增收路, 产业路
    ("伏季休渔期间，渔民修补渔网。", ["期间"]),  # 休渔期
    ("园区属于省级特色产业园区。", ["产业园区"]),  # 特色产业园
    ("全县电商服务站点覆盖所有行政村。", ["站点"]),  # 电商服务站
    ("冷链车辆进出有序。", ["车辆"]),  # 冷链车
    ("浓浓的烟火气息扑面而来。", ["烟火气息"]),  # 烟火气 would take 烟火/气息's 气: 烟火气息 is listed
    ("村里召开民主恳谈会。", ["民主恳谈会"]),  # 民主恳谈 + 会: 民主恳谈会 is listed
    ("这里的人文商旅资源丰富。", ["人文", "商旅"]),  # 文商旅
    ("今年户户通电、村村通路。", ["通电"]),  # 户户通
    ("排查隐患点位。", ["隐患", "点位"]),  # 隐患点
    ("网友纷纷打卡点赞。", ["点赞"]),  # 打卡点
    ("打造创新引擎。", ["创新", "引擎"]),  # 新引擎
    ("扩大水面养殖规模。", ["扩大", "水面"]),  # 大水面
    ("其中幼林抚育三万亩。", ["其中"]),  # 中幼林抚育
    ("申请创业贷款十万元。", ["创业", "贷款"]),  # 创业贷
    ("参加惠民保险的人越来越多。", ["保险"]),  # 惠民保
    ("沿着风景道路骑行。", ["道路"]),  # 风景道
    ("发展生态林业。", ["林业"]),  # 生态林
    ("电信用户数量增长。", ["电信"]),  # 信用户
    ("建设休闲农业园区。", ["园区"]),  # 休闲农业园
    ("中小学生营养餐计划。", ["中小学生"]),  # 学生营养餐
    ("支持中小企业技改。", ["中小企业"]),  # 企业技改
    ("青藏高原特色农牧业。", ["青藏高原"]),  # 高原特色农牧业
    ("推动长沙产业发展。", ["长沙"]),  # 沙产业
    ("广大湘西儿女。", ["广大"]),  # 大湘西
    ("免证办理业务。", ["办理"]),  # 免证办
    ("开展茶园管理培训。", ["茶园"]),  # a product + 管理/种植/养殖 is no entry
    ("全县生猪养殖规模扩大。", ["生猪"]),
    ("发展乡村振兴带头人培训。", ["乡村振兴"]),  # 乡村振兴带头人 would hide 乡村振兴
])
def test_no_entry_swallows_a_common_word(seg, text, words):
    cut = seg.cut(text)
    assert [w for w in words if w not in cut] == [], cut


_BEFORE_SCRIPT = r"""
import json, sys
from pathlib import Path
from helpers import tokenize as T
T.LEXICON_FILE = Path(sys.argv[1])
seg = T.segmenter()
# every lexicon word raises jieba's total, which moves a few cuts of jieba's own words (卖到 → 卖/到):
# the before-cut gets the after-cut's total, so that only the entries make the difference
T._shared().tokenizer.total = int(sys.argv[2])
json.dump([seg.cut(line) for line in json.load(sys.stdin)], sys.stdout, ensure_ascii=False)
"""


def _without_county_groups(text: str) -> str:
    out, inside = [], False
    for line in text.splitlines(keepends=True):
        if line.startswith("# source:"):
            inside = line.startswith("# source: " + PREFIX)
        if not inside:
            out.append(line)
    return "".join(out)


def _bounds(tokens):
    out, i = {0}, 0
    for w in tokens:
        i += len(w)
        out.add(i)
    return out


@pytest.fixture(scope="module")
def before_after(tmp_path_factory, seg):
    """Every line of the corpus cut by the project's tokenizer without the county groups (in a
    subprocess, so that this process's shared tokenizer stays as it is) and with them."""
    lines = [(f"{p.relative_to(ROOT)}:{i}", line) for pattern in CORPUS for p in sorted(ROOT.glob(pattern))
             for i, line in enumerate(p.read_text(encoding="utf-8").splitlines(), 1) if line.strip()]
    path = tmp_path_factory.mktemp("lexicon") / "lexicon.txt"
    path.write_text(_without_county_groups(LEXICON_FILE.read_text(encoding="utf-8")), encoding="utf-8")
    env = dict(os.environ, PYTHONPATH=str(ROOT / "src"))
    from helpers.tokenize import _shared
    total = str(_shared().tokenizer.total)
    done = subprocess.run([sys.executable, "-c", _BEFORE_SCRIPT, str(path), total], input=json.dumps([t for _, t in lines]),
                          capture_output=True, text=True, env=env, check=True)
    before = json.loads(done.stdout)
    after = [seg.cut(t) for _, t in lines]
    return lines, before, after


def test_the_county_groups_were_taken_out_for_the_before_cut(table):
    left = _without_county_groups(LEXICON_FILE.read_text(encoding="utf-8"))
    assert PREFIX not in left and "高质量发展\tnz" in left
    assert all(f"\n{t}\t" not in left for t in ["冷链仓储", "精品民宿", "同频共振"])


def test_running_text_changes_only_where_a_county_term_joins_whole_words(before_after, terms):
    """A county entry may join tokens that were whole words before (精品/民宿 → 精品民宿) but never
    cut inside a word the old segmentation had (产业/优化 → 产业优/化 would be a defect); every
    changed line is listed with the token counts that changed. A join into a word of jieba's own
    dictionary is allowed too (不/慌 → 不慌: more lexicon words make jieba's total larger, which
    favours cuts into fewer words)."""
    lines, before, after = before_after
    county = set(terms)
    plain = jieba.Tokenizer()
    plain.initialize()
    changed, crossing, unexplained = [], [], []
    lexicon_words = set(read_lexicon())
    for (where, text), b, a in zip(lines, before, after):
        if a == b:
            continue
        diff = {w: n for w, n in (Counter(a) - Counter(b) + Counter()).items()}
        diff.update({w: -n for w, n in (Counter(b) - Counter(a)).items()})
        changed.append((where, diff))
        old, new = _bounds(b), _bounds(a)
        spans, pos = [], 0  # each old token with its offsets
        for w in b:
            spans.append((pos, pos + len(w), w))
            pos += len(w)
        for cut in sorted(new - old):
            if any(text[max(0, cut - len(c)):cut + len(c)].find(c) >= 0 for c in CROSSINGS):
                continue
            inside = next((w for x, y, w in spans if x < cut < y), "")
            if inside and not plain.FREQ.get(inside) and inside not in lexicon_words:
                continue  # the old token was a compound of heads.txt's rules (学村/文化 + 街区), not a word: a term may redraw it
            crossing.append((where, text[max(0, cut - 6):cut + 6]))
        start = 0
        for w in a:
            end = start + len(w)
            joined = [x for x in old if start < x < end]  # an old boundary inside this token
            if joined and not (plain.FREQ.get(w) or any(c in w for c in county if len(c) <= len(w))):
                unexplained.append((where, w))
            start = end
    assert crossing == [], (crossing, changed)
    assert unexplained == [], (unexplained, changed)
    assert changed, "the county groups change nothing in 71 texts: is the lexicon loaded?"


def test_ordinary_news_keeps_its_words(before_after):
    """On ordinary, non-political news (tests/ordinary) the county groups join at most a few
    tokens and take no count from the common words tests/test_tokenize_ordinary.py watches."""
    from test_tokenize_ordinary import COMMON

    lines, before, after = before_after
    ours, theirs, merged = Counter(), Counter(), 0
    for (where, _), b, a in zip(lines, before, after):
        if where.startswith("tests/ordinary/"):
            theirs.update(b)
            ours.update(a)
            merged += len(b) - len(a)
    assert sum(theirs.values()) > 1000
    assert merged <= 0.002 * sum(theirs.values()), merged
    assert {w: (ours[w], theirs[w]) for w in COMMON if ours[w] < theirs[w]} == {}
