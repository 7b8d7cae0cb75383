"""Who said what: the quotes table (see DESIGN.md for its columns).

``extract_quotes(article, structure)`` walks the paragraphs in order and returns one row per
quote: ``direct`` (words inside “…”, or a transcript's words after "office name："),
``indirect`` (X表示/介绍/说，+ clause) and ``report`` (a cited document: 党的二十大报告指出“…”),
each with its speaker, title, district, section and character offsets in the cleaned text.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

import pandas as pd

from helpers import patterns as P
from helpers.districts import ArticlePlaces  # places: the article's place evidence
from helpers.people import (
    LEAD_WORDS, ROLE_SUFFIX, Person, PersonRegistry, find_person_at_start, looks_like_name, split_person,
    strip_segment, title_score,
)
from helpers.structure import Structure

COLUMNS = [
    "article", "quote_id", "section", "section_title", "paragraph", "kind", "speaker", "title",
    "district", "district_source", "city", "cited_by", "text", "start", "end",  # places: district_source
]
MASK = "\u25a1"
MIN_PIECE_CJK = 4  # an indirect piece needs this many Chinese characters
PHRASE_MAX = 8  # quoted phrases up to this length are set phrases for the tokenizer
REPORTER_TITLE = re.compile(r"(?:记者|主持人|解说|旁白|播音|编辑|通讯员)")
LEADING_LABEL = re.compile(r"^[【\[]([^】\]]{1,10})[】\]]\s*")
SPEAKER_LABEL = re.compile(r"同期声?|采访|现场声|原声")


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


def quote_spans(text: str) -> list[tuple[int, int]]:
    """Top-level “…” spans as (open, close) indexes; an unclosed quote runs to the end."""
    spans, depth, start = [], 0, -1
    for i, ch in enumerate(text):
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
    found = re.findall(rf"[“‘「『]([{P.CJK}0-9A-Za-z]{{2,{PHRASE_MAX}}})[”’」』]", text)
    return sorted(set(found), key=found.index)


def _mask(text: str, spans) -> str:
    chars = list(text)
    for o, c in spans:
        for i in range(o + 1, min(c, len(text))):
            chars[i] = MASK
    return "".join(chars)


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


class _Finder:
    def __init__(self, article, structure: Structure):
        self.article = article
        self.structure = structure
        self.registry = PersonRegistry(structure.byline_names)
        # places: built once per article (headline, subtitle and lead give the county it is about)
        lead = next((p.text for p in structure.paragraphs if p.kind == "lead"), "")
        self.places = ArticlePlaces.from_text(article.text, f"{structure.headline} {structure.subtitle}".strip(), lead, article.raw)
        self.local_from = self.here = 0  # the nearby text (previous and current paragraph)
        self.para_start = 0  # places: where the current paragraph starts
        self.rows: list[dict] = []
        self.pending: list[dict] = []  # rows of the previous paragraph with no speaker yet
        self.last: Person | None = None

    def place(self, title: str):
        # places: the current paragraph is the speaker's context; this and the previous one the
        # nearby text whose last county a street or town title takes
        text = self.article.text
        return self.places.place(title, paragraph=text[self.para_start:self.here], nearby=text[self.local_from:self.here])

    # -- people ----------------------------------------------------------------------------
    def person(self, seg: str, para_speaker: Person | None, strict=False) -> Person | None:
        core = strip_segment(seg)
        if core in ("他", "她"):
            return para_speaker or self.last
        if not core or REPORTER_TITLE.search(core) and not re.search(r"(?:书记|长|主任)", core):
            return None
        found = self.registry.by_surname_office(core)
        if found:
            return found
        split = split_person(core, self.registry.known(), strict=strict)
        if not split:
            at_start = find_person_at_start(core, self.registry.known())  # 张磊擦了把汗(说)
            if not at_start:
                return None
            split = at_start[:2]
        title, name = split
        if name in self.registry.reporters:
            return None
        return self.register(title, name)

    def register(self, title: str, name: str) -> Person:
        known = self.registry.people.get(name)
        if known and (not title or known.title):
            return known
        if not title:
            title = self.introduction(name)
        place = self.place(title)
        person = Person(name=name, title=title, district=place.district, city=place.city)
        person.district_source = place.source  # places: the evidence for the district
        return self.registry.add(person)

    def people_joined(self, seg: str, para_speaker) -> list[Person]:
        """Two people who say the same thing: 镇长宋广志和村党支部书记马春燕都表示."""
        core = strip_segment(seg)
        for i in [m.start() for m in re.finditer("和|与|及", core)]:
            left, right = split_person(core[:i], self.registry.known(), strict=True), split_person(core[i + 1:], self.registry.known(), strict=True)
            # both sides an office and a name: 八里营镇镇长宋广志 和 白道口镇前张村党支部书记马春燕
            if left and right and left[1] != right[1] and title_score(left[0]) == 3 and title_score(right[0]) == 3:
                return [self.register(*left), self.register(*right)]
        return []

    def fill_pending(self, person: Person):
        """Give the quotes of the previous paragraph that had no speaker to ``person``."""
        for row in self.pending:
            if not row["speaker"] and row["kind"] == "direct":
                row.update(speaker=person.name, title=person.title, district=person.district, city=person.city,
                           district_source=getattr(person, "district_source", ""))  # places
        self.pending = []

    def introduction(self, name: str) -> str:
        """The office written before a name's first appearance (村民张建华家种了… → 村民), when a
        later bare mention (张建华笑着说) is what attributes the quote."""
        i = self.article.text.find(name)
        if i <= 0:
            return ""
        j = i - 1
        while j >= 0 and self.article.text[j] not in "。！？；，：“”\n":
            j -= 1
        before = self.article.text[j + 1:i]
        cut = max(before.rfind(x) for x in "了访见到")
        before = LEAD_WORDS.sub("", before[cut + 1:]).strip()
        return before if before and len(before) <= 40 and title_score(before) >= 2 else ""

    # -- rows -------------------------------------------------------------------------------
    def add(self, para, kind, a, b, person: Person | None, cited_by: Person | None = None):
        text = para.text
        while a < b and text[a] in " ，,：:。；;、":
            a += 1
        while b > a and text[b - 1] == " ":
            b -= 1
        if b <= a:
            return
        self.rows.append({
            "article": self.article.name, "section": para.section, "section_title": para.section_title,
            "paragraph": para.index, "kind": kind,
            "speaker": person.name if person and kind != "report" else "",
            "title": person.title if person and kind != "report" else "",
            "district": person.district if person and kind != "report" else "",
            "district_source": getattr(person, "district_source", "") if person and kind != "report" else "",  # places
            "city": person.city if person and kind != "report" else "",
            "cited_by": cited_by.name if cited_by else "",
            "text": text[a:b], "start": para.start + a, "end": para.start + b,
        })

    # -- paragraphs -------------------------------------------------------------------------
    def run(self) -> pd.DataFrame:
        voice: Person | None = None  # who speaks the following paragraphs (transcripts, 说：)
        voice_mode = ""  # "transcript" until the next speaker line; "quote" while paragraphs open with “
        previous_start = previous_rows = 0
        for para in self.structure.paragraphs:
            kind, text = para.kind, para.text
            self.local_from, self.here = previous_start, para.end
            self.para_start = para.start  # places
            self.pending = [r for r in self.rows[previous_rows:] if r["kind"] == "direct" and not r["speaker"]]
            previous_rows = len(self.rows)
            if kind in ("lead", "body", "question"):
                previous_start = para.start
            if kind in ("subtitle", "question"):  # other paragraphs are scanned as they are read
                self.scan_mentions(text)
            if kind in ("heading", "label"):
                voice, voice_mode = None, ""
                if kind == "heading":
                    self.last = None
                continue
            if kind in ("headline", "subtitle", "byline", "caption"):
                continue
            if kind == "speaker_line":
                who = re.sub(r"^(?:[【\[][^】\]]{1,12}[】\]]\s*)+", "", text).rstrip("：: ")
                has_verb = bool(re.search(rf"{P.SPEECH_VERB}$", who))
                who = re.sub(rf"{P.SPEECH_VERB}$", "", who) if has_verb else who
                reporter = bool(REPORTER_TITLE.search(who)) and not re.search(r"(?:书记|长|主任)", who)
                voice = None if reporter else self.person(who, self.last)
                voice_mode = "quote" if has_verb else ("transcript" if voice or reporter else "")
                if voice:
                    self.last = voice
                continue
            if kind == "question":  # the reporter's words: only a document they cite is a row
                self.paragraph(para, reports_only=True)
                continue
            label = LEADING_LABEL.match(text)
            if label:  # 【记者】在未央区…: narration; officials it reports are still found
                voice, voice_mode = None, ""
                if not SPEAKER_LABEL.fullmatch(label.group(1)):
                    self.paragraph(para, offset=label.end())
                    continue
            if voice_mode == "quote" and not text.startswith(P.OPEN_Q):
                voice, voice_mode = None, ""
            if voice_mode:
                if voice is not None:
                    self.paragraph(para, voice=voice)
                if voice_mode == "quote" and text.rstrip().endswith(P.CLOSE_Q) and text.count(P.CLOSE_Q) >= text.count(P.OPEN_Q):
                    voice, voice_mode = None, ""
                continue
            start = label.end() if label else 0
            m = re.match(r"^([^，。：:“”]{1,30}?)\s*[：:]\s*(?!“)", text[start:])
            if m:
                if P.QA_ANSWER.match(text):  # 答： the interviewee, introduced in the lead
                    who = self.last or next(reversed(self.registry.people.values()), None)
                else:
                    who = self.person(m.group(1), self.last)
                if who:
                    self.paragraph(para, voice=who, offset=start + m.end())
                    continue
            self.paragraph(para)
        df = pd.DataFrame(self.rows, columns=[c for c in COLUMNS if c != "quote_id"])
        df = df.sort_values("start", kind="stable").reset_index(drop=True)
        df.insert(1, "quote_id", range(len(df)))
        df = df[COLUMNS]
        # everyone the article introduces, speaking or not: their names reach the tokenizer
        df.attrs["people"] = [p.name for p in self.registry.people.values()]
        return df

    def scan_mentions(self, text: str) -> list[tuple[int, Person]]:
        """People introduced without speaking (专访了安溪县委副书记、县长黄文明; 区长马晓燕深有感触):
        registered, and returned with their positions in ``text``."""
        found_all = []
        pos = 0
        parts = re.split(r"([，。；！？“”,;])", text)
        for k, clause in enumerate(parts):
            start = pos
            pos += len(clause)
            # name first, office after: 祝荔萍，长沙市天心区委副书记、区长。
            if (k + 2 < len(parts) and parts[k + 1] in "，," and looks_like_name(clause) and clause not in self.registry.reporters
                    and (k == 0 or parts[k - 1] in "。！？\n") and ROLE_SUFFIX.search(parts[k + 2]) and len(parts[k + 2]) <= 40
                    and (k + 3 >= len(parts) or parts[k + 3] in "。；;")):
                person = self.registry.people.get(clause) or self.register(parts[k + 2], clause)
                found_all.append((start, person))
                continue
            if len(clause) < 3:
                continue
            stripped = clause.lstrip("—- ")
            lead = len(clause) - len(stripped)
            cut = -1  # an office+name at the clause start, else after 专访了/见到 (…县长黄文明)
            found = find_person_at_start(stripped, self.registry.known())
            if not found:
                cut = max(stripped.rfind(x) for x in "了访见到")
                found = find_person_at_start(stripped[cut + 1:], self.registry.known()) if cut >= 0 else None
            if found and found[0] and found[1] not in self.registry.reporters and not REPORTER_TITLE.search(found[0]):
                person = self.registry.people.get(found[1]) or self.register(found[0], found[1])
                found_all.append((start + lead + cut + 1, person))
        return found_all

    def paragraph(self, para, voice: Person | None = None, offset: int = 0, reports_only: bool = False):
        """Rows for one paragraph. With ``voice``, the whole paragraph (from ``offset``) is that
        person's own words (a transcript or an interview answer); only citations are cut out."""
        text = para.text
        spans = [_Span(o, c) for o, c in quote_spans(text) if o >= offset]
        masked = _mask(text, [(s.open, s.close) for s in spans])

        # citations of documents: 党的二十大报告指出，“…”
        for s in spans:
            tail_start = _sentence_start(masked, s.open)
            m = P.REPORT_LEAD.search(masked[tail_start:s.open])
            if m:
                s.kind, s.lead = "report", tail_start + m.start()
                cites = P.PERSON_CITES.match(masked[tail_start:s.open])
                if cites and "报告" not in masked[tail_start:s.open]:  # a speech he gave, not a document
                    s.kind, s.lead = "speech", -1
                    s.person = self.register(cites.group(2), cites.group(1))
        if reports_only:
            for s in spans:
                if s.kind == "report":
                    self.add(para, "report", s.open + 1, s.close, None)
            return
        # a quote followed straight by an office+name: “…”即墨国际陆港党委书记马明强在…
        mentions: list[tuple[int, Person]] = [(i, p) for i, p in self.scan_mentions(masked) if i >= offset]
        named_after: dict[int, tuple[Person, int]] = {}  # quote close → (person, end of the mention)
        for s in spans:
            if s.kind != "report" and s.close < len(text):
                after = find_person_at_start(text[s.close + 1:], self.registry.known())
                if after and not REPORTER_TITLE.fullmatch(after[0] or "-"):
                    named_after[s.close] = (self.register(after[0], after[1]), s.close + 1 + after[2])
                    mentions.append((s.close + 1, named_after[s.close][0]))

        def latest(pos):
            found = [(a.start, a.person) for a in attribs if a.start < pos] + [(i, p) for i, p in mentions if i < pos]
            return max(found, key=lambda x: x[0])[1] if found else None
        # attributions: office+name(+adverbial)+verb
        attribs: list[_Attrib] = []
        unnamed: list[int] = []
        if voice is not None:
            attribs.append(_Attrib(offset, offset, offset, voice, False))
            if text.startswith(P.OPEN_Q, offset):
                attribs[0].end = offset + 1
            for s in spans:
                if s.kind != "report":
                    s.kind = "phrase"  # their own quotation marks stay part of their words
            mentions = []
        for m in P.SPEECH_ATTRIB.finditer(masked):
            if any(s.open < m.start() < s.close for s in spans) or m.start() < offset:
                continue
            b = _segment_start(masked, m.start())
            seg = masked[b:m.start()]
            if MASK in seg or not seg.strip():
                continue
            who = self.person(seg, latest(m.start()))
            if who is None:
                unnamed.append(b)  # “…”来自广州的游客陈女士说: someone speaks, but no name to give
            together = []
            if who is None or "和" in strip_segment(seg)[: -len(who.name) if who else None]:
                together = self.people_joined(seg, latest(m.start()))
                if together:
                    who = together[-1]
            if who is None:
                continue
            # 市北区委组织部副部长，区人社局党组书记、局长王萍: an office before a comma belongs too
            if b >= 2 and masked[b - 1] in "，," and who.title and seg.strip().endswith(who.name):
                b0 = _segment_start(masked, b - 1)
                prev = masked[b0:b - 1]
                if prev and len(prev) <= 30 and ROLE_SUFFIX.search(prev) and (b0 == 0 or masked[b0 - 1] in "。”"):
                    title = prev + "，" + who.title
                    if who.title == strip_segment(seg)[: -len(who.name)].rstrip("、，, "):
                        who.title = title
                        place = self.place(title)
                        if place.district:  # places: keep the evidence with the district
                            who.district_source = place.source
                        who.district, who.city = place.district or who.district, place.city or who.city
                    b = b0
            end = m.end()
            while end < len(text) and text[end] in " ，,：:":
                end += 1
            closes = end < len(text) and text[end] == "。"  # “…”陆振宇说。 opens no clause
            to_quote = (end < len(text) and text[end] == P.OPEN_Q) or closes
            if voice is not None and (not to_quote or who.name == voice.name):
                continue  # in someone's own words, only another person's quote is set apart
            if closes and P.BACK_REFERENCE_RE.search(m.group(0)):
                self.fill_pending(who)  # “…” (a paragraph of its own) / …陆振宇这样说。
            for other in together[:-1]:
                attribs.append(_Attrib(b, m.start(), end, other, to_quote))
            attribs.append(_Attrib(b, m.start(), end, who, to_quote))

        # name：“…” and office name：“…”
        for m in re.finditer(r"[：:]\s*(?=“)", masked if voice is None else ""):
            if any(a.verb <= m.start() < a.end for a in attribs):
                continue
            b = _segment_start(masked, m.start())
            seg = masked[b:m.start()]
            who = self.person(seg, latest(m.start())) if seg.strip() and MASK not in seg else None
            if who:
                attribs.append(_Attrib(b, m.start(), m.end(), who, True))
        attribs.sort(key=lambda a: a.start)

        # who speaks each quote
        for s in spans:
            if s.kind == "speech" and s.person is not None:
                continue  # already known (习近平总书记…指出)
            if voice is not None and s.kind != "report":
                other = next((a for a in attribs[1:] if a.end == s.open), None)
                if other:  # 习近平总书记强调，“…” inside an interviewee's answer
                    s.kind, s.person, s.lead = "speech", other.person, other.start
                continue
            if s.kind == "report":
                continue
            before = masked[:s.open].rstrip(" ")
            pre = next((a for a in attribs if a.to_quote and a.end == s.open), None)
            post = next((a for a in attribs if a.start == s.close + 1), None)
            if pre:
                s.kind, s.person = "speech", pre.person
            elif post:
                s.kind, s.person = "speech", post.person
            elif s.close + 1 in unnamed:
                s.kind, s.person = "speech", None
            else:
                content = text[s.open + 1:s.close]
                starts_sentence = not before or before[-1] in "。！？!?”：:；"
                sentence_like = bool(re.search(r"[。！？!?…]$", content)) or s.close >= len(text) or ("，" in content and len(content) >= 15)
                # …推动冷链物流落地，“一头连着田间地头，…大有可为。” a whole sentence quoted after a comma
                ends_sentence = bool(re.search(r"[。！？!?…]$", content)) or (
                    ("，" in content or len(content) >= 10) and text[s.close + 1:s.close + 2] in ("。", "！", "？", ""))  # “客人喝了…，…带回去”。
                follows_clause = bool(before) and before[-1] in "，," and len(content) >= 8 and ends_sentence
                if not ((starts_sentence and sentence_like) or follows_clause):
                    continue
                s.kind = "speech"
                if s.close in named_after:
                    s.person, end = named_after[s.close]
                    if s.person.name not in [a.person.name for a in attribs]:
                        # the mention itself opens no indirect clause
                        attribs.append(_Attrib(s.close + 1, end, end, s.person, True))
                else:
                    s.person = latest(s.open) or (attribs[0].person if attribs and s.open == 0 else self.last)

        events = sorted(
            [(s.lead if s.lead >= 0 else s.open, min(s.close + 1, len(text))) for s in spans if s.kind in ("speech", "report")]
        )
        for s in spans:
            if s.kind == "speech":
                self.add(para, "direct", s.open + 1, s.close, s.person)
            elif s.kind == "report":
                region_owner = next((a.person for a in reversed(attribs) if a.start < s.lead), None)
                self.add(para, "report", s.open + 1, s.close, None, cited_by=region_owner)
        # citations without quotation marks: 党的二十大报告提出，要…。
        for m in P.REPORT_LEAD_NOQUOTE.finditer(masked):
            if text[m.end():m.end() + 1] == P.OPEN_Q or any(a <= m.start() < b for a, b in events):
                continue
            lead = _segment_start(masked, m.start())
            if lead != m.start() and not P.REPORT_LEAD.search(masked[lead:m.end()]):
                continue
            stop = P.SENTENCE_END.search(text, m.end())
            end = stop.end() if stop else len(text)
            owner = next((a.person for a in reversed(attribs) if a.start < m.start()), None)
            self.add(para, "report", m.end(), end, None, cited_by=owner)
            events.append((m.start(), end))
        events.sort()
        # indirect speech: from the attribution to the next attribution, quotes cut out
        starts = sorted(a.start for a in attribs) if voice is None else []
        for a in attribs:
            if a.to_quote:
                continue
            stop = next((x for x in starts if x > a.start), len(text))
            pos = a.end
            for ea, eb in events + [(stop, stop)]:
                if eb <= pos or ea < pos and eb <= pos:
                    continue
                if ea >= stop:
                    ea = stop
                piece_end = max(pos, min(ea, stop))
                if len(P.CJK_CHAR.findall(text[pos:piece_end])) >= MIN_PIECE_CJK:
                    piece_end -= text[pos:piece_end].endswith(P.CLOSE_Q) and voice is not None
                    self.add(para, "indirect" if voice is None else "direct", pos, piece_end, a.person)
                pos = max(pos, eb)
                if pos >= stop:
                    break
        spoken = [(s.open, s.person) for s in spans if s.kind == "speech" and s.person]
        spoken += [(a.start, a.person) for a in attribs] + mentions
        if spoken:
            self.last = max(spoken, key=lambda x: x[0])[1]


def extract_quotes(article, structure: Structure | None = None) -> pd.DataFrame:
    """The quotes table of one article, in article order (columns: ``COLUMNS``)."""
    from helpers.structure import parse_structure

    structure = structure or parse_structure(article.text)
    return _Finder(article, structure).run()
