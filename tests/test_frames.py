"""helpers.frames builds the table pandas would infer, or says it cannot."""
import numpy as np
import pandas as pd

from helpers import frames

KINDS = {"w": str, "n": np.int64, "b": np.bool_, "x": np.float64}


def test_same_table_as_pandas_inference():
    cols = {"w": ["发展", "经济", ""], "n": [1, -1, 3], "b": [True, False, True], "x": [0.5, 1.0, 2.25]}
    got = frames.frame(cols, KINDS)
    pd.testing.assert_frame_equal(got, pd.DataFrame(cols), check_exact=True)
    assert got["w"].dtype == pd.Series(["字"]).dtype


def test_odd_values_and_empty_tables_are_left_to_pandas():
    assert frames.frame({"w": ["a", None]}, KINDS) is None
    assert frames.frame({"n": [1, 2.0]}, KINDS) is None
    assert frames.frame({"n": [1, True]}, KINDS) is None  # numpy would make it 1, 1
    assert frames.frame({"b": [True, 0]}, KINDS) is None
    assert frames.frame({"w": []}, KINDS) is None


def test_string_columns_are_the_arrays_pandas_makes():
    """A string column (made straight from pyarrow) is the array ``pd.array`` makes: same type,
    dtype and values."""
    for values in (["发展", "", "a·b", "经济"], ["文章"] * 5, [""] * 3, ["一"]):
        got = frames._strings(list(values))
        want = pd.array(values, dtype=frames.STR)
        assert type(got) is type(want) and got.dtype == want.dtype
        assert got.tolist() == want.tolist() == values
        pd.testing.assert_series_equal(pd.Series(got), pd.Series(values), check_exact=True)
    assert frames._strings(["a", "a", None]) is None and frames._strings([None, None]) is None


def test_made_from_blocks_as_the_constructor_makes_it():
    """Columns of every kind, interleaved, make the table pd.DataFrame makes of them (values,
    dtypes, column order, index), and it behaves as one: a copy, a row slice, a new column."""
    rng = np.random.default_rng(2)
    n = 7
    cols, kinds = {}, {}
    for i in range(12):
        kind = [str, np.int64, np.bool_, np.float64][i % 4]
        name = f"c{i}"
        kinds[name] = kind
        cols[name] = ([f"字{v}" for v in rng.integers(0, 3, n)] if kind is str else
                      [int(v) for v in rng.integers(-5, 5, n)] if kind is np.int64 else
                      [bool(v) for v in rng.integers(0, 2, n)] if kind is np.bool_ else
                      [float(v) for v in rng.random(n).round(2)])
    got = frames.frame(cols, kinds)
    want = pd.DataFrame(cols)
    pd.testing.assert_frame_equal(got, want, check_exact=True)
    assert list(got.columns) == list(cols) and got.columns.dtype == want.columns.dtype
    pd.testing.assert_frame_equal(got.iloc[2:5].copy(), want.iloc[2:5], check_exact=True)
    other = frames.frame(cols, kinds)
    other.columns.name = "renamed"  # each table has its own columns Index
    assert got.columns.name is None
    got["c1"] = got["c1"] * 2  # a column written: the others stay as they were
    assert got["c1"].tolist() == [v * 2 for v in cols["c1"]] and got["c5"].tolist() == cols["c5"]


def test_columns_of_different_lengths_fail_as_in_pandas():
    import pytest

    with pytest.raises(ValueError):
        frames.frame({"w": ["a", "b"], "n": [1]}, KINDS)
