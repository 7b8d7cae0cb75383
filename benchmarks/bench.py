"""Timings of the study on this machine: prints a table, asserts nothing.

    .venv/bin/python benchmarks/bench.py            # the seed
    .venv/bin/python benchmarks/bench.py FILE ...   # other articles
"""
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def timed(label, fn, repeat=3):
    best = min(_once(fn) for _ in range(repeat))
    print(f"{label:<48} {best:8.3f} s")
    return best


def _once(fn):
    t = time.perf_counter()
    fn()
    return time.perf_counter() - t


def main(paths):
    from helpers.pipeline import analyze
    from helpers.read import read_article
    from helpers.tokenize import _base

    t = time.perf_counter()
    _base()
    print(f"{'load jieba + lexicon (once per process)':<48} {time.perf_counter() - t:8.3f} s")
    for path in paths:
        article = read_article(path)
        print(f"\n{path.name}: {article.steps['chinese_characters']:,} Chinese characters")
        timed("  read + clean", lambda: read_article(path))
        timed("  analyze (quotes, tokens, themes)", lambda: analyze(path))
    for cmd in (["quotes", str(paths[0])], ["terms", str(paths[0]), "--top", "20"]):
        timed(f"python -m helpers {cmd[0]} (new process)",
              lambda: subprocess.run([sys.executable, "-m", "helpers", *cmd], check=True, capture_output=True), repeat=2)
    with tempfile.TemporaryDirectory() as out:
        timed("python -m helpers report SEED (3 notebooks, wall)",
              lambda: subprocess.run([sys.executable, "-m", "helpers", "report", str(paths[0]), "--out", out, "--quiet"], check=True), repeat=1)


if __name__ == "__main__":
    main([Path(p) for p in sys.argv[1:]] or sorted((ROOT / "seeds").glob("*"))[:1])
