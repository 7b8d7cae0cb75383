"""notebooks/4-discourse.ipynb executed headless on the seed and on an article from another
province: figures 13–16 as PNG + SVG + CSV, tables, the echo page, computed findings, no errors and
no missing glyphs."""
import json

import nbformat
import pandas as pd
import pytest

from helpers import report, targets as T
from helpers.pipeline import analyze

from conftest import ARTICLES, SEED

pytestmark = pytest.mark.notebooks

NOTEBOOK = "4-discourse.ipynb"
FIGURES = ["fig13-formulations-by-district", "fig14-commitments", "fig15-echo-by-district", "fig16-numbers-per-1000"]
ARTICLES_RUN = {"seed": SEED, "henan": ARTICLES / "14_henan_county_economy.txt"}


@pytest.fixture(scope="module")
def runs(tmp_path_factory):
    root = tmp_path_factory.mktemp("discourse")
    return {key: report.run_notebooks([NOTEBOOK], {"SEED": str(path.resolve())}, root / key, say=lambda *a: None)
            for key, path in ARTICLES_RUN.items()}


def _findings(folder) -> str:
    nb = nbformat.read(folder / "notebooks" / NOTEBOOK, as_version=4)
    outs = [o for c in nb.cells if c.cell_type == "code" for o in c.get("outputs", []) if "text/markdown" in o.get("data", {})]
    return outs[0]["data"]["text/markdown"]


@pytest.mark.parametrize("key", sorted(ARTICLES_RUN))
def test_figures_tables_and_page(runs, key):
    folder = runs[key]
    for stem in FIGURES:
        for ext in ("png", "svg", "csv"):
            assert (folder / f"{stem}.{ext}").stat().st_size > 0
        assert (folder / f"{stem}.png").read_bytes()[:4] == b"\x89PNG"
    for tab in ("tab05-formulations", "tab06-targets", "tab07-echo"):
        assert (folder / f"{tab}.csv").is_file()
    assert (folder / "echo.html").read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


@pytest.mark.parametrize("key", sorted(ARTICLES_RUN))
def test_no_errors_no_missing_glyphs(runs, key):
    nb = nbformat.read(runs[key] / "notebooks" / NOTEBOOK, as_version=4)
    for cell in nb.cells:
        for output in cell.get("outputs", []):
            assert output.get("output_type") != "error"
            text = json.dumps(output, ensure_ascii=False)
            assert "Glyph" not in text and "missing from font" not in text


def test_findings_are_computed(runs):
    seed, henan = _findings(runs["seed"]), _findings(runs["henan"])
    assert "一枢纽三高地（刘孺霖）" in seed and "急难愁盼（许洁先、宋小伟）" in seed
    assert "三大主导产业（贾一鸣）" in henan and "刘孺霖" not in henan


def test_csv_holds_the_plotted_numbers(runs):
    per = pd.read_csv(runs["seed"] / "fig16-numbers-per-1000.csv", encoding="utf-8-sig")
    expected = T.numbers_per_1000(analyze(SEED)).sort_values("per_1000", ascending=False, kind="stable")
    assert per["per_1000"].tolist() == expected["per_1000"].tolist()
    points = pd.read_csv(runs["henan"] / "fig14-commitments.csv", encoding="utf-8-sig")
    assert points["text"].tolist() == ["20万人", "60个", "18.6%", "3个", "120公里", "32个", "1.2万人"]
