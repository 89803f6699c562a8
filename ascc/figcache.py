"""Finished chart figures memoised by their inputs: a rerun with the same data and options gets the same figure.

Pages build every figure through ``build(builder, *args, **kwargs)``. The key is the builder's name,
a fingerprint of each argument (a DataFrame by the hash of its rows, index, columns and dtypes; scalars,
tuples and dicts as they are) and the keyword arguments, the language among them. The cache is
bounded (least recently used first out) and shared by every session and thread of the process.

NOTE: a cached figure is handed to every rerun and every session that asks for the same inputs, so
nothing may change it after it is built: callers that want a variant build a copy (presentation mode
uses charts.presentation_copy). Tests check this with ``record_digests`` and ``changed()``.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import math
import pickle
import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable, Mapping

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from ascc import settings

_cache: OrderedDict[tuple, object] = OrderedDict()
_lock = threading.Lock()
_stats = {"hits": 0, "misses": 0}

# When True (tests), each figure's JSON digest is kept at build time so changed() can tell whether
# anything modified a shared figure afterwards.
record_digests = False
_digests: dict[tuple, str] = {}


def build(builder: Callable, *args, **kwargs):
    """``builder(*args, **kwargs)``, built once per distinct input and then shared.

    ``builder`` must be a module-level function (its qualified name is part of the key) that is pure:
    its result depends on its arguments only.
    """
    key = key_of(builder, args, kwargs)
    with _lock:
        fig = _cache.get(key)
        if fig is not None:
            _cache.move_to_end(key)
            _stats["hits"] += 1
            return fig
        _stats["misses"] += 1
    # Built outside the lock: another thread may build the same figure meanwhile; the first one
    # stored wins, so every caller still gets one shared object.
    fig = builder(*args, **kwargs)
    if type(fig) is go.Figure:
        fig.__class__ = _Finished
    with _lock:
        fig = _cache.setdefault(key, fig)
        _cache.move_to_end(key)
        if record_digests and key not in _digests:
            _digests[key] = _digest(fig)
        while len(_cache) > settings.FIGURE_CACHE_ENTRIES:
            old, _ = _cache.popitem(last=False)
            _digests.pop(old, None)
    return fig


class _Finished(go.Figure):
    """A figure that nothing changes once built: its dict form is made once and then copied.

    NOTE: st.plotly_chart turns a figure into a dict (Figure.to_dict: a deep copy, numeric arrays to
    base64) on every rerun, about 0.5-2 ms per chart; this keeps the finished dict and hands out a
    copy of its dicts and lists (arrays and strings inside are immutable), about 0.1 ms.
    """

    def to_dict(self):
        spec = self.__dict__.get("_finished_spec")
        if spec is None:
            spec = super().to_dict()
            self._finished_spec = spec
        return _copy(spec)


def _copy(value):
    if isinstance(value, dict):
        return {k: _copy(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_copy(v) for v in value]
    return value


def key_of(builder: Callable, args: tuple, kwargs: dict) -> tuple:
    """The cache key of a builder call: (builder name, argument fingerprints, keyword fingerprints)."""
    name = f"{builder.__module__}.{builder.__qualname__}"
    if "<" in name:
        raise ValueError(f"figcache.build needs a module-level function, not {name}")
    return (
        name,
        tuple(fingerprint(a) for a in args),
        tuple(sorted((k, fingerprint(v)) for k, v in kwargs.items())),
    )


def fingerprint(value) -> Hashable:
    """A small hashable stand-in for an argument: equal for equal contents, different otherwise.

    Floats, bools and NaN are tagged so that 1, 1.0 and True (equal in Python) stay apart. A type
    with no reliable fingerprint raises TypeError rather than risk two inputs sharing a key.
    """
    if value is None or isinstance(value, str | bytes):
        return value
    if isinstance(value, bool | np.bool_):
        return ("bool", bool(value))
    if isinstance(value, int | np.integer):
        return int(value)
    if isinstance(value, float | np.floating):
        return ("nan",) if math.isnan(value) else ("float", float(value))
    if value is pd.NA or value is pd.NaT:
        return ("na",)
    if isinstance(value, pd.DataFrame):
        return ("frame", _frame_digest(value))
    if isinstance(value, pd.Series):
        return ("series", fingerprint(value.name), _frame_digest(value.to_frame(name="_")))
    if isinstance(value, np.ndarray):
        return ("array", value.shape, _frame_digest(pd.DataFrame({"_": value.ravel()})))
    if isinstance(value, Mapping):
        return ("map", tuple((fingerprint(k), fingerprint(v)) for k, v in value.items()))
    if isinstance(value, list | tuple):
        return (type(value).__name__, tuple(fingerprint(v) for v in value))
    if isinstance(value, dt.date | dt.datetime | dt.time):
        return ("time", value.isoformat())
    raise TypeError(f"figcache cannot fingerprint a {type(value).__name__}")


def _frame_digest(df: pd.DataFrame) -> str:
    """A digest of a frame's columns, dtypes, index and every value, in row order.

    From the frame's pickle: about 0.5 ms for the pages' frames, where pandas' hash_pandas_object took
    6-8 ms (py-spy: a tenth of a cached Overview run, every chart's key being fingerprinted on every
    run). Equal contents stored differently (another block layout) give another digest: a cache miss,
    never a wrong figure.
    """
    h = hashlib.blake2b(digest_size=16)
    h.update(repr((list(df.columns), [str(t) for t in df.dtypes], df.shape)).encode())
    try:
        h.update(pickle.dumps(df, protocol=5))
        return h.hexdigest()
    except (pickle.PicklingError, TypeError, AttributeError):
        pass
    try:
        h.update(pd.util.hash_pandas_object(df, index=True).to_numpy().tobytes())
    except TypeError:
        # Cells pandas cannot hash (lists, arrays): those columns by their text.
        h.update(pd.util.hash_pandas_object(df.index).to_numpy().tobytes())
        for col in df.columns:
            s = df[col]
            try:
                h.update(pd.util.hash_pandas_object(s, index=False).to_numpy().tobytes())
            except TypeError:
                h.update(repr(s.tolist()).encode())
    return h.hexdigest()


def _digest(fig) -> str:
    import plotly.io as pio

    # From the figure itself, not the dict _Finished keeps.
    spec = go.Figure.to_dict(fig)
    return hashlib.blake2b(pio.to_json(spec, validate=False).encode(), digest_size=16).hexdigest()


def changed() -> list[str]:
    """Builders whose cached figure differs from what they built (needs ``record_digests``)."""
    with _lock:
        items = [(k, _cache[k], d) for k, d in _digests.items() if k in _cache]
    return [k[0] for k, fig, d in items if _digest(fig) != d]


def stats() -> dict[str, int]:
    """Hits, misses and entries so far (for tests and the benchmark)."""
    with _lock:
        return {**_stats, "entries": len(_cache)}


def clear() -> None:
    """Forget every figure (tests)."""
    with _lock:
        _cache.clear()
        _digests.clear()
        _stats.update(hits=0, misses=0)
