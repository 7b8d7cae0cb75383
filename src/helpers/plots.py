"""Figures: each saved as PNG (report resolution) and SVG beside a CSV of exactly the data it
plots, as ``<out>/figNN-slug.{png,svg,csv}``. Chinese is drawn with the shipped font
(``helpers.fonts``). Plot helpers take DataFrames and return the matplotlib Figure.
"""
from __future__ import annotations

import io
import textwrap
import zlib
from pathlib import Path

import matplotlib
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.layout_engine import PlaceHolderLayoutEngine

from helpers.fonts import font_path, use_font

DPI = 200
FAMILY = use_font()
PALETTE = ["#1f5fa6", "#d1495b", "#edae49", "#00798c", "#6a4c93", "#66a182", "#8d6a9f", "#e07a5f", "#3d405b", "#81b29a", "#f2cc8f", "#5c946e"]
MUTED = "#9a9a9a"
plt.rcParams.update({
    "figure.dpi": 100, "savefig.dpi": DPI, "axes.spines.top": False, "axes.spines.right": False,
    "svg.hashsalt": "helpers",  # stable ids inside SVGs, so reruns give identical files
    "axes.titlesize": 13, "axes.labelsize": 11, "xtick.labelsize": 10, "ytick.labelsize": 10,
})


def save_figure(fig, data: pd.DataFrame, out_dir, number: int, slug: str, show: bool = True) -> dict:
    """Write ``figNN-slug.png``, ``.svg`` and ``.csv`` (UTF-8 with BOM, so Excel reads the
    Chinese) into ``out_dir``, close the figure and, in a notebook, show the saved PNG.
    Returns the three paths."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    stem = out / f"fig{number:02d}-{slug}"
    paths = {ext: stem.with_suffix(f".{ext}") for ext in ("png", "svg", "csv")}
    engine = fig.get_layout_engine()
    if engine is None or isinstance(engine, PlaceHolderLayoutEngine):
        image, box = _draw_once(fig)
        _write_png(image, paths["png"])
        fig._layout_engine = None  # no layout pass for the SVG (public API swaps the inert engine for another)
        try:
            fig.savefig(paths["svg"], bbox_inches=box, facecolor="white", metadata={"Date": None})  # same bytes on a rerun
        finally:
            fig._layout_engine = engine
    else:  # a real layout engine (constrained layout) lays the figure out on each save
        fig.savefig(paths["png"], dpi=DPI, bbox_inches="tight", facecolor="white", pil_kwargs={"compress_type": zlib.Z_RLE})
        fig.savefig(paths["svg"], bbox_inches="tight", facecolor="white", metadata={"Date": None})
    data.to_csv(paths["csv"], index=isinstance(data.index, pd.MultiIndex) or data.index.name is not None, encoding="utf-8-sig")
    plt.close(fig)
    if show:
        _show_png(paths["png"])
    return paths


def _draw_once(fig):
    """The PNG's picture (a PIL image) and the tight box (inches) both formats crop to, from ONE
    Agg draw of the whole figure at the PNG's resolution: the box is measured on that draw and
    the picture cut out of it. ``savefig(bbox_inches="tight")`` would lay the figure out once to
    measure and then draw it again, for each format. The cut is at whole pixels, so the picture
    sits up to half a pixel from where savefig puts it. When something is drawn outside the
    figure (a title wider than it), savefig's own shifted draw makes the picture instead."""
    canvas, dpi, face = fig.canvas, fig.dpi, fig.get_facecolor()
    try:
        agg = FigureCanvasAgg(fig)  # a canvas of its own, as savefig makes: no window to resize
        fig.set_dpi(DPI)
        fig.set_facecolor("white")
        agg.draw()
        renderer = agg.get_renderer()
        tight = fig.get_tightbbox(renderer)
        box = tight.padded(plt.rcParams["savefig.pad_inches"])
        width, height = fig.get_size_inches()
        image = None
        if tight.x0 >= -1e-6 and tight.y0 >= -1e-6 and tight.x1 <= width + 1e-6 and tight.y1 <= height + 1e-6:
            image = _cut(renderer.buffer_rgba(), box)
    finally:
        fig.set_dpi(dpi)
        fig.set_facecolor(face)
        fig.set_canvas(canvas)
    if image is None:
        image = _savefig_image(fig, box)
    return image, box


def _size(box) -> tuple[int, int]:
    """Width and height in pixels of ``box`` at DPI, as Agg sizes its canvas (get_width_height)."""
    return int(box.width * DPI + 1e-8), int(box.height * DPI + 1e-8)


def _image(buffer, size, opaque_where=None):
    """A PIL image of Agg's RGBA ``buffer`` (no copy), cropped to ``opaque_where`` (left, top,
    right, bottom) if given; RGB when every pixel there is opaque (the alpha channel then
    carries nothing: a smaller, faster PNG)."""
    from PIL import Image

    pixels = np.frombuffer(buffer, dtype=np.uint8).reshape(size[1], size[0], 4)
    x0, y0, x1, y1 = opaque_where or (0, 0, *size)
    image = Image.frombuffer("RGBA", size, buffer, "raw", "RGBA", 0, 1).crop((x0, y0, x1, y1))
    return image.convert("RGB") if x1 > x0 and y1 > y0 and pixels[y0:y1, x0:x1, 3].min() == 255 else image


def _cut(buffer, box):
    """``box`` (inches, from the figure's lower left) out of the figure's RGBA pixels (rows from
    the top), white where the padding reaches past the figure's edge."""
    from PIL import Image

    rows, cols = buffer.shape[:2]  # Agg's memoryview: rows, columns, RGBA
    w, h = _size(box)
    left, top = int(round(box.x0 * DPI)), int(round(rows - box.y1 * DPI))
    x0, y0, x1, y1 = max(left, 0), max(top, 0), min(left + w, cols), min(top + h, rows)
    part = _image(buffer, (cols, rows), (x0, y0, max(x0, x1), max(y0, y1)))
    if (x0, y0, x1, y1) == (left, top, left + w, top + h):
        return part
    out = Image.new(part.mode, (w, h), "white")
    out.paste(part, (x0 - left, y0 - top))
    return out


def _savefig_image(fig, box):
    engine = fig.get_layout_engine()
    fig._layout_engine = None
    try:
        raw = io.BytesIO()
        fig.savefig(raw, format="rgba", dpi=DPI, bbox_inches=box, facecolor="white")
    finally:
        fig._layout_engine = engine
    w, h = _size(box)
    if raw.getbuffer().nbytes != w * h * 4:
        raise RuntimeError(f"Agg drew {raw.getbuffer().nbytes} bytes, not {w}×{h} RGBA pixels")
    return _image(raw.getvalue(), (w, h))


def _write_png(image, path: Path):
    """The PNG written by PIL with zlib's run-length strategy: with RGB instead of RGBA, half the
    encoding time of matplotlib's default (RGBA, adaptive zlib) and slightly smaller files on
    these charts."""
    from PIL import PngImagePlugin

    info = PngImagePlugin.PngInfo()
    info.add_text("Software", f"Matplotlib version{matplotlib.__version__}, https://matplotlib.org/")  # as matplotlib writes it
    image.save(path, format="png", dpi=(DPI, DPI), pnginfo=info, compress_type=zlib.Z_RLE)


def _show_png(path: Path):
    """Show the saved PNG in a notebook (what the report gets, without drawing it a third time)."""
    try:
        from IPython import get_ipython
        from IPython.display import Image, display
    except ImportError:
        return
    if get_ipython() is None:
        return
    from PIL import Image as PILImage

    with PILImage.open(path) as im:
        width = im.width
    display(Image(filename=str(path), width=min(900, width // 2)))


def save_table(data: pd.DataFrame, out_dir, number: int, slug: str) -> Path:
    """A table for the report: ``tabNN-slug.csv``."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    path = out / f"tab{number:02d}-{slug}.csv"
    data.to_csv(path, index=False, encoding="utf-8-sig")
    return path


def wrap(label: str, width: int = 12) -> str:
    """Wrap a long Chinese label every ``width`` characters; a label up to twice that long is
    cut once, in the middle or before 与 (实体经济\n与产业), not leaving one character alone."""
    label = str(label)
    if len(label) <= width:
        return label
    if len(label) <= 2 * width:
        cut = label.find("与", 2)
        cut = cut if 2 <= cut <= len(label) - 2 else (len(label) + 1) // 2
        return label[:cut] + "\n" + label[cut:]
    return "\n".join(textwrap.wrap(label, width)) or label


def _empty(ax, message: str):
    ax.text(0.5, 0.5, message, ha="center", va="center", transform=ax.transAxes, color=MUTED, fontsize=12)
    ax.set_xticks([])
    ax.set_yticks([])


def barh(df: pd.DataFrame, label: str, value: str, title: str, xlabel: str, ax=None, color=PALETTE[0], annotate=True, fmt="{:g}", labels=None):
    """Horizontal bars, largest at the top. ``labels`` (optional mapping) replaces each label
    shown, e.g. ``helpers.glossary.label_map(terms, "zh+en")`` for pinyin and English."""
    if ax is None:
        fig, ax = plt.subplots(figsize=(7, max(2.5, 0.32 * len(df) + 1.2)))
    else:
        fig = ax.figure
    if df.empty:
        _empty(ax, "（无数据）")
        ax.set_title(title)
        return fig
    d = df.iloc[::-1]
    bars = ax.barh(range(len(d)), d[value], color=color)
    ax.set_yticks(range(len(d)), [labels.get(x, x) for x in d[label]] if labels else d[label])
    ax.set_xlabel(xlabel)
    ax.set_title(title, loc="left")
    if annotate:
        top = float(d[value].max()) or 1
        for bar, v in zip(bars, d[value]):
            ax.text(bar.get_width() + top * 0.01, bar.get_y() + bar.get_height() / 2, fmt.format(v), va="center", fontsize=8.5)
        ax.set_xlim(0, top * 1.15)
    return fig


def small_multiples(df: pd.DataFrame, group: str, label: str, value: str, title: str, xlabel: str, ncols: int = 3, fmt="{:g}", colors=None,
                    ref: float | None = None, ref_label: str = "", labels=None):
    """One horizontal bar panel per group (as many rows of ``ncols`` as needed), bars of the
    same height in every panel; ``ref`` draws a dashed reference line (e.g. z = 1.96)."""
    groups = list(pd.unique(df[group])) if len(df) else []
    if not groups:
        fig, ax = plt.subplots(figsize=(7, 2.5))
        _empty(ax, "（无数据）")
        ax.set_title(title, loc="left")
        return fig
    ncols = min(ncols, len(groups))
    nrows = int(np.ceil(len(groups) / ncols))
    per = max(df.groupby(group).size().max(), 3)
    fig, axes = plt.subplots(nrows, ncols, figsize=(4.2 * ncols, (0.3 * per + 1.1) * nrows + 0.6), squeeze=False)
    for i, g in enumerate(groups):
        ax = axes[i // ncols][i % ncols]
        part = df[df[group] == g]
        barh(part, label, value, str(g), "", ax=ax, color=(colors or PALETTE)[i % len(colors or PALETTE)], fmt=fmt, labels=labels)
        ax.set_ylim(len(part) - per - 0.5, len(part) - 0.5)  # same bar height in every panel
        ax.title.set_fontsize(11.5)
        if ref is not None:
            ax.axvline(ref, color="#444", linestyle="--", linewidth=0.9)
            ax.set_xlim(0, max(ax.get_xlim()[1], ref * 1.15))
    for j in range(len(groups), nrows * ncols):
        axes[j // ncols][j % ncols].axis("off")
    fig.suptitle(title, x=0.01, ha="left", fontsize=14)
    fig.supxlabel(xlabel + (f"   (dashed line: {ref_label})" if ref is not None and ref_label else ""), fontsize=10.5)
    height = fig.get_size_inches()[1]
    fig.tight_layout(rect=(0, 0, 1, 1 - 0.45 / height))  # room for the title above the panels
    return fig


def heatmap(table: pd.DataFrame, title: str, cbar_label: str, fmt="{:.0f}", cmap="Blues", separate_last: int = 0, xwrap: int = 4, ywrap: int = 14,
            labels=None):
    """A labelled heatmap of ``table`` (rows × columns) with each cell's value written in it.
    ``separate_last`` draws a line above the last N rows (groups shown apart); ``labels``
    (optional mapping) replaces row and column labels it has (unwrapped)."""
    rows, cols = table.shape
    fig, ax = plt.subplots(figsize=(max(6, 0.75 * cols + 3), max(2.6, 0.45 * rows + 1.8)))
    if rows == 0 or cols == 0:
        _empty(ax, "（无数据）")
        ax.set_title(title, loc="left")
        return fig
    values = table.to_numpy(dtype=float)
    im = _cells(ax, values, cmap, vmax=max(values.max(), 1e-9))
    labels = labels or {}
    ax.set_xticks(range(cols), [labels.get(c) or wrap(c, xwrap) for c in table.columns], fontsize=9)
    ax.set_yticks(range(rows), [labels.get(r) or wrap(r, ywrap) for r in table.index], fontsize=9.5)
    ax.tick_params(axis="x", top=True, bottom=False, labeltop=True, labelbottom=False)
    hi = values.max() or 1
    for i in range(rows):
        for j in range(cols):
            v = values[i, j]
            if v > 0:
                ax.text(j, i, fmt.format(v), ha="center", va="center", fontsize=8, color="white" if v > hi * 0.6 else "#222")
    if separate_last:
        ax.axhline(rows - separate_last - 0.5, color="#333", linewidth=1.5)
    return _finish_heatmap(fig, ax, im, title, cbar_label, pad=12)


def _cells(ax, values, cmap, vmax: float):
    """A heatmap's cells, row 0 at the top, cell (i, j) centred on x = j, y = i (as ``imshow``
    places them), drawn as vector rectangles: crisp in the SVG, and much cheaper to save than
    an image, which is resampled to the output's resolution and embedded as a bitmap in SVG."""
    rows, cols = values.shape
    mesh = ax.pcolormesh(np.arange(cols + 1) - 0.5, np.arange(rows + 1) - 0.5, values, cmap=cmap, vmin=0, vmax=vmax)
    ax.set_xlim(-0.5, cols - 0.5)
    ax.set_ylim(rows - 0.5, -0.5)
    return mesh


def _finish_heatmap(fig, ax, im, title: str, cbar_label: str, pad: int):
    """Frameless cells, a labelled colour bar and a left-aligned title."""
    for spine in ax.spines.values():
        spine.set_visible(False)
    cb = fig.colorbar(im, ax=ax, fraction=0.03, pad=0.02)
    cb.set_label(cbar_label)
    ax.set_title(title, loc="left", pad=pad)
    fig.tight_layout()
    return fig


def dispersion_plot(points: pd.DataFrame, terms: list[str], bounds: pd.DataFrame, length: int, title: str):
    """A lexical dispersion plot: one row per term, a tick at each occurrence (x = character
    offset), section boundaries as dashed lines labelled with their number."""
    fig, ax = plt.subplots(figsize=(10, 0.42 * len(terms) + 1.8))
    for i, term in enumerate(terms):
        xs = points.loc[points["term"] == term, "start"]
        ax.scatter(xs, [i] * len(xs), marker="|", s=260, color=PALETTE[i % len(PALETTE)], linewidths=1.6)
    ax.set_yticks(range(len(terms)), terms)
    ax.set_ylim(len(terms) - 0.5, -0.5)
    ax.set_xlim(0, max(length, 1))
    for row in bounds.itertuples():
        if row.section > 0:
            ax.axvline(row.start, color="#555", linestyle="--", linewidth=0.9)
            ax.text(row.start, -0.75, f"§{row.section}", fontsize=8.5, color="#333", ha="left", va="bottom")
    ax.set_xlabel("position in the article (character offset)")
    ax.set_title(title, loc="left", pad=18)
    fig.tight_layout()
    return fig


def wordcloud_figure(freqs: dict, title: str, seed: int = 7):
    """A word cloud drawn with the shipped Chinese font (``font_path`` is passed explicitly:
    WordCloud gives no warning when a font lacks the glyphs)."""
    from wordcloud import WordCloud

    fig, ax = plt.subplots(figsize=(9, 5))
    if not freqs:
        _empty(ax, "（无数据）")
        ax.set_title(title, loc="left")
        return fig, None
    # laid out at 400×220 and drawn at four times the size (1600×880, as before): half the CPU of
    # a layout at 800×440, the smallest words 16 px high instead of 8
    wc = WordCloud(font_path=str(font_path()), width=400, height=220, scale=4, background_color="white", random_state=seed,
                   colormap="viridis", prefer_horizontal=0.95, max_words=120, margin=1)
    wc.generate_from_frequencies(freqs)
    ax.imshow(wc.to_array(), interpolation="bilinear")
    ax.axis("off")
    ax.set_title(title, loc="left")
    fig.tight_layout()
    return fig, wc


def grouped_barh(df: pd.DataFrame, label: str, values: list[str], names: list[str], title: str, xlabel: str, labels=None):
    """Horizontal bars with one bar per value column for each label (first label at the top);
    ``labels`` (optional mapping) replaces each label shown."""
    fig, ax = plt.subplots(figsize=(7.5, max(3, 0.5 * len(df) + 1.4)))
    if df.empty:
        _empty(ax, "（无数据）")
        ax.set_title(title, loc="left")
        return fig
    d = df.iloc[::-1].reset_index(drop=True)
    height = 0.8 / len(values)
    for k, (col, name) in enumerate(zip(values, names)):
        ys = np.arange(len(d)) + (len(values) - 1 - k) * height - 0.4 + height / 2
        bars = ax.barh(ys, d[col], height=height, color=PALETTE[k], label=name)
        for bar, v in zip(bars, d[col]):
            if v > 0:
                ax.text(bar.get_width() + 0.5, bar.get_y() + bar.get_height() / 2, f"{v:g}", va="center", fontsize=8)
    ax.set_yticks(range(len(d)), [labels.get(x, x) for x in d[label]] if labels else d[label])
    ax.set_xlabel(xlabel)
    ax.set_xlim(0, max(float(d[values].to_numpy().max()), 1) * 1.15)
    ax.legend(loc="lower right", frameon=False)
    ax.set_title(title, loc="left")
    fig.tight_layout()
    return fig


def flow_heatmap(table: pd.DataFrame, sections: pd.Series, title: str, cbar_label: str):
    """Theme × paragraph heatmap in article order, section starts marked with lines and §N.

    ``sections`` maps each column (paragraph index) to its section number."""
    rows, cols = table.shape
    fig, ax = plt.subplots(figsize=(max(7, 0.28 * cols + 3), 0.42 * rows + 2))
    if rows == 0 or cols == 0:
        _empty(ax, "（无数据）")
        ax.set_title(title, loc="left")
        return fig
    values = table.to_numpy(dtype=float)
    im = _cells(ax, values, "Purples", vmax=max(values.max(), 1e-9))
    ax.set_yticks(range(rows), table.index, fontsize=9.5)
    step = max(1, cols // 25)
    ax.set_xticks(range(0, cols, step), [str(c) for c in table.columns[::step]], fontsize=8)
    ax.set_xlabel("paragraph (in article order)")
    secs = sections.reindex(table.columns).to_numpy()
    for j in range(cols):
        if j == 0 or secs[j] != secs[j - 1]:
            if j:
                ax.axvline(j - 0.5, color="#333", linewidth=1.1)
            ax.text(j - 0.4, -0.7, f"§{secs[j]}", fontsize=8.5, ha="left", va="bottom", color="#333")
    return _finish_heatmap(fig, ax, im, title, cbar_label, pad=20)


# --- discourse: formulations, commitments, echo (notebooks/4-discourse.ipynb) ---------------

FIDELITY_MARK = {"verbatim": "", "altered": "A", "truncated": "T", "expanded": "E"}
KIND_MARK = {"quoted": "“”", "numbered": "#", "reference": "§"}


def formulation_heatmap(tidy: pd.DataFrame, title: str):
    """Formulation × district heatmap from a tidy table (formulation, kind, district, count,
    fidelity): cells show the number of uses, with A/T/E after it when a reference formulation is
    altered, truncated or expanded there; row labels carry the kind (“…” quoted, # numbered,
    § reference). Rows in the order given, columns by first appearance."""
    if tidy.empty:
        fig, ax = plt.subplots(figsize=(7, 2.6))
        _empty(ax, "（无数据）")
        ax.set_title(title, loc="left")
        return fig
    d = tidy.assign(row=[f"“{f}”" if k == "quoted" else f"{KIND_MARK.get(k, '')} {f}" for f, k in zip(tidy["formulation"], tidy["kind"])])
    rows = list(pd.unique(d["row"]))
    cols = list(pd.unique(d["district"]))
    counts = d.pivot_table(index="row", columns="district", values="count", aggfunc="sum", fill_value=0).reindex(index=rows, columns=cols, fill_value=0)
    marks = d.groupby(["row", "district"])["fidelity"].agg(
        lambda s: "".join(sorted({FIDELITY_MARK.get(x, "") for x in s if isinstance(x, str)})))
    values = counts.to_numpy(dtype=float)
    fig, ax = plt.subplots(figsize=(max(6.5, 0.7 * len(cols) + 4), max(2.8, 0.36 * len(rows) + 2)))
    im = _cells(ax, values, "Oranges", vmax=max(values.max(), 2))  # one use is not the darkest
    ax.set_xticks(range(len(cols)), [wrap(c, 4) for c in cols], fontsize=9)
    ax.set_yticks(range(len(rows)), [wrap(r, 16) for r in rows], fontsize=9)
    ax.tick_params(axis="x", top=True, bottom=False, labeltop=True, labelbottom=False)
    hi = values.max() or 1
    for i, r in enumerate(rows):
        for j, c in enumerate(cols):
            v = values[i, j]
            if v > 0:
                label = f"{v:.0f}{marks.get((r, c), '')}"
                ax.text(j, i, label, ha="center", va="center", fontsize=8, color="white" if v > hi * 0.6 else "#222")
    fig = _finish_heatmap(fig, ax, im, title, "uses (A altered, T truncated, E expanded)", pad=12)
    fig.axes[-1].yaxis.set_major_locator(plt.MaxNLocator(integer=True))
    return fig


FIRMNESS_MARKERS = {"确保": "s", "力争": "^", "争取": "D", "努力": "P", "计划": "o", "预计": "h", "拟": "p", "目标": "*", "将": "v", "": "x"}


def commitments_chart(points: pd.DataFrame, title: str):
    """Each stated quantity as a point: y = indicator (who · what), x = deadline (no deadline
    first), marker by firmness (确保 ■, 力争 ▲, 争取 ◆, 计划 ●, 将 ▼, none ×), colour by tense
    (goal or achieved), the number as written beside it. ``points`` columns: label, deadline,
    firmness, tense, text."""
    fig, ax = plt.subplots(figsize=(9, max(2.8, 0.34 * len(points) + 1.8)))
    if points.empty:
        _empty(ax, "（无数据）")
        ax.set_title(title, loc="left")
        return fig
    deadlines = ["(none)"] + [x for x in pd.unique(points["deadline"]) if x]
    xs = points["deadline"].replace("", "(none)").map({d: i for i, d in enumerate(deadlines)})
    ys = np.arange(len(points))[::-1]
    colors = {"goal": PALETTE[1], "achieved": PALETTE[0]}
    for (firm, tense), idx in points.groupby(["firmness", "tense"], sort=False).groups.items():
        pos = [points.index.get_loc(i) for i in idx]
        ax.scatter(xs.iloc[pos], ys[pos], marker=FIRMNESS_MARKERS.get(firm, "o"), s=70, color=colors.get(tense, MUTED),
                   label=f"{firm or '(no firmness word)'} · {tense}", zorder=3)
    for x, y, t in zip(xs, ys, points["text"]):
        ax.text(x + 0.08, y, t, va="center", fontsize=8.5)
    ax.set_yticks(ys, [wrap(lbl, 26) for lbl in points["label"]], fontsize=8.5)
    ax.set_xticks(range(len(deadlines)), deadlines)
    ax.set_xlim(-0.5, len(deadlines) - 0.2)
    ax.set_xlabel("deadline as written")
    ax.grid(axis="y", color="#eee", zorder=0)
    ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1), frameon=False, fontsize=8.5, title="firmness · tense")
    ax.set_title(title, loc="left")
    fig.tight_layout()
    return fig


def share_bars(df: pd.DataFrame, label: str, parts: list[str], names: list[str], title: str, xlabel: str):
    """100% stacked horizontal bars (first row at the top): one segment per column in ``parts``
    (shares 0–1), each labelled with its percentage when wide enough."""
    fig, ax = plt.subplots(figsize=(7.5, max(2.6, 0.42 * len(df) + 1.6)))
    if df.empty:
        _empty(ax, "（无数据）")
        ax.set_title(title, loc="left")
        return fig
    d = df.iloc[::-1].reset_index(drop=True)
    left = np.zeros(len(d))
    colors = [PALETTE[2], "#d9d9d9", PALETTE[0], PALETTE[3]]
    for k, (col, name) in enumerate(zip(parts, names)):
        vals = d[col].to_numpy(dtype=float)
        ax.barh(range(len(d)), vals, left=left, color=colors[k % len(colors)], label=name)
        for i, (l, v) in enumerate(zip(left, vals)):
            if v >= 0.06:
                ax.text(l + v / 2, i, f"{v:.0%}", ha="center", va="center", fontsize=8)
        left += vals
    ax.set_yticks(range(len(d)), d[label])
    ax.set_xlim(0, 1)
    ax.xaxis.set_major_formatter(plt.FuncFormatter(lambda v, _: f"{v:.0%}"))
    ax.set_xlabel(xlabel)
    ax.legend(loc="lower center", bbox_to_anchor=(0.5, 1.0), ncol=len(parts), frameon=False, fontsize=9)
    ax.set_title(title, loc="left", pad=26)
    fig.tight_layout()
    return fig
