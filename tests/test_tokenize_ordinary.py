"""Over-merging is a defect: on ordinary, non-political news (tests/ordinary/) the tokenizer makes
no token that is neither jieba's, the lexicon's, a name, nor a compound of the heads rule, and
common words keep (nearly) the counts plain jieba gives them."""
from collections import Counter

import jieba
import pytest

from helpers.read import read_article
from helpers.tokenize import read_lexicon, segmenter, tokenize_article

from conftest import ROOT

ORDINARY = sorted((ROOT / "tests" / "ordinary").glob("*.txt"))
COMMON = ["古镇", "景区", "游客", "中心", "经济", "发展", "工作", "市场", "产品", "平台", "服务", "企业", "产业", "比赛", "球队", "气温", "手机", "网络", "体系", "电影", "影院", "观众", "门票", "音乐节", "大米", "红茶", "水果"]


@pytest.fixture(scope="module")
def plain():
    tok = jieba.Tokenizer()
    tok.initialize()
    return tok


@pytest.fixture(scope="module", params=ORDINARY, ids=lambda p: p.stem)
def case(request):
    article = read_article(request.param)
    seg = segmenter()
    return article, seg, tokenize_article(article, seg=seg)


def test_five_ordinary_texts():
    assert len(ORDINARY) == 6  # sports, tech, weather, culture, travel, food


def _made_by_rules(seg, word):
    """Whether ``word`` splits into a chain that the compound rules of heads.txt join (Segmenter.joins)."""
    def chain(left, rest, joined):
        if not rest:
            return joined
        return any((seg.joins(left, rest[:i], joined) or seg.joins_level(left, rest[:i]))
                   and chain(left + rest[:i], rest[i:], True) for i in range(1, len(rest) + 1))
    return any(chain(word[:i], word[i:], False) for i in range(1, len(word)))


def test_no_merged_nonsense(case, plain):
    from helpers.districts import gazetteer

    article, seg, tokens = case
    known = set(plain.lcut(article.text)) | set(read_lexicon()) | set(gazetteer()) | set(seg.added)
    odd = []
    for word in tokens.word:
        if word in known or (plain.FREQ.get(word) or 0) > 0:
            continue
        if word in seg.compounds and _made_by_rules(seg, word):
            continue
        odd.append(word)
    assert not odd, odd


def test_compounds_are_rare(case):
    _, seg, tokens = case
    assert sum(tokens.word.isin(list(seg.compounds))) <= 0.02 * len(tokens)


def test_common_words_do_not_collapse(plain):
    ours, theirs = Counter(), Counter()
    for path in ORDINARY:
        article = read_article(path)
        ours.update(tokenize_article(article, seg=segmenter()).word)
        theirs.update(plain.lcut(article.text))
    checked = [w for w in COMMON if theirs[w] >= 3]
    assert len(checked) >= 5, checked  # the texts really use these words
    for word in checked:  # each word keeps 80% of its count (one merge of a word seen twice is not a collapse)
        assert ours[word] >= 0.8 * theirs[word], (word, ours[word], theirs[word])
    assert sum(ours[w] for w in COMMON) >= 0.9 * sum(theirs[w] for w in COMMON)
