"""The README's Python example runs and prints what it says; its commands are the real ones."""
import re
from pathlib import Path

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
