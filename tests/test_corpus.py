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
