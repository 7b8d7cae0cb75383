"""Tokens: set phrases and names stay whole, counts of their parts exclude them, POS, privacy."""
import re

import pytest

from helpers.pipeline import analyze
from helpers.tokenize import read_lexicon, segmenter, term_counts, stopwords

from conftest import SEED

MUST_STAY_WHOLE = ["实体经济", "乡村振兴", "青岛西海岸新区", "急难愁盼", "专精特新", "数字中国", "现代化产业体系",
                   "高质量发展", "民生福祉", "一枢纽三高地", "曲艳阳", "许洁先", "万俊菊", "刘孺霖"]


@pytest.fixture(scope="module")
def seed():
    return analyze(SEED)


def test_jieba_alone_splits_them():
    """The premise: without the lexicon, jieba cuts these (if this fails, the test below proves less)."""
    jieba = pytest.importorskip("jieba")
    tok = jieba.Tokenizer()
    assert tok.lcut("发展实体经济") == ["发展", "实体", "经济"]
    assert "曲艳阳" not in tok.lcut("局长曲艳阳受访时说")


@pytest.mark.parametrize("term", MUST_STAY_WHOLE)
def test_kept_whole(seed, term):
    from helpers.districts import gazetteer

    words = seed.tokens.word.tolist()
    text = seed.article.text
    longer = [t for t in set(read_lexicon()) | set(gazetteer()) if term in t and t != term and t in text]
    inside = sum(text.count(t) * t.count(term) for t in longer)  # e.g. 乡村振兴 in 乡村振兴齐鲁样板
    assert term in words
    assert words.count(term) == text.count(term) - inside, term


def test_parts_do_not_count_the_whole(seed):
    counts = dict(term_counts(seed.tokens).itertuples(index=False))
    text = "\n".join(p.text for p in seed.structure.paragraphs if p.kind != "byline")
    for whole, part in [("实体经济", "实体"), ("乡村振兴", "乡村"), ("实体经济", "经济")]:
        outside = text.count(part) - text.count(whole)
        assert counts.get(part, 0) <= outside
    assert counts.get("实体", 0) == 0  # every 实体 in the seed is inside 实体经济


def test_every_lexicon_term_in_the_seed_stays_whole(seed):
    """No token boundary falls inside any occurrence of a lexicon or gazetteer term, unless that
    occurrence overlaps another such term (党的二十大|报告 against 二十大报告: one must lose)."""
    from helpers.districts import gazetteer

    terms = set(read_lexicon()) | set(gazetteer()) | set(seed.segmenter.added)
    text = seed.article.text
    occ = {t: [m.start() for m in re.finditer(re.escape(t), text)] for t in terms}
    occ = {t: v for t, v in occ.items() if v}
    cuts = set(seed.tokens.start) | set(seed.tokens.end)
    failures = []
    for term, starts in occ.items():
        for s in starts:
            e = s + len(term)
            overlapped = any(o != term and any(s2 < e and s < s2 + len(o) for s2 in v) for o, v in occ.items())
            if not overlapped and any(s < c < e for c in cuts):
                failures.append(text[max(0, s - 4):e + 4])
    assert len(occ) > 60  # the lexicon really covers this article
    assert not failures


def test_stopwords_and_pos(seed):
    t = seed.tokens
    assert not t[t.content].word.isin(stopwords()).any()
    assert (t[t.content].word.str.len() >= 2).all()
    pos = dict(zip(t.word, t.pos))
    assert pos["曲艳阳"] == "nr"
    assert pos["实体经济"].startswith("n")
    assert pos["青岛"] == "ns"
    assert not t[t.part == "byline"].content.any()  # reporters' names are not terms


def test_private_tokenizer_does_not_leak():
    a = segmenter(names=["曲艳阳"], phrases=["一枢纽三高地"])
    b = segmenter()
    assert "曲艳阳" in a.cut("局长曲艳阳受访时说")
    assert "一枢纽三高地" in a.cut("打造“一枢纽三高地”")
    assert "曲艳阳" not in b.tokenizer.FREQ and "一枢纽三高地" not in b.tokenizer.FREQ
    assert "曲艳阳" not in b.cut("局长曲艳阳受访时说")


def test_deterministic():
    one = analyze(SEED).tokens
    two = analyze(SEED).tokens
    assert one.equals(two)
