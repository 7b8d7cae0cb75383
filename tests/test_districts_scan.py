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
