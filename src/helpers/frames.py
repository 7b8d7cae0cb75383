"""Tables of one article built fast: columns of Python values → a DataFrame with the dtypes
pandas itself infers for them (``str``, int64, float64, bool), without pandas' value-by-value
inference (the tokens table of a long article: about a third of the time).

``frame(columns, kinds)`` returns None when a column does not hold what its kind says (a None,
a float among ints, …): the caller then builds the table the general way, so the result is the
same either way.
"""
from __future__ import annotations

from functools import lru_cache

import numpy as np
import pandas as pd
import pyarrow as pa

STR = pd.Series(["字"]).dtype  # the dtype pandas infers for a column of Python strings (pandas 3: str)
_ARROW = isinstance(STR, pd.StringDtype) and STR.storage == "pyarrow"
# the array of that dtype, made straight from a pyarrow array (pd.array's own checks cost more
# than making the array, for the few rows of a quotes table)
_WRAP = (lambda arr: pd.arrays.ArrowStringArray(arr, dtype=STR)) if _ARROW and STR.construct_array_type() is pd.arrays.ArrowStringArray \
    else (lambda arr: pd.array(arr, dtype=STR))


def _strings(values: list):
    if _ARROW:
        first = values[0] if values else None
        if type(first) is str and values[-1] == first and values.count(first) == len(values):  # one value (the article's name): repeated in C
            return _WRAP(pa.repeat(pa.scalar(first, type=pa.large_string()), len(values)))
        arr = pa.array(values, type=pa.large_string())
        if arr.null_count:
            return None
        return _WRAP(arr)
    if set(map(type, values)) != {str}:
        return None
    return pd.array(values, dtype=STR)


_PYTHON_TYPE = {np.int64: int, np.bool_: bool, np.float64: float}


def _numbers(values, kind):
    if not _of_kind(values, kind):
        return None
    return np.array(values, dtype=kind)


def _of_kind(values, kind) -> bool:
    """A list of Python values all of ``kind``'s type (np.array would coerce True among ints;
    pandas would not), or a numpy array of that dtype."""
    if isinstance(values, np.ndarray):
        return values.dtype == kind and values.ndim == 1
    return set(map(type, values)) == {_PYTHON_TYPE[kind]}


try:  # pandas ≥ 3: a table made from its blocks (pandas' own layout: one 2-D block per number kind)
    from pandas.api.internals import create_dataframe_from_blocks as _from_blocks
except ImportError:  # pragma: no cover - older pandas: the constructor
    _from_blocks = None


def frame(columns: dict[str, list], kinds: dict[str, object]) -> pd.DataFrame | None:
    """A DataFrame of ``columns`` (name → list of values, all the same length, at least one row),
    each of kind ``str``, ``np.int64``, ``np.bool_`` or ``np.float64`` as ``kinds`` says; None if
    a column's values are not all of that Python type (or the table is empty). A number column
    may also be a numpy array of its kind's dtype.

    The table is made from its blocks (``pandas.api.internals.create_dataframe_from_blocks``):
    the columns of each number kind as one 2-D array, each string column an array of its own —
    the layout pandas consolidates a table into — without the constructor's checks and
    inference on each column (most of the time of a quotes table of a few rows)."""
    if not columns or not len(next(iter(columns.values()))):
        return None
    names = list(columns)
    n = len(columns[names[0]])
    if _from_blocks is None or any(len(v) != n for v in columns.values()):  # (unequal lengths: pandas says so)
        data = {}
        for name, values in columns.items():
            kind = kinds[name]
            col = _strings(values) if kind is str else _numbers(values, kind)
            if col is None:
                return None
            data[name] = col
        return pd.DataFrame(data, copy=False)
    blocks, numbers = [], {}
    for i, name in enumerate(names):
        kind, values = kinds[name], columns[name]
        if kind is str:
            col = _strings(values)
            if col is None:
                return None
            blocks.append((col, np.array([i], dtype=np.intp)))
            continue
        if not _of_kind(values, kind):
            return None
        numbers.setdefault(kind, []).append(i)
    for kind, where in numbers.items():
        block = np.array([columns[names[i]] for i in where], dtype=kind)  # (columns, rows)
        blocks.append((block, np.array(where, dtype=np.intp)))
    return _from_blocks(blocks, index=pd.RangeIndex(n), columns=_column_index(tuple(names)).copy())


@lru_cache(maxsize=64)
def _column_index(names: tuple[str, ...]) -> pd.Index:
    """The columns' Index, made once per set of names (a string Index costs more to make than
    the rest of a small table); each table gets its own copy (its name is its own)."""
    return pd.Index(list(names))


class Column(list):
    """A column of :class:`Columns`: its values, in order."""

    def tolist(self) -> list:
        return list(self)


class Columns:
    """A table as columns of Python values (name → list, all of one length), read as a
    DataFrame's columns are read (``len(table)``, ``table["start"].tolist()``, iterating a
    column, ``columns``, ``attrs``) without building the DataFrame: what the steps of one
    analysis pass on to the next."""

    def __init__(self, data: dict[str, list]):
        self.data = data
        self.columns = list(data)
        self.attrs: dict = {}

    def __len__(self) -> int:
        return len(next(iter(self.data.values()))) if self.data else 0

    def __getitem__(self, column: str) -> Column:
        values = self.data[column]
        return Column(values.tolist() if isinstance(values, np.ndarray) else values)
