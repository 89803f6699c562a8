"""ascc.rows.each_row gives what DataFrame.itertuples gives (it replaces it on the pages for speed)."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd

from ascc.rows import each_row


def test_each_row_equals_itertuples_on_mixed_columns():
    df = pd.DataFrame(
        {"code": ["A", None, "C"], "value": [1.5, np.nan, 3.0], "n": [1, 2, 3], "ok": [True, False, True],
         "flag": pd.array([True, None, False], dtype="boolean"), "class": ["x", "y", "z"], "1st": [7, 8, 9]},
        index=[10, 20, 30],
    )  # fmt: skip
    expected, got = list(df.itertuples()), list(each_row(df))
    assert [r._fields for r in got] == [r._fields for r in expected]  # Index first, invalid names renamed alike
    for a, b in zip(expected, got, strict=True):
        for x, y in zip(a, b, strict=True):
            if x is pd.NA or y is pd.NA:
                assert x is y
            elif isinstance(x, float) and math.isnan(x):
                assert isinstance(y, float) and math.isnan(y)
            else:
                assert x == y and type(x) is type(y) or (x == y and isinstance(x, np.generic))
    assert list(each_row(df.iloc[0:0])) == []
