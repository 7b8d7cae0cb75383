"""The report's bookkeeping: --out faults, leftovers of a killed run, skipping what is unchanged,
recomputing what changed, two runs into one folder. Notebook runs use tiny stand-in notebooks
(one cell writing one file), so these tests check the report, not the study."""
import subprocess
import sys
import threading

import nbformat
import pytest

from helpers import report

from conftest import ARTICLES, SEED


def test_out_is_a_file(tmp_path):
    f = tmp_path / "figures.txt"
    f.write_text("not a folder")
    for out in (f, f / "sub"):
        r = subprocess.run([sys.executable, "-m", "helpers", "report", str(SEED), "--out", str(out)], capture_output=True, text=True, timeout=120)
        assert r.returncode == 2, r.stderr
        lines = r.stderr.strip().splitlines()
        assert len(lines) == 1 and "Traceback" not in r.stderr and "--out" in lines[0]
        assert ("is a file" if out == f else "lies under") in lines[0]
    assert f.read_text() == "not a folder"


def test_leftovers_of_a_killed_run_are_removed(tmp_path, capsys):
    out = tmp_path / "figures"
    (out / ".staging-000_x-1a2b3c4d" / "notebooks").mkdir(parents=True)
    (out / ".old-000_x-5e6f7a8b").mkdir()
    (out / "000_x").mkdir()
    (out / "000_x" / "fig01-x.png").write_text("previous")
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    assert report.run_report([empty], out=out) == 2  # nothing usable, but the folder is tidied
    assert sorted(p.name for p in out.iterdir()) == ["000_x"]
    assert (out / "000_x" / "fig01-x.png").read_text() == "previous"
    assert "removed .staging-000_x-1a2b3c4d" in capsys.readouterr().out


def test_stamp_changes_with_file_notebooks_and_package(tmp_path, monkeypatch):
    a = tmp_path / "a.txt"
    a.write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")
    first = report.article_stamp(a)
    assert report.article_stamp(a) == first
    a.write_text(a.read_text(encoding="utf-8") + "\n补充一段。", encoding="utf-8")
    assert report.article_stamp(a) != first
    second = report.article_stamp(a)
    from helpers import cache

    monkeypatch.setattr(cache, "package_digest", lambda: "edited lexicon")
    assert report.article_stamp(a) != second
    assert report.corpus_stamp([first, second]) != report.corpus_stamp([first])


# --- with tiny notebooks ------------------------------------------------------------------------

TINY = "import pathlib, time\npathlib.Path(OUT_DIR, 'fig01-x.csv').write_text(str(SEED or SEEDS))"


@pytest.fixture
def tiny(tmp_path, monkeypatch):
    nb_dir = tmp_path / "notebooks"
    nb_dir.mkdir()
    for name in ("a.ipynb", "corpus.ipynb"):
        nb = nbformat.v4.new_notebook(cells=[
            nbformat.v4.new_code_cell("SEED = None\nSEEDS = None\nOUT_DIR = None", metadata={"tags": ["parameters"]}),
            nbformat.v4.new_code_cell(TINY)])
        nbformat.write(nb, nb_dir / name)
    monkeypatch.setattr(report, "NOTEBOOKS_DIR", nb_dir)
    monkeypatch.setattr(report, "ARTICLE_NOTEBOOKS", ["a.ipynb"])
    monkeypatch.setattr(report, "CORPUS_NOTEBOOK", "corpus.ipynb")
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    for p in sorted(ARTICLES.glob("*.txt"))[:3]:
        (seeds / p.name).write_bytes(p.read_bytes())
    return seeds


@pytest.mark.notebooks
def test_adding_one_article_recomputes_it_and_the_corpus(tiny, tmp_path, capsys):
    out = tmp_path / "figures"
    assert report.run_report(sorted(tiny.iterdir()), out=out) == 0
    capsys.readouterr()
    (tiny / "new.txt").write_bytes((ARTICLES / "11_second_study.txt").read_bytes())
    assert report.run_report(sorted(tiny.iterdir()), out=out) == 0
    said = capsys.readouterr().out
    assert said.count("(skipped; --force recomputes)") == 3
    assert "new.txt → " in said and "[corpus] comparing 4 articles" in said and "2 folder(s) written" in said
    assert report.run_report(sorted(tiny.iterdir()), out=out, force=True) == 0
    assert "5 folder(s) written" in capsys.readouterr().out


@pytest.mark.notebooks
def test_two_reports_into_one_folder_at_once(tiny, tmp_path):
    out = tmp_path / "figures"
    codes = []
    runs = [threading.Thread(target=lambda: codes.append(report.run_report(sorted(tiny.iterdir()), out=out, quiet=True))) for _ in range(2)]
    for t in runs:
        t.start()
    for t in runs:
        t.join(timeout=300)
    assert codes == [0, 0]
    assert not [p for p in out.iterdir() if p.name.startswith(".")]
    for p in sorted(tiny.iterdir()):
        assert (out / p.stem / "fig01-x.csv").read_text() == str(p.resolve())


def test_a_stalled_kernel_is_run_again_but_a_failing_cell_is_not(tmp_path, monkeypatch):
    """A notebook whose kernel stalls (a cell past TIMEOUT) gets one more attempt; a cell that
    raises fails at once."""
    import asyncio

    calls = []

    async def flaky(name, params, dest, final=None, kernel=None, pending=None):
        calls.append(name)
        if name == "stalls.ipynb" and calls.count(name) == 1:
            raise report.NotebookFailed(f"{name} failed in cell 2") from TimeoutError("cell timed out")
        if name == "broken.ipynb":
            raise report.NotebookFailed(f"{name} failed in cell 3") from ValueError("broken on purpose")
        return name, 0.0

    monkeypatch.setattr(report, "_execute", flaky)
    said = []
    asyncio.run(report._run_all(["stalls.ipynb"], {}, tmp_path, said.append))
    assert calls == ["stalls.ipynb", "stalls.ipynb"] and any("running it again" in s for s in said)
    calls.clear()
    with pytest.raises(report.NotebookFailed):
        asyncio.run(report._run_all(["broken.ipynb"], {}, tmp_path, said.append))
    assert calls == ["broken.ipynb"]


@pytest.mark.notebooks
def test_a_pooled_kernel_starts_each_notebook_clean_and_a_failed_one_is_replaced(tmp_path, monkeypatch):
    """The report reuses its kernels: the next notebook sees no name and no open figure the one
    before left, and after a failure it gets a fresh kernel."""
    import asyncio

    pid = "import os, pathlib\npathlib.Path(OUT, NAME).write_text(str(os.getpid()))"
    cells = {
        "first.ipynb": [pid, "import matplotlib.pyplot as plt\nleft_over = plt.figure()"],
        "second.ipynb": [pid, "import matplotlib.pyplot as plt\nassert 'left_over' not in dir() and plt.get_fignums() == []",
                         "import gc\nassert gc.get_freeze_count() > 0  # the loaded modules are set apart from the collector"],
        "broken.ipynb": [pid, "raise ValueError('broken on purpose')"],
        "after.ipynb": [pid],
    }
    for name, sources in cells.items():
        nbformat.write(nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(f"NAME = {name!r}")]
                                                + [nbformat.v4.new_code_cell(c) for c in sources]), tmp_path / name)
    monkeypatch.setattr(report, "NOTEBOOKS_DIR", tmp_path)
    params = {"OUT": str(tmp_path)}

    async def run():
        pool = report.KernelPool(1)
        try:
            await report._run_all(["first.ipynb", "second.ipynb"], params, tmp_path / "done", print, pool=pool)
            with pytest.raises(report.NotebookFailed, match="broken on purpose"):
                await report._run_all(["broken.ipynb"], params, tmp_path / "done", print, pool=pool)
            await report._run_all(["after.ipynb"], params, tmp_path / "done", print, pool=pool)
        finally:
            await pool.close()

    asyncio.run(run())
    pids = {name: (tmp_path / name).read_text() for name in cells}
    assert pids["first.ipynb"] == pids["second.ipynb"] == pids["broken.ipynb"]  # one kernel, reused
    assert pids["after.ipynb"] != pids["broken.ipynb"]  # a fresh one after the failure


def test_kernels_import_this_package_whatever_their_folder(tmp_path, monkeypatch):
    """A kernel runs in notebooks/: a relative PYTHONPATH entry is made absolute and this
    package's folder comes first, so the kernel runs the code the stamp digests."""
    from pathlib import Path

    import helpers

    monkeypatch.chdir(tmp_path)
    (tmp_path / "lib").mkdir()
    monkeypatch.setenv("PYTHONPATH", "lib")
    entries = report.kernel_env()["PYTHONPATH"].split(__import__("os").pathsep)
    assert str(tmp_path / "lib") in entries and all(Path(e).is_absolute() for e in entries)
    assert entries[0] == str(Path(helpers.__file__).resolve().parents[1])


@pytest.mark.notebooks
def test_a_pooled_kernel_imports_the_same_helpers(tmp_path, monkeypatch):
    import asyncio
    from pathlib import Path

    import helpers

    cell = "import helpers, pathlib\npathlib.Path(OUT, 'where').write_text(helpers.__file__)"
    nbformat.write(nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(cell)]), tmp_path / "where.ipynb")
    monkeypatch.setattr(report, "NOTEBOOKS_DIR", tmp_path)
    monkeypatch.chdir(Path(helpers.__file__).resolve().parents[2])
    monkeypatch.setenv("PYTHONPATH", "src")  # relative: meaningless in the kernel's folder

    async def run():
        pool = report.KernelPool(1)
        try:
            await report._run_all(["where.ipynb"], {"OUT": str(tmp_path)}, tmp_path / "done", print, pool=pool)
        finally:
            await pool.close()

    asyncio.run(run())
    assert Path((tmp_path / "where").read_text()).resolve() == Path(helpers.__file__).resolve()


def test_plan_spreads_the_notebooks_longest_first_and_keeps_pairs_together(monkeypatch):
    monkeypatch.setattr(report, "NOTEBOOK_COST", {"a": 5, "b": 4, "c": 3, "d": 2, "e": 1})
    monkeypatch.setattr(report, "SAME_KERNEL", [("d", "e")])
    assert report.plan(["a", "b", "c", "d", "e"], 2) == [["a", "c"], ["b", "d", "e"]]  # 8 and 7
    assert report.plan(["e", "d", "c"], 3) == [["d", "e"], ["c"]]  # the pair in its order, in one kernel
    assert report.plan(["a", "b", "new"], 2) == [["a", "b"], ["new"]]  # an unlisted notebook counts as the longest (5)
    assert report.plan(["a", "b", "c"], 1) == [["a", "b", "c"]]
    lanes = report.plan(report.ARTICLE_NOTEBOOKS, 2)
    assert sorted(n for lane in lanes for n in lane) == sorted(report.ARTICLE_NOTEBOOKS)


def test_a_client_looks_at_its_socket_again_at_least_every_slice(monkeypatch):
    """A kernel client's wait is cut into waits of at most POLL_SLICE: a message whose socket
    event was missed is found by the next look, not after the cell's whole timeout."""
    import asyncio
    from queue import Empty

    monkeypatch.setattr(report, "POLL_SLICE", 0.01)
    asked = []

    async def get_msg(timeout=None):  # a socket that shows its message only on the third look
        asked.append(timeout)
        if len(asked) < 3:
            await asyncio.sleep(timeout or 0)
            raise Empty
        return {"msg_type": "execute_reply"}

    assert asyncio.run(report._in_slices(get_msg)(timeout=240))["msg_type"] == "execute_reply"
    assert len(asked) == 3 and all(t <= 0.01 for t in asked)
    asked.clear()
    assert asyncio.run(report._in_slices(get_msg)(timeout=None))["msg_type"] == "execute_reply"  # no timeout: looks until it comes
    asked.clear()
    with pytest.raises(Empty):  # a timeout still ends the wait
        asyncio.run(report._in_slices(get_msg)(timeout=0.015))
    assert len(asked) == 2


def test_a_new_client_is_ready_at_its_requests_idle_status_without_waiting_for_silence():
    """``_ready`` ends when IOPub carries the closing status of its own kernel_info request (what
    came before is read on the way); when IOPub has not joined in time it asks again."""
    import asyncio
    from queue import Empty

    class Client:
        def __init__(self, iopub_joins_at):
            self.asked, self.iopub, self.handled, self.joins_at = 0, [], None, iopub_joins_at

        def kernel_info(self):
            self.asked += 1
            mid = f"info-{self.asked}"
            if self.asked >= self.joins_at:  # subscribed: this request's messages reach IOPub
                self.iopub += [{"parent_header": {"msg_id": "old"}, "msg_type": "stream", "content": {}},
                               {"parent_header": {"msg_id": mid}, "msg_type": "status", "content": {"execution_state": "busy"}},
                               {"parent_header": {"msg_id": mid}, "msg_type": "status", "content": {"execution_state": "idle"}},
                               {"parent_header": {"msg_id": "later"}, "msg_type": "stream", "content": {}}]
            self.reply = {"parent_header": {"msg_id": mid}, "msg_type": "kernel_info_reply", "content": {}}
            return mid

        async def get_shell_msg(self, timeout=None):
            return self.reply

        async def get_iopub_msg(self, timeout=None):
            if not self.iopub:
                await asyncio.sleep(timeout or 0)
                raise Empty
            return self.iopub.pop(0)

        def _handle_kernel_info_reply(self, msg):
            self.handled = msg

        async def _async_is_alive(self):
            return True

    kc = Client(iopub_joins_at=1)
    asyncio.run(report._ready(kc, timeout=5))
    assert kc.asked == 1 and kc.handled["parent_header"]["msg_id"] == "info-1"
    assert [m["parent_header"]["msg_id"] for m in kc.iopub] == ["later"]  # nothing read past its own idle
    late = Client(iopub_joins_at=3)
    asyncio.run(report._ready(late, timeout=5))
    assert late.asked == 3 and late.handled["parent_header"]["msg_id"] == "info-3"


def test_a_kernels_warm_up_leaves_out_what_only_some_notebooks_need():
    """The warm-up imports what every notebook uses, not networkx (networks only), cn2an (Chinese
    numerals only) or pkg_resources (jieba reads its dictionary by path): 0.1-0.15 s each, per
    kernel. jieba still finds its dictionary."""
    import subprocess
    import sys

    code = (report.WARM_UP.replace("gc.freeze()", "") + "\nimport sys\nfrom helpers.jiebaload import jieba\n"
            "with jieba.get_dict_file() as fh:\n    assert fh.readline().strip()\n"
            "print(sorted(m for m in ('networkx', 'cn2an', 'pkg_resources') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=report.kernel_env(), check=True)
    assert out.stdout.strip() == "[]"
