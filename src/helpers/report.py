"""``python -m helpers report``: execute every notebook headless on each article and write its
figures, executed notebooks and HTML copies to ``<out>/<article>/``, atomically.

Each article is staged in a hidden folder beside its final one and swapped in only when every
notebook ran to the end, so a failed run leaves the previous figures as they were. When there
is more than one article, the corpus notebook compares them into ``<out>/corpus/``.

Only what changed is recomputed: each article's folder keeps a stamp of its inputs (the file,
the notebooks, the package's source and data files); an article whose stamp matches is skipped
(``--force`` recomputes), and the corpus reruns when any article or its notebook changed. The
analysis is computed once per article, before its notebooks run, and cached on disk
(``helpers.cache``); the notebooks load it. Two runs into the same folder take turns (a lock on
the folder); staging folders left by a killed run are removed by the next.

Kernels are reused: a pool of ``PARALLEL`` kernels is started (and imports the study's modules)
while the first article is analysed, and each kernel runs one notebook after another, its
namespace reset and its figures closed before each (``RESET``), so a notebook sees what a fresh
kernel would, without paying for a kernel start and the imports again. A kernel whose notebook
failed or stalled is shut down and replaced by a fresh one. Each executed notebook and its HTML
copy are written in a thread while its kernel goes on to the next notebook, and the kernel
clients look at their sockets every ``POLL_SLICE`` seconds (see ``_in_slices``).
"""
from __future__ import annotations

import asyncio
import fcntl
import os
import hashlib
import json
import shutil
import sys
import threading
import time
import uuid
from contextlib import asynccontextmanager, contextmanager
from functools import lru_cache
from pathlib import Path

# nbformat validates with jsonschema, whose optional "iri" format checker builds a Lark grammar
# when rfc3987_syntax is imported (~2 s CPU, the largest fixed cost of a warm report). Notebook
# schemas use no iri format, so the checker is left out (jsonschema skips it on ImportError).
sys.modules.setdefault("rfc3987_syntax", None)
import nbformat  # noqa: E402

from helpers.errors import InputError
from helpers.paths import FIGURES_DIR, NOTEBOOKS_DIR, SEEDS_DIR, seed_files
from helpers.read import read_article

# The notebooks run on each article, in this order. Add a notebook here (one line) and `report`
# runs it, the stamp covers it and the tests check its output.
ARTICLE_NOTEBOOKS = ["1-vocabulary.ipynb", "2-themes.ipynb", "3-districts.ipynb", "4-discourse.ipynb", "6-explorer.ipynb"]
CORPUS_NOTEBOOK = "5-corpus.ipynb"  # run once over all articles when there are two or more
# How the article notebooks are spread over the kernels (``plan``): by the CPU seconds each takes
# on the seed in a warmed kernel (measured; only the ratios matter), longest first, so the kernels
# finish together. A notebook not listed counts as the longest.
NOTEBOOK_COST = {"1-vocabulary.ipynb": 6.1, "3-districts.ipynb": 4.5, "6-explorer.ipynb": 3.7, "2-themes.ipynb": 3.1, "4-discourse.ipynb": 3.0}
# Notebooks run in one kernel, one after the other, because the later reuses what the earlier
# loaded: 4-discourse takes 3.0 s after a fresh warm-up, 2.1 s after 6-explorer (the formulation
# tables and the gazetteer).
SAME_KERNEL = [("6-explorer.ipynb", "4-discourse.ipynb")]
CORPUS_DIR = "corpus"
TIMEOUT = 240  # seconds per cell (the slowest cell takes a few seconds; a cell past this is stuck)
ATTEMPTS = 2  # a notebook whose kernel stalls (a cell past TIMEOUT, a dead kernel) is run once more
PARALLEL = max(2, os.cpu_count() or 2)  # notebooks executed at once: more kernels than cores only thrash
STARTUP_TIMEOUT = 120  # seconds for a kernel to start and import the study's modules
KERNEL_ARGS = ["--IPKernelApp.log_level=ERROR",  # no start-up chatter on the terminal
               "--HistoryManager.hist_file=:memory:"]  # as nbclient starts its kernels: no history file
# Run in a pooled kernel as soon as it starts (while the article is analysed): the modules the
# article notebooks import, the largest fixed cost of a kernel. Nothing of it stays in the
# namespace (RESET runs before each notebook). ``gc.freeze()`` then sets what is loaded apart
# from the garbage collector: IPython's reset collects garbage (0.2-0.25 s per notebook when
# every module's objects were scanned) and so does Python, now and then, while figures are made.
WARM_UP = """import matplotlib.pyplot, pandas
from IPython.display import HTML, Markdown, display
from helpers import echo, explorer, findings, formulations, glossary, measures, network, plots, study, targets
from helpers.pipeline import load_analysis
import gc
gc.collect()
gc.freeze()"""
# Run in a pooled kernel before each notebook: no figure left open, an empty namespace (the
# names a fresh kernel has), execution counted from 1; imported modules stay imported, and what
# survives the reset (tables the notebook before loaded) is set apart from the collector too.
RESET = """import matplotlib.pyplot as _plt
_plt.close("all")
get_ipython().reset(new_session=True)
__import__("gc").freeze()"""
STAMP = "inputs.json"  # in <article>/notebooks/: what the figures were made from
HIDDEN_PREFIXES = (".staging-", ".old-")
HTML_CSS = """<style>/* long code lines wrap instead of running off the page */
.jp-InputArea-editor pre, .jp-OutputArea-output pre, .highlight pre { white-space: pre-wrap !important; overflow-wrap: anywhere; }
</style>"""


class NotebookFailed(Exception):
    pass


def _this_python_spec():
    """The kernel is always this interpreter (the venv the study is installed in), whatever
    other "python3" kernels the machine's Jupyter knows."""
    from ipykernel.kernelspec import get_kernel_dict
    from jupyter_client.kernelspec import KernelSpec

    return KernelSpec(**get_kernel_dict())


def kernel_env() -> dict:
    """The environment of every kernel: this process's, with ``PYTHONPATH``'s relative entries
    made absolute and this package's folder first (unless it is a site-packages folder). A kernel
    runs in ``notebooks/``, so ``PYTHONPATH=src`` would otherwise find no ``src`` there and the
    kernel would import whatever ``helpers`` is installed (another checkout), not the package
    whose source the stamp digests."""
    import site

    import helpers

    root = str(Path(helpers.__file__).resolve().parents[1])
    entries = [str(Path(e).resolve()) for e in os.environ.get("PYTHONPATH", "").split(os.pathsep) if e]
    installed = {str(Path(d).resolve()) for d in [*site.getsitepackages(), site.getusersitepackages()]}
    if root not in installed:
        entries.insert(0, root)
    return {**os.environ, "PYTHONPATH": os.pathsep.join(dict.fromkeys(entries))}


def _spec_manager_class():
    from jupyter_client.kernelspec import KernelSpecManager

    class ThisPython(KernelSpecManager):
        def get_kernel_spec(self, kernel_name):
            return _this_python_spec()

    return ThisPython


def inject_parameters(nb, params: dict):
    """Insert a cell after the one tagged ``parameters`` that sets ``params`` (papermill's way)."""
    source = "# Parameters injected by `python -m helpers report`\n" + "\n".join(f"{k} = {v!r}" for k, v in params.items())
    cell = nbformat.v4.new_code_cell(source, metadata={"tags": ["injected-parameters"]})
    for i, c in enumerate(nb.cells):
        if "parameters" in c.get("metadata", {}).get("tags", []):
            nb.cells.insert(i + 1, cell)
            return nb
    nb.cells.insert(0, cell)
    return nb


def _failed_cell(nb) -> str:
    """Which cell failed, numbered as in the notebook file (the injected cell not counted)."""
    cells = [c for c in nb.cells if "injected-parameters" not in c.get("metadata", {}).get("tags", [])]
    for i, cell in enumerate(cells):
        for output in cell.get("outputs", []):
            if output.get("output_type") == "error":
                first = cell.source.strip().splitlines()[0] if cell.source.strip() else ""
                return f"cell {i + 1} ({first[:60]}): {output.get('ename')}: {output.get('evalue')}"
    return "a cell"


class _Kernel:
    """A kernel of this interpreter that runs several notebooks in turn. Started on first use,
    or ahead of it by ``start()``; ``prepare()`` resets it for the next notebook and gives that
    notebook a client of its own (fresh channels: no message of the notebook before is read)."""

    def __init__(self, warm_up: str | None = None):
        self.warm_up = WARM_UP if warm_up is None else warm_up
        self.km = None
        self._started: asyncio.Future | None = None

    def start(self) -> asyncio.Future:
        if self._started is None:
            self._started = asyncio.ensure_future(self._start())
        return self._started

    async def _start(self):
        from jupyter_client.manager import AsyncKernelManager

        self.km = AsyncKernelManager(kernel_name="python3", kernel_spec_manager=_spec_manager_class()())
        await self.km.start_kernel(extra_arguments=KERNEL_ARGS, cwd=str(NOTEBOOKS_DIR), env=kernel_env())
        if self.warm_up:
            kc = await self._client()
            try:
                await _run_quietly(kc, self.warm_up, STARTUP_TIMEOUT)
            finally:
                kc.stop_channels()

    async def _client(self):
        kc = self.km.client()
        # No heartbeat thread: the manager tells whether the kernel lives, and stopping a
        # heartbeat joins its thread, which blocked the event loop for minutes now and then.
        kc.start_channels(hb=False)
        for channel in (kc.shell_channel, kc.iopub_channel):
            channel.get_msg = _in_slices(channel.get_msg)
        try:
            await _ready(kc, STARTUP_TIMEOUT)
        except BaseException:
            kc.stop_channels()
            raise
        return kc

    async def prepare(self):
        """Started, with an empty namespace and no figure open: a new client (the caller stops
        its channels) for the next notebook."""
        await self.start()
        kc = await self._client()
        try:
            await _run_quietly(kc, RESET, TIMEOUT)
        except BaseException:
            kc.stop_channels()
            raise
        return kc

    async def shutdown(self):
        if self._started is None:
            return
        if not self._started.done():
            self._started.cancel()
        try:
            await self._started
        except BaseException:
            pass
        try:
            if self.km is not None and self.km.has_kernel:
                await self.km.shutdown_kernel(now=True)
        except Exception:
            pass


POLL_SLICE = 0.25  # seconds: the longest a client waits on a socket before looking at it again


def _in_slices(get_msg):
    """``get_msg`` of a kernel client's channel, waiting at most ``POLL_SLICE`` at a time until
    its timeout. Now and then the client's socket misses the event of a message that has arrived
    (seen in the explorer notebook's widget cell, in about one report in fifteen on this
    machine): the kernel's reply then sat unread, every process idle, until the wait's timeout
    (240 s, the cell's) made pyzmq look at the socket again. A wait that ends looks at the
    socket, so with slices a missed event costs at most ``POLL_SLICE`` (seen: replies rescued
    0.9 s late with 1 s slices, twice in 23 reports, where the report had stalled for four
    minutes twice in about 30)."""
    from queue import Empty

    async def sliced(timeout=None):
        deadline = None if timeout is None else time.monotonic() + timeout
        while True:
            left = None if deadline is None else deadline - time.monotonic()
            try:
                return await get_msg(timeout=POLL_SLICE if left is None else max(0.0, min(POLL_SLICE, left)))
            except Empty:
                if left is not None and left <= POLL_SLICE:
                    raise

    return sliced


IOPUB_WAIT = 0.2  # seconds: how long a new client waits for its request's status on IOPub before asking again


async def _ready(kc, timeout: float):
    """Wait until the kernel answers ``kc``'s kernel_info request and ``kc``'s IOPub socket
    carries that request's closing ``idle`` status: the kernel is up and the client hears its
    output (a new subscriber misses what is published before it has joined), and everything the
    kernel published before is already read. ``wait_for_ready`` ends instead with 0.2 s of
    silence on IOPub: 0.2 s lost at every notebook. ``RuntimeError`` if the kernel dies or does
    not answer in ``timeout``."""
    from queue import Empty

    deadline = time.monotonic() + timeout
    while True:
        msg_id = kc.kernel_info()
        reply = None
        try:
            while reply is None:
                msg = await kc.get_shell_msg(timeout=1)
                if msg["parent_header"].get("msg_id") == msg_id:
                    reply = msg
        except Empty:
            pass
        if reply is not None:
            heard = time.monotonic() + IOPUB_WAIT
            try:
                while True:
                    msg = await kc.get_iopub_msg(timeout=max(0.0, heard - time.monotonic()))
                    if (msg["parent_header"].get("msg_id") == msg_id and msg["msg_type"] == "status"
                            and msg["content"].get("execution_state") == "idle"):
                        kc._handle_kernel_info_reply(reply)
                        return
            except Empty:
                pass  # IOPub not joined yet when the status went out: ask again
        if not await kc._async_is_alive():
            raise RuntimeError("the kernel died before answering")
        if time.monotonic() > deadline:
            raise RuntimeError(f"the kernel did not answer in {timeout:.0f} s")


async def _run_quietly(kc, code: str, timeout: float):
    """Run ``code`` through the client ``kc`` and wait for its reply (its output is not read:
    the notebook client skips messages of other requests); ``RuntimeError`` if it raises,
    ``TimeoutError`` past ``timeout``. (Not ``execute_interactive``: its poller can miss
    messages already waiting and then sleep until the timeout.)"""
    from queue import Empty

    msg_id = kc.execute(code, store_history=False)
    deadline = time.monotonic() + timeout
    while True:
        try:
            reply = await kc.get_shell_msg(timeout=max(0.0, deadline - time.monotonic()))
        except Empty:
            raise TimeoutError(f"no reply in {timeout:.0f} s") from None
        if reply["parent_header"].get("msg_id") == msg_id:
            break
    content = reply["content"]
    if content["status"] != "ok":
        raise RuntimeError(f"{content.get('ename')}: {content.get('evalue')}")


class KernelPool:
    """``size`` kernels, each lent to one notebook at a time; a kernel whose notebook did not end
    well (an error, a stall, a dead kernel) is shut down and replaced by a fresh one."""

    def __init__(self, size: int = PARALLEL):
        self._kernels = [_Kernel() for _ in range(size)]
        self._free: asyncio.Queue = asyncio.Queue()
        for k in self._kernels:
            self._free.put_nowait(k)

    def start(self):
        """Start every kernel now, in the background (they import the study's modules meanwhile).
        jupyter_client's manager is imported first (0.2 s): imported by the first kernel's start,
        it held the other kernels back until it was done."""
        import jupyter_client.manager  # noqa: F401

        for k in self._kernels:
            k.start()

    @asynccontextmanager
    async def kernel(self):
        """A free kernel, lent for one notebook. A caller that asks again at once, with no await
        in between, gets the same kernel back (the only one it freed)."""
        k = await self._free.get()
        ok = False
        try:
            yield k
            ok = True
        finally:
            if not ok:
                await k.shutdown()
                self._kernels.remove(k)
                k = _Kernel()
                self._kernels.append(k)
            self._free.put_nowait(k)

    @property
    def size(self) -> int:
        return len(self._kernels)

    async def close(self):
        for k in self._kernels:
            await k.shutdown()


def plan(names, kernels: int) -> list[list[str]]:
    """``names`` in at most ``kernels`` lists, each run in one kernel in its order: the pairs of
    ``SAME_KERNEL`` kept together, then longest first (``NOTEBOOK_COST``) into the list with the
    least work so far. On the seed with two kernels: 6-explorer, 4-discourse, 2-themes | 1-vocabulary, 3-districts."""
    left, units = list(names), []
    for chain in SAME_KERNEL:
        if all(n in left for n in chain):
            units.append(list(chain))
            left = [n for n in left if n not in chain]
    units += [[n] for n in left]
    longest = max(NOTEBOOK_COST.values(), default=1.0)

    def cost(unit):
        return sum(NOTEBOOK_COST.get(n, longest) for n in unit)

    lanes: list[list[str]] = [[] for _ in range(max(1, min(kernels, len(units))))]
    work = [0.0] * len(lanes)
    for unit in sorted(units, key=cost, reverse=True):  # stable: equal costs keep the given order
        i = work.index(min(work))
        lanes[i] += unit
        work[i] += cost(unit)
    return [lane for lane in lanes if lane]


async def _execute(name: str, params: dict, dest: Path, final: Path | None = None, kernel: _Kernel | None = None,
                   pending: list | None = None) -> tuple[str, float]:
    """Execute notebook ``name`` with ``params`` into ``dest`` (and its HTML copy), in ``kernel``
    (one of a pool) or, without one, in a kernel of its own started and shut down here. With
    ``pending`` (a list), the executed notebook and its HTML are written in a thread while the
    kernel goes on to its next notebook: the task is appended, for the caller to await."""
    from jupyter_client.manager import AsyncKernelManager
    from nbclient import NotebookClient
    from nbclient.exceptions import CellExecutionError, DeadKernelError

    started = time.perf_counter()
    nb = nbformat.read(NOTEBOOKS_DIR / name, as_version=4)
    inject_parameters(nb, params)
    kc = None
    if kernel is None:
        km = AsyncKernelManager(kernel_name="python3", kernel_spec_manager=_spec_manager_class()())
    else:
        try:
            kc = await kernel.prepare()
        except (RuntimeError, TimeoutError, OSError) as err:  # it would not start or reset: a stall
            raise NotebookFailed(f"{name}: the kernel did not start ({err})") from DeadKernelError(str(err))
        km = kernel.km
    client = NotebookClient(nb, km=km, timeout=TIMEOUT, resources={"metadata": {"path": str(NOTEBOOKS_DIR)}},
                            extra_arguments=list(KERNEL_ARGS[:1]))
    client.kc = kc  # a pooled kernel's client for this notebook: nbclient neither starts nor stops the kernel
    failed = True
    try:
        await (client.async_execute() if kernel is not None else client.async_execute(env=kernel_env()))
        failed = False
    except (CellExecutionError, DeadKernelError, TimeoutError) as err:
        raise NotebookFailed(f"{name} failed in {_failed_cell(nb)}") from err
    finally:
        if kc is not None:
            kc.stop_channels()
        if kernel is None and km.has_kernel:
            await km.shutdown_kernel(now=True)
        if final is not None:
            _show_final(nb, dest.parent, final)
        if failed:  # the executed notebook, with the error, for whoever opens the staging folder
            _write_notebook(nb, dest / name, html=False)
    writing = asyncio.ensure_future(asyncio.to_thread(_write_notebook, nb, dest / name))
    if pending is None:
        await writing
    else:
        pending.append(writing)
    return name, time.perf_counter() - started


def _write_notebook(nb, path: Path, html: bool = True):
    """The executed notebook at ``path`` and, with ``html``, its HTML copy beside it."""
    path.parent.mkdir(parents=True, exist_ok=True)
    nbformat.write(nb, path)
    if html:
        _write_html(nb, path.with_suffix(".html"))


_html_lock = threading.Lock()


@lru_cache(maxsize=1)
def _html_exporter():
    from nbconvert import HTMLExporter

    return HTMLExporter(template_name="lab")  # made once: loading its templates costs more than a notebook's export


def _write_html(nb, path: Path):
    with _html_lock:  # one exporter, one notebook at a time (it runs in a thread beside the kernels)
        body, _ = _html_exporter().from_notebook_node(nb)
    body = body.replace("</head>", HTML_CSS + "\n</head>", 1)
    path.write_text(body, encoding="utf-8")


def _show_final(nb, stage: Path, final: Path):
    """Replace the hidden staging folder's path by the final folder's in every cell (sources and
    outputs), so the executed notebook and its HTML name the folder the reader will open."""
    for cell in nb.cells:
        cell.source = cell.source.replace(str(stage), str(final))
        for output in cell.get("outputs", []):
            if "text" in output:
                output["text"] = output["text"].replace(str(stage), str(final))
            for mime, value in output.get("data", {}).items():
                if isinstance(value, str) and mime.startswith("text/"):
                    output["data"][mime] = value.replace(str(stage), str(final))


async def _run_all(names, params, dest, say, final=None, pool: KernelPool | None = None):
    """Run the notebooks side by side, in the kernels of ``pool`` (one made for them if None), as
    ``plan`` spreads them: each list one notebook after another in one kernel. Every notebook
    runs to its end (a kernel is never cut off mid-shutdown), then the first failure, if any, is
    raised. A notebook whose kernel stalled runs once more, in a fresh kernel."""

    from nbclient.exceptions import DeadKernelError

    own = pool is None
    if own:
        pool = KernelPool(min(PARALLEL, len(names)))

    pending: list = []  # the notebooks' files, written in threads while the kernels go on

    async def one(name):
        for attempt in range(1, ATTEMPTS + 1):
            try:
                async with pool.kernel() as kernel:
                    result = await _execute(name, params, dest, final, kernel=kernel, pending=pending)
                break
            except NotebookFailed as err:
                stalled = isinstance(err.__cause__, (TimeoutError, DeadKernelError))
                if not stalled or attempt == ATTEMPTS:
                    raise
                say(f"    {name}: the kernel stalled ({err}); running it again")
        say(f"    {result[0]} done ({result[1]:.1f} s)")
        return result

    async def lane(seq):
        results = []
        for name in seq:  # one after another: the kernel this lane freed is the one it gets back
            try:
                results.append(await one(name))
            except Exception as err:  # the others still run; raised below
                results.append(err)
        return results

    try:
        lanes = await asyncio.gather(*(lane(seq) for seq in plan(names, pool.size)), return_exceptions=True)
    finally:
        written = await asyncio.gather(*pending, return_exceptions=True)  # every file written before the folder moves
        if own:
            await pool.close()
    for result in [r for results in lanes for r in (results if isinstance(results, list) else [results])] + written:
        if isinstance(result, BaseException):
            raise result


def _swap_in(stage: Path, final: Path):
    """Replace ``final`` by ``stage`` (rename; the old folder is removed only after)."""
    old = final.with_name(f".old-{final.name}-{uuid.uuid4().hex[:8]}")
    if final.exists():
        final.rename(old)
    stage.rename(final)
    if old.exists():
        shutil.rmtree(old, ignore_errors=True)


def run_notebooks(names, params: dict, final: Path, say=print) -> Path:
    """Execute ``names`` with ``params`` into a staging folder beside ``final`` (figures go to
    its top, notebooks and HTML to ``notebooks/``), then swap it in. On failure the staging
    folder is removed and ``final`` is left untouched."""
    return asyncio.run(_run_notebooks(names, params, final, say))


async def _run_notebooks(names, params: dict, final: Path, say, pool: KernelPool | None = None) -> Path:
    final.parent.mkdir(parents=True, exist_ok=True)
    stage = final.with_name(f".staging-{final.name}-{uuid.uuid4().hex[:8]}")
    stage.mkdir()
    try:
        await _run_all(names, {**params, "OUT_DIR": str(stage)}, stage / "notebooks", say, final, pool)
    except BaseException:
        shutil.rmtree(stage, ignore_errors=True)
        raise
    _swap_in(stage, final)
    return final


def _digest(*parts) -> str:
    h = hashlib.sha256()
    for part in parts:
        h.update(part if isinstance(part, bytes) else str(part).encode())
        h.update(b"\0")
    return h.hexdigest()


def article_stamp(path: Path, notebooks=None) -> str:
    """What an article's figures depend on: the file's bytes and name, the notebooks run on it,
    the package's source and data files."""
    from helpers.cache import file_digest, package_digest

    notebooks = notebooks or ARTICLE_NOTEBOOKS
    return _digest(file_digest(path), path.name, package_digest(), *[(NOTEBOOKS_DIR / n).read_bytes() for n in notebooks], *notebooks)


def corpus_stamp(stamps: list[str]) -> str:
    """What the corpus comparison depends on: every article's stamp, in order, and its notebook."""
    return _digest(*stamps, (NOTEBOOKS_DIR / CORPUS_NOTEBOOK).read_bytes(), CORPUS_NOTEBOOK)


def _stamp_file(final: Path) -> Path:
    return final / "notebooks" / STAMP


def is_current(final: Path, stamp: str, notebooks) -> bool:
    """True when ``final`` holds every notebook's output made from exactly these inputs."""
    try:
        saved = json.loads(_stamp_file(final).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    return saved.get("stamp") == stamp and all((final / "notebooks" / n).is_file() for n in notebooks)


def _write_stamp(final: Path, stamp: str, sources):
    _stamp_file(final).write_text(json.dumps({"stamp": stamp, "sources": [str(s) for s in sources]}, ensure_ascii=False, indent=1), encoding="utf-8")


def check_out_dir(out: Path) -> Path:
    """``out`` if it is, or can become, a folder; else ``InputError`` (an existing file, or a path
    under a file, or one the user may not write)."""
    for parent in [out, *out.parents]:
        if parent.exists():
            if not parent.is_dir():
                what = "is a file" if parent == out else f"lies under {parent}, which is a file"
                raise InputError(f"--out {out}: {what}. Give a folder (it is created if missing), e.g. --out figures.")
            break
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as err:
        raise InputError(f"--out {out}: cannot create the folder ({err.strerror}). Give a folder you may write.") from None
    return out


@contextmanager
def folder_lock(out: Path):
    """Hold an exclusive lock on the folder ``out`` (flock on the folder itself: nothing is
    written); a second run into the same folder waits for the first, then finds its work done."""
    fd = os.open(out, os.O_RDONLY)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        fcntl.flock(fd, fcntl.LOCK_UN)
        os.close(fd)


def remove_leftovers(out: Path) -> list[Path]:
    """Remove the ``.staging-*`` and ``.old-*`` folders a killed run left in ``out`` (call with the
    folder lock held, so no running report's staging is touched)."""
    gone = []
    for p in out.iterdir():
        if p.name.startswith(HIDDEN_PREFIXES) and p.is_dir():
            shutil.rmtree(p, ignore_errors=True)
            gone.append(p)
    return gone


def _unique_names(articles):
    seen, out = {}, []
    for path, art in articles:
        name = art.safe_name
        if name == CORPUS_DIR:
            name = f"{name}-article"
        if name in seen:
            seen[name] += 1
            name = f"{name}-{seen[name]}"
        else:
            seen[name] = 1
        out.append((path, name))
    return out


def run_report(seeds=(), out=None, quiet=False, force=False) -> int:
    """Run the study on each seed (default: every file in seeds/). Returns the exit status:
    0 all written, 2 some input was unusable (the rest still written), 1 a notebook failed.
    An article whose inputs are unchanged since its figures were written is skipped unless
    ``force``. Raises ``InputError`` for an unusable ``out``."""
    say = (lambda *a: None) if quiet else (lambda *a: print(*a, flush=True))
    out = check_out_dir(Path(out) if out else FIGURES_DIR)
    paths = [Path(s) for s in seeds] or seed_files()
    if not paths:
        raise InputError(f"{SEEDS_DIR}: no article files. Put a .txt article there or name one: python -m helpers report FILE")
    with folder_lock(out):
        for p in remove_leftovers(out):
            say(f"removed {p.name} (left by an interrupted run)")
        return _run_locked(paths, out, say, force)


def _analyze(path: Path):
    """``helpers.pipeline.analyze``, imported here, after the kernels have started (pandas and
    jieba take half a second) and never in a run with nothing to recompute."""
    from helpers.pipeline import analyze

    return analyze(path)


def _run_locked(paths, out: Path, say, force: bool) -> int:
    return asyncio.run(_run_articles(paths, out, say, force))


async def _run_articles(paths, out: Path, say, force: bool) -> int:
    articles, bad = [], 0
    for p in paths:
        try:
            articles.append((p, read_article(p)))
        except InputError as err:
            print(f"error: {err}", file=sys.stderr)
            bad += 1
    if not articles:
        return 2
    named = _unique_names(articles)
    written, skipped, failed, stamps = [], [], 0, []
    started = time.perf_counter()
    pool = None  # started when the first notebook is due, so a run with nothing changed starts none
    try:
        for i, (path, name) in enumerate(named, 1):
            final = out / name
            stamp = article_stamp(path)
            stamps.append(stamp)
            if not force and is_current(final, stamp, ARTICLE_NOTEBOOKS):
                say(f"[{i}/{len(named)}] {path.name} unchanged → {final} (skipped; --force recomputes)")
                skipped.append(final)
                continue
            say(f"[{i}/{len(named)}] {path.name} → {final}")
            if pool is None:
                pool = KernelPool(PARALLEL)
                pool.start()  # the kernels start and import while the article is analysed
            try:
                await asyncio.to_thread(_analyze, path)  # once, into the cache: the notebooks load it
                await _run_notebooks(ARTICLE_NOTEBOOKS, {"SEED": str(path.resolve())}, final, say, pool)
                _write_stamp(final, stamp, [path.resolve()])
                written.append(final)
            except NotebookFailed as err:
                print(f"error: {path.name}: {err}. The previous figures in {final} are unchanged.", file=sys.stderr)
                stamps[-1] = "failed"
                failed += 1
        if len(named) > 1:
            final = out / CORPUS_DIR
            stamp = corpus_stamp(stamps)
            if not force and not failed and is_current(final, stamp, [CORPUS_NOTEBOOK]):
                say(f"[corpus] no article changed → {final} (skipped)")
                skipped.append(final)
            else:
                say(f"[corpus] comparing {len(named)} articles → {final}")
                if pool is None:
                    pool = KernelPool(1)
                try:
                    await _run_notebooks([CORPUS_NOTEBOOK], {"SEEDS": [str(p.resolve()) for p, _ in named]}, final, say, pool)
                    _write_stamp(final, stamp, [p.resolve() for p, _ in named])
                    written.append(final)
                except NotebookFailed as err:
                    print(f"error: corpus: {err}. The previous figures in {final} are unchanged.", file=sys.stderr)
                    failed += 1
    finally:
        if pool is not None:
            await pool.close()
    say(f"\nWrote in {time.perf_counter() - started:.1f} s ({len(written)} folder(s) written, {len(skipped)} unchanged and skipped):")
    for folder in written:
        files = sorted(p for p in folder.rglob("*") if p.is_file())
        figs = sorted({p.stem for p in files if p.suffix == ".png"})
        say(f"  {folder}/  {len(figs)} figures (PNG+SVG+CSV), {sum(p.suffix == '.csv' and p.stem.startswith('tab') for p in files)} tables, "
            f"{sum(p.suffix == '.html' for p in files)} notebooks as HTML")
        for stem in figs:
            say(f"    {stem}")
    return 1 if failed else (2 if bad else 0)
