"""Tables of one article built fast: columns of Python values → a DataFrame with the dtypes
pandas itself infers for them (``str``, int64, float64, bool), without pandas' value-by-value
inference (the tokens table of a long article: about a third of the time).

``frame(columns, kinds)`` returns None when a column does not hold what its kind says (a None,
a float among ints, …): the caller then builds the table the general way, so the result is the
same either way.
"""
from __future__ import annotations

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
        if type(first) is str and values.count(first) == len(values):  # one value (the article's name): repeated in C
            return _WRAP(pa.repeat(pa.scalar(first, type=pa.large_string()), len(values)))
        arr = pa.array(values, type=pa.large_string())
        if arr.null_count:
            return None
        return _WRAP(arr)
    if set(map(type, values)) != {str}:
        return None
    return pd.array(values, dtype=STR)


def _numbers(values: list, kind):
    want = int if kind is np.int64 else bool if kind is np.bool_ else float
    if set(map(type, values)) != {want}:  # np.array would coerce (True among ints); pandas would not
        return None
    return np.array(values, dtype=kind)


def frame(columns: dict[str, list], kinds: dict[str, object]) -> pd.DataFrame | None:
    """A DataFrame of ``columns`` (name → list of values, all the same length, at least one row),
    each of kind ``str``, ``np.int64``, ``np.bool_`` or ``np.float64`` as ``kinds`` says; None if
    a column's values are not all of that Python type (or the table is empty)."""
    if not columns or not len(next(iter(columns.values()))):
        return None
    data = {}
    for name, values in columns.items():
        kind = kinds[name]
        col = _strings(values) if kind is str else _numbers(values, kind)
        if col is None:
            return None
        data[name] = col
    return pd.DataFrame(data, copy=False)


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
        return Column(self.data[column])
