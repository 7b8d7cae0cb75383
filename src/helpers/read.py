"""Reading an article file: decode any common Chinese encoding, refuse what is not an article,
and clean web/PDF debris into plain paragraphs (one per line).

``read_article(path)`` returns an :class:`Article`; every offset elsewhere in the package refers
to ``Article.text``, the cleaned text.
"""
from __future__ import annotations

import codecs
import html
import re
from dataclasses import dataclass, field
from functools import lru_cache
from html.parser import HTMLParser
from pathlib import Path

import numpy as np

from helpers import patterns as P
from helpers.errors import InputError

MAX_BYTES = 5 * 1024 * 1024  # ~1.7 million Chinese characters: far above any news article
MIN_CJK = 20  # fewer Chinese characters than this is not an article of this genre


@dataclass
class Article:
    """One cleaned article. ``text`` holds one paragraph per line."""

    path: Path
    name: str  # the file's stem
    safe_name: str  # a folder name made from the stem, safe to join to an output folder
    raw: str  # the decoded file, before cleaning
    text: str  # cleaned text: simplified characters, one paragraph per line
    encoding: str
    traditional: bool = False  # converted from traditional characters
    steps: dict = field(default_factory=dict)  # counts for each cleaning step

    @property
    def paragraphs(self) -> list[str]:
        return self.text.split("\n")


def safe_name(stem: str) -> str:
    """A folder name from a file stem: letters, digits, CJK, '-', '_' and '.' only; never '..'."""
    name = re.sub(rf"[^\w{P.CJK}.\-]+", "_", stem, flags=re.UNICODE).strip("._ ")
    name = re.sub(r"\.{2,}", ".", name)[:80]
    return name or "article"


# --- decoding -------------------------------------------------------------------------------


def _decode(data: bytes, path: Path) -> tuple[str, str]:
    """Return (text, encoding name) or raise InputError."""
    boms = [
        (codecs.BOM_UTF32_LE, "utf-32"),
        (codecs.BOM_UTF32_BE, "utf-32"),
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ]
    for bom, enc in boms:
        if data.startswith(bom):
            try:
                return data.decode(enc), enc
            except UnicodeDecodeError:
                break
    sample = data[:4096]
    if b"\x00" in sample:
        # UTF-16 without a byte-order mark: every other byte of ASCII text is NUL.
        even, odd = sample[0::2].count(0), sample[1::2].count(0)
        for enc, ok in (("utf-16-le", odd >= even), ("utf-16-be", even > odd)):
            if not ok:
                continue
            try:
                text = data.decode(enc)
            except UnicodeDecodeError:
                continue
            if _looks_like_text(text):
                return text, enc
        raise InputError(
            f"{path}: this is a binary file, not text. Save the article as a plain-text (.txt) file and try again."
        )
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    candidates = []
    for enc in ("gb18030", "big5"):
        try:
            text = data.decode(enc)
        except UnicodeDecodeError:
            continue
        candidates.append((_common_char_share(text), enc, text))
    if candidates:
        share, enc, text = max(candidates)
        if share > 0.5 or not P.HAS_CJK.search(text):
            return text, ("gbk" if enc == "gb18030" and _is_gbk(data) else enc)
    raise InputError(
        f"{path}: the bytes are not in any encoding the study reads (UTF-8, UTF-16, GB18030/GBK, Big5). "
        "Re-save the article as UTF-8 text and try again."
    )


def _is_gbk(data: bytes) -> bool:
    try:
        data.decode("gbk")
        return True
    except UnicodeDecodeError:
        return False


_BAD_CHAR = re.compile("[\x00-\x08\x0b\x0e-\x1f\ue000-\uf8ff]")  # control characters but \t \n \f \r; private use


def _looks_like_text(text: str) -> bool:
    if not text:
        return False
    bad = len(_BAD_CHAR.findall(text, 0, 4000))
    return bad / min(len(text), 4000) < 0.01


@lru_cache(maxsize=1)
def _common_chars() -> frozenset:
    """Characters that are words on their own in jieba's dictionary: a large common-character set."""
    from helpers.jiebaload import jieba

    chars = set()
    with jieba.get_dict_file() as fh:  # jieba's dict.txt, opened in binary
        for line in fh:
            word = line.decode("utf-8").split(" ", 1)[0]
            if len(word) == 1:
                chars.add(word)
    return frozenset(chars)


def _common_char_share(text: str) -> float:
    cjk = P.CJK_CHAR.findall(text[:20000])
    if not cjk:
        return 0.0
    common = _common_chars()
    return sum(c in common for c in cjk) / len(cjk)


# --- HTML -----------------------------------------------------------------------------------


class _TextExtractor(HTMLParser):
    BLOCK = {"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "section", "article", "title", "blockquote"}
    SKIP = {"script", "style", "noscript", "head", "nav", "footer", "iframe", "svg", "form", "select", "button"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skip = 0
        self.title = ""
        self._in_title = False

    def handle_starttag(self, tag, attrs):
        if tag == "title":
            self._in_title = True
        if tag in self.SKIP and tag != "head":
            self.skip += 1
        if tag in self.BLOCK:
            self.parts.append("\n")

    def handle_endtag(self, tag):
        if tag == "title":
            self._in_title = False
        if tag in self.SKIP and tag != "head" and self.skip:
            self.skip -= 1
        if tag in self.BLOCK:
            self.parts.append("\n")

    def handle_data(self, data):
        if self._in_title:
            self.title += data
            return
        if not self.skip:
            self.parts.append(data)


def looks_like_html(text: str) -> bool:
    head = text[:2000].lower()
    return bool(re.search(r"<!doctype html|<html[\s>]|<body[\s>]|<head[\s>]", head)) or (
        len(re.findall(r"</?(?:p|div|span|br|a)\b[^>]*>", text[:20000], re.I)) >= 5
    )


def html_to_text(text: str) -> str:
    """The visible text of an HTML page, one block per line (scripts, styles, nav, footer dropped)."""
    parser = _TextExtractor()
    parser.feed(text)
    parser.close()
    body = html.unescape("".join(parser.parts))
    return body


# --- cleaning -------------------------------------------------------------------------------


def _drop_pinyin_debris(text: str) -> tuple[str, int]:
    """``text`` without the pinyin a web converter put after a character (區(qū) → 区), and the
    number removed. The annotated character is made simplified too (OpenCC, that character alone):
    a converter annotates traditional characters, and one 區 in a simplified article is too few for
    the whole text to be converted (``_to_simplified``), so it would stay 區 and split the place."""
    out, done, n = [], 0, 0
    for m in P.PINYIN_DEBRIS.finditer(text):
        char = text[m.start() - 1]
        out += (text[done:m.start() - 1], _opencc().convert(char))
        done, n = m.end(), n + 1
    out.append(text[done:])
    return "".join(out), n


def _to_simplified(text: str) -> tuple[str, bool]:
    """Convert traditional characters to simplified with OpenCC (Taiwan's, Hong Kong's and the standard
    traditional glyphs) when the text has any."""
    conv = _opencc()
    converted = conv.convert(text)
    if converted == text:
        changed = 0
    else:
        changed = int(np.count_nonzero(_code_points(text) != _code_points(converted))) if len(converted) == len(text) \
            else abs(len(text) - len(converted)) + 1  # (the characters that differ, counted at once)
    if changed >= 3 and changed / max(1, count_cjk(text)) > 0.005:
        return converted, True
    return text, False


def _code_points(text: str) -> np.ndarray:
    return np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)


def count_cjk(text: str) -> int:
    """The number of Chinese characters in ``text`` (``len(P.CJK_CHAR.findall(text))``), counted
    on its code points at once."""
    a = _code_points(text)
    return int(np.count_nonzero(((a >= 0x3400) & (a <= 0x4DBF)) | ((a >= 0x4E00) & (a <= 0x9FFF)) | ((a >= 0xF900) & (a <= 0xFAFF))))


@lru_cache(maxsize=1)
def _opencc():
    import opencc

    return opencc.OpenCC("tw2s")  # t2s plus Taiwan's variants: 著力, 穿著 become 着 (t2s keeps 著, a simplified character too)


_QUOTE_MARKS = str.maketrans({"「": "“", "」": "”", "『": "‘", "』": "’", "＂": '"', "〝": "“", "〞": "”", "〟": "”"})
_OTHER_QUOTES = re.compile("[" + "".join(map(chr, _QUOTE_MARKS)) + "]")  # (translate is slow; most lines have none)


def _normalise_quotes(line: str) -> str:
    """「」『』 and straight double quotes become “” and ‘’, the marks the quote finder reads."""
    if _OTHER_QUOTES.search(line):
        line = line.translate(_QUOTE_MARKS)
    if '"' in line:
        out, opened = [], False
        for ch in line:
            if ch == '"':
                out.append("”" if opened else "“")
                opened = not opened
            else:
                out.append(ch)
        line = "".join(out)
    return line


def wrap_width(lines: list[str]) -> int:
    """The line width of a hard-wrapped page (printed pages, e-paper text, some PDFs cut every line
    at the same number of characters, mid-sentence), or 0 when the text is not hard-wrapped: at
    least five lines and two fifths of the lines of 12–60 characters fall within two characters
    below the most common length."""
    lengths = [len(x) for x in lines if 12 <= len(x) <= 60]
    if len(lengths) < 5:
        return 0
    top = max(set(lengths), key=lambda n: (sum(1 for m in lengths if n - 2 <= m <= n), n))
    near = sum(1 for m in lengths if top - 2 <= m <= top)
    return top if near >= 5 and near >= 0.4 * len(lines) else 0


_RUNNING_PUNCT = re.compile(r"[，、；：“”（）]")
_STOP_INSIDE = re.compile(r"[。！？]")
_CLOSING_START = re.compile(r"[”’）》，。、；：！？]")
_LABEL_START = re.compile(r"^[^，。：:“”、；]{1,16}[：:]")
_SENTENCE_PUNCT = re.compile(r"[，。；！？]")
_MARKED_LINE = re.compile(r"^[■□●○◆◇▲△★☆▶►◼◾]")  # a printed heading's marker: ■ 红色网格织密“服务网”


def _join_broken(paragraphs: list[str], starts: list[bool] | None = None) -> tuple[list[str], int]:
    """Join paragraphs that a page break cut mid-sentence.

    A paragraph is joined to the next when it has no closing punctuation and either ends on a
    soft mark (、，“…) or is too long to be a heading (headings are short and also lack closing
    punctuation), and the next paragraph is ordinary text (not a heading-like or speaker line).
    On a hard-wrapped page (:func:`wrap_width`) a full-width line without closing punctuation
    always continues on the next line, and a line opening with closing punctuation (”，。) always
    belongs to the line before.

    ``starts`` (one flag per line: indented, or after a blank line) marks where a printed page
    begins its paragraphs. On a hard-wrapped page that indents them (at least three indented
    lines), the indent decides: a flagged line always begins a paragraph (a heading that ends in
    ”, a byline after a subtitle), and a line that is not flagged continues a full line or one
    without closing punctuation (a line that ends a sentence at the edge of the column: …的工作。 |
    党员多跑一步路…; a short line with no punctuation: …孟凡东在接受记者 | 采访时说：).
    """
    out: list[str] = []
    joins = 0
    width = wrap_width(paragraphs)
    indented = bool(width and starts and sum(starts[1:]) >= 3 and not all(starts))
    last = ""  # the last line joined into out[-1]
    for i, para in enumerate(paragraphs):
        if out and indented:
            start = starts[i] or P.SUBTITLE.match(para) or P.LABEL_LINE.match(para) or _MARKED_LINE.match(para)
            if not start and (len(last) >= 0.85 * width or not P.TERMINAL.search(last)):
                out[-1] += para
                last = para
                joins += 1
                continue
            if start:
                out.append(para)
                last = para
                continue
        if out:
            prev = out[-1]
            full = (width and len(last) >= 0.85 * width and not P.TERMINAL.search(last)
                    and _RUNNING_PUNCT.search(last))  # running text, not a page header
            broken = not P.TERMINAL.search(prev) and not P.BYLINE.match(prev) and not P.CREDIT_END.search(prev) and (
                P.SOFT_BREAK_END.search(prev)
                or len(prev) > 60
                or prev.count("“") > prev.count("”")  # a quote left open
                or _STOP_INSIDE.search(prev, 0, len(prev) - 1)  # a sentence ended inside: not a heading
                or (P.UNIT_END.search(prev) and P.OFFICE_START.match(para))  # …旅游局 | 局长俞文涛介绍
                or P.VERB_START.match(para)  # …局长黄国庆 | 介绍，今年汛前
            )
            closing = width and _CLOSING_START.match(para)
            # 主持人：… / 东乌旗旗长　巴图孟和：… / 问： — a transcript's next speaker, not the rest of a sentence
            labelled = _LABEL_START.match(para) and not P.VERB_START.match(para)
            if ((broken and not labelled) or full or closing) and not P.LABEL_LINE.match(para) and not P.SUBTITLE.match(para):
                out[-1] = prev + para
                last = para
                joins += 1
                continue
        out.append(para)
        last = para
    return out, joins


def clean_text(raw: str) -> tuple[str, dict, bool]:
    """Clean decoded text. Returns (text, step counts, converted_from_traditional)."""
    steps: dict = {"characters_read": len(raw)}
    text = raw
    if looks_like_html(text):
        text = html_to_text(text)
        steps["html_extracted"] = True
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n").replace("\u2029", "\n").replace("\f", "\n")
    text = P.ZERO_WIDTH.sub("", text)
    text, n_pinyin = _drop_pinyin_debris(text) if "(" in text or "（" in text else (text, 0)  # debris is in brackets
    steps["pinyin_debris_removed"] = n_pinyin
    text, traditional = _to_simplified(text)
    lines, starts = [], []  # starts: the line is indented or follows a blank line (see _join_broken)
    blank = True
    for line in text.split("\n"):
        indent = line[:1] == "\u3000" or line[:2] in ("  ", "\t")
        line = P.SPACES.sub(" ", line).strip()
        if not line:
            blank = True
            continue
        starts.append(indent or blank)
        blank = False
        line = _normalise_quotes(line)
        line = P.HALF_PUNCT_NEAR_CJK.sub(lambda m: P.HALF_PUNCT[m.group(1) or m.group(2)], line)
        line = P.HALF_STOP.sub("。", line)
        if " " in line:  # (without a space the pattern puts back what it matched)
            line = P.SPACE_NEAR_PUNCT.sub(r"\1", line)
        if _SENTENCE_PUNCT.search(line):  # running text: a space between characters is debris
            line = P.SPACE_BETWEEN_CJK.sub("", line)
        lines.append(line)
    steps["lines"] = len(lines)
    # web debris: navigation/footer lines, and everything after a "related news" marker near the end
    kept, kept_starts = [], []
    dropped = 0
    for i, line in enumerate(lines):
        if P.TAIL_MARKER.match(line) and i > len(lines) * 0.5:
            dropped += len(lines) - i
            break
        if P.NAV_LINE.match(line):
            dropped += 1
            continue
        kept.append(line)
        kept_starts.append(starts[i])
    steps["debris_lines_dropped"] = dropped
    paragraphs, joins = _join_broken(kept, kept_starts)
    steps["broken_paragraphs_joined"] = joins
    steps["paragraphs"] = len(paragraphs)
    out = "\n".join(paragraphs)
    steps["characters_clean"] = len(out)
    steps["chinese_characters"] = count_cjk(out)
    return out, steps, traditional


def read_article(path) -> Article:
    """Read and clean one article file. Raises InputError (with what to do) for unusable input."""
    path = Path(path)
    if not path.exists():
        raise InputError(f"{path}: no such file. Check the path, or put the article in seeds/.")
    if path.is_dir():
        raise InputError(f"{path}: is a folder, not an article file. Name a text file inside it.")
    if not path.is_file():
        raise InputError(f"{path}: is not a regular file. Name a plain-text article file.")
    size = path.stat().st_size
    if size == 0:
        raise InputError(f"{path}: the file is empty. Paste the article's text into it and save it.")
    if size > MAX_BYTES:
        raise InputError(
            f"{path}: the file is {size / 1e6:.1f} MB; the study reads articles up to {MAX_BYTES / 1e6:.0f} MB. "
            "Split it into one file per article."
        )
    try:
        data = path.read_bytes()
    except OSError as err:
        raise InputError(f"{path}: cannot be read ({err.strerror}). Check its permissions.") from None
    raw, encoding = _decode(data, path)
    if not raw.strip():
        raise InputError(f"{path}: the file holds only white space. Paste the article's text into it and save it.")
    if not _looks_like_text(raw):
        raise InputError(f"{path}: this is a binary file, not text. Save the article as a plain-text (.txt) file and try again.")
    text, steps, traditional = clean_text(raw)
    n_cjk = steps["chinese_characters"]
    if n_cjk < MIN_CJK:
        what = "no Chinese text" if n_cjk == 0 else f"only {n_cjk} Chinese characters"
        raise InputError(
            f"{path}: the file has {what}; the study reads Chinese news articles. Check that this is the right file."
        )
    steps["encoding"] = encoding
    return Article(
        path=path,
        name=path.stem,
        safe_name=safe_name(path.stem),
        raw=raw,
        text=text,
        encoding=encoding,
        traditional=traditional,
        steps=steps,
    )
