"""The parts of an article: headline, subtitle, lead, section headings, paragraphs, byline.

``parse_structure(text)`` takes ``Article.text`` (one paragraph a line) and returns a
:class:`Structure`: every paragraph with its offsets, kind and section, and the names in the
byline (reporters and editors, who are never speakers).
"""
from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

from helpers import patterns as P

HEADING_MAX = 40  # a section heading is a short line with no closing punctuation


@dataclass
class Paragraph:
    index: int
    start: int  # offset of the paragraph in the cleaned text
    end: int
    text: str
    kind: str  # headline, subtitle, lead, heading, body, byline, label, caption, speaker_line, question
    section: int = 0
    section_title: str = ""


@dataclass
class Structure:
    paragraphs: list[Paragraph]
    headline: str = ""
    subtitle: str = ""
    byline_names: list[str] = field(default_factory=list)

    @property
    def headings(self) -> list[Paragraph]:
        return [p for p in self.paragraphs if p.kind == "heading"]

    def section_bounds(self) -> pd.DataFrame:
        """One row per section: number, title, first and last character offset."""
        rows = {}
        for p in self.paragraphs:
            r = rows.setdefault(p.section, {"section": p.section, "section_title": p.section_title, "start": p.start, "end": p.end})
            r["end"] = p.end
        return pd.DataFrame(list(rows.values()), columns=["section", "section_title", "start", "end"])

    def to_frame(self) -> pd.DataFrame:
        return pd.DataFrame([p.__dict__ for p in self.paragraphs])


def byline_names(line: str) -> list[str]:
    """Names after a byline role word (记者 王凯 周伟 / 责任编辑：张晋 / 通讯员 李四)."""
    names = []
    parts = P.BYLINE_ROLE_RE.split(line)
    for chunk in parts[1:]:
        chunk = P.BRACKETED.sub(" ", chunk)
        for tok in P.BYLINE_SPLIT.split(chunk):
            if P.NAME_TOKEN.fullmatch(tok) and not P.BYLINE_ROLE_RE.search(tok):
                names.append(tok)
    return names


def _is_terminal(text: str) -> bool:
    return bool(P.TERMINAL.search(text))


def _is_byline(text: str) -> bool:
    return bool(P.BYLINE.match(text)) and not P.SENTENCE_PUNCT.search(text) and len(text) <= 90


def parse_structure(text: str) -> Structure:
    """Classify every paragraph of cleaned text and number the sections."""
    paras: list[Paragraph] = []
    offset = 0
    for i, line in enumerate(text.split("\n")):
        paras.append(Paragraph(index=i, start=offset, end=offset + len(line), text=line, kind="body"))
        offset += len(line) + 1

    names: list[str] = []
    headline = subtitle = ""
    seen_text = False
    for p in paras:
        t = p.text
        if _is_byline(t):
            p.kind = "byline"
            names += byline_names(t)
        elif P.LABEL_LINE.match(t) or (not seen_text and P.MASTHEAD.match(t)) or (P.META_LINE.match(t) and "。" not in t):
            p.kind = "label"
        elif P.SCRIPT_TITLE.match(t) and not seen_text:
            p.kind = "headline"  # 【标题】敦化：… — the script's own title wins over a programme line before it
            headline = P.SCRIPT_TITLE.match(t).group(1)
            for q in paras[: p.index]:
                if q.kind == "headline":
                    q.kind = "label"
        elif P.SCRIPT_LABEL.match(t) and not seen_text and len(t) <= 40 and "。" not in t:
            p.kind = "label"  # 【栏目】吉林新闻联播
        elif P.CAPTION_SPEAKER.match(t):
            p.kind = "speaker_line"  # 字幕：果农　张大山 — who speaks in the next paragraph
        elif P.CAPTION.search(t) and seen_text:
            p.kind = "caption"  # a photo caption: text, but nobody speaks in it
        elif P.SUBTITLE.match(t) and len(t) <= 80 and not subtitle:
            p.kind = "subtitle"
            subtitle = t.lstrip("—-－ ")
        elif (P.ENDS_WITH_COLON.search(t) and len(t) <= 40 and "。" not in t) or P.SOUND_BITE_HEADER.match(t):
            p.kind = "speaker_line"
        elif P.QA_QUESTION.match(t):
            p.kind = "question"
        elif not seen_text and not headline and len(t) <= 60 and "。" not in t and (not _is_terminal(t) or t.endswith(("？", "！", "?", "!"))):
            p.kind = "headline"
            headline = t
        elif seen_text and not _is_terminal(t) and len(t) <= HEADING_MAX and P.HAS_CJK.search(t) and p.index < len(paras) - 1:
            p.kind = "heading"
        for m in P.INLINE_BYLINE.finditer(t):
            names += byline_names(m.group(0))
        if p.kind in ("body", "heading", "question", "speaker_line"):
            seen_text = True

    section, title = 0, ""
    for p in paras:
        if p.kind == "heading":
            section += 1
            title = p.text
        p.section, p.section_title = section, title
    has_headings = section > 0
    first_body_seen = False
    for p in paras:
        if p.kind == "body" and p.section == 0 and (has_headings or not first_body_seen):
            p.kind = "lead"
        if p.kind in ("body", "lead"):
            first_body_seen = True
    return Structure(paragraphs=paras, headline=headline, subtitle=subtitle, byline_names=list(dict.fromkeys(names)))
