"""Measures on tokens and quotes: frequencies, TF-IDF and TextRank keywords, keyword in context,
dispersion, theme shares, district emphasis and the log-odds ratio with an informative Dirichlet
prior (Monroe, Colaresi & Quinn 2008, "Fightin' Words").

Every function takes the tidy tables (tokens, quotes) and returns a DataFrame.
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import numpy as np
import pandas as pd

from helpers.themes import NONE, theme_hits

NO_DISTRICT = "（未注明区县）"
REPORTS = "（文件引用）"
POS_GROUPS = {  # label → jieba tag prefixes
    "名词": ("n", "nz", "vn", "ng", "nt", "nw"),
    "动词": ("v", "vd", "vg"),
    "地名": ("ns",),
    "人名": ("nr",),
}


def content(tokens: pd.DataFrame) -> pd.DataFrame:
    return tokens[tokens["content"]]


def top_terms(tokens: pd.DataFrame, n: int = 20, pos: tuple | None = None) -> pd.DataFrame:
    """The n most frequent content terms (optionally only those whose tag is in ``pos``):
    columns term, count, share (per 1,000 content tokens), pos."""
    c = content(tokens)
    total = len(c)
    if pos:
        c = c[c["pos"].isin(pos)]
    counts = c.groupby("word").agg(count=("word", "size"), pos=("pos", "first")).reset_index()
    counts = counts.sort_values(["count", "word"], ascending=[False, True]).head(n)
    counts["share"] = (counts["count"] / max(total, 1) * 1000).round(1)
    return counts.rename(columns={"word": "term"})[["term", "count", "share", "pos"]].reset_index(drop=True)


def top_terms_by_pos(tokens: pd.DataFrame, n: int = 10) -> pd.DataFrame:
    """Top terms within each part-of-speech group (名词, 动词, 地名, 人名): long format."""
    frames = []
    for label, tags in POS_GROUPS.items():
        df = top_terms(tokens, n, tags)
        df.insert(0, "group", label)
        frames.append(df)
    return pd.concat(frames, ignore_index=True)


@lru_cache(maxsize=1)
def _idf() -> tuple[dict, float]:
    """jieba's IDF table (jieba/analyse/idf.txt) and its median, for unseen words (read once per
    version of the package and jieba, then from the cache: ``helpers.cache.derived``)."""
    from helpers.cache import derived

    return derived("idf", _read_idf)


def _read_idf() -> tuple[dict, float]:
    from helpers.jiebaload import jieba  # not jieba.analyse: importing it loads its own IDF and posseg's tables (~2 s)

    path = Path(jieba.__file__).parent / "analyse" / "idf.txt"
    idf = {}
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            parts = line.split()
            if len(parts) == 2:
                idf[parts[0]] = float(parts[1])
    return idf, float(np.median(list(idf.values())))


def tfidf_keywords(tokens: pd.DataFrame, n: int = 20) -> pd.DataFrame:
    """Keywords by TF-IDF: term frequency in the article × jieba's IDF (median IDF for words
    jieba has not seen, such as the lexicon's set phrases). Columns term, count, tfidf."""
    idf, median = _idf()
    counts = content(tokens)["word"].value_counts()
    total = counts.sum() or 1
    df = pd.DataFrame({"term": counts.index, "count": counts.to_numpy()})
    df["tfidf"] = [c / total * idf.get(t, median) for t, c in zip(df["term"], df["count"])]
    return df.sort_values(["tfidf", "term"], ascending=[False, True]).head(n).reset_index(drop=True)


TEXTRANK_POS = ("n", "nz", "ns", "nt", "nr", "nw", "vn", "v", "an")


def textrank_keywords(tokens: pd.DataFrame, n: int = 20, window: int = 5, damping: float = 0.85) -> pd.DataFrame:
    """Keywords by TextRank (Mihalcea & Tarau 2004): PageRank on the graph of content nouns and
    verbs that co-occur within ``window`` tokens in a paragraph. Columns term, count, textrank."""
    c = content(tokens)
    c = c[c["pos"].str.startswith(TEXTRANK_POS)]
    vocab = {w: i for i, w in enumerate(sorted(c["word"].unique()))}
    size = len(vocab)
    if size == 0:
        return pd.DataFrame(columns=["term", "count", "textrank"])
    weights = np.zeros((size, size))
    for _, words in c.groupby("paragraph")["word"]:
        ids = [vocab[w] for w in words]
        for i, a in enumerate(ids):
            for b in ids[i + 1:i + window]:
                if a != b:
                    weights[a, b] += 1
                    weights[b, a] += 1
    out_sum = weights.sum(axis=1)
    out_sum[out_sum == 0] = 1
    transition = weights / out_sum[:, None]
    rank = np.full(size, 1 / size)
    for _ in range(200):
        new = (1 - damping) / size + damping * transition.T @ rank
        if np.abs(new - rank).sum() < 1e-10:
            rank = new
            break
        rank = new
    rank = rank / rank.max()
    words = list(vocab)
    counts = c["word"].value_counts()
    df = pd.DataFrame({"term": words, "count": [int(counts[w]) for w in words], "textrank": rank})
    return df.sort_values(["textrank", "term"], ascending=[False, True]).head(n).reset_index(drop=True)


def kwic(text: str, tokens: pd.DataFrame, term: str, width: int = 18, limit: int = 10) -> pd.DataFrame:
    """Keyword in context: each occurrence of ``term`` (as a token) with ``width`` characters
    either side, one line each. Columns term, start, left, keyword, right."""
    hits = tokens[tokens["word"] == term].head(limit)
    rows = []
    for row in hits.itertuples():
        left = text[max(0, row.start - width):row.start].replace("\n", " ")
        right = text[row.end:row.end + width].replace("\n", " ")
        rows.append((term, row.start, left, term, right))
    return pd.DataFrame(rows, columns=["term", "start", "left", "keyword", "right"])


def dispersion(tokens: pd.DataFrame, terms: list[str]) -> pd.DataFrame:
    """Where each term occurs: term, start (character offset), section."""
    d = tokens[tokens["word"].isin(terms)][["word", "start", "section"]].rename(columns={"word": "term"})
    return d.reset_index(drop=True)


# --- themes ---------------------------------------------------------------------------------


def theme_shares(quotes: pd.DataFrame, tokens: pd.DataFrame, themes: dict) -> pd.DataFrame:
    """Per theme: quotes whose dominant theme it is (count and share) and theme-term tokens of
    the whole article (count and share of all theme-term tokens)."""
    names = list(themes)
    hits = theme_hits(tokens, themes)
    tok = hits.groupby("theme").size().reindex(names, fill_value=0)
    dom = quotes["dominant_theme"].value_counts().reindex(names + [NONE], fill_value=0) if len(quotes) else pd.Series(0, index=names + [NONE])
    df = pd.DataFrame({"theme": names + [NONE]})
    df["quotes"] = dom.to_numpy()
    df["quote_share"] = (df["quotes"] / max(len(quotes), 1) * 100).round(1)
    df["theme_tokens"] = list(tok.to_numpy()) + [0]
    df["token_share"] = (df["theme_tokens"] / max(int(tok.sum()), 1) * 100).round(1)
    return df


def themes_by_section(tokens: pd.DataFrame, themes: dict, titles: dict | None = None) -> pd.DataFrame:
    """Section × theme: theme-term tokens per 100 content tokens of the section (rows: sections)."""
    names = list(themes)
    hits = theme_hits(tokens, themes)
    n = content(tokens).groupby("section").size()
    table = hits.pivot_table(index="section", columns="theme", values="weight", aggfunc="sum", fill_value=0)
    table = table.reindex(index=n.index, columns=names, fill_value=0)
    table = table.div(n, axis=0) * 100
    table.index = [titles.get(s, f"第{s}部分") if titles else s for s in table.index]
    return table.round(2)


def heading_agreement(structure, segmenter, tokens: pd.DataFrame, themes: dict) -> pd.DataFrame:
    """For each section heading: the theme its own words point to (from the dictionary) and the
    theme that dominates the section's text; ``agree`` says whether they match.

    The heading's words are its tokens in ``tokens`` (the same tokenizer cut it); ``segmenter``
    is not used any more and may be ``None`` (kept so older calls still work)."""
    from helpers.themes import term_theme

    lookup = term_theme(themes)
    by_section = themes_by_section(tokens, themes)
    words_of = tokens.groupby("paragraph")["word"].agg(list).to_dict() if len(tokens) else {}
    rows = []
    for h in structure.headings:
        words = [w for w in words_of.get(h.index, []) if w in lookup]
        weights: dict = {}
        for w in words:
            weights[lookup[w]] = weights.get(lookup[w], 0) + themes[lookup[w]][w]
        heading_theme = max(weights, key=weights.get) if weights else NONE
        if h.section in by_section.index and by_section.loc[h.section].max() > 0:
            text_theme = by_section.loc[h.section].idxmax()
        else:
            text_theme = NONE
        rows.append((h.section, h.text, "、".join(words), heading_theme, text_theme, heading_theme == text_theme and heading_theme != NONE))
    return pd.DataFrame(rows, columns=["section", "heading", "heading_terms", "heading_theme", "text_theme", "agree"])


def theme_terms(tokens: pd.DataFrame, themes: dict, n: int = 6) -> pd.DataFrame:
    """The terms that drive each theme: theme, term, count (top n per theme with any hit)."""
    hits = theme_hits(tokens, themes)
    df = hits.groupby(["theme", "word"]).size().rename("count").reset_index().rename(columns={"word": "term"})
    order = {t: i for i, t in enumerate(themes)}
    df["order"] = df["theme"].map(order)
    df = df.sort_values(["order", "count", "term"], ascending=[True, False, True])
    return df.groupby("theme", sort=False).head(n).drop(columns="order").reset_index(drop=True)


def theme_flow(tokens: pd.DataFrame, structure, themes: dict) -> pd.DataFrame:
    """Theme × paragraph: theme-term weight per 100 content tokens of each text paragraph, in
    article order (columns: paragraph index)."""
    names = list(themes)
    paras = [p.index for p in structure.paragraphs if p.kind in ("lead", "body", "heading", "question")]
    c = content(tokens)
    n = c.groupby("paragraph").size().reindex(paras, fill_value=0)
    hits = theme_hits(tokens, themes)
    table = hits.pivot_table(index="theme", columns="paragraph", values="weight", aggfunc="sum", fill_value=0)
    table = table.reindex(index=names, columns=paras, fill_value=0)
    return (table.div(n.where(n > 0, 1), axis=1) * 100).round(2)


# --- districts ------------------------------------------------------------------------------


def speaker_group(quotes: pd.DataFrame) -> pd.Series:
    """District of each quote, with officials lacking one and document citations labelled apart."""
    return quotes["district"].where(quotes["district"] != "", NO_DISTRICT).where(quotes["kind"] != "report", REPORTS)


def district_theme(quotes: pd.DataFrame, tokens: pd.DataFrame, themes: dict) -> pd.DataFrame:
    """District × theme: each district's share (%) of its theme-term weight per theme, so long
    and short statements compare. Rows: districts (then officials with no district, then
    citations), columns: themes."""
    names = list(themes)
    group = speaker_group(quotes).set_axis(quotes["quote_id"])
    hits = theme_hits(tokens[tokens["quote_id"] >= 0], themes)
    hits["group"] = hits["quote_id"].map(group)
    table = hits.pivot_table(index="group", columns="theme", values="weight", aggfunc="sum", fill_value=0)
    table = table.reindex(columns=names, fill_value=0)
    table = table.div(table.sum(axis=1).where(lambda s: s > 0, 1), axis=0) * 100
    return table.reindex(group_order(group.unique())).dropna(how="all").round(1)


def group_order(groups) -> list:
    """Districts in the order given (article order of first appearance), then the two apart:
    ``group_order(["黄岛区", "（文件引用）", "城阳区"])`` → ``["黄岛区", "城阳区", "（文件引用）"]``."""
    districts = [g for g in dict.fromkeys(groups) if g not in (NO_DISTRICT, REPORTS)]
    return districts + [g for g in (NO_DISTRICT, REPORTS) if g in set(groups)]


_group_order = group_order  # the old private name, for code written before it was public


def is_apart(group) -> bool:
    """True for the rows shown apart from the districts: officials with no district, citations
    of documents, and the "other districts" row of a long corpus table."""
    return group in (NO_DISTRICT, REPORTS) or str(group).startswith(OTHER_PREFIX)


def voice_colors(groups, color: str, muted: str) -> list[str]:
    """One bar colour per group: ``muted`` for the groups shown apart, ``color`` for districts."""
    return [muted if is_apart(g) else color for g in groups]


OTHER_PREFIX = "（其他"
MAX_DISTRICTS = 30  # a corpus district table with more rows sums the rest into one, so a chart stays readable


def districts_by_article(quotes: pd.DataFrame, max_districts: int = MAX_DISTRICTS) -> pd.DataFrame:
    """District × article: characters quoted (officials only; citations apart), districts by
    total then the rows apart; beyond ``max_districts`` the smallest are summed into one row
    ``（其他 N 个区县）``. Empty frame when there is nothing quoted."""
    spoken = quotes[quotes["kind"] != "report"] if len(quotes) else quotes
    if not len(spoken):
        return pd.DataFrame()
    table = (spoken.assign(group=speaker_group(spoken), characters=spoken["text"].str.len())
             .pivot_table(index="group", columns="article", values="characters", aggfunc="sum", fill_value=0))
    table = table.reindex(group_order(list(table.sum(axis=1).sort_values(ascending=False, kind="stable").index)))
    named = [d for d in table.index if d not in (NO_DISTRICT, REPORTS)]
    if len(named) > max_districts:
        rest = named[max_districts:]
        other = table.loc[rest].sum().rename(f"{OTHER_PREFIX} {len(rest)} 个区县）")
        table = pd.concat([table.loc[named[:max_districts]], other.to_frame().T,
                           table.loc[[d for d in table.index if d in (NO_DISTRICT, REPORTS)]]])
    return table


def share_of_voice(quotes: pd.DataFrame) -> pd.DataFrame:
    """Characters quoted per district (direct + indirect), officials with no district and
    citations apart: group, quotes, characters, share (% of all quoted characters)."""
    q = quotes.assign(group=speaker_group(quotes), characters=quotes["text"].str.len())
    df = q.groupby("group").agg(quotes=("quote_id", "size"), characters=("characters", "sum"))
    df = df.reindex(group_order(q["group"])).reset_index()
    df["share"] = (df["characters"] / max(df["characters"].sum(), 1) * 100).round(1)
    return df


def log_odds_dirichlet(counts_a: pd.Series, counts_b: pd.Series, prior: pd.Series) -> pd.DataFrame:
    """Log-odds ratio with an informative Dirichlet prior (Monroe, Colaresi & Quinn 2008, eq. 16–22).

    ``counts_a`` and ``counts_b`` are term counts of the two groups; ``prior`` the prior counts
    α_w (here the whole article's counts, so α₀ equals its size). Returns term, count_a, count_b,
    delta (log-odds ratio, a vs b), se and z = delta / se, sorted by z descending."""
    vocab = prior.index.union(counts_a.index).union(counts_b.index)
    a = counts_a.reindex(vocab, fill_value=0).astype(float)
    b = counts_b.reindex(vocab, fill_value=0).astype(float)
    alpha = prior.reindex(vocab, fill_value=0).astype(float) + 0.01
    n_a, n_b, a0 = a.sum(), b.sum(), alpha.sum()
    delta = np.log((a + alpha) / (n_a + a0 - a - alpha)) - np.log((b + alpha) / (n_b + a0 - b - alpha))
    var = 1 / (a + alpha) + 1 / (b + alpha)
    df = pd.DataFrame({"term": vocab, "count_a": a.astype(int).to_numpy(), "count_b": b.astype(int).to_numpy(),
                       "delta": delta.to_numpy(), "se": np.sqrt(var).to_numpy()})
    df["z"] = df["delta"] / df["se"]
    return df.sort_values(["z", "term"], ascending=[False, True]).reset_index(drop=True)


SHORT_GROUP = 60  # content tokens: below this a group's terms used once may still show


def distinctive_terms(tokens: pd.DataFrame, labels: pd.Series, n: int = 8, min_count: int | None = None) -> pd.DataFrame:
    """For each group in ``labels`` (indexed like ``tokens``), its most distinctive content
    terms against all other content tokens, by the Fightin' Words z-score. Long format: group,
    term, count, z (only terms with z > 0 that the group uses at least ``min_count`` times;
    ``None``: twice, or once for a group with fewer than ``SHORT_GROUP`` content tokens)."""
    c = tokens[tokens["content"]]
    labels = labels.reindex(c.index)
    prior = c["word"].value_counts()
    frames = []
    for group in [g for g in pd.unique(labels.dropna())]:
        inside = c[labels == group]["word"].value_counts()
        outside = c[labels != group]["word"].value_counts()
        res = log_odds_dirichlet(inside, outside, prior)
        least = min_count if min_count is not None else (2 if inside.sum() >= SHORT_GROUP else 1)
        res = res[(res["count_a"] >= least) & (res["z"] > 0)].head(n)
        frames.append(pd.DataFrame({"group": group, "term": res["term"], "count": res["count_a"], "z": res["z"].round(2)}))
    if not frames:
        return pd.DataFrame(columns=["group", "term", "count", "z"])
    return pd.concat(frames, ignore_index=True)


def distinctive_from_counts(counts: pd.DataFrame, n: int = 8, min_count: int | None = None) -> pd.DataFrame:
    """``distinctive_terms`` from aggregated counts (columns group, term, count: one row per term
    a group uses) instead of one row per token, so a corpus never holds every token in memory.
    Each group against all the others pooled; same output as ``distinctive_terms``."""
    if not len(counts):
        return pd.DataFrame(columns=["group", "term", "count", "z"])
    terms = counts["term"].astype(str)
    prior = counts["count"].groupby(terms).sum()
    frames = []
    for group in pd.unique(counts["group"]):
        mine = counts["group"] == group
        inside = counts.loc[mine, "count"].groupby(terms[mine]).sum()
        outside = prior.sub(inside, fill_value=0)
        outside = outside[outside > 0]
        res = log_odds_dirichlet(inside, outside, prior)
        least = min_count if min_count is not None else (2 if inside.sum() >= SHORT_GROUP else 1)
        res = res[(res["count_a"] >= least) & (res["z"] > 0)].head(n)
        frames.append(pd.DataFrame({"group": group, "term": res["term"], "count": res["count_a"], "z": res["z"].round(2)}))
    return pd.concat(frames, ignore_index=True) if frames else pd.DataFrame(columns=["group", "term", "count", "z"])


def district_labels(tokens: pd.DataFrame, quotes: pd.DataFrame) -> pd.Series:
    """Each token's district (from the quote it is in; officials only), NaN elsewhere."""
    spoken = quotes[(quotes["kind"] != "report") & (quotes["district"] != "")]
    mapping = spoken.set_index("quote_id")["district"]
    return tokens["quote_id"].map(mapping)


def district_table(quotes: pd.DataFrame, tokens: pd.DataFrame, themes: dict, distinctive: pd.DataFrame) -> pd.DataFrame:
    """One row per district (then officials with no district): the evidence the district came
    from (``district_source``: title, context or article, see ``districts.ArticlePlaces.place``),
    speakers, offices, quotes, characters, dominant theme and top distinctive terms."""
    spoken = quotes[quotes["kind"] != "report"].assign(group=lambda q: speaker_group(q))
    dt = district_theme(quotes, tokens, themes)
    rows = []
    for group, g in spoken.groupby("group", sort=False):  # noqa: B007
        people = g.drop_duplicates("speaker")
        top = dt.loc[group] if group in dt.index else None
        dominant = top.idxmax() if top is not None and top.max() > 0 else NONE
        terms = distinctive.loc[distinctive["group"] == group, "term"].head(5).tolist()
        rows.append({
            "district": group,
            "district_source": "、".join(dict.fromkeys(s for s in g.get("district_source", pd.Series(dtype=str)) if s)),
            "speaker": "、".join(people["speaker"].replace("", "（未具名）")),
            "title": "；".join(people["title"]),
            "quotes": len(g),
            "characters": int(g["text"].str.len().sum()),
            "dominant_theme": dominant,
            "distinctive_terms": "、".join(terms),
        })
    df = pd.DataFrame(rows, columns=["district", "district_source", "speaker", "title", "quotes", "characters", "dominant_theme", "distinctive_terms"])
    order = group_order(spoken["group"])
    return df.set_index("district").reindex(order).reset_index()
