"""The gazetteer scans (districts._Names) find what one slice per position finds."""
import random

from helpers import districts as D

from conftest import ROOT, SEED


def naive_scan_all(names, text, min_len=2):
    found = []
    for i in range(len(text) - 1):
        for length in names.prefix.get(text[i:i + 2], ()):
            if length >= min_len and text[i:i + length] in names.table:
                found.append((i, i + length, text[i:i + length]))
                break
    return [f for f in found if not any(o[0] < f[1] and f[0] < o[1] and o[1] - o[0] > f[1] - f[0] for o in found)]


def naive_scan(names, text, min_len=2):
    out, i = [], 0
    while i < len(text) - 1:
        for length in names.prefix.get(text[i:i + 2], ()):
            if length >= min_len and text[i:i + length] in names.table:
                out.append((i, i + length, text[i:i + length]))
                i += length
                break
        else:
            i += 1
    return out


def test_scans_match_a_slice_per_position():
    texts = [SEED.read_text(encoding="utf-8"), *(p.read_text(encoding="utf-8") for p in sorted(ROOT.glob("tests/articles/*.txt"))[:20])]
    rng = random.Random(3)
    texts += [t[a:a + rng.randrange(0, 30)] for t in texts for a in (rng.randrange(len(t)) for _ in range(5))]
    texts += ["", "青", "青岛", "深圳市南山区", "婺源县江湾镇汪口村"]
    tables = [D._county_table(), D._higher_table(), D._short_higher(), D._towns()]
    hits = 0
    for names in tables:
        for text in texts:
            for min_len in (2, 3):
                assert names.scan(text, min_len) == naive_scan(names, text, min_len)
                assert names.scan_all(text, min_len) == naive_scan_all(names, text, min_len)
                hits += len(names.scan(text, min_len))
    assert hits > 100


def test_long_texts_scanned_as_numbers_find_what_short_ones_do():
    """A text of ``D._LONG`` characters or more is scanned with its bigrams as numbers; the same
    texts scanned the short way (one slice per bigram) give the same starts, also with characters
    beyond the basic plane, a lone surrogate and ASCII."""
    rng = random.Random(5)
    seed = SEED.read_text(encoding="utf-8")
    pieces = [seed[a:a + rng.randrange(1, 12)] for a in (rng.randrange(len(seed)) for _ in range(400))]
    pieces += ["𠀀𠀁", "😀", "\ud800", "abc", "青岛市", "深圳市南山区", "婺源县江湾镇", "\n"]
    texts = ["".join(rng.choice(pieces) for _ in range(rng.randrange(40, 200))) for _ in range(30)] + [seed]
    assert all(len(t) >= D._LONG for t in texts)
    hits = 0
    for names in (D._county_table(), D._higher_table(), D._short_higher(), D._towns()):
        for text in texts:
            fast = names._starts(text)
            lens = [names.prefix.get(text[i:i + 2]) for i in range(len(text) - 1)]
            assert fast == [(i, n) for i, n in enumerate(lens) if n]
            hits += len(fast)
    assert hits > 100


def test_a_table_made_later_joins_the_merged_index():
    """Long texts are looked up once in the bigrams of every table made so far (D._UNION); a
    table made after a text was scanned is added to the index, and the scans of that text by
    every table, old and new, still find what one slice per position finds."""
    seed = SEED.read_text(encoding="utf-8")
    texts = [seed, seed[200:900], "青岛市黄岛区灵山卫街道" * 12]
    old = [D._county_table(), D._towns()]
    for names in old:
        for text in texts:
            names._starts(text)  # scanned before the new table exists
    new = D._Names({seed[i:i + 3]: 1 for i in range(0, 300, 7)} | {"灵山卫": 1})
    assert new not in D._UNION[0]
    for names in [*old, new]:
        for text in texts:
            lens = [names.prefix.get(text[i:i + 2]) for i in range(len(text) - 1)]
            assert names._starts(text) == [(i, n) for i, n in enumerate(lens) if n]
    assert new in D._UNION[0] and new._starts(texts[2])


def test_an_article_support_is_made_again_with_a_new_dictionary(monkeypatch):
    """Support.of remembers the support of an article's text, but not across a rebuilt shared
    dictionary (county_mentions reads it): after a rebuild the support is worked out again."""
    from helpers import tokenize as T

    class Rebuilt:  # a new shared dictionary: another tokenizer object (same words)
        def __init__(self, tokenizer=None):
            self.tokenizer = tokenizer

    text = SEED.read_text(encoding="utf-8")
    calls = []
    real = D.Support._of.__func__
    monkeypatch.setattr(D.Support, "_of", classmethod(lambda cls, t: calls.append(t) or real(cls, t)))
    D._SUPPORTS.clear()
    first = D.Support.of(text)
    assert D.Support.of(text) == first and len(calls) == 1  # remembered
    rebuilt = Rebuilt(Rebuilt())
    rebuilt.tokenizer.FREQ = T._shared().tokenizer.FREQ
    monkeypatch.setattr(T, "_shared", lambda: rebuilt)
    assert D.Support.of(text) == first and len(calls) == 2  # the same places, worked out again
    assert D.Support.of(text) == first and len(calls) == 2
    D._SUPPORTS.clear()
