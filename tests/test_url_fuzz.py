"""Property test: any URL query parameters, on every page, never raise (they fall back to defaults).

Examples are derandomised (the same on every run, so CI never fails at random); set
ASCC_FUZZ_EXAMPLES to search wider locally, e.g. ``ASCC_FUZZ_EXAMPLES=200``.
"""

from __future__ import annotations

import os

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.apptest import new_app
from tests.test_pages import PAGES

EXAMPLES = int(os.environ.get("ASCC_FUZZ_EXAMPLES", "6"))
# Every parameter a page reads, with values near the valid ones as well as anything at all.
NAMES = ["lang", "boundary", "region", "prov", "year", "ds", "present", "slide", "area", "ind"]
NEAR = {
    "lang": ["vi", "en", "VI", "fr", ""],
    "boundary": ["34", "63", "35", "0", "-1", "34.0"],
    "region": ["R1", "R6", "R-R1", "ALL", "VN"],
    "prov": ["P34-01", "P63-01,P34-01", "P34-01,P34-01", "P34-99", ",,,", "VN"],
    "year": ["2020", "2030", "1900", "-5", "99999999999999999999", "²", "٢٠٢٢", "２０２２", "2020.5", " 2020"],
    "ds": ["demo", "public", "../demo", "nope", "data/demo", "%2e%2e"],
    "present": ["1", "true", "0", "yes", "2"],
    "slide": ["1", "0", "-1", "999", "①", "1e3"],
    "area": ["P34-01", "P63-01", "VN", "R-R1", "P34-99", "../../etc"],
    "ind": ["POV", "WATER", "pov", "DROP TABLE", "POV;--"],
}
ANY_TEXT = st.text(st.characters(exclude_categories=("Cs",)), max_size=40)


@st.composite
def query(draw) -> dict[str, str]:
    names = draw(st.lists(st.sampled_from(NAMES), unique=True, max_size=len(NAMES)))
    return {n: draw(st.one_of(st.sampled_from(NEAR[n]), ANY_TEXT)) for n in names}


@pytest.mark.parametrize("page", PAGES)
def test_any_url_parameters_never_raise(use_fixture, page):
    @settings(max_examples=EXAMPLES, deadline=None, derandomize=EXAMPLES <= 6,
              suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
    @given(params=query())
    def check(params):
        at = new_app(page, **params)
        assert not at.exception, (params, [e.value for e in at.exception])
        assert at.title, params

    check()
