"""The figure cache: keys from inputs, one shared object per input, bounded, and never changed after it is built."""

from __future__ import annotations

import threading

import numpy as np
import pandas as pd
import pytest

from ascc import charts, figcache, lookups, settings
from tests.apptest import new_app, plotly_figures


def _frame(**changes) -> pd.DataFrame:
    df = pd.DataFrame({"area_id": ["P34-01", "P34-08"], "name": ["Hà Nội", "Tuyên Quang"], "value": [1.5, np.nan],
                       "year": [2024, 2024], "status": ["final", "final"], "derived": [False, True]})  # fmt: skip
    return df.assign(**changes)


def _line(df: pd.DataFrame, *, lang: str):
    return charts.multi_line(df, lang=lang, title="t", unit="%", decimals=1, source="s", demo=True)


@pytest.fixture(autouse=True)
def _empty_cache():
    figcache.clear()
    yield
    figcache.clear()


def test_same_inputs_give_the_same_figure_other_inputs_another():
    fig = figcache.build(_line, _frame(), lang="vi")
    assert figcache.build(_line, _frame(), lang="vi") is fig  # equal content, another frame object
    assert figcache.build(_line, _frame(), lang="en") is not fig
    assert figcache.build(_line, _frame(value=[1.5, 2.0]), lang="vi") is not fig
    assert figcache.build(_line, _frame().iloc[::-1], lang="vi") is not fig  # row order matters
    assert figcache.stats() == {"hits": 1, "misses": 4, "entries": 4}


def test_fingerprints_keep_equal_looking_values_apart():
    fp = figcache.fingerprint
    assert len({fp(1), fp(1.0), fp(True)}) == 3
    assert fp(float("nan")) == fp(np.float64("nan"))  # NaN keys equal (a NaN is not equal to itself)
    assert fp(np.int64(3)) == fp(3) and fp((1, "a")) != fp([1, "a"])
    assert fp({"RRD": 1.0}) != fp({"RRD": 1.5})
    # columns with lists (pandas cannot hash them) are fingerprinted by their text
    assert fp(pd.DataFrame({"b": [["x"], []]})) != fp(pd.DataFrame({"b": [["y"], []]}))
    assert fp(pd.Series([1, 2], name="a")) != fp(pd.Series([1, 2], name="b"))
    with pytest.raises(TypeError):
        fp(object())


def test_only_module_level_builders():
    with pytest.raises(ValueError, match="module-level"):
        figcache.build(lambda: None)


def test_the_cache_is_bounded(monkeypatch):
    monkeypatch.setattr(settings, "FIGURE_CACHE_ENTRIES", 2)
    first = figcache.build(_line, _frame(value=[1.0, 1.0]), lang="vi")
    for v in (2.0, 3.0):
        figcache.build(_line, _frame(value=[v, v]), lang="vi")
    assert figcache.stats()["entries"] == 2
    assert figcache.build(_line, _frame(value=[1.0, 1.0]), lang="vi") is not first  # evicted, built anew


def test_threads_share_one_figure():
    results, barrier = [], threading.Barrier(4)

    def worker():
        barrier.wait()
        results.append(figcache.build(_line, _frame(), lang="vi"))

    threads = [threading.Thread(target=worker) for _ in range(4)]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    assert len({id(f) for f in results}) == 1


def test_a_finished_figure_hands_out_copies_of_its_dict():
    fig = figcache.build(_line, _frame(), lang="vi")
    plain = _line(_frame(), lang="vi")
    spec = fig.to_dict()
    assert fig.to_json() == plain.to_json()
    spec["layout"]["title"]["text"] = "changed"
    spec["data"].clear()
    assert fig.to_dict()["layout"]["title"]["text"] == "t" and fig.to_dict()["data"]


def test_a_change_to_a_shared_figure_is_noticed(monkeypatch):
    monkeypatch.setattr(figcache, "record_digests", True)
    fig = figcache.build(_line, _frame(), lang="vi")
    assert figcache.changed() == []
    fig.update_layout(title_text="changed")
    assert figcache.changed() == [f"{__name__}._line"]


def test_lookups_are_read_only_and_follow_the_dataset(use_fixture):
    names = lookups.column_map("area_names", "area_id", "name", lang="en")
    assert names["P34-08"] == "Tuyen Quang"
    assert lookups.column_map("area_names", "area_id", "name", lang="en") is names
    assert lookups.column_map("area_names", "area_id", "name", lang="vi") is not names
    with pytest.raises(TypeError):
        names["P34-08"] = "x"


@pytest.mark.parametrize(
    ("page", "query"),
    [("pages/regions.py", {"lang": "en"}), ("pages/regions.py", {"present": "1"}), ("pages/overview.py", {}),
     ("pages/pillars.py", {"lang": "en"}), ("pages/ministries.py", {}), ("pages/profile.py", {"prov": "P34-01,P34-08"})],
)  # fmt: skip
def test_a_rerun_reuses_every_figure_and_changes_none(use_fixture, monkeypatch, page, query):
    monkeypatch.setattr(figcache, "record_digests", True)
    at = new_app(page, **query)
    first = plotly_figures(at)
    built = figcache.stats()["misses"]
    at.run()
    assert not at.exception
    assert figcache.stats()["misses"] == built, "a warm rerun built a figure again"
    assert plotly_figures(at) == first
    assert figcache.changed() == []
