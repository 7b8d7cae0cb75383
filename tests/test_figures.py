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
    env = {**__import__("os").environ, "MPLCONFIGDIR": str(tmp_path / "mpl")}
    (tmp_path / "mpl").mkdir()
    subprocess.run([sys.executable, "-c", "import helpers.plots"], env=env, check=True)
    assert not list((tmp_path / "mpl").glob("matplotlibrc"))
