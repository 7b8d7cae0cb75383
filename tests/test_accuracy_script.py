"""benchmarks/accuracy.py: the scoring function on a tiny synthetic gold + analysis, and its command line."""
import importlib.util
from pathlib import Path

import pandas as pd
import pytest

ROOT = Path(__file__).resolve().parents[1]
_spec = importlib.util.spec_from_file_location("accuracy", ROOT / "benchmarks" / "accuracy.py")
accuracy = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(accuracy)

GOLD = {
    "speakers": [
        {"name": "刘文博", "title": "市长", "district": "尚志市", "district_source": "article", "kinds": ["direct"]},
        {"name": "江河", "title": "亚布力镇镇长", "district": "尚志市", "district_source": "title", "kinds": ["indirect"]},
        {"name": "高峰", "title": "东北林业大学教授", "district": "", "district_source": "", "kinds": ["indirect"]},
    ],
    "reports": 1,
    "must_keep_whole": ["刘文博", "冰雪经济", "金山银山", "新质生产力"],
    "formulations": [{"formulation": "四位一体", "kind": "numbered", "speaker": "刘文博"},
                     {"formulation": "畅游亚布力", "kind": "quoted", "speaker": ""}],
    "targets": [{"text": "200万人次", "speaker": "刘文博"}, {"text": "3200多户", "speaker": "江河"},
                {"text": "6%", "speaker": ""}],
}

QUOTES = pd.DataFrame({
    "speaker": ["刘文博", "刘 文博", "江河", "会上", "", ""],
    "title": ["市长", "市长", "镇长", "", "", ""],
    "district": ["尚志市", "", "武隆区", "", "", ""],
    "district_source": ["article", "", "title", "", "", ""],
    "kind": ["direct", "indirect", "indirect", "indirect", "report", "direct"],
})
WORDS = ["市长", "刘文博", "说", "冰雪", "经济", "“冰天雪地也是金山银山”", "新质生产力", "发展"]


def test_score_article_counts_each_measure():
    s = accuracy.score_article(GOLD, QUOTES, WORDS,
                               formulations=pd.DataFrame({"formulation": ["“四位一体”", "畅游亚布力"],
                                                          "speaker": ["刘文博", "刘文博"]}),
                               targets=pd.DataFrame({"text": ["200万人次", "3200户", "6.5%"],
                                                     "speaker": ["刘文博", "江河", ""]}))
    got = {k: (t.hits, t.total) for k, t in s.items()}
    assert got == {
        "speakers": (2, 3),          # 高峰 missed
        "precision": (2, 3),         # 会上 is no gold speaker; '刘 文博' is 刘文博
        "district": (1, 2),          # 江河 placed in 武隆区
        "district_source": (2, 2),
        "phrases": (3, 4),           # 冰雪经济 split; 金山银山 inside a quoted token counts as whole
        "reports": (1, 1),
        "formulations": (1, 2),      # 畅游亚布力 attributed to the wrong speaker
        "targets": (2, 3),           # 3200户 ~ 3200多户; 6.5% is not 6%
    }
    assert "split: 冰雪经济" in s["phrases"].misses
    assert any("高峰" in m for m in s["speakers"].misses)


def test_missing_optional_tables_are_not_available():
    s = accuracy.score_article(GOLD, QUOTES.drop(columns="district_source"), WORDS)
    assert s["formulations"].cell() == "n/a" and s["targets"].cell() == "n/a"
    assert s["district_source"].cell() == "n/a"
    assert s["district"].cell() == "1/2 (50%)"


def test_a_folder_without_gold_exits_2(tmp_path, capsys):
    assert accuracy.main([str(tmp_path)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "expected.json" in err


@pytest.mark.parametrize("folder", ["articles", "heldout"])
def test_every_gold_entry_names_a_file_and_its_speakers(folder):
    import json
    gold = json.loads((ROOT / "tests" / folder / "expected.json").read_text(encoding="utf-8"))
    for name, entry in gold.items():
        assert (ROOT / "tests" / folder / name).is_file(), name
        names = {s["name"] for s in entry["speakers"]}
        for item in entry.get("formulations", []) + entry.get("targets", []):
            assert item["speaker"] in names | {""}, (name, item)


def test_an_absent_module_gives_no_table():
    assert accuracy.optional_table("no_such_module", "formulations", ["formulation", "speaker"], object()) is None
