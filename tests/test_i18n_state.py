"""Translation catalogue, locale number formats, and the URL form of the view state."""

from __future__ import annotations

from ascc import i18n, state


def test_every_key_has_both_languages():
    for key, entry in i18n.MESSAGES.items():
        assert {"vi", "en"} <= set(entry) <= {"vi", "en", "en_one"}, key
        assert all(entry[lang].strip() for lang in ("vi", "en")), key


def test_english_counts_agree_with_their_noun():
    # "1 provinces" never: a message counting with {n} in front of a plural noun has a singular form.
    import re

    plural = re.compile(r"\{n\} (?:[a-z]+ )?[a-z]+s\b")
    for key, entry in i18n.MESSAGES.items():
        if plural.search(entry["en"]) and "{scope}" not in entry["en"] and "regions" not in entry["en"] \
                and key not in ("ingest.reason.new_provinces_before_merger", "report.region_intro"):  # 20, 34 or more
            assert "en_one" in entry, key
    assert i18n.t("mark.missing", "en", n=1, year=2024, names="Ha Noi") == "1 province has no 2024 value: Ha Noi."
    assert i18n.t("mark.missing", "en", n=2, year=2024, names="A, B").startswith("2 provinces have")
    assert i18n.t("mark.missing", "vi", n=1, year=2024, names="Hà Nội").startswith("1 tỉnh chưa có")


def test_placeholders_match_between_languages():
    import string

    fields = lambda s: {f for _, f, _, _ in string.Formatter().parse(s) if f}  # noqa: E731
    for key, entry in i18n.MESSAGES.items():
        assert fields(entry["vi"]) == fields(entry["en"]) == fields(entry.get("en_one", entry["en"])), key


def test_number_formats_per_language():
    assert i18n.fmt_value(3.37, "%", "vi", 2) == "3,37 %"
    assert i18n.fmt_value(3.37, "%", "en", 2) == "3.37%"
    assert i18n.fmt_number(1234567.891, "vi", 1) == "1.234.567,9"
    assert i18n.fmt_number(1234567.891, "en", 1) == "1,234,567.9"
    assert i18n.fmt_value(-1.5, "điểm %", "vi", 1, signed=True) == "-1,5 điểm %"
    assert i18n.fmt_value(2.0, "pp", "en", 1, signed=True) == "+2.0 pp"
    assert i18n.fmt_value(float("nan"), "%", "en") == "–"


def test_t_fills_placeholders_and_falls_back():
    assert i18n.t("card.latest", "en", year=2024) == "In 2024"
    assert i18n.t("card.latest", "xx", year=2024) == "Năm 2024"
    assert i18n.t("no.such.key", "en") == "no.such.key"


CHOICES = state.Choices(
    regions=frozenset({"NMM", "RRD"}),
    provinces={"34": frozenset({"P34-01", "P34-08"}), "63": frozenset({"P63-01", "P63-02"})},
    years=(2016, 2020, 2024),
)


def test_url_round_trip():
    v = state.ViewState(lang="en", boundary="63", region="NMM", provinces=("P63-02", "P63-01"), year=2020)
    params = state.to_params(v)
    assert params == {"lang": "en", "boundary": "63", "region": "NMM", "prov": "P63-02,P63-01", "year": "2020"}
    assert state.from_params(params, CHOICES) == v


def test_defaults_are_left_out_of_the_url():
    assert state.to_params(state.ViewState()) == {}


def test_malformed_parameters_fall_back_to_defaults():
    bad = {"lang": "fr", "boundary": "99", "region": "<script>", "prov": "P34-01,,zzz,P63-01", "year": "20x4", "x": "1"}
    v = state.from_params(bad, CHOICES)
    assert v == state.ViewState(lang="vi", boundary="34", region=None, provinces=("P34-01",), year=None)
    assert state.from_params({"year": "1999"}, CHOICES).year is None
    assert state.from_params({"region": "nmm", "prov": ["p34-08"]}, CHOICES).provinces == ("P34-08",)


def test_former_provinces_follow_their_successor():
    lineage = {"P63-02": "P34-08", "P63-01": "P34-01"}
    kept = state.keep_valid_provinces(["P63-02", "P34-01"], "34", CHOICES, lineage)
    assert kept == ("P34-08", "P34-01")
    assert state.keep_valid_provinces(["P34-01", "P34-08"], "63", CHOICES, lineage) == ("P63-01", "P63-02")


def test_url_numbers_in_other_scripts_fall_back_without_error():
    # "²" and "①" pass str.isdigit() but int() refuses them; Arabic-Indic digits would read as another year
    from ascc import state

    assert [state.url_int(x) for x in ("2022", " 3 ", "²", "①", "٢٠٢٢", "", None, "1e3", "99999999999")] == [
        2022, 3, None, None, None, None, None, None, None]
