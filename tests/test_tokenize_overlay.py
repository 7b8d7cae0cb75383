"""One shared tokenizer, one overlay per article: same tokens as a private copy, nothing leaks."""
import jieba

from helpers.tokenize import _breaks_into_characters, _set_word, _shared, segmenter, winning_freq

from conftest import SEED

TEXT = "黄岛区发展和改革局局长曲艳阳说，要打造“一枢纽三高地”，推动灵山卫街道和大泽山镇“急难愁盼”问题解决。"


def private_copy(names=(), places=(), phrases=()):
    """The design the overlay replaces: a copy of the whole shared dictionary per article."""
    base = _shared()
    tok = jieba.Tokenizer()
    tok.FREQ, tok.total, tok.initialized = dict(base.tokenizer.FREQ), base.tokenizer.total, True
    tags = dict(base.tags)
    for word, tag in [(n, "nr") for n in names] + [(p, "ns") for p in places] + [(p, "nz") for p in phrases]:
        if len(word) < 2:
            continue
        if tag == "nz" and not _breaks_into_characters(tok, word):
            continue
        _set_word(tok, word, winning_freq(tok, word), tags, tag)
    return tok


def test_overlay_cuts_as_a_private_copy():
    from helpers.read import read_article

    texts = [TEXT, read_article(SEED).text]
    kw = dict(names=["曲艳阳", "许洁先"], places=["灵山卫街道", "大泽山镇"], phrases=["一枢纽三高地", "急难愁盼", "全面推进乡村振兴"])
    seg, tok = segmenter(**kw), private_copy(**kw)
    for text in texts:
        with seg:  # the raw jieba cut, before the compound rule
            assert list(seg.tokenizer.tokenize(text)) == list(tok.tokenize(text))


def test_article_a_does_not_leak_into_article_b():
    shared = _shared().tokenizer
    freq_before, total_before = dict(shared.FREQ), shared.total
    a = segmenter(names=["曲艳阳"], places=["大泽山镇"], phrases=["一枢纽三高地"])
    assert "曲艳阳" in a.cut("局长曲艳阳受访时说")
    assert "一枢纽三高地" in a.cut("打造“一枢纽三高地”")
    b = segmenter(names=["许洁先"])
    assert "曲艳阳" not in b.cut("局长曲艳阳受访时说")
    assert "一枢纽三高地" not in b.cut("打造“一枢纽三高地”")
    assert "许洁先" in b.cut("许洁先说")
    assert "曲艳阳" not in b.added and "曲艳阳" not in b.tokenizer.FREQ and "曲艳" not in b.tokenizer.FREQ
    assert shared.FREQ == freq_before and shared.total == total_before  # every prefix entry undone


def test_dictionary_restored_after_an_error():
    shared = _shared().tokenizer
    total = shared.total
    seg = segmenter(names=["曲艳阳"])
    try:
        with seg:
            assert "曲艳阳" in shared.FREQ
            raise RuntimeError("interrupted mid-article")
    except RuntimeError:
        pass
    assert "曲艳阳" not in shared.FREQ and shared.total == total


def test_places_are_tagged_ns():
    seg = segmenter(places=["灵山卫街道"])
    assert "灵山卫街道" in seg.cut("灵山卫街道党工委书记说")
    assert seg.pos("灵山卫街道") == "ns"
