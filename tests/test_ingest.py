"""Import of good files: formats, layouts, area matching, decimal rule, preview, round trip, real GSO tables."""

from __future__ import annotations

import io
import unicodedata

import openpyxl
import pandas as pd
import pytest

from ascc import batches, db, ingest, settings
from ascc.cli import main as cli_main
from tests.bad_files.corpus import csv, xlsx
from tests.conftest import shared_path

HEADER = "indicator,area,year,value,numerator,denominator,status,source"
LONG_ROWS = [
    "HH_COMPUTER,Thành phố Hà Nội,2023,53.2,,,preliminary,GSO V14.60.2",
    "HH_COMPUTER,Hai Phong,2023,30.4,,,sơ bộ,GSO V14.60.2",
    "HH_COMPUTER,Tỉnh Hoà Bình,2022,20.5,205,1000,final,survey",
    "HH_COMPUTER,TP. Hồ Chí Minh,2022,53.4,,,,",
    "HH_COMPUTER,Cả nước,2022,28.3,,,,",
    "INCOME_PC,Khánh Hoà,2022,4025,,,,",
    "INCOME_PC,Tuyên Quang,2025,3398,,,ước tính,",
]
EXPECTED = {  # (indicator, area, year) -> (value, status)
    ("HH_COMPUTER", "P63-01", 2023): (53.2, "preliminary"),
    ("HH_COMPUTER", "P63-31", 2023): (30.4, "preliminary"),
    ("HH_COMPUTER", "P63-17", 2022): (20.5, "final"),
    ("HH_COMPUTER", "P63-79", 2022): (53.4, "final"),
    ("HH_COMPUTER", "VN", 2022): (28.3, "final"),
    ("INCOME_PC", "P63-56", 2022): (4025.0, "final"),
    ("INCOME_PC", "P34-08", 2025): (3398.0, "estimated"),
}


@pytest.fixture()
def official(tmp_path, monkeypatch):
    """A fresh official dataset made by init-dataset, in force for the test."""
    folder = tmp_path / "official"
    batches.init_dataset(folder)
    monkeypatch.setenv(settings.DATA_DIR_ENV, str(folder))
    db.clear_cache()
    yield folder
    db.clear_cache()


def visible(codes=None, years=None) -> dict:
    df = db.run_query("ingest_current_values", codes=codes, years=years)
    return {(r.indicator_code, r.area_id, int(r.year)): (round(r.value, 9), r.status) for r in df.itertuples()}


def to_cp1258(text: str) -> bytes:
    """Windows-1258 as Vietnamese Windows writes it: precomposed base letters, combining tone marks."""
    tones = "\u0300\u0301\u0303\u0309\u0323"
    out = b""
    for ch in text:
        try:
            out += ch.encode("cp1258")
        except UnicodeEncodeError:
            parts = unicodedata.normalize("NFD", ch)
            base = unicodedata.normalize("NFC", "".join(c for c in parts if c not in tones))
            out += (base + "".join(c for c in parts if c in tones)).encode("cp1258")
    return out


# --- round trip ------------------------------------------------------------------------------------------


def test_long_csv_round_trip_through_the_query_runner(official):
    report = ingest.run_import(csv(HEADER, *LONG_ROWS), "long.csv", ingest.Options(), who="test")
    assert report.outcome == "committed", report.to_text("en")
    assert not report.errors and report.n_valid == len(EXPECTED)
    assert report.batch_id.startswith("b") and report.preview.new == len(EXPECTED)
    assert visible() == EXPECTED
    # The app's own questions see the new figures at once (the batch log is part of the data version).
    trend = db.run_query("national_trend", codes=["HH_COMPUTER"])
    published = trend[trend["basis"] == "published"]
    assert published[["year", "value"]].values.tolist() == [[2022, 28.3]]
    # other years are computed from the provinces the file has, and say their coverage
    computed = trend[trend["basis"] == "computed"]
    assert (computed["n_reported"] < computed["n_areas"]).all()
    row = db.run_query("ingest_current_values", codes=["HH_COMPUTER"], years=[2022])
    hb = row[row["area_id"] == "P63-17"].iloc[0]
    assert (hb["numerator"], hb["denominator"], hb["source"]) == (205.0, 1000.0, "survey")
    assert row[row["area_id"] == "P63-79"].iloc[0]["source"] == "long.csv"
    log = db.run_query("batch_list")
    assert log["batch_id"].tolist() == [report.batch_id] and log["rows"].tolist() == [len(EXPECTED)]
    assert log["sha256"].iloc[0] == report.sha256 and log["who"].iloc[0] == "test"


@pytest.mark.parametrize(
    "name,data",
    [
        ("utf8_bom.csv", b"\xef\xbb\xbf" + csv(HEADER, *LONG_ROWS)),
        ("utf16_tab.txt", "\r\n".join([HEADER.replace(",", "\t"), *(r.replace(",", "\t") for r in LONG_ROWS)]).encode("utf-16")),
        ("utf16_comma.csv", "\r\n".join([HEADER, *LONG_ROWS]).encode("utf-16")),
        ("utf16le_no_bom.csv", "\r\n".join([HEADER, *LONG_ROWS]).encode("utf-16-le")),
        ("windows1258.csv", to_cp1258("\r\n".join([HEADER, *LONG_ROWS]))),
        ("semicolon_comma_decimals.csv", csv(*(line.replace(",", ";") for line in [HEADER, *LONG_ROWS])).replace(b"53.2", b"53,2")
         .replace(b"30.4", b"30,4").replace(b"20.5", b"20,5").replace(b"53.4", b"53,4").replace(b"28.3", b"28,3")),
        ("long.xlsx", xlsx([HEADER.split(","), *([None if v == "" else (float(v) if v.replace(".", "").isdigit() else v)
                                                 for v in r.split(",")] for r in LONG_ROWS)], sheet="Số liệu")),
    ],
)
def test_every_format_reads_the_same_rows(official, name, data):
    options = ingest.Options(sheet="Số liệu" if name.endswith("xlsx") else None)
    report = ingest.check(data, name, options)
    assert not report.errors, report.to_text("en")
    got = {(r.indicator_code, r.area_id, int(r.year)): (round(r.value, 9), r.status) for r in report.rows.itertuples()}
    assert got == EXPECTED
    if name.startswith("windows"):
        assert report.format["encoding"] == "Windows-1258"
    if name.startswith("semicolon"):
        assert report.format["decimal"] == "comma" and report.format["delimiter"] == ";"


def test_indicator_and_year_for_the_whole_file(official):
    data = csv("Tỉnh,Giá trị", "Hà Nội,53.2", "Đà Nẵng,53.4")
    report = ingest.check(data, "one.csv", ingest.Options(indicator="hh_computer", year=2023))
    assert report.layout == "long" and not report.errors
    assert set(report.rows["area_id"]) == {"P63-01", "P63-48"} and set(report.rows["indicator_code"]) == {"HH_COMPUTER"}


# --- yearbook (wide) tables ---------------------------------------------------------------------------------

WIDE = [
    "Tỷ lệ hộ có máy tính phân theo địa phương,,",
    ",,",
    ",Prel. 2022,Sơ bộ  Prel.  2023",
    "CẢ NƯỚC,27.0,28.3",
    "Đồng bằng sông Hồng,40.0,41.0",
    "Hà Nội,52.0,53.2",
    "Trong đó:,,",
    "Vĩnh Phúc,33.0,",
    "Thái  Nguyên,27.0,28.4",
    ",,",
    "Ghi chú: số liệu sơ bộ.,,",
    "Nguồn: Tổng cục Thống kê,,",
]


def test_wide_yearbook_csv_with_titles_subtotals_and_notes(official):
    report = ingest.check(csv(*WIDE), "wide.csv", ingest.Options(indicator="HH_COMPUTER"))
    assert report.layout == "wide" and not report.errors, report.to_text("en")
    got = {(r.area_id, int(r.year)): (r.value, r.status) for r in report.rows.itertuples()}
    assert got == {
        ("VN", 2022): (27.0, "preliminary"), ("VN", 2023): (28.3, "preliminary"),
        ("R-RRD", 2022): (40.0, "preliminary"), ("R-RRD", 2023): (41.0, "preliminary"),
        ("P63-01", 2022): (52.0, "preliminary"), ("P63-01", 2023): (53.2, "preliminary"),
        ("P63-26", 2022): (33.0, "preliminary"),
        ("P63-19", 2022): (27.0, "preliminary"), ("P63-19", 2023): (28.4, "preliminary"),
    }
    codes = {p.code: p for p in report.problems}
    assert codes["region_row"].row == 5 and codes["nation_row"].row == 4
    assert codes["notes_skipped"].params["n"] == 2
    assert codes["ignored_row"].row == 7 and codes["missing_value"].row == 8
    # Subtotals are only compared when every province of the nation/region is in the file.
    assert "subtotal_not_compared" in codes and "subtotal_mismatch" not in codes
    assert report.rows["source"].iloc[0] == "Tỷ lệ hộ có máy tính phân theo địa phương"


def test_wide_table_one_year_only(official):
    report = ingest.check(csv(*WIDE), "wide.csv", ingest.Options(indicator="HH_COMPUTER", year=2023))
    assert set(report.rows["year"]) == {2023}


def test_subtotal_compared_with_the_provinces_and_a_mismatch_warned(official):
    # The fixture-like small dataset has two regions; with the real 63 provinces, use a sum indicator and
    # a ratio with numerators and denominators, where the comparison is exact.
    areas = db.run_query("ingest_areas")
    rrd = areas[(areas["boundary_set"] == "63") & (areas["region_code"] == "RRD")]["short_vi"].tolist()
    lines = ["indicator,area,year,value"] + [f"DISASTER_DEATHS,{name},2020,2" for name in rrd]
    good = ingest.check(csv(*lines, f"DISASTER_DEATHS,Đồng bằng sông Hồng,2020,{2 * len(rrd)}"), "d.csv", ingest.Options())
    ok = [p for p in good.problems if p.code == "subtotal_ok"]
    assert ok and ok[0].params["method"]["en"] == "sum" and not good.warnings
    bad = ingest.check(csv(*lines, "DISASTER_DEATHS,Red River Delta,2020,99"), "d.csv", ingest.Options())
    warn = [p for p in bad.warnings if p.code == "subtotal_mismatch"]
    assert warn and warn[0].row == len(rrd) + 2 and "99" in warn[0].message("en") and "sum" in warn[0].message("en")
    assert not bad.errors  # a warning does not block the import


def test_region_rows_are_stored_as_published_and_still_compared(official):
    # An aggregate delivered in a file is shown as published: region rows are stored like the nation's.
    areas = db.run_query("ingest_areas")
    rrd = areas[(areas["boundary_set"] == "63") & (areas["region_code"] == "RRD")]["short_vi"].tolist()
    lines = ["indicator,area,year,value"] + [f"DISASTER_DEATHS,{name},2020,2" for name in rrd]
    data = csv(*lines, "DISASTER_DEATHS,Đồng bằng sông Hồng,2020,25", "DISASTER_DEATHS,R-NMM,2020,7")
    report = ingest.run_import(data, "d.csv", ingest.Options(), who="t")
    assert report.outcome == "committed", report.to_text("en")
    assert [p.code for p in report.warnings] == ["subtotal_mismatch"]  # 25 published, 22 from the provinces
    assert {p.row for p in report.problems if p.code == "region_row"} == {len(rrd) + 2, len(rrd) + 3}
    stored = visible(codes=["DISASTER_DEATHS"])
    assert stored[("DISASTER_DEATHS", "R-RRD", 2020)] == (25.0, "final")
    assert stored[("DISASTER_DEATHS", "R-NMM", 2020)] == (7.0, "final")


def test_percent_signs_and_excel_percent_cells(official):
    data = csv("indicator,area,year,value", "HH_COMPUTER,Hà Nội,2023,53.2%", "HH_COMPUTER,Hải Phòng,2023,30.4 %")
    report = ingest.check(data, "pct.csv", ingest.Options())
    assert not report.errors and sorted(report.rows["value"]) == [30.4, 53.2]
    book = xlsx([["indicator", "area", "year", "value"], ["HH_COMPUTER", "Hà Nội", 2023, 0.532]], percent_cells=("D2",))
    report = ingest.check(book, "pct.xlsx", ingest.Options())
    assert not report.errors and report.rows["value"].iloc[0] == pytest.approx(53.2)
    assert any(p.code == "percent_cell_scaled" for p in report.problems)


def test_value_computed_from_numerator_and_denominator(official):
    data = csv("indicator,area,year,numerator,denominator", "HH_COMPUTER,Hà Nội,2023,532,1000")
    report = ingest.check(data, "parts.csv", ingest.Options())
    assert report.rows["value"].iloc[0] == pytest.approx(53.2)


# --- decimal marks and numbers -------------------------------------------------------------------------------


def test_decimal_mark_rule():
    point = ingest.Numbers(["3.4", "4,962", "1,234.5"])
    assert point.mark == "point"
    assert point.parse("4,962").value == 4962 and point.parse("1,234.5").value == 1234.5
    assert point.parse("3,37").error == "decimal_mark_mixed"
    comma = ingest.Numbers(["3,37", "1.234,5"])
    assert comma.mark == "comma"
    assert comma.parse("3,37").value == pytest.approx(3.37) and comma.parse("1.234").value == 1234
    assert comma.parse("3.4").error == "decimal_mark_mixed"
    unknown = ingest.Numbers(["4,962", "12"])
    assert unknown.mark == "none" and unknown.parse("4,962").error == "ambiguous_number"
    assert unknown.parse("12").value == 12 and unknown.parse("8,717,600").value == 8717600
    assert unknown.parse("-").value is None and unknown.parse("..").value is None
    assert unknown.parse("-3").value == -3 and unknown.parse("−3").value == -3
    assert unknown.parse("=1+2").error == "formula" and unknown.parse("abc").error == "non_numeric"
    assert unknown.parse(0.25, percent_cell=True).value == 25 and unknown.parse(0.25, percent_cell=True).percent


@pytest.mark.parametrize("text,formula", [("=1", True), ("+cmd|' /C calc'!A0", True), ("@SUM(A1)", True),
                                           ("-2+3", True), ("-3.5", False), ("+84", False), ("-", False),
                                           ("Hà Nội", False), ("\t=1", True)])
def test_formula_like_cells(text, formula):
    assert ingest.is_formula_like(text) is formula


# --- area matching ------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "label,year,kind,area",
    [
        ("Thành phố Hà Nội", 2023, "province", "P63-01"),
        ("Ha Noi", 2023, "province", "P63-01"),
        ("hanoi", 2023, "province", "P63-01"),
        ("TP. Hồ Chí Minh", 2023, "province", "P63-79"),
        ("TP Hồ Chí Minh", 2025, "province", "P34-79"),
        ("Ho Chi Minh City", 2023, "province", "P63-79"),
        ("Thanh pho Can Tho", 2024, "province", "P63-92"),
        ("Tỉnh Hoà Bình", 2023, "province", "P63-17"),
        ("Hòa Bình", 2023, "province", "P63-17"),
        ("Khánh Hoà", 2025, "province", "P34-56"),
        ("Thanh Hoá", 2023, "province", "P63-38"),
        ("Thừa Thiên-Huế", 2023, "province", "P63-46"),
        ("Thừa Thiên Huế", 2025, "province", "P34-46"),
        ("Huế", 2023, "province", "P63-46"),
        ("Đăk Lăk", 2023, "province", "P63-66"),
        ("Dak Lak", 2025, "province", "P34-66"),
        ("Thái  Nguyên", 2023, "province", "P63-19"),
        ("Bà Rịa - Vũng Tàu", 2023, "province", "P63-77"),
        ("01", 2023, "province", "P63-01"),
        ("1", 2023, "province", "P63-01"),
        ("24", 2023, "province", "P63-24"),
        ("24", 2025, "province", "P34-24"),
        ("P63-02", 2023, "province", "P63-02"),
        ("CẢ NƯỚC", 2023, "nation", "VN"),
        ("Tổng số", 2023, "nation", "VN"),
        ("Whole country", 2023, "nation", "VN"),
        ("Đồng bằng sông Hồng", 2023, "region", "R-RRD"),
        ("Bắc Trung Bộ và Duyên hải miền Trung", 2023, "region", "R-NCC"),
        ("Mekong River Delta", 2023, "region", "R-MRD"),
        ("Northern midlands and mountain areas", 2023, "region", "R-NMM"),
        ("Hà Giang", 2025, "other_set", "P63-02"),
        ("Bắc Kạn", 2025, "other_set", "P63-06"),
        ("P63-01", 2025, "other_set", "P63-01"),
        ("Bình", 2023, "ambiguous", None),
        ("Atlantis", 2023, "unknown", None),
    ],
)
def test_area_matching(label, year, kind, area, use_bundled):
    m = ingest.load_reference().matcher.match(label, year)
    assert (m.kind, m.area_id) == (kind, area)


def test_area_spelling_variants_are_matched_but_reported(use_bundled):
    matcher = ingest.load_reference().matcher
    m = matcher.match("Vũng Tàu", 2023)
    assert (m.kind, m.area_id, m.fuzzy) == ("province", "P63-77", True)
    assert matcher.match("Bắc Kạn", 2025).successor == "P34-19"


# --- preview, valid rows only, dry run ----------------------------------------------------------------------


def test_preview_counts_new_changed_unchanged_and_lists_old_to_new(official):
    first = csv("indicator,area,year,value", "HH_COMPUTER,Hà Nội,2023,53.2", "HH_COMPUTER,Hải Phòng,2023,30.4")
    assert ingest.run_import(first, "v1.csv", ingest.Options(), who="t").outcome == "committed"
    second = csv("indicator,area,year,value,status", "HH_COMPUTER,Hà Nội,2023,53.2,preliminary",
                 "HH_COMPUTER,Hải Phòng,2023,30.4,", "HH_COMPUTER,Đà Nẵng,2023,53.4,", "HH_COMPUTER,Hà Nam,2023,18,")
    report = ingest.run_import(second, "v2.csv", ingest.Options(dry_run=True), who="t")
    assert report.outcome == "checked"
    pv = report.preview
    assert (pv.new, pv.changed, pv.unchanged) == (2, 1, 1)
    change = pv.changes.iloc[0]
    assert (change["area_id"], change["old_value"], change["new_value"], change["old_status"], change["new_status"]) == (
        "P63-01", 53.2, 53.2, "final", "preliminary")
    again = ingest.run_import(first, "v1.csv", ingest.Options(), who="t")
    assert again.outcome == "rejected" and [p.code for p in again.errors] == ["nothing_new"]


def test_all_or_nothing_unless_valid_only(official, tmp_path):
    path = tmp_path / "mixed.csv"
    path.write_bytes(csv("indicator,area,year,value", "HH_COMPUTER,Hà Nội,2023,53.2", "HH_COMPUTER,Atlantis,2023,1",
                         "HH_COMPUTER,Hải Phòng,2023,30.4"))
    assert cli_main(["import", str(path), "--data-dir", str(official)]) == 1
    assert visible() == {}
    assert cli_main(["import", str(path), "--data-dir", str(official), "--valid-only", "--dry-run"]) == 0
    assert visible() == {}
    assert cli_main(["import", str(path), "--data-dir", str(official), "--valid-only"]) == 0
    assert visible() == {("HH_COMPUTER", "P63-01", 2023): (53.2, "final"), ("HH_COMPUTER", "P63-31", 2023): (30.4, "final")}


def test_import_into_the_demo_dataset_is_refused(tmp_path, monkeypatch, capsys):
    from tests import fixture_data
    from tests.test_ingest_corpus import folder_hash

    demo = fixture_data.build(tmp_path / "demo")
    before = folder_hash(demo)
    path = tmp_path / "x.csv"
    path.write_bytes(csv("indicator,area,year,value", "POV,Hà Nội,2020,1.0"))
    monkeypatch.setenv(settings.DATA_DIR_ENV, str(demo))
    assert cli_main(["import", str(path), "--data-dir", str(demo), "--lang", "en"]) == 2
    assert "simulated demo" in capsys.readouterr().out
    assert folder_hash(demo) == before
    db.clear_cache()


# --- the real GSO tables -----------------------------------------------------------------------------------

GSO = [  # file, indicator, column, Hà Nội, nation, values (63 provinces, the nation, the regions printed)
    ("gso_yearbook_V14.60.2_households_with_computer_2023.xlsx", "HH_COMPUTER", "Sơ bộ  Prel.  2023", 53.2, 28.3, 64),
    ("gso_yearbook_V14.31_income_per_capita_by_quintile_2023.xlsx", "INCOME_PC", "Bình quân chung", 6869.0, 4962.0, 70),
]


@pytest.mark.parametrize("file_name,code,column,hanoi,nation,n", GSO, ids=["V14.60.2", "V14.31"])
def test_real_gso_yearbook_tables_import_with_every_province_matched(official, file_name, code, column, hanoi, nation, n,
                                                                     capsys):
    path = shared_path("data", file_name)
    assert cli_main(["import", str(path), "--indicator", code, "--data-dir", str(official), "--lang", "en"]) == 0
    out = capsys.readouterr().out
    assert f"IMPORTED {n} values" in out and f"Column imported: B ({column}" in out
    report = ingest.check(path.read_bytes(), path.name, ingest.Options(indicator=code))
    assert not report.errors and not report.warnings, report.to_text("en")
    df = db.run_query("ingest_current_values", codes=[code], years=[2023])
    provinces = df[df["area_id"].str.startswith("P63-")]
    assert len(provinces) == 63 and set(df["status"]) == {"preliminary"}
    assert df.set_index("area_id").loc["P63-01", "value"] == hanoi
    assert df.set_index("area_id").loc["VN", "value"] == nation
    # Every value equals the workbook's cell of its row.
    wb = openpyxl.load_workbook(io.BytesIO(path.read_bytes()), read_only=True)
    cells = {r[0]: r[1] for r in wb.worksheets[0].iter_rows(values_only=True) if r[0] and isinstance(r[1], int | float)}
    # Region rows are stored as published, like the nation's (and compared with the provinces).
    expected = sorted(cells.values())
    assert sorted(report.rows["value"]) == expected
    assert [p.code for p in report.problems if p.code == "subtotal_ok"], "the national row was compared"


# --- the template -----------------------------------------------------------------------------------------


def test_template_has_instructions_and_lists_and_imports_when_filled(official):
    data = ingest.template_xlsx()
    wb = openpyxl.load_workbook(io.BytesIO(data))
    assert wb.sheetnames[0] == "Dữ liệu - Data" and len(wb.sheetnames) == 6
    guide = "\n".join(str(c.value) for c in wb["Hướng dẫn - Instructions"]["A"] if c.value)
    assert "HƯỚNG DẪN" in guide and "HOW TO FILL IN" in guide
    assert wb["Tỉnh 63 - Provinces to 2024"].max_row == 64 and wb["Tỉnh 34 - Provinces from 2025"].max_row == 35
    codes = [c.value for c in wb["Chỉ tiêu - Indicators"]["A"]][1:]
    assert "HH_COMPUTER" in codes and len(codes) == 20
    sheet = wb["Dữ liệu - Data"]
    sheet.append(["HH_COMPUTER", "Hà Nội", 2023, 53.2, None, None, "preliminary", "GSO"])
    out = io.BytesIO()
    wb.save(out)
    report = ingest.run_import(out.getvalue(), "filled.xlsx", ingest.Options(), who="t")
    assert report.outcome == "committed", report.to_text("en")
    assert visible() == {("HH_COMPUTER", "P63-01", 2023): (53.2, "preliminary")}


# --- the importer's queries ---------------------------------------------------------------------------------


def test_importer_queries_have_fixed_columns(use_fixture):
    assert list(db.run_query("ingest_indicators").columns) == [
        "indicator_code", "name_vi", "name_en", "short_vi", "short_en", "unit_vi", "unit_en", "decimals",
        "aggregation", "scale", "min_value", "max_value", "limit_value"]
    areas = db.run_query("ingest_areas")
    assert list(areas.columns) == ["area_id", "level", "boundary_set", "code", "name_vi", "name_en", "name_ascii",
                                   "short_vi", "short_en", "region_code", "population", "successor_id"]
    assert areas.set_index("area_id").loc["P63-02", "successor_id"] == "P34-08"
    cur = db.run_query("ingest_current_values", codes=["POV"], years=[2016])
    assert list(cur.columns) == ["indicator_code", "area_id", "year", "breakdown", "value", "numerator", "denominator",
                                 "weight", "status", "source", "batch_id"]
    assert len(cur) == 7 and (cur["batch_id"] == "fx-0001").all()  # 4 provinces + 2 breakdowns + VN
    empty = db.run_query("ingest_current_values", codes=["NONE"], years=None)
    assert empty.empty and list(empty.columns) == list(cur.columns)


def test_report_as_text_in_both_languages(official):
    report = ingest.check(csv(*WIDE), "wide.csv", ingest.Options(indicator="HH_COMPUTER"))
    vi, en = report.to_text("vi"), report.to_text("en")
    assert "Bố cục: bảng niên giám" in vi and "Layout: yearbook table" in en
    assert "Dòng 5" in vi and "Row 5" in en
    table = report.problem_table("en")
    assert list(table.columns) == ["severity", "row", "column", "header", "reason", "code"]
    assert pd.api.types.is_integer_dtype(table["row"])
