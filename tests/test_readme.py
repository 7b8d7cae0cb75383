"""The README's Python example runs and prints what it says; its commands are the real ones."""
import re

from conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_python_example_runs(capsys, monkeypatch):
    block = re.search(r"```python\n(.*?)```", README, re.S).group(1)
    monkeypatch.chdir(ROOT)
    exec(compile(block, "README.md", "exec"), {})
    out = capsys.readouterr().out
    assert "曲艳阳" in out and "实体经济" in out


def test_ci_runs_the_readme_test_command():
    test_cmd = re.search(r"# 2\. run the tests\n(.*)\n", README).group(1).strip()
    assert test_cmd in (ROOT / ".ci" / "run").read_text()


def test_readme_numbers_are_the_seeds():
    """The counts the README states for the seed are what the code computes now."""
    from helpers import measures as M
    from helpers.pipeline import analyze

    from conftest import SEED

    an = analyze(SEED)
    steps = dict(zip(an.steps()["step"], an.steps()["count"]))
    shares = M.theme_shares(an.quotes, an.tokens, an.themes).set_index("theme")
    kinds = an.quotes["kind"].value_counts()
    expected = [
        f"{steps['characters read']:,} characters read",
        f"{steps['characters after cleaning']:,} kept, {steps['Chinese characters']:,} Chinese",
        f"{steps['tokens (jieba)']:,} tokens",
        f"{steps['content tokens (after stopwords, 2+ characters)']} content tokens, {steps['distinct content terms']} distinct terms",
        f"{len(an.quotes)} quotes: {kinds['report']} report, {kinds['direct']} direct, {kinds['indirect']} indirect",
        f"{int(shares['theme_tokens'].sum())} theme-term tokens",
        f"{shares.loc['实体经济与产业', 'token_share']}% are 实体经济与产业",
    ]
    for phrase in expected:
        assert phrase in README, phrase


def test_readme_findings_are_the_code_s(seed_analysis):
    """The findings block is what ``python -m helpers.findings`` writes now: never stale."""
    from helpers import findings

    assert findings.readme_with_findings(README, seed_analysis) == README, "run: python -m helpers.findings"
