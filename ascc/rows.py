"""Row iteration over the small frames pages draw from, without DataFrame.itertuples' cost.

itertuples builds a new namedtuple class and one Series per column on every call: 2-4 ms for a
36-column summary, called several times per page run (py-spy: a seventh of a cached Overview run).
``each_row`` gives the same records (attribute access, ``Index`` first, invalid names renamed the same
way) from one conversion of the frame, with a class made once per set of columns. Values are plain
Python objects (float, int, bool, str, None/NaN) rather than numpy scalars.
"""

from __future__ import annotations

import collections
import functools
from collections.abc import Iterator

import pandas as pd


@functools.lru_cache(maxsize=512)
def _row_type(columns: tuple[str, ...]) -> type:
    return collections.namedtuple("Row", ("Index", *columns), rename=True)


def each_row(df: pd.DataFrame) -> Iterator[tuple]:
    """One named tuple per row: ``r.Index``, then a field per column (as ``df.itertuples()``)."""
    cls = _row_type(tuple(str(c) for c in df.columns))
    values = df.to_numpy(dtype=object)
    return (cls(index, *row) for index, row in zip(df.index, values, strict=True))
