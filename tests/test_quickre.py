"""helpers.quickre: a pattern with a lookahead on its first characters finds exactly what the
pattern finds (every pattern of helpers.patterns, on every line of every test article and on
random text), and it is used where the quote finder searches long alternations."""
import random
import re

import pytest

from helpers import patterns as P
from helpers.quickre import original, quick
from helpers.read import read_article

from conftest import ROOT, SEED

PATTERNS = {name: original(p) for name, p in vars(P).items() if isinstance(p, re.Pattern)}  # as written


def lines():
    paths = [SEED, *sorted(ROOT.glob("tests/*/*.txt"))]
    out = [line for p in paths for line in read_article(p).text.split("\n")]
    rng = random.Random(8)
    alphabet = "".join({ch for line in out[:400] for ch in line}) + "书记局长区县市镇村说表示要求的 ，。“”：:（）\n·AZaz09"
    out += ["".join(rng.choice(alphabet) for _ in range(rng.randrange(0, 60))) for _ in range(300)]
    return out + ["", " ", "\n", "书记", "区", "县长张三表示，", "的要求", "重要要求"]


LINES = lines()


def matches(p: re.Pattern, text: str):
    return [(m.span(), m.groups()) for m in p.finditer(text)]


@pytest.mark.parametrize("name", sorted(PATTERNS))
def test_same_matches(name):
    p = PATTERNS[name]
    q = getattr(P, name)  # what the package uses: quick(p) for the long alternations
    assert q == p or q == quick(p)
    q = quick(p)
    assert q.groups == p.groups and q.groupindex == p.groupindex and q.flags == p.flags
    for i, text in enumerate(LINES):
        assert matches(q, text) == matches(p, text), (name, text[:40])
        # search and split follow from the matches finditer gives (its first, and the spans and
        # groups between them): checked on every fifth line only; the anchored ones on every line
        for method in ("search", "match", "fullmatch") if i % 5 == 0 else ("match", "fullmatch"):
            a, b = getattr(p, method)(text), getattr(q, method)(text)
            assert (a and (a.span(), a.groups())) == (b and (b.span(), b.groups())), (name, method, text[:40])
        if i % 5 == 0:
            assert q.split(text) == p.split(text)


def test_lookahead_where_re_tries_every_branch():
    """The long alternations (a branch starting with a class, a group or a lookbehind) get the
    lookahead; a pattern re already searches fast, or one that may match empty, is left as it is."""
    for name in ("OFFICE_OR_UNIT", "ROLE_SUFFIX", "SPEECH_ATTRIB"):
        assert quick(PATTERNS[name]) is not PATTERNS[name], name
        assert quick(PATTERNS[name]).pattern.startswith("(?=[")
    assert P.OFFICE_OR_UNIT is not PATTERNS["OFFICE_OR_UNIT"]  # patterns.py uses it
    assert quick(P.OFFICE_OR_UNIT) is P.OFFICE_OR_UNIT  # once
    literal_first = re.compile(r"书记|主任")
    assert quick(literal_first) is literal_first
    may_be_empty = re.compile(r"(?:[局处]长)?")
    assert quick(may_be_empty) is may_be_empty
    assert quick(re.compile(r"(?:[局处]长|.员)")).pattern == r"(?:[局处]长|.员)"  # '.' : unknown first characters
    assert quick(re.compile(r"(?<!的)要求|[局处]长")).pattern.startswith("(?=[")


@pytest.mark.parametrize("name", sorted(PATTERNS))
def test_a_text_without_the_needed_strings_has_no_match(name):
    """quickre.may_match says False only where the pattern finds nothing (every pattern of
    helpers.patterns, every test line), and it is False somewhere for patterns with a literal."""
    from helpers.quickre import may_match, needed

    p = PATTERNS[name]
    for text in LINES:
        if not may_match(p, text):
            assert p.search(text) is None, (name, text[:40])
    if needed(p):
        assert not may_match(p, "") and all(may_match(p, s) for s in needed(p))


def test_needed_strings():
    from helpers.quickre import needed

    assert needed(re.compile("a?b|c")) == {"b", "c"}
    assert needed(re.compile("(?:ab)?cd[xy]")) == {"cd"}
    assert needed(re.compile(r"x{0,3}y+z")) == {"y"} or needed(re.compile(r"x{0,3}y+z")) == {"z"}
    assert needed(re.compile("(?i:ab)c")) == {"c"} and needed(re.compile("(?i)ab")) is None
    assert needed(re.compile("[ab]|c")) is None  # a branch with no literal
    assert needed(P.HOSTS) == {"主持"}


@pytest.mark.parametrize("name", sorted(PATTERNS))
def test_every_match_ends_with_one_of_the_last_characters(name):
    """quickre.last_chars: every match of a pattern (every pattern of helpers.patterns whose ends
    can be worked out, every test line) ends with one of the characters it gives."""
    from helpers.quickre import last_chars

    p = PATTERNS[name]
    ends = last_chars(p)
    if ends is None:
        return
    for text in LINES:
        for m in p.finditer(text):
            if m.end() > m.start():
                assert text[m.end() - 1] in ends, (name, m.group(0))


def test_last_characters():
    from helpers.quickre import last_chars

    assert last_chars(re.compile("书记|[局处]长|(?:搬迁|脱贫)群众|员$")) == {"记", "长", "众", "员"}
    assert last_chars(re.compile("ab(?=c)")) == {"b"} and last_chars(re.compile("a(?:b|)")) == {"a", "b"}
    assert last_chars(re.compile("a+")) is None and last_chars(re.compile("a.")) is None  # a repeat, any character
    assert last_chars(re.compile("x?")) is None  # may match empty
    assert "长" in last_chars(P.OFFICE_OR_UNIT) and "局" in last_chars(P.OFFICE_OR_UNIT)


def test_office_then_name_filter_misses_no_person(monkeypatch):
    """people.find_person_at_start gives up early on a clause with no office or unit followed by
    a name's first character (and no known name or name dot): on the clauses of every test line,
    it finds what the full search (the filter off) finds, and the filter does skip most clauses."""
    from helpers import people

    pair = people._office_then_name()
    assert pair is not None
    clauses = [c for text in LINES for c in re.split("[，。；！？“”,;]", text)]
    known = {"马明强": None, "乌云其其格": None}
    fast = [people.find_person_at_start(c, known) for c in clauses]
    monkeypatch.setattr(people, "_office_then_name", lambda: None)  # the full search at every clause
    assert [people.find_person_at_start(c, known) for c in clauses] == fast
    assert sum(not pair.search(c) and not people._dotted(c) for c in clauses) > len(clauses) / 2
    assert sum(f is not None for f in fast) > 50
