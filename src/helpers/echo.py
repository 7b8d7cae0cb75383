"""Echo: how much of each official's statement repeats the central line verbatim.

For each quote (not the document citations themselves), the share of its characters that lie in a
span of at least ``MIN_ECHO`` characters shared verbatim with the document citations of the same
article (quotes rows of kind ``report``) or with the reference list (``data/lexicon.txt``, lines
marked ``ref``/``ref-only``). The rest is the speaker's own words.
"""
from __future__ import annotations

import html

import pandas as pd

from helpers.formulations import reference_formulations

MIN_ECHO = 6  # characters: shorter shared spans (发展实体经济 is 6) are ordinary vocabulary
SEP = "\x00"


def echo_sources(quotes: pd.DataFrame, reference: pd.DataFrame | None = None) -> str:
    """The texts a quote may echo, joined by a separator no quote contains: the article's
    document citations and the reference formulations."""
    reference = reference_formulations() if reference is None else reference
    docs = quotes.loc[quotes["kind"] == "report", "text"].tolist() if len(quotes) else []
    return SEP.join(docs + reference["formulation"].tolist())


def echo_spans(text: str, sources: str, min_len: int = MIN_ECHO) -> list[tuple[int, int]]:
    """Spans of ``text`` (merged, in order) that are inside a substring of at least ``min_len``
    characters also found in ``sources``.

    >>> echo_spans("我们将坚持农业农村优先发展，带动增收", "坚持农业农村优先发展，坚持城乡融合发展")
    [(3, 14)]
    """
    spans = []
    i, n = 0, len(text)
    while i + min_len <= n:
        if text[i:i + min_len] in sources:
            j = i + min_len
            while j < n and text[i:j + 1] in sources:
                j += 1
            spans.append((i, j))
        i += 1
    merged: list[tuple[int, int]] = []
    for a, b in spans:
        if merged and a <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(b, merged[-1][1]))
        else:
            merged.append((a, b))
    return merged


def echo_table(analysis, reference: pd.DataFrame | None = None, min_len: int = MIN_ECHO) -> pd.DataFrame:
    """One row per quote that is not a document citation: quote_id, speaker, district, kind,
    chars, echoed (characters in echoed spans), share (echoed / chars), own (1 − share), spans
    (list of (start, end) within the quote text), text."""
    q = analysis.quotes
    cols = ["quote_id", "speaker", "district", "kind", "chars", "echoed", "share", "own", "spans", "text"]
    if not len(q):
        return pd.DataFrame(columns=cols)
    sources = echo_sources(q, reference)
    rows = []
    for r in q[q["kind"] != "report"].itertuples():
        spans = echo_spans(r.text, sources, min_len) if sources else []
        echoed = sum(b - a for a, b in spans)
        n = len(r.text)
        share = echoed / n if n else 0.0
        rows.append(dict(quote_id=r.quote_id, speaker=r.speaker, district=r.district, kind=r.kind, chars=n,
                         echoed=echoed, share=round(share, 4), own=round(1 - share, 4), spans=spans, text=r.text))
    return pd.DataFrame(rows, columns=cols)


def echo_by_district(table: pd.DataFrame) -> pd.DataFrame:
    """Per district (speakers without one under "(no district)"): quoted characters, echoed
    characters, echo share and own-words share, largest echo first."""
    if table.empty:
        return pd.DataFrame(columns=["district", "chars", "echoed", "echo_share", "own_share"])
    t = table.assign(district=table["district"].fillna("").replace("", "(no district)"))
    g = t.groupby("district", sort=False)[["chars", "echoed"]].sum()
    g["echo_share"] = (g["echoed"] / g["chars"]).round(4)
    g["own_share"] = (1 - g["echo_share"]).round(4)
    return g.sort_values("echo_share", ascending=False).rename_axis("district").reset_index()


def mark_spans(text: str, spans) -> str:
    """``text`` as HTML with each span in <mark>, everything escaped."""
    out, last = [], 0
    for a, b in spans:
        out += [html.escape(text[last:a]), "<mark>", html.escape(text[a:b]), "</mark>"]
        last = b
    out.append(html.escape(text[last:]))
    return "".join(out)


def echo_html(analysis, reference: pd.DataFrame | None = None, min_len: int = MIN_ECHO) -> str:
    """A self-contained HTML page: each quote with its speaker, district and echo share, the
    spans it shares verbatim with the documents or the reference list in <mark>."""
    table = echo_table(analysis, reference, min_len)
    title = html.escape(f"Echo of the central line — {analysis.article.name}")
    parts = [
        "<!DOCTYPE html>", '<html lang="zh"><head><meta charset="utf-8">', f"<title>{title}</title>",
        "<style>body{font-family:'Noto Sans CJK SC','Source Han Sans SC','PingFang SC','Microsoft YaHei',sans-serif;"
        "max-width:52em;margin:2em auto;line-height:1.7;color:#222}"
        "mark{background:#f6d365;padding:0 .1em}.q{border-left:4px solid #1f5fa6;padding:.3em 1em;margin:1em 0}"
        ".who{color:#555;font-size:.9em}.share{font-weight:bold}</style></head><body>",
        f"<h1>{title}</h1>",
        f"<p>Marked: spans of at least {min_len} characters shared verbatim with the article's document "
        "citations or the reference list of formulations.</p>",
    ]
    if table.empty:
        parts.append("<p>No quotes in this article.</p>")
    for r in table.itertuples():
        who = html.escape(" · ".join(x for x in (r.speaker or "(unnamed)", r.district or "", r.kind) if x))
        parts.append(f'<div class="q"><div class="who">#{r.quote_id} {who} — echo '
                     f'<span class="share">{r.share:.0%}</span></div><p>{mark_spans(r.text, r.spans)}</p></div>')
    parts.append("</body></html>")
    return "\n".join(parts)
