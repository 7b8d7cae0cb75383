"""Faster searches for the quote finder's long alternations, with the same matches.

``re`` passes quickly over a position where no match can start only when the pattern begins with
a literal, a character class, or an alternation whose every branch begins with a literal. An
alternation with a branch that begins with a class (``[局处科…]长``), a group (``(?:搬迁|脱贫)群众``)
or a lookbehind (``(?<!的)要求``) is tried in full, branch by branch, at every position of the
text. :func:`quick` puts a lookahead on the characters a match can start with in front of such a
pattern, worked out from the pattern itself: a position that cannot start a match fails on one
class test. The lookahead consumes nothing and every match starts with one of those characters,
so ``search``, ``match``, ``fullmatch``, ``finditer``, ``findall``, ``sub`` and ``split`` give
exactly what the pattern gives.
"""
from __future__ import annotations

import re

try:  # the parser re itself uses (Python 3.11+: re._parser; sre_parse before)
    from re import _constants as _C
    from re import _parser as _P
except ImportError:  # pragma: no cover - an older Python: patterns stay as they are
    _C = _P = None


_REPEATS = tuple(getattr(_C, n) for n in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT") if hasattr(_C, n)) if _C else ()
_ZERO_WIDTH = (_C.ASSERT, _C.ASSERT_NOT, _C.AT) if _C else ()


MAX_FIRST = 1000  # a wider set (any Chinese character) lets most positions through: no gain


def _class_chars(av) -> set[int] | None:
    """The code points of a character class's items; None for a negated class or a category (\\d, \\s)."""
    chars = set()
    for o, a in av:
        if o is _C.LITERAL:
            chars.add(a)
        elif o is _C.RANGE:
            chars.update(range(a[0], a[1] + 1))
        else:
            return None
    return chars


def _edge(items, last: bool = False) -> tuple[set[int] | None, bool]:
    """(the code points the sequence ``items`` can start with — or end with, when ``last`` —, it can
    match empty); (None, _) when unknown."""
    out: set[int] = set()
    for op, av in (reversed(list(items)) if last else items):
        if op is _C.LITERAL:
            return out | {av}, False
        if op is _C.IN:
            chars = _class_chars(av)
            return (None, False) if chars is None else (out | chars, False)
        if op in _REPEATS and last:
            return None, False  # the end of a repeat is not worked out (last_chars says "unknown")
        if op is _C.BRANCH or op is _C.SUBPATTERN or op in _REPEATS:
            parts = av[1] if op is _C.BRANCH else [av[-1]]  # (a subpattern's and a repeat's body is last)
            empty = op in _REPEATS and av[0] == 0  # a repeat that may occur no time
            for alt in parts:
                chars, e = _edge(alt, last)
                if chars is None:
                    return None, False
                out |= chars
                empty |= e
            if not empty:
                return out, False
            continue
        if op in _ZERO_WIDTH:
            continue  # a lookaround or an anchor consumes nothing: the next item (from that end) counts
        return None, False  # anything else (., a negated literal, a back reference): unknown
    return out, True


def _class(points: set[int]) -> str:
    """A character class of ``points``, runs written as ranges."""
    out, run = [], []
    for p in sorted(points):
        if run and p == run[-1] + 1:
            run.append(p)
            continue
        if run:
            out.append((run[0], run[-1]))
        run = [p]
    if run:
        out.append((run[0], run[-1]))
    esc = lambda p: re.escape(chr(p))  # noqa: E731
    return "[" + "".join(esc(a) if a == b else f"{esc(a)}-{esc(b)}" for a, b in out) + "]"


def _fast_already(items) -> bool:
    """re looks ahead by itself: the pattern starts with a literal or a class, or with an
    alternation whose every branch starts with a literal."""
    while items and items[0][0] is _C.SUBPATTERN:  # a group first: re looks at what it starts with
        items = list(items[0][1][-1])
    if not items:
        return True
    op, av = items[0]
    if op in (_C.LITERAL, _C.IN, _C.AT):
        return True
    if op is _C.BRANCH:
        return all(alt and alt[0][0] is _C.LITERAL for alt in av[1])
    return False


def quick(pattern: re.Pattern) -> re.Pattern:
    """``pattern``, or an equivalent one that skips at once the positions where no match can
    start (see the module's doc). Unchanged when that cannot be worked out safely: a pattern that
    may match the empty string, ignores case, is verbose, starts with an anchor or ``.``, or that
    re already searches fast, or whose first character may be any of more than ``MAX_FIRST``."""
    if pattern in _ORIGINAL or _P is None or not isinstance(pattern.pattern, str) or pattern.flags & (re.IGNORECASE | re.VERBOSE):
        return pattern  # (made by quick already)
    try:
        items = list(_P.parse(pattern.pattern, pattern.flags))
        if _fast_already(items):
            return pattern
        chars, empty = _edge(items)
        if not chars or empty or len(chars) > MAX_FIRST:
            return pattern
        faster = re.compile(f"(?={_class(chars)})(?:{pattern.pattern})", pattern.flags)
    except (re.error, TypeError, ValueError, AttributeError, IndexError):
        return pattern
    if faster.groups != pattern.groups or faster.groupindex != pattern.groupindex:
        return pattern
    _ORIGINAL[faster] = pattern
    return faster


_ORIGINAL: dict[re.Pattern, re.Pattern] = {}


def original(pattern: re.Pattern) -> re.Pattern:
    """The pattern :func:`quick` made ``pattern`` from (``pattern`` itself if none): for tests."""
    return _ORIGINAL.get(pattern, pattern)


def _needed(items) -> set[str] | None:
    """Strings of which every match of the sequence ``items`` contains at least one (the
    longest run of literals it always has, or the alternatives of a group it always has); None
    when it always has none."""
    best: set[str] | None = None

    def better(found: set[str]) -> None:
        nonlocal best
        if best is None or min(map(len, found)) > min(map(len, best)):
            best = found

    run = ""
    for op, av in list(items) + [(None, None)]:
        if op is _C.LITERAL:
            run += chr(av)
            continue
        if run:
            better({run})
            run = ""
        if op is _C.SUBPATTERN:
            found = None if av[1] & re.IGNORECASE else _needed(av[-1])  # (?i:…): its letters in any case
        elif op is _C.BRANCH:
            alts = [_needed(alt) for alt in av[1]]
            found = set().union(*alts) if alts and all(alts) else None
        elif op in _REPEATS and av[0] >= 1:
            found = _needed(av[2])
        else:
            found = None
        if found:
            better(found)
    return best


def needed(pattern: re.Pattern) -> frozenset[str] | None:
    """Strings of which every match of ``pattern`` contains at least one, worked out from the
    pattern (``来源`` for ``来源[:：](…)``; for an alternation, one or more per branch); None when
    that cannot be said (a branch with no literal it always has, ignored case)."""
    found = None
    if _P is not None and isinstance(pattern.pattern, str) and not pattern.flags & (re.IGNORECASE | re.VERBOSE):
        try:
            got = _needed(_P.parse(pattern.pattern, pattern.flags))
            found = frozenset(got) if got and all(got) else None
        except (re.error, TypeError, ValueError, AttributeError, IndexError):
            found = None
    return found


def last_chars(pattern: re.Pattern) -> frozenset[str] | None:
    """The characters every non-empty match of ``pattern`` can end with, worked out from the
    pattern (an alternation of literals and classes, as the office and unit suffixes are); None
    when that cannot be said (a repeat, ``.``, a negated class, ignored case, an empty match)."""
    if _P is None or not isinstance(pattern.pattern, str) or pattern.flags & (re.IGNORECASE | re.VERBOSE):
        return None
    try:
        chars, empty = _edge(_P.parse(pattern.pattern, pattern.flags), last=True)
    except (re.error, TypeError, ValueError, AttributeError, IndexError):
        return None
    return None if chars is None or empty or not chars else frozenset(map(chr, chars))


_FINDERS: dict = {}


def may_match(pattern: re.Pattern, text: str) -> bool:
    """False when ``text`` has none of the strings every match of ``pattern`` contains (so the
    pattern cannot match it: no search needed); True otherwise. The strings are looked for with
    one alternation of literals, which re scans fast."""
    finder = _FINDERS.get(pattern, False)
    if finder is False:
        found = needed(pattern)
        finder = _FINDERS[pattern] = re.compile("|".join(map(re.escape, sorted(found, key=len)))) if found else None
    return finder is None or finder.search(text) is not None
