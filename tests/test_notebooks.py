"""Every notebook, executed headless by the report command on three representative articles: the
seed (read from seeds/ itself), one from outside Qingdao and a Chinese text with no quotes at all;
then the corpus notebook over the three. Figures, their data, fonts, the corpus comparison,
atomicity, skipping what is unchanged. The quote finder and tokenizer are tested on every test
article without notebooks (test_corpus_quotes.py)."""
import hashlib
import json
import shutil

import nbformat
import pandas as pd
import pytest

from helpers import measures as M, report
from helpers.paths import SEEDS_DIR
from conftest import ARTICLES, SEED

pytestmark = pytest.mark.notebooks

SECOND = ARTICLES / "11_second_study.txt"
FIGURES = ["fig01-top-terms", "fig02-terms-by-pos", "fig03-wordcloud", "fig04-keywords", "fig05-dispersion",
           "fig06-theme-share", "fig07-themes-by-section", "fig08-theme-terms", "fig09-theme-flow",
           "fig10-district-themes", "fig11-distinctive-terms", "fig12-share-of-voice",
           "fig13-formulations-by-district", "fig14-commitments", "fig15-echo-by-district", "fig16-numbers-per-1000",
           "fig20-network", "fig21-network-districts", "fig22-top-terms-en"]


def _digest(folder):
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.iterdir()) if p.is_file()}


@pytest.fixture(scope="module")
def run(tmp_path_factory):
    root = tmp_path_factory.mktemp("report")
    plain = root / "无引语 短文.txt"
    plain.write_text("青岛市今年新建城市公园十二处\n全市绿化覆盖率继续提高，市民休闲空间不断扩大。"
                     "各区市加快推进老旧小区改造和城市更新，完善养老托育服务。\n", encoding="utf-8")
    out = root / "figures"
    before = _digest(SEEDS_DIR)
    second = root / SECOND.name
    shutil.copy(SECOND, second)
    code = report.run_report([SEED, second, plain], out=out, quiet=True)  # the seed straight from seeds/
    return {"out": out, "code": code, "seeds_before": before, "plain": plain}


def test_report_succeeds_and_leaves_seeds_alone(run):
    assert run["code"] == 0
    assert _digest(SEEDS_DIR) == run["seeds_before"]
    assert not [p for p in run["out"].iterdir() if p.name.startswith(".")]  # no staging left behind


ALL = ["000_10887d3b92d999db", SECOND.stem, "无引语_短文"]


@pytest.mark.parametrize("article", ALL)
def test_every_figure_png_svg_csv(run, article):
    folder = run["out"] / article
    for stem in FIGURES:
        for ext in ("png", "svg", "csv"):
            path = folder / f"{stem}.{ext}"
            assert path.is_file() and path.stat().st_size > 0, path
        assert (folder / f"{stem}.png").read_bytes()[:4] == b"\x89PNG"
    for page in ("explorer.html", "echo.html"):  # the offline quote explorer and the echo view
        assert (folder / page).is_file() and (folder / page).stat().st_size > 0, page
    glossary = pd.read_csv(folder / "tab10-glossary.csv", encoding="utf-8-sig")  # 6-explorer's glossary
    assert list(glossary.columns) == ["term", "pinyin", "gloss", "source"] and len(glossary)
    for nb in report.ARTICLE_NOTEBOOKS:
        assert (folder / "notebooks" / nb).is_file()
        assert (folder / "notebooks" / nb.replace(".ipynb", ".html")).is_file()


@pytest.mark.parametrize("article", ALL)
def test_no_glyph_warnings_and_no_errors(run, article):
    for name in report.ARTICLE_NOTEBOOKS:
        nb = nbformat.read(run["out"] / article / "notebooks" / name, as_version=4)
        for cell in nb.cells:
            for output in cell.get("outputs", []):
                assert output.get("output_type") != "error"
                text = json.dumps(output, ensure_ascii=False)
                assert "Glyph" not in text and "missing from font" not in text


def test_csv_holds_the_plotted_numbers(run, seed_analysis):
    an = seed_analysis
    folder = run["out"] / "000_10887d3b92d999db"
    top = pd.read_csv(folder / "fig01-top-terms.csv", encoding="utf-8-sig")
    expected = M.top_terms(an.tokens, 20)
    assert top["term"].tolist() == expected["term"].tolist()
    assert top["count"].tolist() == expected["count"].tolist()
    voice = pd.read_csv(folder / "fig12-share-of-voice.csv", encoding="utf-8-sig")
    assert voice.set_index("group")["characters"].to_dict() == M.share_of_voice(an.quotes).set_index("group")["characters"].to_dict()
    heat = pd.read_csv(folder / "fig10-district-themes.csv", encoding="utf-8-sig", index_col=0)
    assert len(heat) == 11 and set(heat.index) >= {"黄岛区", "莱西市", M.REPORTS}
    assert (heat.sum(axis=1).round(0) == 100).all()


def test_findings_are_computed(run):
    """The findings cell of each notebook is an output (from the data), and differs by article."""
    def findings(article, name):
        nb = nbformat.read(run["out"] / article / "notebooks" / name, as_version=4)
        outs = [o for c in nb.cells if c.cell_type == "code" for o in c.get("outputs", []) if "text/markdown" in o.get("data", {})]
        return outs[0]["data"]["text/markdown"]
    seed, second = findings("000_10887d3b92d999db", "3-districts.ipynb"), findings("11_second_study", "3-districts.ipynb")
    assert "黄岛区" in seed and "历下区" in second and seed != second
    assert "no attributed quotes" in findings("无引语_短文", "3-districts.ipynb")


def test_corpus_figures(run):
    folder = run["out"] / "corpus"
    for stem in ["fig01-distinctive-terms-by-article", "fig02-themes-by-article", "fig03-districts-by-article"]:
        for ext in ("png", "svg", "csv"):
            assert (folder / f"{stem}.{ext}").is_file()
    themes = pd.read_csv(folder / "fig02-themes-by-article.csv", encoding="utf-8-sig", index_col=0)
    assert len(themes) == len(ALL) and "无引语 短文" in themes.index
    quotes = pd.read_csv(folder / "tab02-corpus-quotes.csv", encoding="utf-8-sig")
    assert set(quotes["article"]) == set(ALL[:-1])
    districts = pd.read_csv(folder / "fig03-districts-by-article.csv", encoding="utf-8-sig", index_col=0)
    spoken = quotes[quotes["kind"] != "report"]
    # every district quoted is a row; its characters per article are the quotes' lengths
    for district, g in spoken[spoken["district"] != ""].groupby("district"):
        for article, chars in g.groupby("article")["text"].apply(lambda t: t.str.len().sum()).items():
            assert districts.loc[district, article] == chars
    assert "黄岛区" in districts.index and "历下区" in districts.index


def test_notebooks_show_the_final_folder_and_wrap_code(run):
    for article in ALL:
        folder = run["out"] / article / "notebooks"
        for name in report.ARTICLE_NOTEBOOKS:
            text = (folder / name).read_text(encoding="utf-8")
            html = (folder / name.replace(".ipynb", ".html")).read_text(encoding="utf-8")
            assert ".staging-" not in text and ".staging-" not in html
            assert str(run["out"] / article) in text
            assert "white-space: pre-wrap" in html


def test_rerun_skips_what_is_unchanged(run, capsys):
    second = run["plain"].parent / SECOND.name
    code = report.run_report([SEED, second, run["plain"]], out=run["out"])
    said = capsys.readouterr().out
    assert code == 0
    assert said.count("(skipped; --force recomputes)") == 3 and "[corpus] no article changed" in said and "0 folder(s) written" in said


def test_failed_notebook_leaves_previous_figures(tmp_path, monkeypatch, capsys):
    nb_dir = tmp_path / "notebooks"
    nb_dir.mkdir()
    good = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("SEED = None\nOUT_DIR = None", metadata={"tags": ["parameters"]}),
                                           nbformat.v4.new_code_cell("open(OUT_DIR + '/fig01-x.png', 'w').write('new')")])
    bad = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("SEED = None\nOUT_DIR = None", metadata={"tags": ["parameters"]}),
                                          nbformat.v4.new_code_cell("x = 1"), nbformat.v4.new_code_cell("raise ValueError('broken on purpose')")])
    nbformat.write(good, nb_dir / "good.ipynb")
    nbformat.write(bad, nb_dir / "bad.ipynb")
    monkeypatch.setattr(report, "NOTEBOOKS_DIR", nb_dir)
    monkeypatch.setattr(report, "ARTICLE_NOTEBOOKS", ["good.ipynb", "bad.ipynb"])
    out = tmp_path / "figures"
    final = out / "000_10887d3b92d999db"
    final.mkdir(parents=True)
    (final / "fig01-x.png").write_text("previous")
    code = report.run_report([SEED], out=out, quiet=True)
    err = capsys.readouterr().err
    assert code == 1
    assert "bad.ipynb failed in cell 3" in err and "broken on purpose" in err
    assert (final / "fig01-x.png").read_text() == "previous"
    assert sorted(p.name for p in out.iterdir()) == ["000_10887d3b92d999db"]
