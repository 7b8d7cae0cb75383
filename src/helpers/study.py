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
