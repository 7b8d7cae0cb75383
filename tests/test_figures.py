"""Fonts and figure files: Chinese renders with the shipped font, PDF export embeds TrueType,
a missing glyph is an error under the notebooks' guard, and a user may choose another font."""
import subprocess
import sys
import warnings

import matplotlib.pyplot as plt
import pandas as pd
import pytest

from helpers import plots, study
from helpers.fonts import FONT_ENV, font_path


def test_font_ships_in_a_pip_package():
    path = font_path()
    assert path.name == "NotoSansSC-Regular.ttf" and "zhplot" in str(path)
    assert path.read_bytes()[:4] == b"\x00\x01\x00\x00"  # TrueType outlines
    assert "Noto Sans SC" in plt.rcParams["font.sans-serif"][0]


def test_chinese_renders_without_glyph_warnings(tmp_path):
    df = pd.DataFrame({"term": ["实体经济", "乡村振兴", "急难愁盼"], "count": [12, 7, 2]})
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        fig = plots.barh(df, "term", "count", "测试：高频词（N=21）", "次数")
        paths = plots.save_figure(fig, df, tmp_path, 1, "test", show=False)
    assert pd.read_csv(paths["csv"], encoding="utf-8-sig").equals(df)
    assert paths["png"].stat().st_size > 5000 and "<svg" in paths["svg"].read_text()


def test_pdf_export_embeds_truetype(tmp_path):
    fig, ax = plt.subplots()
    ax.set_title("党的二十大报告")
    fig.savefig(tmp_path / "x.pdf")
    plt.close(fig)
    pdf = (tmp_path / "x.pdf").read_bytes()
    assert b"/FontFile2" in pdf  # TrueType (fonttype 42), not Type 3
    assert b"NotoSansSC" in pdf


def test_missing_glyph_is_an_error_under_the_guard():
    with warnings.catch_warnings():
        study.strict_glyphs()
        fig, ax = plt.subplots()
        ax.set_title("\ue000")  # a private-use character no font has
        with pytest.raises(UserWarning, match="missing from"):
            fig.canvas.draw()
        plt.close(fig)


def test_user_can_choose_the_font(tmp_path):
    code = "from helpers.fonts import font_path; print(font_path())"
    env_ok = {**__import__("os").environ, FONT_ENV: str(font_path())}
    r = subprocess.run([sys.executable, "-c", code], env=env_ok, capture_output=True, text=True)
    assert r.returncode == 0 and r.stdout.strip() == str(font_path())
    env_bad = {**env_ok, FONT_ENV: str(tmp_path / "nope.ttf")}
    r = subprocess.run([sys.executable, "-c", code], env=env_bad, capture_output=True, text=True)
    assert r.returncode != 0 and "no such font file" in r.stderr


def test_no_matplotlib_config_written(tmp_path):
    """Importing the plots sets the font in the process only: nothing but matplotlib's own font
    cache appears in a fresh config folder (no matplotlibrc, no style file), and the font is set."""
    mpl = tmp_path / "mpl"
    mpl.mkdir()
    env = {**__import__("os").environ, "MPLCONFIGDIR": str(mpl)}
    code = "import helpers.plots, matplotlib.pyplot as plt; print(plt.rcParams['font.sans-serif'][0])"
    r = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True)
    assert "Noto Sans SC" in r.stdout
    written = {p.name for p in mpl.rglob("*") if p.is_file()}
    assert all(name.startswith("fontlist-") and name.endswith(".json") for name in written), written


def test_wordcloud_uses_the_shipped_font(seed_analysis):
    from fontTools.ttLib import TTFont

    from helpers import measures as M

    an = seed_analysis
    terms = M.top_terms(an.tokens, 120)
    fig, wc = plots.wordcloud_figure(dict(zip(terms["term"], terms["count"])), "t")
    assert wc.font_path == str(font_path()) and font_path().name == "NotoSansSC-Regular.ttf"
    cmap = TTFont(str(font_path()))["cmap"].getBestCmap()
    assert all(ord(ch) in cmap for term in terms["term"] for ch in term)
    assert len(wc.layout_) == len(terms)  # every word found a place
    assert wc.to_array().shape == (880, 1600, 3)
    plt.close(fig)


def _bars():
    df = pd.DataFrame({"term": ["实体经济", "乡村振兴", "急难愁盼"], "count": [12, 7, 2]})
    fig = plots.barh(df, "term", "count", "测试：高频词（N=21）", "次数")
    fig.tight_layout()  # leaves the inert layout engine behind, as most plot helpers do
    return fig, df


def _pixels(path):
    import numpy as np
    from PIL import Image

    return np.asarray(Image.open(path).convert("RGB")).astype(int)


def test_saved_png_is_a_plain_tight_savefig_drawn_once(tmp_path):
    """save_figure draws the figure once for the PNG and measures the box both formats crop to on
    that draw: the PNG has the size of matplotlib's own ``savefig(bbox_inches="tight")`` and
    its picture, up to half a pixel's shift; it is RGB with the report's dpi; the SVG crops to
    the same box."""
    import re

    from PIL import Image

    fig, df = _bars()
    fig.savefig(tmp_path / "plain.png", dpi=plots.DPI, bbox_inches="tight", facecolor="white")
    paths = plots.save_figure(fig, df, tmp_path, 1, "test", show=False)
    ours, plain = _pixels(paths["png"]), _pixels(tmp_path / "plain.png")
    assert ours.shape == plain.shape
    assert abs(ours - plain).mean() < 6  # the same picture (a different one differs by ~30 here)
    image = Image.open(paths["png"])
    assert image.mode == "RGB" and image.info["dpi"] == pytest.approx((plots.DPI, plots.DPI), abs=0.01)
    width_pt = float(re.search(r'<svg[^>]* width="([\d.]+)pt"', paths["svg"].read_text()).group(1))
    assert width_pt == pytest.approx(image.width / plots.DPI * 72, abs=0.5)


def test_what_is_drawn_past_the_figure_edge_is_kept(tmp_path):
    """A title wider than the figure: the pixels come from savefig's own shifted draw, exactly."""
    df = pd.DataFrame({"term": ["实体经济", "乡村振兴"], "count": [3, 1]})
    fig = plots.barh(df, "term", "count", "一个比图还宽得多的标题：" * 6, "次数")
    fig.savefig(tmp_path / "plain.png", dpi=plots.DPI, bbox_inches="tight", facecolor="white")
    paths = plots.save_figure(fig, df, tmp_path, 1, "wide", show=False)
    ours, plain = _pixels(paths["png"]), _pixels(tmp_path / "plain.png")
    assert ours.shape == plain.shape and ours.shape[1] > 7 * plots.DPI and (ours == plain).all()


def test_a_different_figure_is_not_taken_for_the_same(tmp_path):
    fig, df = _bars()
    fig.savefig(tmp_path / "plain.png", dpi=plots.DPI, bbox_inches="tight", facecolor="white")
    other = plots.barh(df.assign(count=[2, 12, 7]), "term", "count", "测试：高频词（N=21）", "次数")
    other.tight_layout()
    paths = plots.save_figure(other, df, tmp_path, 1, "other", show=False)
    ours, plain = _pixels(paths["png"]), _pixels(tmp_path / "plain.png")
    assert ours.shape != plain.shape or abs(ours - plain).mean() > 6
    plt.close(fig)


def test_a_figure_with_a_layout_engine_is_still_laid_out_by_it(tmp_path):
    from PIL import Image

    df = pd.DataFrame({"term": ["实体经济", "乡村振兴"], "count": [3, 1]})
    fig, ax = plt.subplots(figsize=(4, 3), layout="constrained")
    plots.barh(df, "term", "count", "约束布局", "次数", ax=ax)
    paths = plots.save_figure(fig, df, tmp_path, 2, "constrained", show=False)
    assert Image.open(paths["png"]).size[0] > 300 and "<svg" in paths["svg"].read_text()


def test_heatmap_cells_are_vector_rectangles_row_zero_on_top():
    table = pd.DataFrame([[1, 0, 3], [4, 5, 0]], index=["黄岛区", "城阳区"], columns=["甲", "乙", "丙"])
    fig = plots.heatmap(table, "t", "c")
    ax = fig.axes[0]
    assert not ax.images  # no bitmap: crisp in SVG, cheap to save
    mesh = ax.collections[0]
    assert mesh.get_array().reshape(2, 3).tolist() == [[1, 0, 3], [4, 5, 0]]
    assert ax.get_ylim() == (1.5, -0.5) and ax.get_xlim() == (-0.5, 2.5)
    assert [t.get_text() for t in ax.get_yticklabels()] == ["黄岛区", "城阳区"]
    plt.close(fig)


def test_the_figure_keeps_its_canvas_dpi_and_colour(tmp_path):
    from matplotlib.backends.backend_svg import FigureCanvasSVG

    fig, df = _bars()
    canvas = FigureCanvasSVG(fig)  # not an Agg canvas: the PNG is drawn on one of its own
    fig.set_facecolor("#eeeeee")
    image, box = plots._draw_once(fig)
    assert fig.canvas is canvas and fig.dpi == 100 and fig.get_facecolor()[:3] == pytest.approx((0.933, 0.933, 0.933), abs=0.01)
    assert image.mode == "RGB" and image.getpixel((0, 0)) == (255, 255, 255)  # drawn on white, as savefig(facecolor="white")
    assert image.size == (int(box.width * plots.DPI + 1e-8), int(box.height * plots.DPI + 1e-8))
    paths = plots.save_figure(fig, df, tmp_path, 3, "svg-canvas", show=False)
    assert _pixels(paths["png"]).shape[:2] == (image.height, image.width)


def test_the_cut_pads_past_the_figure_edge_with_white():
    import numpy as np
    from matplotlib.transforms import Bbox

    red = np.zeros((40, 60, 4), dtype=np.uint8)
    red[..., 0] = red[..., 3] = 255  # an opaque red figure of 60 × 40 pixels
    d = plots.DPI
    image = plots._cut(memoryview(red), Bbox([[-5 / d, 10 / d], [20 / d, 40 / d]]))  # 5 px past the left edge
    assert image.mode == "RGB" and image.size == (25, 30)
    assert image.getpixel((0, 0)) == (255, 255, 255) and image.getpixel((4, 29)) == (255, 255, 255)
    assert image.getpixel((5, 0)) == (255, 0, 0) and image.getpixel((24, 29)) == (255, 0, 0)
    red[0, 0, 3] = 128  # one see-through pixel: the alpha channel is kept
    assert plots._cut(memoryview(red), Bbox([[0, 0], [60 / d, 40 / d]])).mode == "RGBA"
