"""The corpus-level DataFrame: all quotes of all seeds, unusable files skipped and listed."""
from helpers.corpus import load_corpus

from conftest import ARTICLES, SEED


def test_corpus_tables(tmp_path, capsys):
    bad = tmp_path / "empty.txt"
    bad.write_bytes(b"")
    paths = [SEED, *sorted(ARTICLES.glob("*.txt")), bad]
    corpus = load_corpus(paths, progress=True)
    assert len(corpus.analyses) == len(paths) - 1
    assert len(corpus.skipped) == 1 and "empty" in corpus.skipped[0]
    assert list(dict.fromkeys(corpus.quotes["article"])) == [p.stem for p in paths[:-1]]
    per = corpus.quotes.groupby("article")["quote_id"].agg(["min", "max", "size"])
    assert (per["min"] == 0).all() and (per["max"] == per["size"] - 1).all()
    assert "articles" in capsys.readouterr().err  # the progress bar


def test_two_workers_give_the_same_corpus(tmp_path):
    paths = [SEED, *sorted(ARTICLES.glob("*.txt"))[:5]]
    one, two = load_corpus(paths, progress=False), load_corpus(paths, progress=False, workers=2)
    assert one.quotes.equals(two.quotes) and one.counts.equals(two.counts) and one.articles.equals(two.articles)
    # the counts are the content tokens, aggregated
    tokens = one.tokens
    per = tokens[tokens["content"]].groupby("article").size()
    assert one.counts.groupby("article", observed=True)["count"].sum().to_dict() == per.to_dict()


def test_distinctive_terms_from_counts_match_tokens():
    from helpers import measures as M

    corpus = load_corpus([SEED, *sorted(ARTICLES.glob("*.txt"))[:3]], progress=False)
    tokens = corpus.tokens
    want = M.distinctive_terms(tokens, tokens["article"], 8, 2)
    got = M.distinctive_from_counts(corpus.counts.rename(columns={"article": "group"}), 8, 2)
    assert got.astype({"group": str, "term": str}).equals(want.reset_index(drop=True))


def test_dask_on_a_local_cluster():
    """A distributed LocalCluster stands in for a cluster: same corpus as in-process."""
    distributed = __import__("pytest").importorskip("distributed")
    from helpers.corpus import load_corpus_dask

    paths = [SEED, *sorted(ARTICLES.glob("*.txt"))[:3]]
    with distributed.LocalCluster(n_workers=1, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        corpus = load_corpus_dask(paths, scheduler=cluster.scheduler_address)
    local = load_corpus(paths, progress=False)
    assert corpus.quotes.equals(local.quotes) and corpus.counts.equals(local.counts)
