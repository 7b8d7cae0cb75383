"""The quote explorer: filters, keyword in context, the self-contained HTML (no external URL,
filters in a real browser) and the notebook, executed headless."""
import asyncio
import json
import re
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pandas as pd
import pytest

from helpers import explorer as E
from helpers.pipeline import analyze

from conftest import SEED


@pytest.fixture(scope="module")
def seed():
    return analyze(SEED)


@pytest.fixture(scope="module")
def page(seed, tmp_path_factory):
    return E.export_explorer_html(seed, tmp_path_factory.mktemp("explorer") / "explorer.html")


def test_quote_table_has_a_row_per_quote(seed):
    table = E.quote_table(seed)
    assert len(table) == len(seed.quotes)
    assert set(table["district"]) >= set(seed.quotes.loc[seed.quotes["kind"] != "report", "district"]) - {""}
    named = table[table["speaker"] != ""]
    assert named["speaker_pinyin"].str.fullmatch(r"[A-Z][a-z]+ [A-Z][a-z]+").all()


def test_filters_combine(seed):
    table = E.quote_table(seed)
    district = table.loc[table["speaker"] != "", "district"].iloc[0]
    rows = E.filter_quotes(table, district=district)
    assert 0 < len(rows) < len(table) and (rows["district"] == district).all()
    term_rows = E.filter_quotes(table, district=district, term="实体")
    assert term_rows["text"].str.contains("实体").all() and len(term_rows) <= len(rows)
    assert E.filter_quotes(table, term="不在文中的词语").empty


def test_kwic_and_highlight():
    assert E.kwic_lines("加快建设实体经济强区，实体经济是根基", "实体经济", 4) == [("加快建设", "实体经济", "强区，实"), ("济强区，", "实体经济", "是根基")]
    assert E.highlight("发展<实体经济>", ["实体经济", "实体"]) == "发展&lt;<mark>实体经济</mark>&gt;"


def test_formulation_column_becomes_a_filter(seed, tmp_path):
    an = analyze(SEED)
    an.quotes = an.quotes.assign(formulation=["一枢纽三高地、实体经济" if i % 2 else "" for i in range(len(an.quotes))])
    table = E.quote_table(an)
    assert E.filter_quotes(table, formulation="一枢纽三高地").shape[0] == len(an.quotes) // 2
    data = E.explorer_data(an)
    assert data["options"]["formulation"] == ["一枢纽三高地", "实体经济"]
    seed_options = E.explorer_data(seed)["options"]["formulation"]  # without the column: helpers.formulations
    assert {"一枢纽三高地", "5+5+7", "急难愁盼"} <= set(seed_options)
    table = E.quote_table(seed)
    rows = E.filter_quotes(table, formulation="急难愁盼")
    assert set(rows["speaker"]) == {"许洁先", "宋小伟"}


class _Tags(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))


def test_html_is_self_contained(page):
    text = page.read_text(encoding="utf-8")
    parser = _Tags()
    parser.feed(text)
    scripts = [a for t, a in parser.tags if t == "script"]
    assert scripts and all("src" not in a for a in scripts)  # every script inline
    assert not [a for t, a in parser.tags if t == "link"]  # no stylesheet or font fetched
    for tag, attrs in parser.tags:
        for name in ("src", "href", "action", "data"):
            assert not re.match(r"\s*(https?:)?//", attrs.get(name) or ""), (tag, attrs)
    urls = re.findall(r"url\(\s*['\"]?([^)'\"]+)", text)
    assert urls and all(u.startswith("data:") for u in urls)  # the font is inlined
    assert "@import" not in text


def test_html_carries_every_quote(seed, page):
    text = page.read_text(encoding="utf-8")
    raw = re.search(r'<script type="application/json" id="explorer-data">(.*?)</script>', text, re.S).group(1)
    data = json.loads(raw.replace("<\\/", "</"))
    assert [q["text"] for q in data["quotes"]] == seed.quotes["text"].tolist()
    assert set(data["distinctive"]) <= set(data["options"]["district"])
    assert all(data["terms"][r["term"]]["gloss"] for rows in data["distinctive"].values() for r in rows)


def _chromium():
    for name in ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable"):
        found = shutil.which(name)
        if found:
            return found
    return None


def _dump_dom(browser: str, url: str, profile: Path) -> str:
    args = [browser, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", f"--user-data-dir={profile}", "--dump-dom", url]
    return subprocess.run(args, capture_output=True, text=True, timeout=120, check=True).stdout


def _rows(dom: str) -> list[int]:
    return [int(i) for i in re.findall(r'<tr class="qrow" data-id="(\d+)"', dom)]


def test_choosing_a_district_in_a_browser_changes_the_rows(seed, page, tmp_path):
    browser = _chromium()
    if browser is None:
        pytest.skip("no Chromium/Chrome on PATH (apt-get install chromium): the browser test needs one")
    from urllib.parse import quote

    table = E.quote_table(seed)
    district = table.loc[table["speaker"] != "", "district"].iloc[0]
    url = page.resolve().as_uri()
    everything = _rows(_dump_dom(browser, url, tmp_path / "p1"))
    chosen = _rows(_dump_dom(browser, f"{url}#district={quote(district)}", tmp_path / "p2"))
    assert everything == table["quote_id"].tolist()
    assert chosen == E.filter_quotes(table, district=district)["quote_id"].tolist()
    assert 0 < len(chosen) < len(everything)
    both = _rows(_dump_dom(browser, f"{url}#district={quote(district)}&term={quote('实体')}", tmp_path / "p3"))
    assert both == E.filter_quotes(table, district=district, term="实体")["quote_id"].tolist()


def test_quote_table_is_computed_once_per_analysis_and_after_a_change(monkeypatch):
    an = analyze(SEED)
    calls = []
    real = E._quote_table
    monkeypatch.setattr(E, "_quote_table", lambda a: calls.append(1) or real(a))
    first = E.quote_table(an)
    first.loc[0, "speaker"] = "改过"  # a caller's copy: the kept table is not touched
    assert E.quote_table(an).loc[0, "speaker"] != "改过" and len(calls) == 1
    an.quotes = an.quotes.assign(formulation="")  # a field assigned: derived tables are recomputed
    assert E.quote_table(an)["formulations"].map(len).sum() == 0 and len(calls) == 2
