"""Productive compounds: a noun-like modifier + a head of the discourse stays one token."""
import pytest

from helpers.tokenize import read_heads, segmenter


@pytest.fixture(scope="module")
def seg():
    return segmenter()


@pytest.mark.parametrize("text, whole", [
    ("大力发展夜间经济", "夜间经济"), ("推进基层治理", "基层治理"), ("加快城中村改造", "城中村改造"),
    ("壮大楼宇经济", "楼宇经济"), ("完善社区治理模式", "社区治理模式"),  # a chain: 社区/治理 → 社区治理 → + 模式
    ("成立项目专班", "项目专班"), ("完善党群服务站", "党群服务站"), ("建设院士工作站", "院士工作站"),
    ("打造社区生活圈", "社区生活圈"), ("组建创新联合体", "创新联合体"), ("打造城市会客厅", "城市会客厅"),
])
def test_modifier_and_head_kept_whole(seg, text, whole):
    assert whole in seg.cut(text)
    assert seg.pos(whole).startswith("n")


@pytest.mark.parametrize("text, wrong", [
    ("要发展经济", "发展经济"),  # vn + head: verb and object
    ("今年经济增长较快", "今年经济"),  # a time word is not a modifier
    ("当地经济明显好转", "当地经济"),  # nor a place word
    ("青岛经济稳中向好", "青岛经济"),  # nor a place name
    ("家庭经济条件一般", "家庭经济"),  # blocked in heads.txt
])
def test_not_joined(seg, text, wrong):
    words = seg.cut(text)
    assert wrong not in words and "经济" in "".join(words), words


@pytest.mark.parametrize("text, pieces", [
    ("在社交平台上分享", ["社交", "平台"]),  # 平台 and 清单 head compounds in any news: not heads
    ("列出商品清单", ["商品", "清单"]),
])
def test_common_nouns_are_not_heads(seg, text, pieces):
    words = seg.cut(text)
    assert all(p in words for p in pieces), words


def test_lexicon_terms_are_not_modifiers(seg):
    """乡村振兴 (lexicon) + 战略 is left to the lexicon, so the count of 乡村振兴 holds."""
    words = seg.cut("实施实体经济战略")
    assert "实体经济" in words


def test_blocklist_and_article_names(tmp_path, seg):
    heads, extra, blocked = read_heads()
    assert {"经济", "治理", "改造", "工程", "示范区", "一体化", "体系", "机制", "战略", "精神"} <= heads
    assert "家庭经济" in blocked
    named = segmenter(names=["王建国"])
    assert "王建国" in named.cut("王建国精神饱满")  # a person's name is never a modifier


def test_offsets_cover_the_compound(seg):
    text = "推进基层治理现代化"
    spans = seg.tokenize(text)
    assert "".join(w for w, _, _ in spans) == text
    assert all(text[a:b] == w for w, a, b in spans)
