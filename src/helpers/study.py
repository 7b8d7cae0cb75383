"""What the notebooks share: which article, where its figures go, loading it once, and the
guard that turns a missing-glyph warning into an error."""
from __future__ import annotations

import warnings
from pathlib import Path

from helpers.errors import InputError
from helpers.paths import FIGURES_DIR, SEEDS_DIR, seed_files


def strict_glyphs():
    """Make matplotlib's "Glyph … missing from font" warning an error: a figure with empty
    boxes instead of Chinese must never be written."""
    warnings.filterwarnings("error", message=r".*[Gg]lyph .* missing from", category=UserWarning)


def resolve_seed(seed=None) -> Path:
    """The article to study: ``seed`` if given, else the first file in seeds/."""
    if seed:
        return Path(seed)
    files = seed_files()
    if not files:
        raise InputError(f"{SEEDS_DIR}: no article files. Put a .txt article there or set SEED in the parameters cell.")
    return files[0]


def resolve_seeds(seeds=None) -> list[Path]:
    """The articles of a corpus: ``seeds`` if given, else every file in seeds/."""
    return [Path(s) for s in seeds] if seeds else seed_files()


def output_dir(safe_name: str, out_dir=None) -> Path:
    """Where this article's figures go: ``out_dir`` if given, else figures/<article>/."""
    out = Path(out_dir) if out_dir else FIGURES_DIR / safe_name
    out.mkdir(parents=True, exist_ok=True)
    return out


def md_list(items) -> str:
    """A markdown bullet list."""
    return "\n".join(f"- {item}" for item in items)


def setup(seed=None, out_dir=None):
    """The set-up every article notebook shares, in one call: the missing-glyph guard, pandas
    display options, the article (``seed`` or the first file in seeds/; input, never modified),
    its analysis loaded from the cache, and its figures folder (``out_dir`` or figures/<article>/).
    Returns ``(analysis, out)``.

    >>> an, out = setup("seeds/000_10887d3b92d999db.txt")  # doctest: +SKIP
    article: seeds/000_10887d3b92d999db.txt
    figures: figures/000_10887d3b92d999db"""
    import pandas as pd

    from helpers.pipeline import load_analysis

    strict_glyphs()
    pd.set_option("display.max_colwidth", 60)
    path = resolve_seed(seed)
    an = load_analysis(path)
    out = output_dir(an.article.safe_name, out_dir)
    print(f"article: {path}\nfigures: {out}")
    return an, out


def setup_corpus(seeds=None, out_dir=None, workers: int = 1):
    """The corpus notebook's set-up: the guard, the articles (``seeds`` or every file in seeds/),
    the corpus (``helpers.corpus.load_corpus``, with a progress bar) and its figures folder
    (``out_dir`` or figures/corpus/). Returns ``(corpus, out)``."""
    from helpers.corpus import load_corpus

    strict_glyphs()
    paths = resolve_seeds(seeds)
    out = output_dir("corpus", out_dir)
    corpus = load_corpus(paths, workers=workers)
    print(f"{len(corpus.names)} articles, {len(corpus.skipped)} skipped\nfigures: {out}")
    return corpus, out


def outputs(out, prefixes) -> str:
    """A markdown list of the files in ``out`` whose names start with one of ``prefixes``
    (``["fig01", "tab01"]``), for a notebook's Output section."""
    return md_list(f"`{p.name}`" for p in sorted(Path(out).glob("*")) if p.is_file() and p.name.startswith(tuple(prefixes)))


def voice_chart(voice, title: str, xlabel: str = "characters quoted"):
    """The share-of-voice bar chart: districts in the palette's first colour, the groups shown
    apart (no district, citations of documents) muted. ``voice`` is ``measures.share_of_voice``."""
    from helpers import measures as M, plots

    colors = M.voice_colors(voice["group"], plots.PALETTE[0], plots.MUTED)[::-1]  # barh draws the last row first
    return plots.barh(voice, "group", "characters", title, xlabel, color=colors)
