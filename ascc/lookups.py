"""Small values derived from the dataset (look-up dicts, filter choices), made once per dataset version.

NOTE: some query results have 10 000+ rows (communes included); turning them into a dict on every
rerun cost about 10 ms each (pandas' arrow-backed strings iterate slowly). What is memoised here is
shared by every session, so it must be immutable: read-only mappings, frozen dataclasses, tuples.
"""

from __future__ import annotations

import functools
import threading
from collections import OrderedDict
from collections.abc import Callable, Mapping
from types import MappingProxyType

from ascc import db

_MAX_ENTRIES = 32
_clearers: list[Callable[[], None]] = []


def per_version(fn: Callable) -> Callable:
    """Memoise ``fn(*args, **kwargs)`` (hashable arguments) per dataset folder and version; the result
    is shared."""
    cache: OrderedDict[tuple, object] = OrderedDict()
    lock = threading.Lock()

    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        info = db.dataset_info()
        key = (args, tuple(sorted(kwargs.items())), str(info.data_dir), info.version)
        with lock:
            if key in cache:
                cache.move_to_end(key)
                return cache[key]
        value = fn(*args, **kwargs)
        with lock:
            cache[key] = value
            while len(cache) > _MAX_ENTRIES:
                cache.popitem(last=False)
        return value

    _clearers.append(cache.clear)
    return wrapper


def column_map(query: str, key: str, value: str, **params) -> Mapping:
    """{key column: value column} over the rows of a named query (read-only)."""
    return _column_map(query, key, value, tuple(sorted(params.items())))


@per_version
def _column_map(query: str, key: str, value: str, params: tuple) -> Mapping:
    df = db.run_query(query, **dict(params))
    return MappingProxyType(dict(zip(df[key].tolist(), df[value].tolist(), strict=True)))


def clear() -> None:
    """Forget everything memoised here (tests)."""
    for clear_one in _clearers:
        clear_one()
