"""The quote explorer: a table of quotes filtered by district, speaker, theme, formulation and
term, with keyword in context and highlighted terms, beside a one-against-the-rest chart of the
chosen district's distinctive terms (Fightin' Words z, ``helpers.measures.distinctive_terms``).

Two faces of the same data:

- in a notebook (``notebooks/6-explorer.ipynb``) with ipywidgets and itables, using
  :func:`quote_table`, :func:`filter_quotes`, :func:`distinctive` and :func:`highlight`;
- as ONE self-contained HTML file, :func:`export_explorer_html`, that works offline: the data
  are inlined as JSON and a small inline script does the filtering (no CDN, no external file).
  The filters can be set from the address: ``explorer.html#district=黄岛区&term=人才``.
"""
from __future__ import annotations

import html
import json
import re
from pathlib import Path

import pandas as pd

from helpers import measures as M
from helpers.glossary import CEDICT_CREDIT, gloss, name_pinyin, term_pinyin

KWIC_WIDTH = 18  # characters either side of a term in keyword-in-context lines
_SPLIT = re.compile(r"[、;；|]")


def _formulations(quotes: pd.DataFrame) -> list[list[str]]:
    """The formulations of each quote from a ``formulation`` column (a list, or a string with
    several joined by 、 ; ；|), empty lists when the column is absent."""
    if "formulation" not in quotes.columns:
        return [[] for _ in range(len(quotes))]
    out = []
    for value in quotes["formulation"]:
        if isinstance(value, (list, tuple, set)):
            items = [str(v) for v in value]
        elif value is None or (isinstance(value, float) and pd.isna(value)):
            items = []
        else:
            items = _SPLIT.split(str(value))
        out.append([i.strip() for i in items if i and i.strip()])
    return out


def _formulations_in(analysis) -> list[list[str]]:
    """The formulations (``helpers.formulations``: quoted, numbered, reference) each quote's
    text contains, in order of first use: 曲艳阳's quote → ['5+5+7', '五大工程', '专精特新', …]."""
    from helpers.formulations import formulations

    found = list(dict.fromkeys(formulations(analysis)["formulation"])) if len(analysis.quotes) else []
    return [[f for f in found if f in text] for text in analysis.quotes["text"]]


def quote_table(analysis) -> pd.DataFrame:
    """One row per quote, ready to filter: quote_id, section, section_title, kind, speaker,
    speaker_pinyin (Zeng Guofan), title, district (（未注明区县） for an official with none,
    （文件引用） for a cited document), theme (the dominant theme), formulations (list), terms (the
    quote's content terms, in order, once each), text, start, end."""
    if hasattr(analysis, "memo"):
        return analysis.memo("quote_table", lambda: _quote_table(analysis))
    return _quote_table(analysis)


def _quote_table(analysis) -> pd.DataFrame:
    q = analysis.quotes
    tokens = analysis.tokens
    content = tokens[tokens["content"] & (tokens["quote_id"] >= 0)]
    terms = content.groupby("quote_id")["word"].agg(lambda s: list(dict.fromkeys(s)))
    return pd.DataFrame({
        "quote_id": q["quote_id"].astype(int).to_numpy(),
        "section": q["section"].astype(int).to_numpy(),
        "section_title": q["section_title"].fillna("").to_numpy(),
        "kind": q["kind"].to_numpy(),
        "speaker": q["speaker"].fillna("").to_numpy(),
        "speaker_pinyin": [name_pinyin(s) if s else "" for s in q["speaker"].fillna("")],
        "title": q["title"].fillna("").to_numpy(),
        "district": M.speaker_group(q).to_numpy() if len(q) else [],
        "theme": q["dominant_theme"].fillna("").to_numpy() if "dominant_theme" in q else "",
        "formulations": _formulations(q) if "formulation" in q.columns else _formulations_in(analysis),
        "terms": [terms.get(i, []) for i in q["quote_id"]],
        "text": q["text"].to_numpy(),
        "start": q["start"].astype(int).to_numpy(),
        "end": q["end"].astype(int).to_numpy(),
    })


def filter_quotes(table: pd.DataFrame, district=None, speaker=None, theme=None, formulation=None, term=None) -> pd.DataFrame:
    """The rows of :func:`quote_table` that match every filter given (``None`` or "" = any);
    ``term`` matches the quote's text as a substring (实体 finds 实体经济)."""
    keep = pd.Series(True, index=table.index)
    for column, value in (("district", district), ("speaker", speaker), ("theme", theme)):
        if value:
            keep &= table[column] == value
    if formulation:
        keep &= table["formulations"].apply(lambda fs: formulation in fs)
    if term:
        keep &= table["text"].str.contains(term, regex=False)
    return table[keep]


def kwic_lines(text: str, term: str, width: int = KWIC_WIDTH) -> list[tuple[str, str, str]]:
    """Every occurrence of ``term`` in ``text`` as (left, term, right), ``width`` characters of
    context either side: kwic_lines("加快建设实体经济强区", "实体经济", 4) → [('加快建设', '实体经济', '强区')]."""
    out, i = [], text.find(term) if term else -1
    while i >= 0:
        out.append((text[max(0, i - width):i], term, text[i + len(term):i + len(term) + width]))
        i = text.find(term, i + len(term))
    return out


def highlight(text: str, terms) -> str:
    """HTML of ``text`` with each of ``terms`` wrapped in <mark> (longest first, escaped)."""
    terms = sorted({t for t in terms if t}, key=len, reverse=True)
    if not terms:
        return html.escape(text)
    pattern = re.compile("|".join(re.escape(t) for t in terms))
    parts, last = [], 0
    for m in pattern.finditer(text):
        parts.append(html.escape(text[last:m.start()]))
        parts.append(f"<mark>{html.escape(m.group())}</mark>")
        last = m.end()
    parts.append(html.escape(text[last:]))
    return "".join(parts)


def distinctive(analysis, n: int = 10) -> pd.DataFrame:
    """Each district's most distinctive terms against the rest of the article (group, term,
    count, z; Fightin' Words), from ``helpers.measures.distinctive_terms``; once per analysis
    object and ``n``."""
    def compute():
        return M.distinctive_terms(analysis.tokens, M.district_labels(analysis.tokens, analysis.quotes), n)

    return analysis.memo(("distinctive", n), compute) if hasattr(analysis, "memo") else compute()


def view_table(rows: pd.DataFrame, term: str | None = None, highlight_terms=()) -> pd.DataFrame:
    """The columns a reader sees, text as HTML with the term (or ``highlight_terms``) marked and,
    with a term, its keyword-in-context lines."""
    marks = [term] if term else list(highlight_terms)
    out = pd.DataFrame({
        "district": rows["district"],
        "speaker": [f"{s} ({p})" if s else "" for s, p in zip(rows["speaker"], rows["speaker_pinyin"])],
        "kind": rows["kind"],
        "theme": rows["theme"],
        "quote": [highlight(t, marks) for t in rows["text"]],
    })
    if term:
        out.insert(4, "in context", ["<br>".join(f"…{html.escape(a)}<mark>{html.escape(k)}</mark>{html.escape(b)}…" for a, k, b in kwic_lines(t, term))
                                     for t in rows["text"]])
    return out.reset_index(drop=True)


# --- the self-contained HTML file -----------------------------------------------------------


def explorer_data(analysis, n_terms: int = 10) -> dict:
    """Everything the HTML explorer needs, as plain JSON-able data: article, quotes, options
    for each filter, distinctive terms per district and pinyin/English for every term shown."""
    table = quote_table(analysis)
    dist = distinctive(analysis, n_terms)
    words = set(dist["term"]) | {t for ts in table["terms"] for t in ts}
    english = {}
    for w in sorted(words):
        g = gloss(w)[0]
        english[w] = {"pinyin": term_pinyin(w), "gloss": g}
    records = table.drop(columns=["start", "end"]).to_dict(orient="records")
    options = {f: sorted({v for v in table[f] if v}) for f in ("district", "speaker", "theme")}
    options["formulation"] = sorted({f for fs in table["formulations"] for f in fs})
    return {
        "article": analysis.name,
        "headline": getattr(getattr(analysis, "structure", None), "headline", "") or "",
        "quotes": records,
        "options": options,
        "distinctive": {g: d[["term", "count", "z"]].to_dict(orient="records") for g, d in dist.groupby("group", sort=False)},
        "terms": english,
        "credit": CEDICT_CREDIT,
        "kwic_width": KWIC_WIDTH,
    }


def _json_for_script(data: dict) -> str:
    """JSON safe inside a <script> element (no "</", no U+2028/2029 line breaks)."""
    text = json.dumps(data, ensure_ascii=False, default=str)
    return text.replace("</", "<\\/").replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")


def export_explorer_html(analysis, path, embed_font: bool = True) -> Path:
    """Write the explorer for one :class:`~helpers.pipeline.Analysis` as ONE self-contained HTML
    file at ``path`` (data and script inline; no network needed to open it). Returns the path.

    Filters: district, speaker, theme, formulation (when the quotes carry a ``formulation``
    column) and a free-text term; the address can preset them, e.g. ``#district=黄岛区``.
    ``embed_font`` inlines the characters it uses of the shipped Chinese font (:func:`font_face`)."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    data = explorer_data(analysis)
    title = f"Quote explorer · {analysis.name}"
    page = (_TEMPLATE.replace("__TITLE__", html.escape(title))
            .replace("__DATA__", _json_for_script(data)))
    page = page.replace("/*__FONT__*/", font_face(page) if embed_font else "")
    path.write_text(page, encoding="utf-8")
    return path


def font_face(text: str) -> str:
    """A CSS ``@font-face`` for the shipped Chinese font (``helpers.fonts``; Noto Sans SC, SIL OFL
    1.1), cut down to the characters of ``text`` and inlined as a data: URL (about 0.15 MB for an
    article), so the page shows Chinese on a machine with no Chinese font and no network."""
    import base64
    import io

    from fontTools import subset

    from helpers.fonts import font_path

    options = subset.Options()
    options.layout_features = []  # horizontal Chinese and Latin need no OpenType features
    options.hinting = False
    options.notdef_outline = True
    font = subset.load_font(str(font_path()), options)
    subsetter = subset.Subsetter(options)
    subsetter.populate(text=text)
    subsetter.subset(font)
    font.flavor = "woff"
    buffer = io.BytesIO()
    font.save(buffer)
    data = base64.b64encode(buffer.getvalue()).decode("ascii")
    return f'@font-face {{ font-family: "Explorer Sans SC"; src: url(data:font/woff;base64,{data}) format("woff"); }}'


_TEMPLATE = """<!DOCTYPE html>
<html lang="zh-Hans">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>__TITLE__</title>
<style>
/*__FONT__*/
body { font-family: "Explorer Sans SC", "Noto Sans SC", "PingFang SC", "Microsoft YaHei", "Source Han Sans SC", sans-serif; margin: 1.2em; color: #1a1a1a; }
h1 { font-size: 1.3em; margin: 0 0 .2em; } .sub { color: #555; margin: 0 0 1em; }
#filters { display: flex; flex-wrap: wrap; gap: .6em 1.2em; align-items: end; margin-bottom: .8em; }
#filters label { display: flex; flex-direction: column; font-size: .85em; color: #444; }
#filters select, #filters input { font-size: 1em; padding: .2em; min-width: 9em; }
#main { display: flex; gap: 1.5em; align-items: flex-start; }
#left { flex: 3; min-width: 0; } #right { flex: 1; min-width: 16em; position: sticky; top: .5em; }
table { border-collapse: collapse; width: 100%; font-size: .92em; }
th, td { border-bottom: 1px solid #ddd; padding: .35em .4em; text-align: left; vertical-align: top; }
th { background: #f3f3f3; position: sticky; top: 0; }
mark { background: #ffe08a; padding: 0 .05em; } .kwic { color: #333; white-space: nowrap; font-size: .9em; }
.py { color: #666; font-size: .85em; } .kind { font-size: .8em; color: #666; }
.bar { display: flex; align-items: center; margin: .25em 0; cursor: pointer; }
.bar .fill { background: #1f5fa6; height: 1.1em; margin-right: .4em; } .bar .sig { background: #d1495b; }
.bar .lab { font-size: .9em; } .bar .en { display: block; color: #666; font-size: .78em; }
#count { margin: .3em 0 .6em; color: #333; } footer { margin-top: 2em; font-size: .8em; color: #777; }
button { font-size: .9em; } select, input, button { font-family: inherit; }
</style>
</head>
<body>
<h1 id="headline"></h1>
<p class="sub" id="article"></p>
<div id="filters">
  <label>District 区县<select id="f-district" data-field="district"></select></label>
  <label>Speaker 发言人<select id="f-speaker" data-field="speaker"></select></label>
  <label>Theme 主题<select id="f-theme" data-field="theme"></select></label>
  <label id="l-formulation">Formulation 提法<select id="f-formulation" data-field="formulation"></select></label>
  <label>Term 词语<input id="f-term" type="search" placeholder="e.g. 实体经济"></label>
  <button id="reset" type="button">Show all</button>
</div>
<div id="main">
  <div id="left">
    <div id="count" data-count="0"></div>
    <table id="quotes"><thead><tr><th>District</th><th>Speaker</th><th>Theme</th><th id="kwic-head">Quote</th></tr></thead><tbody></tbody></table>
  </div>
  <div id="right"><h2 style="font-size:1.05em" id="chart-title"></h2><div id="chart"></div>
    <p class="py" id="chart-note"></p></div>
</div>
<footer id="credit"></footer>
<script type="application/json" id="explorer-data">__DATA__</script>
<script>
(function () {
  "use strict";
  var DATA = JSON.parse(document.getElementById("explorer-data").textContent);
  var FIELDS = ["district", "speaker", "theme", "formulation"];
  var state = { district: "", speaker: "", theme: "", formulation: "", term: "" };
  function esc(s) { return String(s).replace(/[&<>"']/g, function (c) { return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c]; }); }
  function mark(text, terms) {
    terms = terms.filter(Boolean).sort(function (a, b) { return b.length - a.length; });
    if (!terms.length) return esc(text);
    var re = new RegExp(terms.map(function (t) { return t.replace(/[.*+?^${}()|[\\]\\\\]/g, "\\\\$&"); }).join("|"), "g");
    var out = "", last = 0, m;
    while ((m = re.exec(text)) !== null) { out += esc(text.slice(last, m.index)) + "<mark>" + esc(m[0]) + "</mark>"; last = m.index + m[0].length; if (!m[0].length) re.lastIndex++; }
    return out + esc(text.slice(last));
  }
  function kwic(text, term, width) {
    var lines = [], i = text.indexOf(term);
    while (term && i >= 0) {
      lines.push("…" + esc(text.slice(Math.max(0, i - width), i)) + "<mark>" + esc(term) + "</mark>" + esc(text.slice(i + term.length, i + term.length + width)) + "…");
      i = text.indexOf(term, i + term.length);
    }
    return lines;
  }
  function english(term) { var e = DATA.terms[term]; return e ? [e.pinyin, e.gloss].filter(Boolean).join(" · ") : ""; }
  function fill(field) {
    var sel = document.getElementById("f-" + field), opts = DATA.options[field] || [];
    sel.innerHTML = '<option value="">(all)</option>' + opts.map(function (o) { return '<option value="' + esc(o) + '">' + esc(o) + "</option>"; }).join("");
    if (field === "formulation" && !opts.length) document.getElementById("l-formulation").style.display = "none";
    sel.addEventListener("change", function () { state[field] = sel.value; update(); });
  }
  function matches(q) {
    if (state.district && q.district !== state.district) return false;
    if (state.speaker && q.speaker !== state.speaker) return false;
    if (state.theme && q.theme !== state.theme) return false;
    if (state.formulation && q.formulations.indexOf(state.formulation) < 0) return false;
    if (state.term && q.text.indexOf(state.term) < 0) return false;
    return true;
  }
  function chart() {
    var title = document.getElementById("chart-title"), box = document.getElementById("chart"), note = document.getElementById("chart-note");
    var rows = state.district ? (DATA.distinctive[state.district] || []) : [];
    if (!state.district) { title.textContent = "Choose a district to see its distinctive terms"; box.innerHTML = ""; note.textContent = ""; return; }
    title.textContent = state.district + ": distinctive terms against the rest of the article";
    if (!rows.length) { box.innerHTML = '<p class="py">No term stands out (too few words).</p>'; note.textContent = ""; return; }
    var top = Math.max.apply(null, rows.map(function (r) { return r.z; })) || 1;
    box.innerHTML = rows.map(function (r) {
      return '<div class="bar" data-term="' + esc(r.term) + '" title="used ' + r.count + "×, z = " + r.z.toFixed(2) + '"><div class="fill' + (r.z > 1.96 ? " sig" : "") +
        '" style="width:' + Math.max(4, 110 * r.z / top).toFixed(0) + 'px"></div><span class="lab">' + esc(r.term) + " <b>" + r.z.toFixed(1) +
        '</b><span class="en">' + esc(english(r.term)) + "</span></span></div>";
    }).join("");
    note.textContent = "Fightin' Words z-score (log-odds with the article as prior); red: z > 1.96. Click a term to filter the quotes.";
    Array.prototype.forEach.call(box.querySelectorAll(".bar"), function (el) {
      el.addEventListener("click", function () { state.term = el.getAttribute("data-term"); document.getElementById("f-term").value = state.term; update(); });
    });
  }
  function render() {
    var rows = DATA.quotes.filter(matches), body = document.querySelector("#quotes tbody");
    var marks = state.term ? [state.term] : (state.district ? (DATA.distinctive[state.district] || []).map(function (r) { return r.term; }) : []);
    document.getElementById("kwic-head").textContent = state.term ? "In context · quote" : "Quote";
    body.innerHTML = rows.map(function (q) {
      var ctx = state.term ? '<div class="kwic">' + kwic(q.text, state.term, DATA.kwic_width).join("<br>") + "</div>" : "";
      var who = q.speaker ? esc(q.speaker) + ' <span class="py">' + esc(q.speaker_pinyin) + "</span><br><span class=\\"kind\\">" + esc(q.title) + "</span>" : '<span class="kind">' + esc(q.title || "") + "</span>";
      return '<tr class="qrow" data-id="' + q.quote_id + '"><td>' + esc(q.district) + '</td><td>' + who + '</td><td>' + esc(q.theme) + '<br><span class="kind">' + esc(q.kind) + " · §" + q.section +
        "</span></td><td>" + ctx + mark(q.text, marks) + "</td></tr>";
    }).join("");
    var count = document.getElementById("count");
    count.setAttribute("data-count", rows.length);
    count.textContent = rows.length + " of " + DATA.quotes.length + " quotes";
  }
  function writeHash() {
    var parts = [];
    FIELDS.concat(["term"]).forEach(function (f) { if (state[f]) parts.push(f + "=" + encodeURIComponent(state[f])); });
    if (history.replaceState) history.replaceState(null, "", parts.length ? "#" + parts.join("&") : location.pathname + location.search);
  }
  function readHash() {
    var h = (location.hash || "").replace(/^#/, "");
    h.split("&").forEach(function (kv) {
      var i = kv.indexOf("="); if (i < 0) return;
      var k = decodeURIComponent(kv.slice(0, i)), v = decodeURIComponent(kv.slice(i + 1).replace(/\\+/g, " "));
      if (k in state) state[k] = v;
    });
  }
  function sync() {
    FIELDS.forEach(function (f) { document.getElementById("f-" + f).value = state[f]; });
    document.getElementById("f-term").value = state.term;
  }
  function update() { render(); chart(); writeHash(); }
  document.getElementById("headline").textContent = DATA.headline || DATA.article;
  document.getElementById("article").textContent = DATA.article + " · " + DATA.quotes.length + " quotes · filters can be set in the address, e.g. #district=…";
  document.getElementById("credit").textContent = "English glosses: official renderings where listed (src/helpers/data/glossary_official.tsv), else " + DATA.credit + ". Names in pinyin, surname first.";
  FIELDS.forEach(fill);
  var input = document.getElementById("f-term");
  input.addEventListener("input", function () { state.term = input.value.trim(); update(); });
  document.getElementById("reset").addEventListener("click", function () { FIELDS.forEach(function (f) { state[f] = ""; }); state.term = ""; sync(); update(); });
  window.addEventListener("hashchange", function () { readHash(); sync(); render(); chart(); });
  readHash(); sync(); render(); chart();
})();
</script>
</body>
</html>
"""
