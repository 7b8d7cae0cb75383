"""Timings of the study on this machine, measured side by side in one run: prints a table, asserts
nothing.

    .venv/bin/python benchmarks/bench.py              # everything but the 10,000-article check (~5 min)
    .venv/bin/python benchmarks/bench.py --big        # also 10,000 articles, peak memory (~15 min)
    .venv/bin/python benchmarks/bench.py --only report|analyze|corpus|dask|big

What it measures (each heavy measurement in its own process, with a fresh cache):
- report on the seed: cold (empty cache and figures folder: the first run after installing), new
  article (no figures and no analysis, the tables built from the data files kept: what adding an
  article costs; ``helpers.cache.derived``), warm (nothing changed: a rerun), and
  the floor: three minimal chart notebooks (import pandas, matplotlib, jieba; segment the seed;
  save one bar chart) executed headless one after the other; wall and CPU (all processes). The
  floor and the new article run three times each, taking turns; the ratios are of the medians
  (and each new article's against the floor run just after it).
- analyze per article (computed, no cache) against jieba.lcut on the same texts, wall and CPU time
  of this process (on a shared machine the CPU ratio is the steadier), and how much of analyze is
  the per-article tokenizer set-up (``segmenter``).
- a corpus of 1,000 articles made by varying the test articles (each gets a numbered paragraph,
  so each has its own content and cache entry): articles per second and peak memory (the main
  process and the largest worker) with 1 and 2 workers; the same on Dask (a distributed
  LocalCluster of 2 single-thread worker processes).
- with --big, 10,000 such articles with 2 workers: peak memory.
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "seeds" / "000_10887d3b92d999db.txt"
ARTICLES = ROOT / "tests" / "articles"


def line(label, value):
    print(f"{label:<58} {value}", flush=True)


def _children_cpu() -> float:
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime


def run_timed(cmd, env=None) -> tuple[float, float]:
    """Wall and CPU seconds (the command and every process it waited for)."""
    cpu, wall = _children_cpu(), time.perf_counter()
    subprocess.run(cmd, check=True, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - wall, _children_cpu() - cpu


# --- report: cold, warm, floor ---------------------------------------------------------------

FLOOR_CELLS = [
    "import pandas as pd\nimport matplotlib\nmatplotlib.use('Agg')\nimport matplotlib.pyplot as plt\nimport jieba",
    "text = open(SEED, encoding='utf-8').read()\nwords = [w for w in jieba.lcut(text) if len(w) > 1]",
    "top = pd.Series(words).value_counts().head(20)\nfig, ax = plt.subplots()\nax.barh(range(len(top)), top.to_numpy())\nfig.savefig(OUT + '/chart.png', dpi=100)",
]


def _floor_script(tmp: Path) -> Path:
    """A script executing three minimal chart notebooks headless, one after the other."""
    import nbformat

    for i in range(3):
        nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(f"SEED = {str(SEED)!r}\nOUT = {str(tmp)!r}")]
                                      + [nbformat.v4.new_code_cell(c) for c in FLOOR_CELLS])
        nbformat.write(nb, tmp / f"floor{i}.ipynb")
    script = tmp / "floor.py"
    script.write_text(  # the report's own kernel machinery, one notebook after the other
        "import asyncio\nfrom pathlib import Path\nfrom helpers import report\n"
        f"report.NOTEBOOKS_DIR = Path({str(tmp)!r})\n"
        f"for i in range(3):\n    asyncio.run(report._execute(f'floor{{i}}.ipynb', {{}}, Path({str(tmp)!r}) / 'done'))\n")
    return script


def bench_report(pairs: int = 3):
    """Cold and warm once; the floor and a new article ``pairs`` times, one after the other, so a
    change in the machine's load touches both sides of a ratio (on this shared machine a run's
    CPU time moves by a fifth from one run to the next). Ratios of the medians, and each pair's."""
    from statistics import median

    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        env = {**os.environ, "HELPERS_CACHE": str(tmp / "cache")}
        cmd = [sys.executable, "-m", "helpers", "report", str(SEED), "--out", str(tmp / "out"), "--quiet"]
        floor = [run_timed([sys.executable, str(_floor_script(tmp))], env)]
        cold_wall, cold_cpu = run_timed(cmd, env)
        warm_wall, warm_cpu = run_timed(cmd, env)
        new = []
        for _ in range(pairs):
            shutil.rmtree(tmp / "out")  # as for an article never seen: no figures, no analysis; the
            shutil.rmtree(tmp / "cache" / "analyses")  # tables built from the data files stay (cache.derived)
            new.append(run_timed(cmd, env))
            floor.append(run_timed([sys.executable, str(_floor_script(tmp))], env))
    floor_wall, floor_cpu = median(w for w, _ in floor), median(c for _, c in floor)
    new_wall, new_cpu = median(w for w, _ in new), median(c for _, c in new)
    each = ", ".join(f"{w / f:.2f}" for (w, _), (f, _) in zip(new, floor[1:]))
    from helpers.report import ARTICLE_NOTEBOOKS

    print(f"\nreport on the seed ({len(ARTICLE_NOTEBOOKS)} article notebooks)".ljust(60) + "wall s    CPU s")
    line(f"  floor: 3 minimal chart notebooks in a row (median of {len(floor)})", f"{floor_wall:6.1f}  {floor_cpu:7.1f}")
    line("  report, cold (empty cache and figures)", f"{cold_wall:6.1f}  {cold_cpu:7.1f}   {cold_wall / floor_wall:.2f}× floor wall, {cold_cpu / floor_cpu:.2f}× CPU")
    line(f"  report, new article (tables kept; median of {len(new)})",
         f"{new_wall:6.1f}  {new_cpu:7.1f}   {new_wall / floor_wall:.2f}× floor wall, {new_cpu / floor_cpu:.2f}× CPU")
    line("    each new article / the floor run after it", each)
    line("  report, warm (nothing changed)", f"{warm_wall:6.1f}  {warm_cpu:7.1f}   cold/warm = {cold_wall / warm_wall:.1f}×")


# --- analyze vs jieba ------------------------------------------------------------------------


def bench_analyze():
    import jieba

    from helpers import fastcut, pipeline
    from helpers.read import read_article
    from helpers.tokenize import _base

    paths = [SEED, *sorted(ARTICLES.glob("*.txt"))]
    texts = [read_article(p).text for p in paths]
    jieba.lcut("预热")
    _base()
    for p in paths[:3]:
        pipeline.compute_analysis(p)  # warm every lazy table
    spent = {"segmenter": 0.0}
    real = pipeline.article_segmenter

    def timed_segmenter(*a, **k):
        t = time.perf_counter()
        try:
            return real(*a, **k)
        finally:
            spent["segmenter"] += time.perf_counter() - t

    wall_j, wall_a, best_s, cpu_j, cpu_a = [], [], [], [], []
    for _ in range(5):  # one round: jieba on all texts, then analyze on all; side by side
        t, c = time.perf_counter(), time.process_time()
        for text in texts:
            jieba.lcut(text)
        wall_j.append(time.perf_counter() - t)
        cpu_j.append(time.process_time() - c)
        spent["segmenter"] = 0.0
        pipeline.article_segmenter = timed_segmenter
        fastcut._HMM_CACHE.clear()  # each round starts without the HMM runs of the round before
        t, c = time.perf_counter(), time.process_time()
        for p in paths:
            pipeline.compute_analysis(p)
        wall_a.append(time.perf_counter() - t)
        cpu_a.append(time.process_time() - c)
        pipeline.article_segmenter = real
        best_s.append(spent["segmenter"])
    j, a, s = min(wall_j), min(wall_a), min(best_s)
    cj, ca = min(cpu_j), min(cpu_a)
    n = len(paths)
    chars = sum(len(t) for t in texts)
    print(f"\nanalyze vs jieba.lcut on the same {n} texts ({chars:,} characters; best of 5 rounds; one process, one thread)")
    line("  jieba.lcut, per article: wall / CPU", f"{j / n * 1000:7.1f} ms / {cj / n * 1000:.1f} ms")
    line("  analyze (read → structure → quotes → tokens → themes)", f"{a / n * 1000:7.1f} ms / {ca / n * 1000:.1f} ms")
    line("  analyze / jieba.lcut: wall / CPU", f"{a / j:7.1f}× / {ca / cj:.1f}×   (CPU: the ratio that does not count other processes' turns)")
    line("    of which the per-article tokenizer set-up (article_segmenter, shapes included)", f"{s / n * 1000:7.1f} ms")
    line("  analyze without that set-up (a shared tokenizer + overlay)", f"{(a - s) / n * 1000:7.1f} ms   {(a - s) / j:.1f}× jieba.lcut")
    computed = []
    for _ in range(5):
        fastcut._HMM_CACHE.clear()
        t = time.perf_counter()
        pipeline.compute_analysis(SEED)
        computed.append(time.perf_counter() - t)
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["HELPERS_CACHE"] = tmp
        pipeline.analyze(SEED)
        loads = []
        for _ in range(10):
            t = time.perf_counter()
            pipeline.analyze(SEED)
            loads.append(time.perf_counter() - t)
    loaded = sorted(loads)[len(loads) // 2]
    line("  analyze, loaded from the cache (the seed; median of 10)", f"{loaded * 1000:7.1f} ms   "
         f"{loaded / min(computed):.2f}× computing it ({min(computed) * 1000:.1f} ms)")


# --- corpus ----------------------------------------------------------------------------------


def make_corpus(folder: Path, n: int) -> list[Path]:
    """``n`` article files made by varying the test articles: article i is test article i mod 58
    with a numbered closing paragraph, so every file has its own content and cache entry."""
    sources = [SEED, *sorted(ARTICLES.glob("*.txt"))]
    texts = [p.read_text(encoding="utf-8") for p in sources]
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(n):
        k = i % len(texts)
        p = folder / f"{i:05d}_{sources[k].stem}.txt"
        p.write_text(texts[k].rstrip() + f"\n（本报第{i + 1}期综合报道，编号{i:05d}）\n", encoding="utf-8")
        paths.append(p)
    return paths


class PeakMemory:
    """Samples the resident memory of this process and of all its descendants every 0.1 s (a
    thread): peak of the main process, of the largest other process, of the sum at one moment
    (``total``), and the sum of every process's own peak (``peaks_sum``: main + each worker's
    peak, whenever each came; the figure that cannot understate). (Linux keeps ru_maxrss across
    exec, so getrusage would report the parent's peak.)"""

    def __init__(self):
        import threading

        import psutil

        self.me = psutil.Process()
        self.main = self.worker = self.total = 0
        self.peaks: dict[int, int] = {}  # pid → its largest sample
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _sample(self):
        import psutil

        main = self.me.memory_info().rss
        others = []
        for child in self.me.children(recursive=True):
            try:
                rss = child.memory_info().rss
            except psutil.Error:
                continue
            others.append(rss)
            self.peaks[child.pid] = max(self.peaks.get(child.pid, 0), rss)
        self.main, self.total = max(self.main, main), max(self.total, main + sum(others))
        self.worker = max([self.worker, *others])

    def _run(self):
        while not self._stop.wait(0.1):
            self._sample()

    def __enter__(self):
        self._thread.start()
        return self

    def __exit__(self, *exc):
        self._stop.set()
        self._thread.join()
        self._sample()

    def mb(self):
        return {"main_mb": self.main / 2**20, "worker_mb": self.worker / 2**20, "total_mb": self.total / 2**20,
                "peaks_sum_mb": (self.main + sum(self.peaks.values())) / 2**20, "processes": 1 + len(self.peaks)}


def _child(kind: str, n: int, workers: int):
    """Runs in its own process: build a corpus of ``n`` varied articles with a fresh cache and
    print wall seconds and peak memory as JSON."""
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        os.environ["HELPERS_CACHE"] = str(tmp / "cache")
        paths = make_corpus(tmp / "articles", n)
        from helpers import corpus as C

        with PeakMemory() as peak:
            t = time.perf_counter()
            if kind == "dask":
                from distributed import LocalCluster

                with LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
                    started = time.perf_counter()
                    c = C.load_corpus_dask(paths, scheduler=cluster.scheduler_address)
                    elapsed = time.perf_counter() - started
            else:
                c = C.load_corpus(paths, workers=workers, progress=False)
                elapsed = time.perf_counter() - t
        print(json.dumps({"n": len(c.names), "seconds": elapsed, **peak.mb(), "quotes": len(c.quotes), "count_rows": len(c.counts)}))


def run_child(kind, n, workers) -> dict:
    out = subprocess.run([sys.executable, __file__, "--child", kind, str(n), str(workers)], check=True, capture_output=True, text=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def bench_corpus(n=1000):
    print(f"\ncorpus of {n:,} varied articles (fresh cache each)     articles/s   peak MB: main / largest worker / all at once / sum of peaks")
    rates = {}
    for workers in (1, 2):
        r = run_child("local", n, workers)
        rates[workers] = r["n"] / r["seconds"]
        worker = f"{r['worker_mb']:.0f}" if workers > 1 else "—"
        line(f"  load_corpus, {workers} worker(s)", f"{rates[workers]:8.1f}     {r['main_mb']:.0f} / {worker} / {r['total_mb']:.0f} / {r['peaks_sum_mb']:.0f}")
    line("  2 workers vs 1", f"{rates[2] / rates[1]:8.2f}×")


def bench_dask(n=200):
    r = run_child("dask", n, 2)
    print(f"\nDask (distributed LocalCluster, 2 worker processes, {n} articles)")
    line("  load_corpus_dask", f"{r['n'] / r['seconds']:8.1f} articles/s   peak MB: main {r['main_mb']:.0f}, all at once {r['total_mb']:.0f}, sum of {r['processes']} peaks {r['peaks_sum_mb']:.0f}")


def bench_big(n=10_000):
    r = run_child("local", n, 2)
    print(f"\n{n:,} varied articles, 2 workers")
    line("  load_corpus", f"{r['n'] / r['seconds']:8.1f} articles/s in {r['seconds']:.0f} s")
    line("  peak memory: main / largest worker / all at once", f"{r['main_mb']:.0f} / {r['worker_mb']:.0f} / {r['total_mb']:.0f} MB")
    line(f"  sum of the {r['processes']} processes' own peaks (main + workers)", f"{r['peaks_sum_mb']:.0f} MB")
    line("  quotes rows / term-count rows kept", f"{r['quotes']:,} / {r['count_rows']:,}")


def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--big", action="store_true", help="also the 10,000-article peak-memory check")
    p.add_argument("--only", choices=["report", "analyze", "corpus", "dask", "big"])
    p.add_argument("--child", nargs=3, help=argparse.SUPPRESS)
    args = p.parse_args(argv)
    if args.child:
        kind, n, workers = args.child
        return _child(kind, int(n), int(workers))
    print(f"machine: {os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f} at start")
    steps = {"report": bench_report, "analyze": bench_analyze, "corpus": bench_corpus, "dask": bench_dask, "big": bench_big}
    for name, fn in steps.items():
        if args.only == name or (args.only is None and (name != "big" or args.big)):
            fn()


if __name__ == "__main__":
    main()
