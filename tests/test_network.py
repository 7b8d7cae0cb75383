"""Co-occurrence network: Jaccard weights, the spanning tree keeps it whole, seeded communities,
and a figure whose CSV is exactly what was drawn, with labels inside the axes and apart."""
import numpy as np
import networkx as nx
import pandas as pd
import pytest

from helpers import network as N, study
from helpers.pipeline import analyze

from conftest import ARTICLES, SEED

study.strict_glyphs()


@pytest.fixture(scope="module")
def seed():
    return analyze(SEED)


def _tokens(sentences):
    """A tiny tokens table: one paragraph, the given sentences of words, each ending in 。."""
    rows = []
    for words in sentences:
        for w in [*words, "。"]:
            rows.append({"word": w, "paragraph": 0, "content": w != "。"})
    return pd.DataFrame(rows)


def test_jaccard_counts_sentences():
    tokens = _tokens([["实体经济", "产业"], ["实体经济", "人才"], ["实体经济", "产业", "人才"], ["产业", "园区"]])
    nodes, pairs = N.cooccurrence(tokens, min_count=1)
    pair = pairs.apply(lambda r: frozenset((r["source"], r["target"])), axis=1)
    row = pairs[pair == frozenset(("实体经济", "产业"))].iloc[0]
    assert row["cooccurrences"] == 2
    assert row["jaccard"] == pytest.approx(2 / 4)  # 实体经济 in 3 sentences, 产业 in 3, together in 2
    assert nodes.set_index("term").loc["实体经济", "sentences"] == 3


def test_sentences_break_at_end_punctuation_and_paragraphs():
    tokens = pd.DataFrame({"word": ["发展", "。", "人才", "创新", "产业"], "paragraph": [0, 0, 0, 0, 1]})
    assert N.sentence_ids(tokens).tolist() == [0, 0, 1, 1, 2]


def test_graph_is_connected_where_cooccurrence_is_and_seeded(seed):
    g = N.build_network(seed.tokens, n_terms=60, n_edges=20)
    nodes, pairs = N.cooccurrence(seed.tokens, 60)
    full = nx.Graph()
    full.add_edges_from(zip(pairs["source"], pairs["target"]))
    assert nx.number_connected_components(g) == nx.number_connected_components(full)
    assert sum(d["top"] for *_, d in g.edges(data=True)) == 20
    again = N.build_network(seed.tokens, n_terms=60, n_edges=20)
    assert nx.get_node_attributes(g, "community") == nx.get_node_attributes(again, "community")
    assert N.layout(g) == N.layout(again)
    assert len(set(nx.get_node_attributes(g, "community").values())) > 1


def _drawn(ax):
    dots = next(c for c in ax.collections if c.get_gid() == "nodes")
    lines = next((c for c in ax.collections if c.get_gid() == "edges"), None)
    texts = [t for t in ax.texts if (t.get_gid() or "").startswith("label:")]
    return dots, lines, texts


def _segments(lines):
    return {frozenset(map(tuple, np.round(seg, 6))) for seg in lines.get_segments()} if lines is not None else set()


def test_network_csv_matches_the_figure(seed, tmp_path):
    g = N.build_network(seed.tokens)
    fig, nodes, edges = N.network_figure(g, N.layout(g), "t")
    ax = fig.axes[0]
    dots, lines, texts = _drawn(ax)
    paths = N.save_network(fig, nodes, edges, tmp_path, 20, "network", show=False)
    csv = pd.read_csv(paths["csv"], encoding="utf-8-sig")
    csv_edges = pd.read_csv(paths["edges"], encoding="utf-8-sig")
    assert np.allclose(dots.get_offsets(), csv[["x", "y"]].to_numpy())
    assert [t.get_gid()[6:] for t in texts] == csv["term"].tolist()
    assert np.allclose([t.get_position() for t in texts], csv[["label_x", "label_y"]].to_numpy(), atol=1e-4)
    where = {r.term: (round(r.x, 6), round(r.y, 6)) for r in csv.itertuples()}
    assert _segments(lines) == {frozenset((where[r.source], where[r.target])) for r in csv_edges.itertuples()}
    assert len(csv_edges) == g.number_of_edges() and set(csv["term"]) == set(g.nodes)
    assert paths["png"].is_file() and paths["svg"].is_file()


@pytest.mark.parametrize("path", [SEED, ARTICLES / "14_henan_county_economy.txt", ARTICLES / "15_xinhua_two_sessions.txt"])
def test_labels_inside_the_axes_and_apart(path):
    an = analyze(path)
    g = N.build_network(an.tokens)
    fig, nodes, edges = N.network_figure(g, N.layout(g), "t")
    ax = fig.axes[0]
    texts = _drawn(ax)[2]
    assert len(texts) == len(nodes) > 5
    assert N.labels_overlap(ax, texts) == []
    assert N.labels_outside(ax, texts) == []


def test_district_small_multiples_share_one_layout(seed, tmp_path):
    g = N.build_network(seed.tokens)
    pos = N.layout(g)
    nodes, edges = N.district_networks(seed.tokens, seed.quotes, g, pos)
    fig, table = N.district_figure(nodes, edges, "t", context=N.edge_table(g))
    districts = list(pd.unique(table["district"]))
    assert len(districts) == 10
    for ax in fig.axes[:len(districts)]:
        texts = _drawn(ax)[2]
        assert N.labels_overlap(ax, texts) == [] and N.labels_outside(ax, texts) == []
    paths = N.save_network(fig, table, edges, tmp_path, 21, "network-districts", show=False)
    csv = pd.read_csv(paths["csv"], encoding="utf-8-sig")
    csv_edges = pd.read_csv(paths["edges"], encoding="utf-8-sig")
    for ax, district in zip(fig.axes, districts):
        dots, lines, texts = _drawn(ax)
        part = csv[csv["district"] == district]
        assert np.allclose(dots.get_offsets(), part[["x", "y"]].to_numpy())  # the same positions in every panel
        assert np.allclose(dots.get_offsets(), [pos[t] for t in part["term"]])
        assert sorted(t.get_gid()[6:] for t in texts) == sorted(part.loc[part["count"] > 0, "term"])
        where = {r.term: (round(r.x, 6), round(r.y, 6)) for r in part.itertuples()}
        own = csv_edges[csv_edges["district"] == district]
        assert _segments(lines) == {frozenset((where[r.source], where[r.target])) for r in own.itertuples()}
    spoken = seed.quotes[(seed.quotes["kind"] != "report") & (seed.quotes["district"] != "")]
    assert set(districts) == set(spoken["district"])


def test_too_few_terms_gives_an_empty_figure_not_an_error(tmp_path):
    tokens = _tokens([["发展"], ["人才"]])
    g = N.build_network(tokens)
    assert g.number_of_nodes() == 0
    fig, nodes, edges = N.network_figure(g, N.layout(g), "t")
    paths = N.save_network(fig, nodes, edges, tmp_path, 20, "network", show=False)
    assert pd.read_csv(paths["csv"], encoding="utf-8-sig").empty


def test_figures_for_writes_png_svg_and_both_csvs(seed, tmp_path):
    paths = N.figures_for(seed, tmp_path, number=20, show=False)
    assert sorted(p.name for p in paths) == ["fig20-network-edges.csv", "fig20-network.csv", "fig20-network.png", "fig20-network.svg"]
    paths = N.district_figures_for(seed, tmp_path, number=21, show=False)
    assert all(p.is_file() and p.stat().st_size > 0 for p in paths)
