"""Co-occurrence network of content terms (KH Coder's "co-occurrence network").

Two terms co-occur when they are in the same sentence. The edge weight is the Jaccard
coefficient of the sets of sentences holding each term, |A∩B| / |A∪B|. The graph keeps the
``edges`` strongest edges and, so that it stays in one piece, a maximum spanning tree of all
co-occurrences; communities come from networkx's Louvain method (seeded, so reruns agree); node
size is the term's frequency. Labels are moved apart until none overlaps another or runs off the
axes (checked with the renderer's text extents). Per district, the same layout is drawn once per
district, so the panels compare like with like.

Each figure is written with ``figNN-slug.csv`` (the nodes drawn: term, count, community, x, y and
the label's position) and ``figNN-slug-edges.csv`` (the edges drawn: source, target,
co-occurrences, Jaccard, and whether the edge is among the strongest or only in the tree).
"""
from __future__ import annotations

from itertools import combinations
from typing import TYPE_CHECKING
from pathlib import Path

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd

from helpers import plots

if TYPE_CHECKING:
    import networkx as nx

SENTENCE_END = frozenset("。！？；!?;…")
SEED = 7  # Louvain and layout seed: the same article gives the same figure
NODE_COLORS = plots.PALETTE


def sentence_ids(tokens: pd.DataFrame) -> pd.Series:
    """A sentence number for each token: a new sentence after 。！？；… and at each new paragraph
    (实体经济 是 根基 。 人才 … → 0 0 0 0 1 …)."""
    ends = tokens["word"].isin(SENTENCE_END).shift(fill_value=False)
    new_para = tokens["paragraph"].ne(tokens["paragraph"].shift())
    return (ends | new_para).cumsum() - 1


def cooccurrence(tokens: pd.DataFrame, n_terms: int = 60, min_count: int = 2) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Nodes and all co-occurring pairs among the ``n_terms`` most frequent content terms used at
    least ``min_count`` times.

    Returns (nodes: term, count, sentences) and (pairs: source, target, cooccurrences, jaccard),
    pairs sorted by Jaccard, strongest first. 实体经济 in 10 sentences, 产业 in 6, together in 4:
    Jaccard 4 / (10 + 6 − 4) = 0.33."""
    sent = sentence_ids(tokens)
    c = tokens[tokens["content"]].assign(sentence=sent[tokens["content"]])
    counts = c["word"].value_counts()
    counts = counts[counts >= min_count]
    terms = sorted(counts.index, key=lambda t: (-counts[t], t))[:n_terms]
    keep = c[c["word"].isin(terms)]
    sets = keep.groupby("word")["sentence"].agg(lambda s: frozenset(s))
    nodes = pd.DataFrame({"term": terms, "count": [int(counts[t]) for t in terms], "sentences": [len(sets[t]) for t in terms]})
    rows = []
    for a, b in combinations(terms, 2):
        both = len(sets[a] & sets[b])
        if both:
            rows.append((a, b, both, both / len(sets[a] | sets[b])))
    pairs = pd.DataFrame(rows, columns=["source", "target", "cooccurrences", "jaccard"])
    pairs = pairs.sort_values(["jaccard", "cooccurrences", "source", "target"], ascending=[False, False, True, True]).reset_index(drop=True)
    return nodes, pairs


def build_network(tokens: pd.DataFrame, n_terms: int = 60, n_edges: int = 60, min_count: int = 2, seed: int = SEED) -> nx.Graph:
    """The graph drawn: the ``n_edges`` strongest Jaccard edges plus a maximum spanning tree of
    all co-occurrences (so each connected part stays whole), terms with no co-occurrence left
    out. Node attributes: count, sentences, community (0 = largest); edge attributes:
    cooccurrences, weight (Jaccard), top (among the strongest), tree (in the spanning tree)."""
    import networkx as nx  # here, not at the top: a kernel that draws no network skips its 0.1 s import

    nodes, pairs = cooccurrence(tokens, n_terms, min_count)
    full = nx.Graph()
    for r in pairs.itertuples():
        full.add_edge(r.source, r.target, cooccurrences=int(r.cooccurrences), weight=float(r.jaccard))
    graph = nx.Graph()
    if full.number_of_edges() == 0:
        return graph
    tree = {frozenset(e) for e in nx.maximum_spanning_tree(full, weight="weight").edges()}
    top = {frozenset((r.source, r.target)) for r in pairs.head(n_edges).itertuples()}
    info = nodes.set_index("term")
    for term in nodes["term"]:
        if term in full:
            graph.add_node(term, count=int(info.loc[term, "count"]), sentences=int(info.loc[term, "sentences"]))
    for r in pairs.itertuples():
        key = frozenset((r.source, r.target))
        if key in top or key in tree:
            graph.add_edge(r.source, r.target, cooccurrences=int(r.cooccurrences), weight=float(r.jaccard), top=key in top, tree=key in tree)
    communities = nx.community.louvain_communities(graph, weight="weight", seed=seed)
    communities = sorted(communities, key=lambda s: (-len(s), min(s)))
    for k, members in enumerate(communities):
        for term in members:
            graph.nodes[term]["community"] = k
    return graph


def layout(graph: nx.Graph, seed: int = SEED) -> dict:
    """Node positions in [-1, 1]² (networkx's spring layout, seeded). Edges pull with equal
    strength: weighting them by Jaccard packs the rare pairs (Jaccard near 1) into knots."""
    import networkx as nx  # here, not at the top: a kernel that draws no network skips its 0.1 s import

    if graph.number_of_nodes() == 0:
        return {}
    pos = nx.spring_layout(graph, weight=None, seed=seed, iterations=300)
    xy = np.array([pos[n] for n in graph.nodes])
    span = np.ptp(xy, axis=0)
    span[span == 0] = 1
    xy = (xy - xy.min(axis=0)) / span * 2 - 1
    return {n: (float(x), float(y)) for n, (x, y) in zip(graph.nodes, xy)}


def node_table(graph: nx.Graph, pos: dict) -> pd.DataFrame:
    """term, count, sentences, community, x, y — one row per node, most frequent first."""
    rows = [(n, d["count"], d["sentences"], d.get("community", 0), *pos[n]) for n, d in graph.nodes(data=True)]
    df = pd.DataFrame(rows, columns=["term", "count", "sentences", "community", "x", "y"])
    return df.sort_values(["count", "term"], ascending=[False, True]).reset_index(drop=True)


def edge_table(graph: nx.Graph) -> pd.DataFrame:
    """source, target, cooccurrences, jaccard, top, tree — one row per edge, strongest first."""
    rows = [(a, b, d["cooccurrences"], round(d["weight"], 4), d["top"], d["tree"]) for a, b, d in graph.edges(data=True)]
    df = pd.DataFrame(rows, columns=["source", "target", "cooccurrences", "jaccard", "top", "tree"])
    return df.sort_values(["jaccard", "source", "target"], ascending=[False, True, True]).reset_index(drop=True)


# --- drawing --------------------------------------------------------------------------------


def node_sizes(counts, smallest: float = 60, largest: float = 900) -> np.ndarray:
    """Marker areas (points²) proportional to frequency, from ``smallest`` to ``largest``."""
    counts = np.asarray(counts, dtype=float)
    if counts.size == 0:
        return counts
    top = counts.max() or 1
    return smallest + (largest - smallest) * counts / top


def _overlap(a, b, pad: float) -> tuple[float, float]:
    """How far two boxes (x0, y0, x1, y1) overlap along x and y (≤ 0: apart), with ``pad``."""
    return min(a[2], b[2]) - max(a[0], b[0]) + pad, min(a[3], b[3]) - max(a[1], b[1]) + pad


def place_labels(ax, texts: list, pad: float = 2.0, iterations: int = 2000) -> bool:
    """Move the text artists ``texts`` (in data coordinates) apart until no two boxes overlap and
    every box lies inside the axes. Works in display pixels with the renderer's extents: each
    overlapping pair is pushed apart along the axis that needs the smaller move (half each),
    then each box is pulled back inside the axes; repeated until nothing moves. Returns True
    when the rendered labels are clear of each other and inside the axes."""
    if not texts:
        return True
    ax.apply_aspect()  # the axes' final box (an equal-aspect axes shrinks only when drawn)
    renderer = ax.figure.canvas.get_renderer()
    frame = ax.get_window_extent(renderer)
    boxes = np.array([t.get_window_extent(renderer).extents for t in texts])
    half = np.column_stack([(boxes[:, 2] - boxes[:, 0]) / 2, (boxes[:, 3] - boxes[:, 1]) / 2])
    start = np.column_stack([(boxes[:, 0] + boxes[:, 2]) / 2, (boxes[:, 1] + boxes[:, 3]) / 2])
    centers = start.copy()
    lo = np.column_stack([frame.x0 + half[:, 0] + pad, frame.y0 + half[:, 1] + pad])
    hi = np.column_stack([frame.x1 - half[:, 0] - pad, frame.y1 - half[:, 1] - pad])
    i_idx, j_idx = np.triu_indices(len(texts), 1)
    for step in range(iterations):
        centers = np.clip(centers, lo, hi)
        d = centers[i_idx] - centers[j_idx]
        ox = half[i_idx, 0] + half[j_idx, 0] + pad - np.abs(d[:, 0])
        oy = half[i_idx, 1] + half[j_idx, 1] + pad - np.abs(d[:, 1])
        clash = (ox > 0) & (oy > 0)
        if not clash.any():
            break
        # a tie (same centre) is broken by the pair's order, so the result is deterministic
        sx = np.where(d[:, 0] >= 0, 1.0, -1.0)
        sy = np.where(d[:, 1] >= 0, 1.0, -1.0)
        along_x = clash & (ox * 0.8 < oy)  # labels are wide: prefer moving up/down a little less
        along_y = clash & ~along_x
        moves = np.zeros_like(centers)
        push = np.zeros((len(i_idx), 2))
        push[along_x, 0] = (ox[along_x] / 2 + 0.3) * sx[along_x]
        push[along_y, 1] = (oy[along_y] / 2 + 0.3) * sy[along_y]
        np.add.at(moves, i_idx, push)
        np.add.at(moves, j_idx, -push)
        centers = centers + moves * (0.6 if step > 200 else 1.0)
    centers = np.clip(centers, lo, hi)
    to_data = ax.transData.inverted()
    for t, c, c0 in zip(texts, centers, start):
        x, y = t.get_position()
        dx, dy = to_data.transform(c) - to_data.transform(c0)
        t.set_position((x + dx, y + dy))
    return not labels_overlap(ax, texts) and not labels_outside(ax, texts)


def labels_overlap(ax, texts: list) -> list[tuple[str, str]]:
    """Pairs of labels whose rendered boxes overlap (empty when the labels are clear)."""
    renderer = ax.figure.canvas.get_renderer()
    boxes = [t.get_window_extent(renderer) for t in texts]
    return [(texts[i].get_text(), texts[j].get_text()) for i, j in combinations(range(len(texts)), 2) if boxes[i].overlaps(boxes[j])]


def labels_outside(ax, texts: list) -> list[str]:
    """Labels whose rendered box is not wholly inside the axes."""
    renderer = ax.figure.canvas.get_renderer()
    frame = ax.get_window_extent(renderer)
    out = []
    for t in texts:
        b = t.get_window_extent(renderer)
        if b.x0 < frame.x0 - 0.5 or b.x1 > frame.x1 + 0.5 or b.y0 < frame.y0 - 0.5 or b.y1 > frame.y1 + 0.5:
            out.append(t.get_text())
    return out


def draw_network(ax, nodes: pd.DataFrame, edges: pd.DataFrame, sizes=None, colors=None, labelled=None, fontsize: float = 10, labels=None,
                 edge_color="#9a9a9a", place: bool = True) -> list:
    """Draw ``nodes`` (term, x, y, community …) and ``edges`` (source, target, jaccard, tree) on
    ``ax``: edges as lines (width by Jaccard; tree-only edges dashed), nodes as circles (area
    from ``sizes``, default by count; colour by community), a label for each term in
    ``labelled`` (default all; ``labels`` maps a term to the text shown). Returns the label
    artists, after :func:`place_labels` has moved them clear of each other and of the edges of
    the axes (``place=False``: not yet, for a figure whose layout is still to change). The node positions and labels are stored on the artists with gid ``nodes``,
    ``edges``, ``label:<term>`` so a test can read back what was drawn."""
    from matplotlib.collections import LineCollection

    ax.set_xlim(-1.12, 1.12)
    ax.set_ylim(-1.12, 1.12)
    ax.set_aspect("equal", adjustable="box")
    ax.set_xticks([])
    ax.set_yticks([])
    for spine in ax.spines.values():
        spine.set_visible(False)
    where = {r.term: (r.x, r.y) for r in nodes.itertuples()}
    if len(edges):
        segments = [[where[r.source], where[r.target]] for r in edges.itertuples()]
        weights = edges["jaccard"].to_numpy(dtype=float)
        widths = 0.6 + 3.4 * weights / max(weights.max(), 1e-9)
        styles = ["solid" if top else (0, (3, 2)) for top in edges.get("top", pd.Series(True, index=edges.index))]
        lines = LineCollection(segments, linewidths=widths, colors=edge_color, linestyles=styles, alpha=0.75, zorder=1)
        lines.set_gid("edges")
        ax.add_collection(lines)
    sizes = node_sizes(nodes["count"]) if sizes is None else np.asarray(sizes, dtype=float)
    if colors is None:
        colors = [NODE_COLORS[int(c) % len(NODE_COLORS)] for c in nodes["community"]]
    dots = ax.scatter(nodes["x"], nodes["y"], s=sizes, c=colors, edgecolors="white", linewidths=0.8, zorder=2)
    dots.set_gid("nodes")
    show = set(nodes["term"] if labelled is None else labelled)
    texts = []
    for r in nodes.itertuples():
        if r.term in show:
            t = ax.text(r.x, r.y, (labels or {}).get(r.term, r.term), ha="center", va="center", fontsize=fontsize, zorder=3,
                        color="#1a1a1a", bbox={"boxstyle": "round,pad=0.12", "fc": "white", "ec": "none", "alpha": 0.7})
            t.set_gid(f"label:{r.term}")
            texts.append(t)
    if place:
        place_labels(ax, texts)
    return texts


def label_positions(texts: list) -> dict:
    """term → (x, y) of each label after placement, from the artists' gids."""
    return {t.get_gid().split(":", 1)[1]: tuple(map(float, t.get_position())) for t in texts}


def network_figure(graph: nx.Graph, pos: dict, title: str, labels=None, size=(10, 9)):
    """The whole article's network on one figure. Returns (figure, nodes table, edges table);
    the nodes table carries the placed label positions (label_x, label_y)."""
    nodes, edges = node_table(graph, pos), edge_table(graph)
    fig, ax = plt.subplots(figsize=size)
    if nodes.empty:
        plots._empty(ax, "（无共现：词太少）")
        ax.set_title(title, loc="left")
        return fig, nodes.assign(label_x=[], label_y=[]), edges
    texts = draw_network(ax, nodes, edges, labels=labels, fontsize=10.5)
    ax.set_title(title, loc="left", fontsize=13)
    placed = label_positions(texts)
    nodes["label_x"] = [round(placed[t][0], 4) for t in nodes["term"]]
    nodes["label_y"] = [round(placed[t][1], 4) for t in nodes["term"]]
    n_comm = nodes["community"].nunique()
    ax.text(0, -0.01, f"{len(nodes)} terms (circle area ∝ frequency), {len(edges)} edges (width ∝ Jaccard; dashed: spanning tree only), "
            f"{n_comm} communities (colour, Louvain)", transform=ax.transAxes, fontsize=8.5, color="#555", va="top")
    return fig, nodes, edges


def district_tokens(tokens: pd.DataFrame, quotes: pd.DataFrame) -> pd.Series:
    """Each token's district (from the official's quote it is in), NaN elsewhere."""
    from helpers.measures import district_labels

    return district_labels(tokens, quotes)


def district_networks(tokens: pd.DataFrame, quotes: pd.DataFrame, graph: nx.Graph, pos: dict) -> tuple[pd.DataFrame, pd.DataFrame]:
    """For each district, the article's network restricted to what its officials said: node
    counts within the district's quotes and the article's edges whose two terms share one of the
    district's sentences. Long tables (district, term, count, x, y, community) and (district,
    source, target, cooccurrences, jaccard), districts in article order."""
    labels = district_tokens(tokens, quotes)
    sent = sentence_ids(tokens)
    nodes_all = node_table(graph, pos)
    edges_all = edge_table(graph)
    node_rows, edge_rows = [], []
    for district in pd.unique(labels.dropna()):
        mask = (labels == district) & tokens["content"]
        words = tokens.loc[mask, "word"]
        counts = words.value_counts()
        sets = pd.Series(sent[mask].to_numpy(), index=words.index).groupby(words).agg(lambda s: frozenset(s))
        part = nodes_all.assign(district=district, count=[int(counts.get(t, 0)) for t in nodes_all["term"]])
        node_rows.append(part[["district", "term", "count", "x", "y", "community"]])
        for r in edges_all.itertuples():
            if r.source in sets and r.target in sets:
                both = len(sets[r.source] & sets[r.target])
                if both:
                    edge_rows.append((district, r.source, r.target, both, r.jaccard))
    nodes = pd.concat(node_rows, ignore_index=True) if node_rows else pd.DataFrame(columns=["district", "term", "count", "x", "y", "community"])
    edges = pd.DataFrame(edge_rows, columns=["district", "source", "target", "cooccurrences", "jaccard"])
    return nodes, edges


def district_figure(nodes: pd.DataFrame, edges: pd.DataFrame, title: str, ncols: int = 3, labels=None, context: pd.DataFrame | None = None):
    """Small multiples: one panel per district on the article's layout; the district's terms in
    colour (area by its own count) and labelled, the rest of the network (``context``: the
    article's edges) in faint grey. Returns (figure, nodes table with label_x/label_y for the
    labelled terms)."""
    from matplotlib.collections import LineCollection

    districts = list(pd.unique(nodes["district"]))
    if not districts:
        fig, ax = plt.subplots(figsize=(7, 2.5))
        plots._empty(ax, "（无区县引语）")
        ax.set_title(title, loc="left")
        return fig, nodes.assign(label_x=[], label_y=[])
    ncols = min(ncols, len(districts))
    nrows = int(np.ceil(len(districts) / ncols))
    fig, axes = plt.subplots(nrows, ncols, figsize=(4.6 * ncols, 4.9 * nrows), squeeze=False)
    top = max(int(nodes["count"].max()), 1)
    placed_all = {}
    for i, district in enumerate(districts):
        ax = axes[i // ncols][i % ncols]
        part = nodes[nodes["district"] == district].reset_index(drop=True)
        used = part["count"] > 0
        sizes = np.where(used, 25 + 400 * part["count"] / top, 12)
        colors = [NODE_COLORS[int(c) % len(NODE_COLORS)] if u else "#cfcfcf" for c, u in zip(part["community"], used)]
        if context is not None and len(context):
            where = {r.term: (r.x, r.y) for r in part.itertuples()}
            faint = LineCollection([[where[r.source], where[r.target]] for r in context.itertuples()], linewidths=0.6, colors="#e4e4e4", zorder=0)
            faint.set_gid("context")
            ax.add_collection(faint)
        draw_network(ax, part, edges[edges["district"] == district], sizes=sizes, colors=colors, labelled=part.loc[used, "term"],
                     fontsize=8.5, labels=labels, edge_color="#6f6f6f", place=False)
        ax.set_title(f"{district} · {int(used.sum())} of the {len(part)} terms, {int(part['count'].sum())} uses", fontsize=11, loc="left")
    for j in range(len(districts), nrows * ncols):
        axes[j // ncols][j % ncols].axis("off")
    fig.suptitle(title, x=0.01, ha="left", fontsize=14)
    fig.tight_layout(rect=(0, 0, 1, 1 - 0.5 / fig.get_size_inches()[1]))
    for i, district in enumerate(districts):  # labels placed in the panels' final frames
        ax = axes[i // ncols][i % ncols]
        texts = [t for t in ax.texts if (t.get_gid() or "").startswith("label:")]
        place_labels(ax, texts)
        placed_all.update({(district, k): v for k, v in label_positions(texts).items()})
    out = nodes.copy()
    out["label_x"] = [round(placed_all[(d, t)][0], 4) if (d, t) in placed_all else np.nan for d, t in zip(out["district"], out["term"])]
    out["label_y"] = [round(placed_all[(d, t)][1], 4) if (d, t) in placed_all else np.nan for d, t in zip(out["district"], out["term"])]
    return fig, out


def save_network(fig, nodes: pd.DataFrame, edges: pd.DataFrame, out_dir, number: int, slug: str, show: bool = True) -> dict:
    """``figNN-slug.{png,svg,csv}`` (the CSV: the nodes drawn) and ``figNN-slug-edges.csv``."""
    paths = plots.save_figure(fig, nodes, out_dir, number, slug, show=show)
    paths["edges"] = Path(out_dir) / f"fig{number:02d}-{slug}-edges.csv"
    edges.to_csv(paths["edges"], index=False, encoding="utf-8-sig")
    return paths


def figures_for(analysis, out_dir, number: int = 20, n_terms: int = 60, n_edges: int = 60, labels=None, show: bool = True) -> list[Path]:
    """The vocabulary notebook's network: build, draw and save ``figNN-network`` for one
    :class:`~helpers.pipeline.Analysis`. Returns the paths written (PNG, SVG, nodes CSV, edges CSV)."""
    graph = build_network(analysis.tokens, n_terms, n_edges)
    pos = layout(graph)
    shown = graph.number_of_nodes()
    title = f"Co-occurrence network: terms said in the same sentence ({f'top {shown} terms used ≥2×' if shown else 'no two terms used ≥2× share a sentence'})"
    fig, nodes, edges = network_figure(graph, pos, title, labels=labels)
    return list(save_network(fig, nodes, edges, out_dir, number, "network", show=show).values())


def district_figures_for(analysis, out_dir, number: int = 21, n_terms: int = 60, n_edges: int = 60, labels=None, show: bool = True) -> list[Path]:
    """The districts notebook's small multiples: the article's network, one panel per district
    on the same layout, saved as ``figNN-network-districts``. Returns the paths written."""
    graph = build_network(analysis.tokens, n_terms, n_edges)
    pos = layout(graph)
    nodes, edges = district_networks(analysis.tokens, analysis.quotes, graph, pos)
    title = "What each district says together: the article's co-occurrence network, terms each district used in colour"
    fig, nodes = district_figure(nodes, edges, title, labels=labels, context=edge_table(graph))
    return list(save_network(fig, nodes, edges, out_dir, number, "network-districts", show=show).values())
