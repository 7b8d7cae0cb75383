"""Who said what: the quotes table (see DESIGN.md for its columns).

``extract_quotes(article, structure)`` walks the paragraphs in order and returns one row per
quote: ``direct`` (words inside “…”, or a transcript's words after "office name："),
``indirect`` (X表示/介绍/说，+ clause) and ``report`` (a cited document: 党的二十大报告指出“…”),
each with its speaker, title, district (and where the district came from), section and
character offsets in the cleaned text.

The steps, one function per attribution shape (each unit-tested in tests/test_quotes_units.py):

- paragraph shapes (the driver ``_walk``): ``header_line_voice`` ("office name：" / "Name：" on its
  own line: the following paragraphs are that person's words; a press conference's questioner or a
  reporter is nobody), ``inline_speaker`` ("Name：words", 答：), ``continues_quote`` (a multi-paragraph
  quote: paragraphs that open with “ after X说：);
- inside a paragraph (``paragraph_rows``): ``mark_citations`` (党的二十大报告指出，“…” → report;
  习近平总书记…指出，“…” → his direct words), ``people_after_quotes`` (“…”即墨国际陆港党委书记马明强说),
  ``verb_attributions`` (office+name+表示/说/介绍/告诉记者/在…看来, two people in one clause, 他/她,
  李局长), ``colon_attributions`` (name：“…”), ``speaker_of_quote`` (who speaks each “…”, including a
  quote that continues after X说，), ``uncited_reports`` (党的二十大报告提出，要…。) and
  ``indirect_pieces`` (the clause after 表示，, quotes cut out).

People are resolved in people.py (someone named only 刘先生/王阿姨 keeps their quotes with an empty
``speaker`` and the words as written in ``title``); every place lookup goes through ``_place_of``.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from helpers import frames
from helpers import patterns as P
from helpers.districts import ArticlePlaces
from helpers.people import (
    Person, PersonRegistry, find_person_at_start, honorific_before, is_minority_name, looks_like_name, named_by_description,
    people_joined, register, resolve, scan_mentions, strip_segment, unnamed_person,
)
from helpers.quickre import may_match
from helpers.structure import Structure

COLUMNS = [
    "article", "quote_id", "section", "section_title", "paragraph", "kind", "speaker", "title",
    "district", "district_source", "city", "cited_by", "text", "start", "end",
]
MASK = "\u25a1"
MIN_PIECE_CJK = 4  # an indirect piece needs this many Chinese characters


@dataclass
class _Span:
    open: int  # index of “
    close: int  # index of ” (len(text) when the quote runs to the paragraph's end)
    kind: str = "phrase"  # phrase, speech, report
    lead: int = -1  # for a report: where its document lead-in starts
    person: Person | None = None


@dataclass
class _Attrib:
    start: int  # start of the person words
    verb: int
    end: int  # after the verb and its punctuation
    person: Person
    to_quote: bool  # the verb introduces a quote (说：“…)


@dataclass
class ArticleContext:
    """What the steps share about one article: its people, its places, the current paragraph."""

    name: str
    text: str
    registry: PersonRegistry
    places: ArticlePlaces | None = None  # the article's place evidence (districts.ArticlePlaces)
    window: tuple[int, int] = (0, 0)  # the previous and the current paragraph
    headline: str = ""  # headline and subtitle
    lead: str = ""  # the lead paragraph(s)
    paragraph: str = ""
    last: Person | None = None  # the latest person who spoke or was introduced
    pending: list = field(default_factory=list)  # rows of the previous paragraph with no speaker yet


_MARKS = re.compile(f"[{P.OPEN_Q}{P.CLOSE_Q}]")


def quote_spans(text: str) -> list[tuple[int, int]]:
    """Top-level “…” spans as (open, close) indexes; an unclosed quote runs to the end.

    >>> quote_spans("他说：“要‘稳’字当头。”")
    [(3, 12)]"""
    spans, depth, start = [], 0, -1
    for m in _MARKS.finditer(text):  # only the quotation marks matter: the rest is passed over in C
        i, ch = m.start(), m.group()
        if ch == P.OPEN_Q:
            if depth == 0:
                start = i
            depth += 1
        elif ch == P.CLOSE_Q and depth:
            depth -= 1
            if depth == 0:
                spans.append((start, i))
    if depth:
        spans.append((start, len(text)))
    return spans


def quoted_phrases(text: str) -> list[str]:
    """Short phrases an article puts in quotation marks (“急难愁盼”, ‘专精特新’): set phrases."""
    found = P.QUOTED_PHRASE.findall(text)
    return sorted(set(found), key=found.index)


def _mask(text: str, spans) -> str:
    """``text`` with the inside of each span (between its marks) replaced by ``MASK``, character
    for character: the union of the spans, made of slices."""
    if not spans:
        return text
    out, done = [], 0  # done: where the text is copied or masked up to
    for a, b in sorted((s.open + 1, min(s.close, len(text))) for s in spans):
        if b <= a or b <= done:
            continue
        a = max(a, done)
        out += (text[done:a], MASK * (b - a))
        done = b
    out.append(text[done:])
    return "".join(out)


def _sentence_start(masked: str, pos: int, limit: int = 60) -> int:
    i = pos - 1
    while i >= 0 and pos - i < limit and masked[i] not in "。！？!?；;“”\n" and masked[i] != MASK:
        i -= 1
    return i + 1


def _segment_start(masked: str, pos: int) -> int:
    i = pos - 1
    while i >= 0 and masked[i] not in P.CLAUSE_BOUNDARY and masked[i] != MASK:
        i -= 1
    return i + 1


# -- places -------------------------------------------------------------------------------------
def _place_of(ctx: ArticleContext, title: str, sentence: str = "", paragraph: str = "") -> tuple[str, str, str]:
    """(district, city, district_source) of a speaker with ``title``: the one place lookup of the
    quote finder. The evidence order (title → context → article) lives in
    ``districts.ArticlePlaces.place``; ``sentence`` is the words around the mention, ``paragraph``
    the current paragraph, and the previous plus current paragraph is the nearby text whose last
    county a street or town title takes (湄潭县兴隆镇 … then 兴隆镇龙凤村党支部书记)."""
    nearby = ctx.text[ctx.window[0]:ctx.window[1]]
    place = ctx.places.place(title, sentence=sentence, paragraph=paragraph, nearby=nearby)
    return place.district, place.city, place.source if place.district else ""


# -- rows ---------------------------------------------------------------------------------------
def _row(ctx: ArticleContext, para, kind: str, a: int, b: int, person: Person | None, cited_by: Person | None = None) -> dict | None:
    """One row of the table for ``para.text[a:b]`` (trimmed of punctuation and spaces)."""
    text = para.text
    while a < b and text[a] in " ，,：:。；;、":
        a += 1
    while b > a and text[b - 1] == " ":
        b -= 1
    if b <= a:
        return None
    who = person if person and kind != "report" else Person(name="")
    if not who.name and who.title and not who.district:
        # 曲尺乡柑园村村民陈大姐: someone named by surname + honorific has a place too
        who.district, who.city, who.district_source = _place_of(ctx, who.title, text, text)
    return {
        "article": ctx.name, "section": para.section, "section_title": para.section_title,
        "paragraph": para.index, "kind": kind, "speaker": who.name, "title": who.title,
        "district": who.district, "district_source": who.district_source, "city": who.city,
        "cited_by": cited_by.name if cited_by else "",
        "text": text[a:b], "start": para.start + a, "end": para.start + b,
    }


# -- shapes inside a paragraph ------------------------------------------------------------------
def mark_citations(ctx: ArticleContext, masked: str, spans: list[_Span]) -> None:
    """Mark quotes led in by a document as ``report`` (党的二十大报告指出，“…”; 政府工作报告提出，“…”;
    《…》明确“…”), and those led in by 习近平总书记…指出/强调 as his own words (``speech``)."""
    for s in spans:
        tail_start = _sentence_start(masked, s.open)
        lead_in = masked[tail_start:s.open]
        m = P.REPORT_LEAD.search(lead_in)
        if not m or (P.SAID_IN.search(lead_in[:m.start()]) and not P.PERSON_CITES.match(lead_in)):
            continue  # 副市长司马庆在讲话中指出，“…”: his words, attributed by the verb rules
        s.kind, s.lead = "report", tail_start + m.start()
        cites = P.PERSON_CITES.match(lead_in)
        if cites and "报告" not in lead_in:  # a speech he gave, not a document
            s.kind, s.lead = "speech", -1
            s.person = register(ctx.registry, cites.group(2), cites.group(1), lead_in)
    for before, s in zip(spans, spans[1:]):  # 报告指出，“…”“…”: a quote straight after a cited one is cited too
        if before.kind == "report" and s.kind != "report" and CITED_RUN_JOINER.fullmatch(masked[before.close + 1:s.open]):
            s.kind, s.lead = "report", before.lead


CITED_RUN_JOINER = re.compile(r"\s*(?:[、，,]|和|与|以及|及)?\s*")  # between two quotes the same lead-in cites


def people_after_quotes(ctx: ArticleContext, text: str, spans: list[_Span]) -> dict[int, tuple[Person, int]]:
    """An office+name (or a known name) right after a closing quote: “…”即墨国际陆港党委书记马明强在…
    → {index of ”: (马明强, end of the mention)}."""
    named = {}
    for s in spans:
        if s.kind == "report" or s.close >= len(text):
            continue
        start = s.close + 1
        lead = P.TOPIC_LEAD.match(text, start)  # “…”说起这些变化，书记李秀梅很有感触
        start = lead.end() if lead else start
        after = find_person_at_start(text[start:], ctx.registry.known())
        if after and lead and not P.MOVED_OR_SAYS.match(text, start + after[2]):
            after = None  # 说起这些变化，X… must go on to say or be moved
        if after and not P.REPORTER_TITLE.fullmatch(after[0] or "-"):
            named[s.close] = (register(ctx.registry, after[0], after[1], text[start:start + after[2]]), start + after[2])
    return named


def _latest(attribs: list[_Attrib], mentions: list[tuple[int, Person]], pos: int) -> Person | None:
    """The person attributed or mentioned last before ``pos`` in this paragraph."""
    found = [(a.start, a.person) for a in attribs if a.start < pos] + [(i, p) for i, p in mentions if i < pos]
    return max(found, key=lambda x: x[0])[1] if found else None


def _verb_end(text: str, verb_end: int) -> tuple[int, bool, bool]:
    """After a speech verb: (where its clause starts, it introduces a quote, it closes the sentence).
    说：“… introduces a quote; “…”陆振宇说。 closes the sentence and opens no clause."""
    end = verb_end
    while end < len(text) and text[end] in " ，,：:":
        end += 1
    closes = end < len(text) and text[end] == "。"
    to_quote = (end < len(text) and text[end] == P.OPEN_Q) or closes
    return end, to_quote, closes


def _offices_before(masked: str, b: int, most: int = 3) -> tuple[int, str] | None:
    """The offices written before ``b``, each ending before a comma, that start a sentence:
    (where they start, the offices joined by ，); ``None`` if the words before the comma are no office
    or do not start a sentence."""
    start, offices, found = b, [], None
    while len(offices) < most and start >= 2 and masked[start - 1] in "，,":
        b0 = _segment_start(masked, start - 1)
        prev = masked[b0:start - 1]
        if not (prev and len(prev) <= 30 and P.ROLE_SUFFIX.search(prev)):
            break
        offices.insert(0, prev)
        start = b0
        if b0 == 0 or masked[b0 - 1] in "。”":
            found = (b0, "，".join(offices))
    return found


def _office_before_comma(ctx: ArticleContext, masked: str, b: int, who: Person, seg: str) -> int:
    """市北区委组织部副部长，区人社局党组书记、局长王萍表示: the office before the comma is hers too;
    so are up to three such offices, each before a comma, from the start of the sentence
    (镇党委书记、镇长，村党支部书记，合作社理事长X表示). Extends ``who.title`` (and its district) and
    returns where the attribution starts."""
    if not (b >= 2 and masked[b - 1] in "，," and who.name and who.title and strip_segment(seg).endswith(who.name)):
        return b
    chain = _offices_before(masked, b)
    if not chain:
        return b
    b0, prev = chain
    if who.title == strip_segment(seg)[: -len(who.name)].rstrip("、，, "):
        who.title = prev + "，" + who.title
        district, city, source = _place_of(ctx, who.title, masked[b0:b], ctx.paragraph)
        if district:
            who.district, who.district_source = district, source
        who.city = city or who.city
    return b0


def verb_attributions(ctx: ArticleContext, text: str, masked: str, spans: list[_Span], offset: int,
                      voice: Person | None, mentions: list, attribs: list[_Attrib]) -> list[tuple[int, int, bool]]:
    """Office+name(+adverbial)+speech verb: 平度市农业农村局党组书记、局长万俊菊表示，… (indirect);
    在崂山区金家岭街道党工委书记李强看来，…; 曲艳阳受访时说：“…”; “…”陆振宇说。; 他表示; 李局长介绍;
    镇长宋广志和村党支部书记马春燕都表示 (a row each). Appends to ``attribs``; returns the
    attributions that name nobody, as (start, end, to_quote) (该局相关负责人介绍，“…”)."""
    unnamed: list[tuple[int, int, bool]] = []
    for m in P.SPEECH_ATTRIB.finditer(masked):
        if any(s.open < m.start() < s.close for s in spans) or m.start() < offset:
            continue
        b = _segment_start(masked, m.start())
        seg = masked[b:m.start()]
        if MASK in seg or not seg.strip():
            continue
        end, to_quote, closes = _verb_end(text, m.end())
        quoted = to_quote or (b > 0 and masked[b - 1] == P.CLOSE_Q)
        latest = _latest(attribs, mentions, m.start())
        together = people_joined(ctx.registry, seg) if P.JOINED_OR_LISTED.search(seg) else []
        who = together[-1] if together else resolve(ctx.registry, seg, latest, ctx.last, quoted=quoted)
        if strip_segment(seg) in ("他", "她"):  # 来自香港的李先生在南沙买了房，他笑言，…: 李先生 speaks
            named = honorific_before(masked[_sentence_start(masked, b):b], ctx.registry.known())
            who = Person(name="", title=named) if named else who
        if who is None:
            who = named_by_description(ctx.registry, masked[:b], strip_segment(seg))  # 王秀兰老人 … 老人笑着说
        if who is None:
            who = unnamed_person(seg)  # 人事主管刘先生告诉记者：“…”: kept, with no name
        if who is None:  # 相关负责人介绍，“…” / “…”有关负责人说: someone speaks, no name to give
            unnamed.append((b, end, to_quote and bool(P.ROLE_SUFFIX.search(strip_segment(seg)))))
            continue
        b = _office_before_comma(ctx, masked, b, who, seg)
        if voice is not None and (not to_quote or who.name == voice.name):
            continue  # in someone's own words, only another person's quote is set apart
        if closes and P.BACK_REFERENCE_RE.search(m.group(0)) and who.name:
            fill_pending(ctx, who)  # “…” (a paragraph of its own) / …陆振宇这样说。
        for other in together[:-1]:
            attribs.append(_Attrib(b, m.start(), end, other, to_quote))
        attribs.append(_Attrib(b, m.start(), end, who, to_quote))
    return unnamed


def colon_attributions(ctx: ArticleContext, masked: str, mentions: list, attribs: list[_Attrib]) -> None:
    """name：“…” and office name：“…” (建德市梅城镇镇长徐丽君：“…”); appends to ``attribs``."""
    for m in P.COLON_BEFORE_QUOTE.finditer(masked):
        if any(a.verb <= m.start() < a.end for a in attribs):
            continue
        b = _segment_start(masked, m.start())
        seg = masked[b:m.start()]
        if not seg.strip() or MASK in seg:
            continue
        who = resolve(ctx.registry, seg, _latest(attribs, mentions, m.start()), ctx.last, quoted=True)
        if who:
            attribs.append(_Attrib(b, m.start(), m.end(), who, True))


def _is_free_quote(text: str, masked: str, s: _Span) -> bool:
    """A quotation that is someone's words though no verb is next to it: a whole sentence at the
    start of a sentence (“…。”), or after a comma (…落地，“一头连着田间地头，…大有可为。”)."""
    before = masked[:s.open].rstrip(" ")
    content = text[s.open + 1:s.close]
    starts_sentence = not before or before[-1] in "。！？!?”：:；"
    sentence_like = bool(P.ENDS_SENTENCE.search(content)) or s.close >= len(text) or ("，" in content and len(content) >= 15)
    ends_sentence = bool(P.ENDS_SENTENCE.search(content)) or (
        ("，" in content or len(content) >= 10) and text[s.close + 1:s.close + 2] in ("。", "！", "？", ""))  # “客人喝了…，…带回去”。
    follows_clause = bool(before) and before[-1] in "，," and len(content) >= 8 and ends_sentence
    return (starts_sentence and sentence_like) or follows_clause


def speaker_of_quote(ctx: ArticleContext, text: str, masked: str, s: _Span, attribs: list[_Attrib], mentions: list,
                     unnamed: list[tuple[int, int, bool]], named_after: dict) -> None:
    """Decide whether the quote ``s`` is speech and whose: the attribution just before it (说：“…),
    just after it (“…”万俊菊说), nobody named (“…”来自广州的游客陈女士说 → no name), the person named
    right after it, or — a quote that continues (“…”曲艳阳说，“…”) or stands alone as a sentence —
    the latest person in the paragraph, else the paragraph's first speaker, else the article's last."""
    pre = next((a for a in attribs if a.to_quote and a.end == s.open), None)
    post = next((a for a in attribs if a.start == s.close + 1), None)
    if pre or post:
        s.kind, s.person = "speech", (pre or post).person
        return
    if any(start == s.close + 1 or (to_quote and end == s.open) for start, end, to_quote in unnamed):
        s.kind, s.person = "speech", None
        return
    if not _is_free_quote(text, masked, s):
        return
    s.kind = "speech"
    if s.close in named_after:
        s.person, end = named_after[s.close]
        if s.person.name not in [a.person.name for a in attribs]:
            attribs.append(_Attrib(s.close + 1, end, end, s.person, True))  # the mention opens no clause
    else:
        s.person = _latest(attribs, mentions, s.open) or (attribs[0].person if attribs and s.open == 0 else ctx.last)


def uncited_reports(text: str, masked: str, events: list[tuple[int, int]]) -> list[tuple[int, int, int]]:
    """Citations without quotation marks, to the end of their sentence: 党的二十大报告提出，要…。
    → [(lead start, text start, text end)]; those inside a quoted span or a citation are skipped."""
    found = []
    if not may_match(P.REPORT_LEAD_NOQUOTE, masked):
        return found  # none of the citation verbs: no citation (most paragraphs)
    for m in P.REPORT_LEAD_NOQUOTE.finditer(masked):
        if text[m.end():m.end() + 1] == P.OPEN_Q or any(a <= m.start() < b for a, b in events):
            continue
        lead = _segment_start(masked, m.start())
        if lead != m.start() and not P.REPORT_LEAD.search(masked[lead:m.end()]):
            continue
        if P.SAID_IN.search(masked[lead:m.start()]):
            continue  # 副市长司马庆在讲话中指出，…: a person's words, not a document's
        stop = P.SENTENCE_END.search(text, m.end())
        found.append((m.start(), m.end(), stop.end() if stop else len(text)))
    return found


def indirect_pieces(text: str, a: _Attrib, starts: list[int], events: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The clause an attribution opens (万俊菊表示，<clause>), up to the next attribution, with quotes
    and citations cut out: [(start, end)], each with at least ``MIN_PIECE_CJK`` Chinese characters."""
    stop = next((x for x in starts if x > a.start), len(text))
    source = P.REPORTER_SOURCE.search(text, a.end, stop)  # 据了解，… is the reporter's again
    stop = source.start() if source else stop
    pos, pieces = a.end, []
    for cut_start, cut_end in events + [(stop, stop)]:
        if cut_end <= pos:
            continue
        piece_end = max(pos, min(cut_start, stop))
        if len(P.CJK_CHAR.findall(text[pos:piece_end])) >= MIN_PIECE_CJK:
            pieces.append((pos, piece_end))
        pos = max(pos, cut_end)
        if pos >= stop:
            break
    return pieces


def fill_pending(ctx: ArticleContext, person: Person) -> None:
    """Give the quotes of the previous paragraph that had no speaker to ``person`` (a quote that is a
    paragraph of its own, then 陆振宇这样说。)."""
    for row in ctx.pending:
        if not row["speaker"] and row["kind"] == "direct":
            row.update(speaker=person.name, title=person.title, district=person.district,
                       district_source=person.district_source, city=person.city)
    ctx.pending = []


def paragraph_rows(ctx: ArticleContext, para, voice: Person | None = None, offset: int = 0,
                   reports_only: bool = False) -> list[dict]:
    """Rows for one paragraph. With ``voice``, the whole paragraph (from ``offset``) is that person's
    own words (a transcript or an interview answer); only citations and other people's quotes are
    cut out. With ``reports_only`` (a reporter's question), only cited documents are rows."""
    text = para.text
    spans = [_Span(o, c) for o, c in quote_spans(text) if o >= offset]
    masked = _mask(text, spans)
    mark_citations(ctx, masked, spans)
    if reports_only:
        return [r for r in (_row(ctx, para, "report", s.open + 1, s.close, None) for s in spans if s.kind == "report") if r]
    mentions = [(i, p) for i, p in scan_mentions(ctx.registry, masked) if i >= offset]
    named_after = people_after_quotes(ctx, text, spans)
    mentions += [(close + 1, person) for close, (person, _) in named_after.items()]
    attribs: list[_Attrib] = []
    if voice is not None:
        tail = len(text.rstrip("。！？!? ")) - 1
        wrapped = any(s.open == offset and s.close >= tail for s in spans)  # “…” around all the words, not “十五五”期间，…
        attribs.append(_Attrib(offset, offset, offset + wrapped, voice, False))
        for s in spans:
            if s.kind != "report":
                s.kind = "phrase"  # their own quotation marks stay part of their words
        mentions = []
    unnamed = verb_attributions(ctx, text, masked, spans, offset, voice, mentions, attribs)
    if voice is None:
        colon_attributions(ctx, masked, mentions, attribs)
    attribs.sort(key=lambda a: a.start)
    for s in spans:
        if s.kind == "speech" and s.person is not None:
            continue  # already known (习近平总书记…指出)
        if voice is not None:
            other = next((a for a in attribs[1:] if a.end == s.open), None)
            if other and s.kind != "report":  # 习近平总书记强调，“…” inside an interviewee's answer
                s.kind, s.person, s.lead = "speech", other.person, other.start
        elif s.kind != "report":
            speaker_of_quote(ctx, text, masked, s, attribs, mentions, unnamed, named_after)
    spoken = [(s.open, s.person) for s in spans if s.kind == "speech" and s.person]
    spoken += [(a.start, a.person) for a in attribs] + mentions
    present = [x for x in spoken if not P.CITED_LEADER.match(x[1].title or "")] or spoken  # 他 is not the cited 习近平
    if present:
        ctx.last = max(present, key=lambda x: x[0])[1]
    return _rows_of_paragraph(ctx, para, masked, spans, attribs, voice)


def _rows_of_paragraph(ctx: ArticleContext, para, masked: str, spans: list[_Span], attribs: list[_Attrib],
                       voice: Person | None) -> list[dict]:
    """The rows once every quote and attribution is known: quotes (direct, report with its
    ``cited_by``), citations without quotation marks, then the indirect pieces."""
    text, rows = para.text, []
    events = sorted((s.lead if s.lead >= 0 else s.open, min(s.close + 1, len(text))) for s in spans if s.kind in ("speech", "report"))
    for s in spans:
        if s.kind == "speech":
            rows.append(_row(ctx, para, "direct", s.open + 1, s.close, s.person))
        elif s.kind == "report":
            owner = next((a.person for a in reversed(attribs) if a.start < s.lead), None)
            rows.append(_row(ctx, para, "report", s.open + 1, s.close, None, cited_by=owner))
    for lead, start, end in uncited_reports(text, masked, events):
        owner = next((a.person for a in reversed(attribs) if a.start < lead), None)
        rows.append(_row(ctx, para, "report", start, end, None, cited_by=owner))
        events.append((lead, end))
    events.sort()
    starts = sorted(a.start for a in attribs) if voice is None else []
    for a in attribs:
        if a.to_quote:
            continue
        for start, end in indirect_pieces(text, a, starts, events):
            end -= voice is not None and text[start:end].endswith(P.CLOSE_Q)
            rows.append(_row(ctx, para, "indirect" if voice is None else "direct", start, end, a.person))
    return [r for r in rows if r]


# -- shapes of whole paragraphs -----------------------------------------------------------------
def header_line_voice(ctx: ArticleContext, line: str) -> tuple[Person | None, str]:
    """A header line on its own ("office name：", "Name：", "title+Name：", 【同期】果农 陈大福：,
    "…记者说：") → (the person whose words follow, mode). Mode ``transcript``: the following
    paragraphs are theirs until the next header; ``quote``: X说： then paragraphs that open with “.
    A reporter, a host or a press conference's questioner (新华社记者：, 凤凰卫视：) → (None,
    ``transcript``): what follows is nobody's quote."""
    who = P.CAPTION_SPEAKER_PREFIX.sub("", P.LEADING_LABELS.sub("", line)).rstrip("：: ")
    if who[:1] in "（(" and who[-1:] in "）)":
        who = who[1:-1].strip()  # 【同期】（桑植民歌省级代表性传承人 钟小英）
    has_verb = bool(P.SPEECH_VERB_END.search(who))
    who = P.SPEECH_VERB_END.sub("", who) if has_verb else who
    if is_questioner(who):
        return None, "transcript"
    parts = who.split()
    if (len(parts) == 2 and (looks_like_name(parts[0]) or is_minority_name(parts[0])) and P.ROLE_SUFFIX.search(parts[1])
            and not looks_like_name(parts[1])):
        who = f"{parts[1]} {parts[0]}"  # 【同期】牟丽华　县果品产业发展中心主任: the name first, then the title
    voice = resolve(ctx.registry, who, ctx.last, ctx.last, quoted=has_verb) or unnamed_person(who)
    return voice, ("quote" if has_verb else "transcript") if voice else ""


def is_questioner(label: str) -> bool:
    """A reporter, host or news outlet asking or narrating: 记者 赵琳, 新华社记者, 中央广播电视总台记者,
    凤凰卫视, 主持人, 问 — never a speaker (an office such as 记者站站长 is one)."""
    label = label.strip()
    return bool(P.REPORTER_TITLE.search(label) and not P.OFFICE_WORD.search(label)) or bool(P.QUESTIONER.match(label))


def inline_speaker(ctx: ArticleContext, text: str, start: int) -> tuple[Person | None, int, bool]:
    """"Name：words" at the start of a paragraph (孙慧敏：今年…; 答：… is the interviewee introduced
    earlier) → (person, where the words start, the label is a questioner: 澎湃新闻记者：请问…)."""
    m = P.INLINE_LABEL.match(text[start:])
    if not m:
        return None, 0, False
    if P.QA_ANSWER.match(text):
        who = ctx.last or next(reversed(ctx.registry.people.values()), None) or respondent(ctx)
    elif is_questioner(m.group(1)) and not P.SPEECH_VERB_END.search(m.group(1)):
        return None, start + m.end(), True  # (村民周德旺给记者算了一笔账： is an attribution, not a reporter's line)
    else:
        label = P.SPEECH_VERB_END.sub("", m.group(1)) or m.group(1)  # 村民周德旺给记者算了一笔账：…
        who = resolve(ctx.registry, label, ctx.last, ctx.last) or unnamed_person(label)
    return who, start + m.end(), False


def respondent(ctx: ArticleContext) -> Person | None:
    """The unnamed official a 答记者问 gives the answers to (农业农村部有关负责人就《…》答记者问, in the
    subtitle or the lead): a Person with no name and that title, or None."""
    m = P.RESPONDENT.search(f"{ctx.headline}\n{ctx.lead}\n{ctx.text[:400]}")
    return Person(name="", title=m.group(1).lstrip("—- ")) if m else None


def continues_quote(text: str) -> bool:
    """A paragraph of a multi-paragraph quote opened by X说： opens with “."""
    return text.startswith(P.OPEN_Q)


def ends_quote(text: str) -> bool:
    """The paragraph closes a multi-paragraph quote: it ends with ” and closes all it opens."""
    return text.rstrip().endswith(P.CLOSE_Q) and text.count(P.CLOSE_Q) >= text.count(P.OPEN_Q)


def narrates_another(ctx: ArticleContext, text: str, voice: Person | None) -> bool:
    """True when the first sentence of a paragraph (its quotes aside) tells of someone else's
    words: office+name, a name, or an honorific before a speech verb, or 在…看来, naming a person
    who is not ``voice`` (游客王女士说，…; 在县委书记胡莹看来，…). In a web copy, such a paragraph
    after a transcript's "office name：" line is the reporter's narration again, not the labelled
    speaker's words. 他/她, and an attribution later in the paragraph, do not count."""
    spans = [_Span(o, c) for o, c in quote_spans(text)]
    masked = _mask(text, spans)
    end = next((i for i, ch in enumerate(masked) if ch in "。！？!?；;"), len(masked))
    for m in P.SPEECH_ATTRIB.finditer(masked, 0, end):
        if any(s.open < m.start() < s.close for s in spans):
            continue
        seg = masked[_segment_start(masked, m.start()):m.start()]
        if MASK in seg or strip_segment(seg) in ("", "他", "她", "我", "我们"):
            return False
        who = resolve(ctx.registry, seg, None, None) or unnamed_person(seg)
        return who is not None and (voice is None or who.name != voice.name or not who.name)
    return False


def reporter_narrates(text: str) -> bool:
    """The paragraph, its quotes aside, tells what the reporter saw or learned (记者在食堂里看到，…;
    产业发展起来了，…？记者从县人社局了解到，…; 据了解，…), or sets a scene with no 我 in it
    (在县城东边的智能车间里，…): the reporter's narration, not a transcript speaker's words."""
    if P.SCENE_OPENING.match(text) and not P.FIRST_PERSON.search(text):
        return True
    return bool(P.REPORTER_NARRATES.search(_mask(text, [_Span(o, c) for o, c in quote_spans(text)])))


def _walk(ctx: ArticleContext, structure: Structure) -> list[dict]:
    """The driver: every paragraph in order, by its shape, with the voice a header line sets."""
    rows: list[dict] = []
    voice, mode = None, ""  # who speaks the following paragraphs (transcripts, 说：)
    asked = False  # a question was put (记者：…, a question paragraph): answers may run over paragraphs
    previous_start = previous_rows = 0
    for para in structure.paragraphs:
        kind, text = para.kind, para.text
        ctx.window, ctx.paragraph = (previous_start, para.end), text
        ctx.pending = [r for r in rows[previous_rows:] if r["kind"] == "direct" and not r["speaker"]]
        previous_rows = len(rows)
        if kind in ("lead", "body", "question"):
            previous_start = para.start
        if kind in ("subtitle", "question"):  # other paragraphs are scanned as they are read
            scan_mentions(ctx.registry, text)
        if kind == "label" and P.GUESTS_LINE.match(text):  # 访谈嘉宾：旗长　巴图孟和；旗林草局局长　乌云其其格
            for part in re.split(r"[；;]", text[P.GUESTS_LINE.match(text).end():]):
                scan_mentions(ctx.registry, part.strip())
        if kind in ("heading", "label", "byline"):
            voice, mode = None, ""  # a byline line (记者 赵琳：) ends a transcript's voice too
            ctx.last = None if kind == "heading" else ctx.last
            continue
        if kind in ("headline", "subtitle", "caption"):
            continue
        if kind == "speaker_line":
            voice, mode = header_line_voice(ctx, text)
            ctx.last = voice or ctx.last
            continue
        if kind == "question":  # the reporter's words: only a document they cite is a row
            voice, mode, asked = None, "", True
            rows += paragraph_rows(ctx, para, reports_only=True)
            continue
        label = P.LEADING_LABEL.match(text)
        if label:  # 【记者】在未央区…: narration; officials it reports are still found
            voice, mode = None, ""
            if not P.SPEAKER_LABEL.fullmatch(label.group(1)):
                rows += paragraph_rows(ctx, para, offset=label.end())
                continue
        start = label.end() if label else 0
        who, words, asks = inline_speaker(ctx, text, start)
        bracket = P.BRACKET_SPEAKER.match(text, start) if label and not who else None
        if bracket:  # 【同期】（果农　张大山）今年… : the bracket names who speaks
            who = resolve(ctx.registry, bracket.group(1), ctx.last, ctx.last) or unnamed_person(bracket.group(1))
            words = bracket.end() if who else words
        if mode == "quote" and not continues_quote(text):
            voice, mode = None, ""
        if mode == "transcript" and not (who or asks) and (narrates_another(ctx, text, voice) or reporter_narrates(text)):
            voice, mode = None, ""  # the reporter again: 在县委书记胡莹看来，… or 记者了解到，… after a "局长肖鹏：" line
        if mode and not (who or asks):
            if voice is not None:
                rows += paragraph_rows(ctx, para, voice=voice)
            if mode == "quote" and ends_quote(text):
                voice, mode = None, ""
            continue
        if asks:  # 澎湃新闻记者：请问…？ nobody's quote; the answer follows
            voice, mode, asked = None, "", True
            rows += paragraph_rows(ctx, para, reports_only=True)
            continue
        if who:  # in a transcript or after a question, the next unlabelled paragraphs are this speaker's too
            voice, mode = (who, "transcript") if mode == "transcript" or asked else (None, "")
            rows += paragraph_rows(ctx, para, voice=who, offset=words)
            continue
        rows += paragraph_rows(ctx, para)
    return rows


SPEAKER_FIELDS = ("speaker", "title", "district", "district_source", "city")


def spread_over_paragraphs(rows: list[dict], structure: Structure) -> list[dict]:
    """A quotation over several paragraphs, as print writes it: each paragraph but the last opens
    with “ and leaves it open, and the speaker is named after the last one closes
    (“刚开始，… | “现在不一样了，…。”说起这些变化，社区党委书记李秀梅很有感触). The earlier
    paragraphs, whose words open them with no attribution of their own, went to the person before;
    they take the speaker of the last paragraph's opening quote."""
    by_paragraph: dict[int, list[dict]] = {}
    for r in rows:
        by_paragraph.setdefault(r["paragraph"], []).append(r)

    def opening(para) -> dict | None:  # the row of the quote that opens the paragraph
        return next((r for r in by_paragraph.get(para.index, []) if r["kind"] == "direct" and r["start"] == para.start + 1), None)

    paras, chain = structure.paragraphs, []
    for para in paras:
        if not para.text.startswith(P.OPEN_Q):
            chain = []
            continue
        if para.text.count(P.OPEN_Q) > para.text.count(P.CLOSE_Q):
            chain.append(para)
            continue
        last = opening(para)
        if chain and last is not None and last["speaker"]:
            for earlier in chain:
                row = opening(earlier)
                if row is not None:
                    row.update({f: last[f] for f in SPEAKER_FIELDS})
        chain = []
    return rows


def new_context(name: str, text: str, headline: str = "", reporters=(), lead: str = "", raw: str = "") -> ArticleContext:
    """The shared state for one article: its registry of people (``reporters`` never speak), the
    county it is about (from ``headline`` and the text) and the counties it names."""
    registry = PersonRegistry(reporters, text=text)
    ctx = ArticleContext(
        name=name, text=text, registry=registry, places=ArticlePlaces.from_text(text, headline, lead, raw),
        headline=headline, lead=lead,
    )
    registry.locate = lambda title, sentence="": _place_of(ctx, title, sentence, ctx.paragraph)
    return ctx


def drop_host_procedure(rows: list[dict], text: str) -> list[dict]:
    """A host who only opens, hands over and closes (【主持人】郑丽：发布会到此结束。; 戚文娟主持发布会 …
    戚文娟：今天的发布会到此结束) is no speaker: their rows are dropped when every one of them is
    procedure (``P.PROCEDURAL``). A host who also says something of substance keeps every row."""
    hosts = {r["speaker"] for r in rows if r["speaker"] and P.HOST_TITLE.search(r["title"] or "")}
    if may_match(P.HOSTS, text):  # (主持 is in every match)
        hosts |= {m.group(1)[-k:] for m in P.HOSTS.finditer(text) for k in (2, 3, 4)} & {r["speaker"] for r in rows}
    procedural = {h for h in hosts
                  if all(P.PROCEDURAL.search(r["text"]) for r in rows if r["speaker"] == h)}
    return [r for r in rows if r["speaker"] not in procedural]


def extract_quotes(article, structure: Structure | None = None) -> pd.DataFrame:
    """The quotes table of one article, in article order (columns: ``COLUMNS``); ``df.attrs["people"]``
    lists everyone the article introduces, speaking or not (their names reach the tokenizer)."""
    df, people = quotes_and_people(article, structure)
    df.attrs["people"] = people
    return df


def quotes_and_people(article, structure: Structure | None = None) -> tuple[pd.DataFrame, list[str]]:
    """``extract_quotes`` with the people apart: (the table without ``attrs``, everyone the
    article introduces). pandas deep-copies a table's ``attrs`` at each column read, so the
    pipeline reads columns of this bare table and sets ``attrs`` once on the final one."""
    table, people = quote_columns(article, structure)
    return table.frame(), people


def quote_columns(article, structure: Structure | None = None) -> tuple[QuoteColumns, list[str]]:
    """``quotes_and_people`` before any DataFrame: (the table as :class:`QuoteColumns`, everyone
    the article introduces). The pipeline reads these columns and builds one table at the end."""
    from helpers.structure import parse_structure

    structure = structure or parse_structure(article.text)
    headline = f"{structure.headline} {structure.subtitle}".strip()
    lead = "\n".join(p.text for p in structure.paragraphs if p.kind == "lead")
    ctx = new_context(article.name, article.text, headline, structure.byline_names, lead, getattr(article, "raw", ""))
    rows = drop_host_procedure(spread_over_paragraphs(_walk(ctx, structure), structure), article.text)
    return QuoteColumns(rows), [p.name for p in ctx.registry.people.values()]


QUOTE_KINDS = {"article": str, "quote_id": np.int64, "section": np.int64, "section_title": str, "paragraph": np.int64,
               "kind": str, "speaker": str, "title": str, "district": str, "district_source": str, "city": str,
               "cited_by": str, "text": str, "start": np.int64, "end": np.int64}


class QuoteColumns(frames.Columns):
    """The quotes table as columns of Python values, in article order (by start; stable) with
    their quote_id (columns: ``COLUMNS``), read as a DataFrame's columns are
    (:class:`helpers.frames.Columns`); :meth:`frame` builds the DataFrame."""

    def __init__(self, rows: list[dict]):
        self.rows = rows
        ordered = sorted(rows, key=lambda r: r["start"])  # stable, as sort_values(kind="stable")
        super().__init__({c: ([r[c] for r in ordered] if c != "quote_id" else list(range(len(ordered)))) for c in COLUMNS})

    def frame(self) -> pd.DataFrame:
        """The table (columns: ``COLUMNS``). Built column by column (helpers.frames); pandas' own
        way when it cannot."""
        df = frames.frame(self.data, QUOTE_KINDS)
        if df is not None:
            return df
        df = pd.DataFrame(self.rows, columns=[c for c in COLUMNS if c != "quote_id"])
        df = df.sort_values("start", kind="stable").reset_index(drop=True)
        df.insert(1, "quote_id", range(len(df)))
        return df[COLUMNS]


def _quotes_frame(rows: list[dict]) -> pd.DataFrame:
    """The rows in article order (by start; stable) with their quote_id, as a table (columns:
    ``COLUMNS``)."""
    return QuoteColumns(rows).frame()
