"""helpers.fastcut gives jieba's own default cut, token for token, offsets included."""
import random
from functools import lru_cache

import jieba

from helpers import fastcut
from helpers.read import read_article
from helpers.tokenize import _shared, segmenter

from conftest import ROOT, SEED

ODD = ["", " ", "\r\n", "a b\tc", "COVID-19疫情3.5%增长", "ＡＢＣ１２３", "热合曼·阿不都热依木说", "  \n\n  ", "x", "的的的的的"]


@lru_cache(maxsize=1)
def _texts() -> tuple:
    paths = [SEED, *sorted(ROOT.glob("tests/*/*.txt"))]
    out = [read_article(p).raw for p in paths]  # decoded as the study reads them (one set has a GB18030 file)
    rng = random.Random(8)
    pieces = [t[a:a + rng.randrange(1, 40)] for t in out for a in (rng.randrange(len(t)) for _ in range(3))]
    return tuple(out + pieces + ODD)


def texts() -> list:
    """Every test article as the study reads it, random pieces of them and odd strings (read once)."""
    return list(_texts())


def test_same_tokens_as_jieba_on_every_test_article():
    shared = _shared().tokenizer
    jieba.dt.check_initialized()
    for tok in (shared, jieba.dt):
        for text in texts():
            assert fastcut.tokenize(tok, text) == list(tok.tokenize(text)), text[:30]


def test_same_tokens_under_an_article_overlay():
    seg = segmenter(names=["曲艳阳", "热合曼·阿不都热依木"], places=["灵山卫街道"], phrases=["急难愁盼"])
    text = "黄岛区发展和改革局局长曲艳阳说，推动灵山卫街道“急难愁盼”问题解决。热合曼·阿不都热依木说。"
    with seg:
        got = fastcut.tokenize(seg.tokenizer, text)
        assert got == list(seg.tokenizer.tokenize(text))
    assert "曲艳阳" in [w for w, _, _ in got] and "急难愁盼" in [w for w, _, _ in got]


def test_hmm_memo_returns_what_jieba_returns():
    fastcut._HMM_CACHE.clear()
    run = "曲艳阳阿不都"
    first = fastcut._hmm(run)
    assert first == tuple(jieba.finalseg.cut(run)) and run in fastcut._HMM_CACHE
    assert fastcut._hmm(run) == first


def test_cut_without_hmm_is_jiebas():
    """fastcut.cut_no_hmm is ``lcut(text, HMM=False)`` (what shapes and the overlay's frequencies
    use): letters and digits run together, the rest as jieba's route gives."""
    shared = _shared().tokenizer
    for tok in (shared, jieba.dt):
        for text in texts() + ["COVID19疫情ab1", "以文塑旅、以旅彰文", "a1b2 c3"]:
            assert fastcut.cut_no_hmm(tok, text) == tok.lcut(text, HMM=False), text[:30]
    assert fastcut.cut_no_hmm(jieba.dt, "abc12区长") == ["abc12", "区长"]


def test_hmm_cut_is_jiebas_finalseg():
    """fastcut.hmm_cut (the HMM with its four states unrolled) gives finalseg.cut's words on every
    test text, on pieces of them and on random runs of their characters, letters and digits."""
    rng = random.Random(9)
    pool = texts()
    chars = "".join({ch for t in pool[:30] for ch in t}) + "abc123.%"
    runs = pool + ["".join(rng.choice(chars) for _ in range(rng.randrange(1, 25))) for _ in range(3000)]
    for run in runs:
        assert fastcut.hmm_cut(run) == list(jieba.finalseg.cut(run)), run[:30]
