"""``python -m helpers report``: execute every notebook headless on each article and write its
figures, executed notebooks and HTML copies to ``<out>/<article>/``, atomically.

Each article is staged in a hidden folder beside its final one and swapped in only when every
notebook ran to the end, so a failed run leaves the previous figures as they were. When there
is more than one article, the corpus notebook compares them into ``<out>/corpus/``.
"""
from __future__ import annotations

import asyncio
import shutil
import sys
import time
import uuid
from pathlib import Path

import nbformat

from helpers.errors import InputError
from helpers.paths import FIGURES_DIR, NOTEBOOKS_DIR, SEEDS_DIR, seed_files
from helpers.read import read_article

ARTICLE_NOTEBOOKS = ["1-vocabulary.ipynb", "2-themes.ipynb", "3-districts.ipynb"]
CORPUS_NOTEBOOK = "4-corpus.ipynb"
CORPUS_DIR = "corpus"
TIMEOUT = 600  # seconds per cell


class NotebookFailed(Exception):
    pass


def _this_python_spec():
    """The kernel is always this interpreter (the venv the study is installed in), whatever
    other "python3" kernels the machine's Jupyter knows."""
    from ipykernel.kernelspec import get_kernel_dict
    from jupyter_client.kernelspec import KernelSpec

    return KernelSpec(**get_kernel_dict())


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


async def _execute(name: str, params: dict, dest: Path) -> tuple[str, float]:
    from jupyter_client.manager import AsyncKernelManager
    from nbclient import NotebookClient
    from nbclient.exceptions import CellExecutionError, DeadKernelError

    _ThisPython = _spec_manager_class()

    started = time.perf_counter()
    nb = nbformat.read(NOTEBOOKS_DIR / name, as_version=4)
    inject_parameters(nb, params)
    km = AsyncKernelManager(kernel_name="python3", kernel_spec_manager=_ThisPython())
    client = NotebookClient(
        nb, km=km, timeout=TIMEOUT, resources={"metadata": {"path": str(NOTEBOOKS_DIR)}},
        extra_arguments=["--IPKernelApp.log_level=ERROR"],  # no start-up chatter on the terminal
    )
    try:
        await client.async_execute()
    except (CellExecutionError, DeadKernelError, TimeoutError) as err:
        raise NotebookFailed(f"{name} failed in {_failed_cell(nb)}") from err
    finally:
        if km.has_kernel:
            await km.shutdown_kernel(now=True)
        dest.mkdir(parents=True, exist_ok=True)
        nbformat.write(nb, dest / name)
    _write_html(nb, dest / name.replace(".ipynb", ".html"))
    return name, time.perf_counter() - started


def _write_html(nb, path: Path):
    from nbconvert import HTMLExporter

    body, _ = HTMLExporter(template_name="lab").from_notebook_node(nb)
    path.write_text(body, encoding="utf-8")


async def _run_all(names, params, dest, say):
    """Run the notebooks side by side; every one runs to its end (a kernel is never cut off
    mid-shutdown), then the first failure, if any, is raised."""

    async def one(name):
        result = await _execute(name, params, dest)
        say(f"    {result[0]} done ({result[1]:.1f} s)")
        return result

    results = await asyncio.gather(*(one(n) for n in names), return_exceptions=True)
    for result in results:
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
    final.parent.mkdir(parents=True, exist_ok=True)
    stage = final.with_name(f".staging-{final.name}-{uuid.uuid4().hex[:8]}")
    stage.mkdir()
    try:
        asyncio.run(_run_all(names, {**params, "OUT_DIR": str(stage)}, stage / "notebooks", say))
    except BaseException:
        shutil.rmtree(stage, ignore_errors=True)
        raise
    _swap_in(stage, final)
    return final


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


def run_report(seeds=(), out=None, quiet=False) -> int:
    """Run the study on each seed (default: every file in seeds/). Returns the exit status:
    0 all written, 2 some input was unusable (the rest still written), 1 a notebook failed."""
    say = (lambda *a: None) if quiet else (lambda *a: print(*a, flush=True))
    out = Path(out) if out else FIGURES_DIR
    paths = [Path(s) for s in seeds] or seed_files()
    if not paths:
        raise InputError(f"{SEEDS_DIR}: no article files. Put a .txt article there or name one: python -m helpers report FILE")
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
    written, failed = [], 0
    started = time.perf_counter()
    for i, (path, name) in enumerate(named, 1):
        say(f"[{i}/{len(named)}] {path.name} → {out / name}")
        try:
            final = run_notebooks(ARTICLE_NOTEBOOKS, {"SEED": str(path.resolve())}, out / name, say)
            written.append(final)
        except NotebookFailed as err:
            print(f"error: {path.name}: {err}. The previous figures in {out / name} are unchanged.", file=sys.stderr)
            failed += 1
    if len(named) > 1:
        say(f"[corpus] comparing {len(named)} articles → {out / CORPUS_DIR}")
        try:
            final = run_notebooks([CORPUS_NOTEBOOK], {"SEEDS": [str(p.resolve()) for p, _ in named]}, out / CORPUS_DIR, say)
            written.append(final)
        except NotebookFailed as err:
            print(f"error: corpus: {err}. The previous figures in {out / CORPUS_DIR} are unchanged.", file=sys.stderr)
            failed += 1
    say(f"\nWrote in {time.perf_counter() - started:.1f} s:")
    for folder in written:
        files = sorted(p for p in folder.rglob("*") if p.is_file())
        figs = sorted({p.stem for p in files if p.suffix == ".png"})
        say(f"  {folder}/  {len(figs)} figures (PNG+SVG+CSV), {sum(p.suffix == '.csv' and p.stem.startswith('tab') for p in files)} tables, "
            f"{sum(p.suffix == '.html' for p in files)} notebooks as HTML")
        for stem in figs:
            say(f"    {stem}")
    return 1 if failed else (2 if bad else 0)
