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
