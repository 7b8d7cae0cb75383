"""The Chinese font for every figure, shipped by a pip package (no system font needed).

Noto Sans SC (SIL Open Font License 1.1) as ``NotoSansSC-Regular.ttf`` inside the ``zhplot``
package; the file is used by path and ``zhplot`` is never imported (importing it changes
global settings). A user may point to another font file with the environment variable
``HELPERS_FONT`` or by calling ``use_font(path)``.
"""
from __future__ import annotations

import importlib.util
import os
from functools import lru_cache
from pathlib import Path

FONT_ENV = "HELPERS_FONT"
FONT_FILE = "NotoSansSC-Regular.ttf"


def font_path() -> Path:
    """The font file: ``$HELPERS_FONT`` if set, else Noto Sans SC from the zhplot package."""
    override = os.environ.get(FONT_ENV)
    if override:
        path = Path(override).expanduser()
        if not path.is_file():
            raise FileNotFoundError(f"{FONT_ENV}={override}: no such font file. Point it to a .ttf/.otf file or unset it.")
        return path
    spec = importlib.util.find_spec("zhplot")
    if spec is None or not spec.submodule_search_locations:
        raise FileNotFoundError("The zhplot package (which ships Noto Sans SC) is not installed: pip install -r requirements.txt")
    path = Path(list(spec.submodule_search_locations)[0]) / "fonts" / FONT_FILE
    if not path.is_file():
        raise FileNotFoundError(f"{path} is missing; reinstall zhplot or set {FONT_ENV} to a Chinese font file.")
    return path


@lru_cache(maxsize=4)
def _register(path: str) -> str:
    from matplotlib import font_manager

    font_manager.fontManager.addfont(path)
    return font_manager.FontProperties(fname=path).get_name()


def use_font(path: str | Path | None = None) -> str:
    """Register the font with matplotlib (in this process only; no config file is written) and
    make it the default family, with DejaVu Sans as fallback. Returns the family name."""
    import matplotlib

    name = _register(str(path or font_path()))
    matplotlib.rcParams.update({
        "font.family": "sans-serif",
        "font.sans-serif": [name, "DejaVu Sans"],
        "axes.unicode_minus": False,
        "pdf.fonttype": 42,  # TrueType in PDFs: editable, and renders Chinese
        "ps.fonttype": 42,
        "svg.fonttype": "path",  # SVG text as outlines: renders without the font installed
    })
    return name
