"""Import of good files: formats, layouts, area matching, decimal rule, preview, round trip, real GSO tables."""

from __future__ import annotations

import io
import random
import unicodedata

import openpyxl
import pandas as pd
import pytest

from ascc import batches, db, ingest, settings
from ascc.cli import main as cli_main
from tests.bad_files.corpus import csv, rezip, with_dimension, xlsx
from tests.conftest import shared_path
from tests.test_ingest_corpus import folder_hash

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
        ("utf32.csv", "\r\n".join([HEADER, *LONG_ROWS]).encode("utf-32")),
        ("utf32le_no_bom.csv", "\r\n".join([HEADER, *LONG_ROWS]).encode("utf-32-le")),
        ("utf32be_no_bom.txt", "\r\n".join([HEADER.replace(",", "\t"), *(r.replace(",", "\t") for r in LONG_ROWS)])
         .encode("utf-32-be")),
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
    if name.startswith(("utf16", "utf32")):
        assert report.format["encoding"] == "UTF-" + name[3:5]
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
        # the statistics office's PX-Web labels as published
        (" WHOLE COUNTRY", 2023, "nation", "VN"),
        ("Northern Central area and Central coastal area", 2023, "region", "R-NCC"),
        ("Central Highlands", 2023, "region", "R-CH"),
        ("South East", 2023, "region", "R-SE"),
        ("Quang  Nam", 2023, "province", "P63-49"),
        ("Thua Thien-Hue", 2023, "province", "P63-46"),
        ("Hue", 2024, "province", "P63-46"),
        ("Ho Chi Minh city", 2023, "province", "P63-79"),
        ("Ba Ria - Vung Tau", 2023, "province", "P63-77"),
        ("Ha Tay", 2005, "dissolved", None),
        ("Hà Tây", 2023, "dissolved", None),
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
        "aggregation", "scale", "min_value", "max_value", "limit_value", "higher_is_better"]
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


# --- statistics-office PX-Web tables: items, 2025 on the former provinces, Hà Tây, limits, bundled datasets --------

PX_INCOME = [  # as the statistics office's PX-Web writes a table with several items a year
    '"Monthly average income per capita at current prices by income source and by province by Cities, provincies, '
    'Year and Income source"',
    "",
    '"Cities, provincies","2024 Total","2024 Salary & wage","Prel. 2025 Total","Prel. 2025 Salary & wage"',
    '" WHOLE COUNTRY",5400.00,2900.00,5800.00,3100.00',
    '"Northern midlands and mountain areas",3800.00,1900.00,4100.00,2000.00',
    '"Northern Central area and Central coastal area",4500.00,2300.00,4800.00,2500.00',
    '"Ha Noi",8700.00,5100.00,9300.00,5500.00',
    '"Ha Tay",..,..,..,..',
    '"Ha Giang",2400.00,900.00,2600.00,1000.00',
    '"Tuyen Quang",3500.00,1500.00,3800.00,1600.00',
    '"Quang  Nam",4300.00,2200.00,4600.00,2300.00',
    '"Thua Thien-Hue",4700.00,2500.00,5000.00,2600.00',
    '"Ho Chi Minh city",8100.00,4900.00,8600.00,5200.00',
    '"Ba Ria - Vung Tau",6000.00,3400.00,..,..',
]
PX_2025 = {"P63-01": 9300.0, "P63-02": 2600.0, "P63-08": 3800.0, "P63-49": 4600.0, "P63-46": 5000.0, "P63-79": 8600.0}


@pytest.mark.parametrize(
    "cell,parsed",
    [
        ("2010 Total", (2010, "final", "Total")),
        ("Prel. 2025 Total", (2025, "preliminary", "Total")),
        ("2011 Average population (Thous. pers.)", (2011, "final", "Average population (Thous. pers.)")),
        ("2010 Monthly average income  per capita (Thous. dongs)  - The lowest income quintile",
         (2010, "final", "Monthly average income per capita (Thous. dongs) - The lowest income quintile")),
        ("2010 The highest income quintile compared with the lowest income quintile (Times)",
         (2010, "final", "The highest income quintile compared with the lowest income quintile (Times)")),
        ("Sơ bộ 2025 Tổng số", (2025, "preliminary", "Tổng số")),
        ("Prel. 2024", (2024, "preliminary", None)),
        ("Sơ bộ  Prel.  2023", (2023, "preliminary", None)),
        ("2023", (2023, "final", None)),
        (2023, (2023, "final", None)),
        ("2001-2002", None),  # a school year is not a year with an item
        ("Cities, provincies", None),
    ],
)
def test_year_and_item_headers(cell, parsed):
    assert ingest.parse_year_item_header(cell) == parsed
    assert ingest.parse_year_header(cell) == (parsed[:2] if parsed and parsed[2] is None else None)


def test_items_match_ignoring_case_spacing_diacritics_and_by_unique_prefix():
    items = {1: "Area (Km2(*)", 2: "Average population (Thous. pers.)", 3: "Population density (Person/km2)"}
    assert ingest.match_item("average  POPULATION", items) == [2]
    assert ingest.match_item("Population density (Person/km2)", items) == [3]
    assert ingest.match_item("a", items) == [1, 2]  # a prefix of two: ambiguous
    assert ingest.match_item("Dân số", items) == []
    assert ingest.match_item("tong so", {1: "Tổng số", 2: "Tổng số nữ"}) == [1]  # the exact item before prefixes


def test_table_with_items_takes_the_total_item_by_default_and_says_so(official):
    report = ingest.check(csv(*PX_INCOME), "E1428.csv", ingest.Options(indicator="INCOME_PC"))
    assert report.layout == "wide" and not report.errors, report.to_text("en")
    assert report.columns_used == ["B (2024 Total)", "D (Prel. 2025 Total)"]
    used = [p for p in report.problems if p.code == "item_used"]
    assert len(used) == 1 and "Item “Total” is imported" in used[0].message("en")
    assert "Salary & wage" in used[0].message("en") and "Nhập mục “Total”" in used[0].message("vi")
    values = {(r.area_id, int(r.year)): (r.value, r.status) for r in report.rows.itertuples()}
    assert values[("P63-01", 2024)] == (8700.0, "final") and values[("VN", 2025)] == (5800.0, "preliminary")
    assert values[("R-NCC", 2024)] == (4500.0, "final")  # "Northern Central area and Central coastal area"
    # --item chooses another item; case, spacing and diacritics do not matter, a unique prefix is enough
    wage = ingest.check(csv(*PX_INCOME), "E1428.csv", ingest.Options(indicator="INCOME_PC", item="salary"))
    assert not wage.errors and wage.columns_used == ["C (2024 Salary & wage)", "E (Prel. 2025 Salary & wage)"]
    assert {(r.area_id, int(r.year)): r.value for r in wage.rows.itertuples()}[("P63-02", 2025)] == 1000.0


def test_table_with_items_and_no_total_needs_the_item(official, tmp_path, capsys):
    lines = ['"Cities, provincies","2024 Area (Km2(*)","2024 Average population (Thous. pers.)",'
             '"2024 Population density (Person/km2)"', '"Ha Noi",3359.84,8685.60,2585.00']
    report = ingest.check(csv(*lines), "E0201.csv", ingest.Options(indicator="INCOME_PC"))
    assert [p.code for p in report.errors] == ["item_required"]
    message = report.errors[0].message("en")
    assert "Area (Km2(*), Average population (Thous. pers.), Population density (Person/km2)" in message
    assert "--item" in message and "--item" in report.errors[0].message("vi")
    unknown = ingest.check(csv(*lines), "E0201.csv", ingest.Options(indicator="INCOME_PC", item="Households"))
    assert [p.code for p in unknown.errors] == ["unknown_item"] and "Average population" in unknown.errors[0].message("en")
    ambiguous = ingest.check(csv(*lines), "E0201.csv", ingest.Options(indicator="INCOME_PC", item="A"))
    assert [p.code for p in ambiguous.errors] == ["ambiguous_item"]
    # the command line's --item
    path = tmp_path / "E0201.csv"
    path.write_bytes(csv(*lines))
    args = ["import", str(path), "--indicator", "INCOME_PC", "--data-dir", str(official), "--lang", "en", "--dry-run"]
    assert cli_main(args) == 1
    assert cli_main([*args, "--item", "average population"]) == 0
    out = capsys.readouterr().out
    assert "Column imported: C (2024 Average population (Thous. pers.))" in out
    assert "Item “Average population (Thous. pers.)” is imported" in out
    # an item for a table without items, or for a long table, is said to be ignored
    long = ingest.check(csv(HEADER, *LONG_ROWS), "long.csv", ingest.Options(item="Total"))
    assert [p.code for p in long.warnings] == ["item_ignored"] and not long.errors


def test_2025_published_on_the_former_provinces_is_kept_there_and_the_34_are_rebuilt(official):
    report = ingest.run_import(csv(*PX_INCOME), "E1428.csv", ingest.Options(indicator="INCOME_PC"), who="t")
    assert report.outcome == "committed", report.to_text("en")
    assert not report.errors
    note = [p for p in report.infos if p.code == "year_on_former_provinces"]
    assert len(note) == 1 and note[0].params == {"year": 2025}
    assert ("2025 is published on the 63 former provinces: kept there; the 34 provinces are rebuilt from them."
            in report.to_text("en"))
    assert "Năm 2025 được công bố theo 63 tỉnh cũ" in report.to_text("vi")
    rows = report.rows[report.rows["year"] == 2025]
    assert set(rows["area_id"]) == {*PX_2025, "VN", "R-NMM", "R-NCC"}  # also "Ha Noi", a name of both sets
    # Hà Tây's row of ".." is skipped with a note, not an error
    skipped = [p for p in report.infos if p.code == "dissolved_area_empty"]
    assert [p.row for p in skipped] == [8] and "merged into Ha Noi in 2008" in skipped[0].message("en")
    assert "Hà Nội" in skipped[0].message("vi")
    # the 63-province values of 2025 as published; the 34 rebuilt from them (derived), where complete
    former = db.run_query("province_ranking", lang="en", indicator="INCOME_PC", boundary="63", year=2025,
                          breakdown="total").set_index("area_id")
    for area, value in PX_2025.items():
        assert (former.loc[area, "value"], former.loc[area, "status"], former.loc[area, "derived"]) == (
            value, "preliminary", False)
    new = db.run_query("province_ranking", lang="en", indicator="INCOME_PC", boundary="34", year=2025,
                       breakdown="total").set_index("area_id")
    weights = pd.read_parquet(official / "weights.parquet")
    w = weights[(weights["weight_kind"] == "population") & (weights["year"] == 2025)].set_index("area_id")["value"]
    tuyen_quang = (2600.0 * w["P63-02"] + 3800.0 * w["P63-08"]) / (w["P63-02"] + w["P63-08"])
    assert new.loc["P34-08", "value"] == pytest.approx(tuyen_quang) and bool(new.loc["P34-08", "derived"])
    assert new.loc["P34-01", "value"] == pytest.approx(9300.0) and bool(new.loc["P34-01", "derived"])
    assert pd.isna(new.loc["P34-48", "value"])  # Đà Nẵng: Quảng Nam is in the file, Đà Nẵng is not
    assert not db.run_query("checks/results_boundary_period").size


def test_boundary_set_of_a_year_decided_from_its_labels(use_bundled):
    matcher = ingest.load_reference().matcher
    sets = matcher.year_sets({2024: {"Ha Giang"}, 2025: {"Ha Giang", "Ha Noi"}, 2026: {"Ha Giang", "Ha Noi"}})
    assert sets == {2024: "63", 2025: "63", 2026: "34"}  # only 2025 was published on either set
    assert matcher.year_sets({2025: {"Ha Noi", "Tuyen Quang"}}) == {2025: "34"}  # names of both sets: the 34
    assert matcher.year_sets({2025: {"Ha Giang", "P34-08"}}) == {2025: "34"}  # one only of the 34: the 34
    # ... but a year naming provinces only of either set fits neither: it is refused whole (see the corpus)
    assert matcher.year_doubt(2025, {"Ha Giang", "P34-08"}) == "both_sets"
    assert matcher.year_doubt(2025, {"Ha Giang", "Ha Noi"}) is None and matcher.year_doubt(2026, {"P34-08"}) is None


def test_long_file_2025_on_the_former_provinces_per_year(official):
    data = csv("indicator,area,year,value", "HH_COMPUTER,Hà Giang,2025,9.4", "HH_COMPUTER,Hà Nội,2025,55.0",
               "HH_COMPUTER,Hà Nội,2024,54.1", "INCOME_PC,Tuyên Quang,2025,3398")
    report = ingest.check(data, "long.csv", ingest.Options())
    assert not report.errors, report.to_text("en")
    assert {(r.area_id, int(r.year)) for r in report.rows.itertuples()} == {
        ("P63-02", 2025), ("P63-01", 2025), ("P63-01", 2024), ("P63-08", 2025)}
    # without a former province's name, 2025 is on the 34
    new = ingest.check(csv("indicator,area,year,value", "HH_COMPUTER,Hà Nội,2025,55.0"), "n.csv", ingest.Options())
    assert new.rows["area_id"].tolist() == ["P34-01"] and not any(p.code == "year_on_former_provinces" for p in new.problems)


def test_dissolved_province_values_are_not_imported(official):
    lines = ['"Cities, provincies","2005","2007","2008","2010"', '" WHOLE COUNTRY",17.80,16.00,15.00,15.80',
             '"Ha Noi",12.00,11.00,10.50,10.00']
    empty = ingest.check(csv(*lines, '"Ha Tay",..,..,..,..'), "E0218.csv", ingest.Options(indicator="IMR"))
    assert not empty.errors and not empty.warnings, empty.to_text("en")
    assert [p.code for p in empty.infos if p.row == 4] == ["dissolved_area_empty"]
    # before it merged, its figure is left out (the dataset has no such area); after, a figure is an error
    early = ingest.check(csv(*lines, '"Ha Tay",20.60,13.00,..,..'), "E0218.csv", ingest.Options(indicator="IMR"))
    assert not early.errors and [(p.code, p.col) for p in early.warnings] == [("dissolved_area_before", 1),
                                                                              ("dissolved_area_before", 2)]
    late = ingest.check(csv(*lines, '"Ha Tay",..,..,..,14.00'), "E0218.csv", ingest.Options(indicator="IMR"))
    assert [(p.code, p.row) for p in late.errors] == [("dissolved_area", 4)]
    assert "merged into Ha Noi in 2008" in late.errors[0].message("en")
    assert "đã nhập vào Hà Nội năm 2008" in late.errors[0].message("vi")
    assert "P63-01" in set(late.rows["area_id"]) and len(late.rows) == 8  # the other cells still read


def test_value_above_the_natural_limit_is_kept_with_a_warning(monkeypatch):
    # The public dataset's health-insurance coverage: limit 100, plausible range 0-130 (cards counted where issued).
    monkeypatch.setenv(settings.DATA_DIR_ENV, str(settings.PUBLIC_DATA_DIR))
    db.clear_cache()
    try:
        low, high = ingest._range(ingest.load_reference().indicators.loc["HI_COVERAGE"])
        assert (low, high) == (0.0, 130.0)
        data = csv('"Cities, provincies","2016","2017"', '"Ha Noi",75.4,82.5', '"Soc Trang",107.8,114.9')
        report = ingest.check(data, "E0324.csv", ingest.Options(indicator="HI_COVERAGE"))
        assert not report.errors, report.to_text("en")
        assert [(p.code, p.row, p.col) for p in report.warnings] == [("above_limit", 3, 1), ("above_limit", 3, 2)]
        assert report.warnings[1].message("en") == "The value 114.9 is above the natural limit 100: kept as published."
        assert "vượt giới hạn tự nhiên 100" in report.warnings[1].message("vi")
        assert sorted(report.rows["value"]) == [75.4, 82.5, 107.8, 114.9]
        beyond = ingest.check(csv('"Cities, provincies","2023"', '"Soc Trang",131.0'), "E0324.csv",
                              ingest.Options(indicator="HI_COVERAGE"))
        assert [p.code for p in beyond.errors] == ["out_of_range"] and "0.0 – 130.0" in beyond.errors[0].message("en")
    finally:
        db.clear_cache()


def test_plausible_range_from_the_catalogue():
    def ind(low, high, unit="%", aggregation="ratio"):
        return pd.Series({"min_value": low, "max_value": high, "unit_en": unit, "aggregation": aggregation})

    assert ingest._range(ind(0.0, 130.0)) == (0.0, 130.0)  # the catalogue's range, not 0-100 for every %
    assert ingest._range(ind(None, None)) == (0.0, 100.0)  # a % without a range: 0-100
    assert ingest._range(ind(-5.0, None, aggregation="mean")) == (-5.0, 100.0)
    assert ingest._range(ind(-5.0, None, unit="persons", aggregation="sum")) == (0.0, float("inf"))


def test_import_into_a_bundled_dataset_is_refused(tmp_path, monkeypatch, capsys):
    from ascc import dataset, weights
    from tests import fixture_data
    folder = fixture_data.build(tmp_path / "bundled", kind="official")
    dataset.write_manifest(folder, {**dataset.read_manifest(folder), "bundled": True})
    before = folder_hash(folder)
    path = tmp_path / "x.csv"
    path.write_bytes(csv("indicator,area,year,value", "POV,Hà Nội,2020,1.0"))
    monkeypatch.setenv(settings.DATA_DIR_ENV, str(folder))
    db.clear_cache()
    assert cli_main(["import", str(path), "--data-dir", str(folder), "--lang", "en"]) == 2
    out = capsys.readouterr().out
    assert "rebuilt from its sources (python -m ascc build-public)" in out and "python -m ascc init-dataset DIR" in out
    assert cli_main(["import", str(path), "--data-dir", str(folder), "--lang", "vi"]) == 2
    assert "python -m ascc init-dataset THƯ_MỤC" in capsys.readouterr().out
    report = weights.run_import(csv("area,year,kind,value", "Hà Nội,2020,population,8246600"), "w.csv", who="t")
    assert report.outcome == "refused" and [p.code for p in report.errors] == ["bundled_dataset"]
    assert folder_hash(folder) == before
    db.clear_cache()


# --- bad input found in a review (issue 15: H1, M3, L4) ---------------------------------------------------


def test_an_unclosed_quote_refuses_the_file_instead_of_swallowing_rows(official):
    data = 'indicator,area,year,value\nHH_COMPUTER,Hà Nội,2022,53.2\nHH_COMPUTER,"Hải Phòng,2022,30.4\n' \
           'HH_COMPUTER,Hà Nam,2022,20.1\n'.encode()
    report = ingest.run_import(data, "q.csv", ingest.Options(), who="test")
    assert report.outcome == "rejected" and [p.code for p in report.errors] == ["unclosed_quote"]
    assert report.errors[0].row == 3 and "never closed" in report.errors[0].message("en")
    assert "không được đóng" in report.errors[0].message("vi")
    # a quoted note with a comma over two lines is still a note, not swallowed rows
    note = 'indicator,area,year,value\nHH_COMPUTER,Hà Nội,2022,53.2\n"Ghi chú: số liệu sơ bộ,\nnăm 2022"\n'.encode()
    assert "unclosed_quote" not in [p.code for p in ingest.check(note, "n.csv", ingest.Options()).errors]


def test_a_huge_cell_or_number_is_a_message_not_a_crash(official):
    huge_cell = ('indicator,area,year,value\nHH_COMPUTER,"' + "x" * 140_000 + ',2022,1\n').encode()
    report = ingest.check(huge_cell, "big.csv", ingest.Options())
    assert [p.code for p in report.errors] == ["cell_too_long"]
    huge_number = b"indicator,area,year,value\nHH_COMPUTER,H\xc3\xa0 N\xe1\xbb\x99i,2022,100000000000000000000000000000\n"
    report = ingest.check(huge_number, "n.csv", ingest.Options())
    assert report.errors and all(p.message(lang) for p in report.errors for lang in ("vi", "en"))


def test_an_over_large_file_is_reported_as_too_large():
    report = ingest.check(b"\0" * (ingest.MAX_FILE_BYTES + 1), "big.csv", ingest.Options())
    assert [p.code for p in report.errors] == ["too_large"]


def test_formula_text_from_a_title_or_file_name_is_stored_neutralised(official):
    # Issue 15 L1: a title line or a file name such as =HYPERLINK(...) became results.source and the batch log's
    # file name, to be run by a spreadsheet that opens a download
    data = csv('"=HYPERLINK(""http://example.invalid"",""Bảng"")"', "", "Tỉnh/thành phố,2022", "Hà Nội,53.2",
               "Hải Phòng,30.4")
    report = ingest.run_import(data, "=HYPERLINK(1).csv", ingest.Options(indicator="HH_COMPUTER"), who="test")
    assert report.outcome == "committed", report.to_text("en")
    sources = set(db.run_query("ingest_current_values", codes=["HH_COMPUTER"], years=[2022])["source"].dropna())
    assert sources and all(s.startswith("'=") for s in sources)
    assert batches.read_log(official)["file_name"].iloc[-1] == "'=HYPERLINK(1).csv"


# --- plausibility of the file as a whole (issue 15, L3) ---------------------------------------------------


def test_a_table_of_the_34_new_provinces_with_a_year_before_the_merger_is_refused(official):
    from tests.bad_files.corpus import NEW_34, provinces

    report = ingest.check(csv("indicator,area,year,value", *provinces(NEW_34, 2023)), "t34.csv",
                          ingest.Options(valid_only=True))
    assert [(p.code, p.row) for p in report.errors] == [("new_provinces_before_merger", 2)] and report.n_valid == 0
    assert ("Rows 2–35: the 34 provinces named for 2023 look like the 34 provinces formed on 1 July 2025"
            in report.errors[0].line("en"))
    assert "Figures before 1 July 2025 belong to the 63 former provinces" in report.errors[0].message("en")
    assert "the new Tuyen Quang also includes Ha Giang" in report.errors[0].message("en")
    assert "Dòng 2–35" in report.errors[0].message("vi") and "thuộc 63 tỉnh cũ" in report.errors[0].message("vi")
    # the same table for 2025 is on the 34; a table of the 63 for 2023 (or a few provinces of both names) is fine
    assert ingest.check(csv("indicator,area,year,value", *provinces(NEW_34, 2025)), "t.csv", ingest.Options()).n_valid == 34
    few = ingest.check(csv("indicator,area,year,value", *provinces(NEW_34[:11], 2023)), "t.csv", ingest.Options())
    assert not few.errors and set(few.rows["area_id"].str[:3]) == {"P63"}


def test_a_2025_table_of_the_63_never_puts_a_former_province_on_the_new_one_of_its_name(official):
    from tests.bad_files.corpus import MERGED_29, NEW_34, provinces

    rows = provinces(NEW_34 + MERGED_29, 2025)
    kept = ingest.check(csv("indicator,area,year,value", *rows), "t.csv", ingest.Options(valid_only=True))
    assert not kept.errors and set(kept.rows["area_id"].str[:3]) == {"P63"} and kept.n_valid == 63
    # one area only of the 34 among them: before, --valid-only wrote 33 former provinces onto the 34
    mixed = ingest.run_import(csv("indicator,area,year,value", *rows, "HH_COMPUTER,P34-46,2025,40.0",
                                  "HH_COMPUTER,Hà Nội,2024,50.0"), "t.csv", ingest.Options(valid_only=True), who="t")
    assert mixed.outcome == "committed" and mixed.rows[["area_id", "year"]].values.tolist() == [["P63-01", 2024]]
    assert not visible(years=[2025])
    message = mixed.errors[0].message("en")
    assert "Rows 2–65: 2025 names both former provinces merged on 1 July 2025 (“Hà Giang” (row 36)" in message
    assert "areas only of the 34 new provinces (“P34-46” (row 65))" in message
    assert "a former province's figure never goes onto the new province of the same name" in message


def test_shares_written_as_fractions_are_refused_with_the_value_meant(official):
    from tests.bad_files.corpus import MERGED_29, provinces

    seed = ingest.run_import(csv("indicator,area,year,value", *provinces(MERGED_29[:10], 2022)), "s.csv",
                             ingest.Options(), who="t")
    assert seed.outcome == "committed"
    fractions = [f"HH_COMPUTER,{n},2023,{(20 + i / 2) / 100:.4f}" for i, n in enumerate(MERGED_29[:10])]
    report = ingest.check(csv("indicator,area,year,value", *fractions, "INCOME_PC,Hà Nội,2023,6869"), "f.csv",
                          ingest.Options(valid_only=True))
    assert [(p.code, p.row, p.col) for p in report.errors] == [("percent_as_fraction", 2, 3)]
    assert report.rows["indicator_code"].tolist() == ["INCOME_PC"]  # the other indicator still goes
    en, vi = report.errors[0].line("en"), report.errors[0].line("vi")
    assert en.startswith("Row 2, column D (value): HH_COMPUTER 2023: 10 of the file's 10 values are between 0 and 1 "
                         "(row 2: 0.2; row 3: 0.205; row 4: 0.21; …), while the figures already known for the same "
                         "areas are about 100 times larger (Ha Giang 2022: 20). The unit is %: are these shares written "
                         "as fractions? Did you mean 20 %?")
    assert "Ý bạn là 20 %?" in vi and "(dòng 2: 0,2; dòng 3: 0,205;" in vi
    # not a pattern: values written with %, figures of the same size as before, areas without earlier figures
    for rows in ([f"HH_COMPUTER,{n},2023,0.{21 + i}%" for i, n in enumerate(MERGED_29[:10])],
                 [f"HH_COMPUTER,{n},2023,{20 + i}.5" for i, n in enumerate(MERGED_29[:10])],
                 [f"HH_COMPUTER,{n},2023,0.{21 + i}" for i, n in enumerate(MERGED_29[10:20])]):
        ok = ingest.check(csv("indicator,area,year,value", *rows), "ok.csv", ingest.Options())
        assert not ok.errors and ok.n_valid == 10, ok.to_text("en")
    # a small rate of rich provinces, well below the others' but not a hundred times below their own figures
    low = ingest.check(csv("indicator,area,year,value", *[f"HH_COMPUTER,{n},2023,0.9" for n in MERGED_29[:3]]),
                       "low.csv", ingest.Options())
    assert not low.errors


def test_breakdown_groups_in_words_are_refused_with_the_valid_choices(official):
    report = ingest.check(csv("indicator,area,year,value,breakdown", "HH_COMPUTER,Hà Nội,2023,53.2,sex:nam",
                              "HH_COMPUTER,Hà Nội,2023,50.1,Nữ", "HH_COMPUTER,Hà Nội,2023,50.1,Sex: Female"),
                          "b.csv", ingest.Options())
    assert [(p.code, p.row) for p in report.errors] == [("bad_breakdown", 2), ("bad_breakdown", 3)]
    assert report.rows["breakdown"].tolist() == ["sex:female"]
    assert report.errors[0].message("en") == (
        "Breakdown “sex:nam” is not valid (closest: sex:male). The valid breakdowns: total, sex:female, sex:male, "
        "residence:urban, residence:rural, ethnicity:kinh, ethnicity:minority.")
    assert "(gần nhất: sex:female)" in report.errors[1].message("vi")


def test_digits_other_than_0_to_9_are_refused_never_read(official):
    report = ingest.check(csv("indicator,area,year,value", "HH_COMPUTER,Hà Nội,٢٠٢٢,53.2", "HH_COMPUTER,Hà Nội,2023,٥٣٫٢",
                              "HH_COMPUTER,Hải Phòng,２０２３,30.4", "HH_COMPUTER,Hải Phòng,2022,30.4"), "d.csv",
                          ingest.Options())
    assert [(p.code, p.row, p.col) for p in report.errors] == [("other_digits", 2, 2), ("other_digits", 3, 3),
                                                                ("other_digits", 4, 2)]
    assert report.errors[0].line("en") == ("Row 2, column C (year): “٢٠٢٢” is written with digits other than 0–9 (it "
                                           "would read “2022”): write it with the digits 0–9; values are never guessed.")
    assert "“٥٣٫٢”" in report.errors[1].message("vi") and report.n_valid == 1
# --- workbooks: which sheet, and how large (issue 15: M4, L2) ----------------------------------------------


def sheets_workbook(active: int) -> bytes:
    """Sheets "Calc" (hidden, first), "Data" and "Notes", each a valid table with its own Hà Nội 2023 value."""
    wb = openpyxl.Workbook()
    for i, (title, value) in enumerate((("Calc", 99.9), ("Data", 53.2), ("Notes", 11.1))):
        ws = wb.active if i == 0 else wb.create_sheet()
        ws.title = title
        ws.append(["indicator", "area", "year", "value"])
        ws.append(["HH_COMPUTER", "Hà Nội", 2023, value])
    wb["Calc"].sheet_state = "hidden"
    # openpyxl saves a visible sheet as the active one; a hidden active sheet is written into the XML after.
    wb.active = max(active, 1)
    out = io.BytesIO()
    wb.save(out)
    if active == 0:
        return rezip(out.getvalue(), {"xl/workbook.xml": lambda x: x.replace(b'activeTab="1"', b'activeTab="0"')})
    return out.getvalue()


@pytest.mark.parametrize("active,read,value", [(1, "Data", 53.2), (2, "Notes", 11.1), (0, "Data", 53.2)],
                         ids=["first_visible_active", "later_sheet_active", "hidden_sheet_active"])
def test_a_hidden_sheet_is_never_read_unasked_and_the_user_is_told(official, active, read, value):
    report = ingest.check(sheets_workbook(active), "hidden_first.xlsx", ingest.Options())
    assert not report.errors, report.to_text("en")
    assert report.format["sheet"] == read and report.rows["value"].tolist() == [value]
    (warning,) = [p for p in report.warnings if p.code == "hidden_sheets_skipped"]
    assert warning.message("en") == (f"Sheet “{read}” was read; hidden sheets are skipped: “Calc”. To import a hidden "
                                     "sheet, give its name (--sheet, or the “Sheet” box).")
    assert f"Đã đọc trang tính “{read}”; bỏ qua trang ẩn: “Calc”" in warning.message("vi")


def test_a_hidden_sheet_named_by_the_user_is_read(official):
    report = ingest.check(sheets_workbook(1), "hidden_first.xlsx", ingest.Options(sheet="calc"))
    assert report.format["sheet"] == "Calc" and report.rows["value"].tolist() == [99.9]
    assert not report.warnings


def sheet_xml(body: str, dimension: str = "") -> bytes:
    ns = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    dim = f'<dimension ref="{dimension}"/>' if dimension else ""
    return f'<worksheet xmlns="{ns}">{dim}<sheetData>{body}</sheetData></worksheet>'.encode()


def assert_refused_before_reading(folder, data: bytes, code: str, english: str, vietnamese: str, tmp_path, capsys):
    """Refused with that reason and message, by the pipeline and the command line, and the dataset unchanged."""
    before = folder_hash(folder)
    report = ingest.run_import(data, "big.xlsx", ingest.Options(), who="test")
    assert report.outcome == "rejected" and [p.code for p in report.errors] == [code]
    assert english in report.errors[0].line("en") and vietnamese in report.errors[0].line("vi")
    path = tmp_path / "big.xlsx"
    path.write_bytes(data)
    assert cli_main(["import", str(path), "--data-dir", str(folder), "--lang", "en"]) == 1
    captured = capsys.readouterr()
    assert english in captured.out and "NOT IMPORTED" in captured.out and "Traceback" not in captured.err
    assert folder_hash(folder) == before


def test_a_workbook_part_that_unzips_too_large_is_refused_unread(official, tmp_path, capsys):
    # The shape of the file of the issue: 794 KB that unzip to 190 MB of one sheet's XML.
    data = rezip(xlsx([["x"]]), {"xl/worksheets/sheet1.xml": sheet_xml(" " * (65 * 2**20))})
    assert len(data) < 100_000
    assert_refused_before_reading(
        official, data, "xlsx_part_too_large",
        "One part of the workbook (xl/worksheets/sheet1.xml) unzips to 65 MB (the limit is 64 MB a part)",
        "Một phần của sổ tính (xl/worksheets/sheet1.xml) giải nén ra 65 MB (giới hạn 64 MB mỗi phần)", tmp_path, capsys)


def test_a_zip_bomb_is_refused_by_its_packing_ratio(official, tmp_path, capsys):
    data = rezip(xlsx([["x"]]), {"xl/worksheets/sheet1.xml": sheet_xml(" " * (4 * 2**20))})
    assert_refused_before_reading(official, data, "zip_ratio", "unzips to 1,004 times its packed size (4 MB from 4 KB; "
                                  "the limit is 100 times)", "gấp 1.004 lần kích thước nén", tmp_path, capsys)


def test_a_workbook_unzipping_above_the_total_limit_is_refused(official, tmp_path, capsys, monkeypatch):
    monkeypatch.setattr("ascc.ingest.reading.MAX_UNZIPPED_BYTES", 2**20)
    data = rezip(xlsx([["x"]]), {"xl/media/image1.bin": random.Random(0).randbytes(1_200_000)})
    assert_refused_before_reading(official, data, "xlsx_unzipped_too_large", "The workbook unzips to 1 MB (the limit "
                                  "is 1 MB)", "Sổ tính giải nén ra 1 MB (giới hạn 1 MB)", tmp_path, capsys)


def test_a_sheet_declaring_too_many_cells_is_refused_before_a_cell_is_read(official, tmp_path, capsys, monkeypatch):
    def no_reading(*args, **kwargs):
        raise AssertionError("cells were read")

    monkeypatch.setattr("openpyxl.worksheet._read_only.ReadOnlyWorksheet._cells_by_row", no_reading)
    data = with_dimension(xlsx([["indicator", "area", "year", "value"], ["HH_COMPUTER", "Hà Nội", 2023, 53.2]]),
                          "A1:Z100000")
    assert_refused_before_reading(official, data, "too_many_cells", "Sheet “Data” spans 2,600,000 cells "
                                  "(A1:Z100000; the limit is 1,000,000 cells)", "Trang tính “Data” trải trên 2.600.000 "
                                  "ô (A1:Z100000; giới hạn 1.000.000 ô)", tmp_path, capsys)


def test_reading_stops_at_the_cell_limit_when_the_dimension_understates_the_sheet(official, tmp_path, capsys,
                                                                                   monkeypatch):
    # A wrong <dimension ref="A1"/> lets the sheet through; reading stops once it has read the limit (made
    # small here, so the test reads 30 rows instead of a million cells).
    monkeypatch.setattr("ascc.ingest.reading.MAX_CELLS", 2_000)
    rows = "".join(f'<row r="{r}">' + "".join(f'<c r="{openpyxl.utils.get_column_letter(c)}{r}"><v>{c}</v></c>'
                                             for c in range(1, 101)) + "</row>" for r in range(1, 1001))
    data = rezip(xlsx([["x"]]), {"xl/worksheets/sheet1.xml": sheet_xml(rows, dimension="A1")})
    assert_refused_before_reading(official, data, "too_many_cells_read", "Row 21: Sheet “Data” holds more than 2,000 "
                                  "cells (reading stopped at this row)", "Dòng 21: Trang tính “Data” có hơn 2.000 ô",
                                  tmp_path, capsys)


# --- messages that named the wrong cause (issue 15) ---------------------------------------------------------


def test_a_header_too_far_down_is_reported_with_the_rows_searched(official):
    report = ingest.check(csv(*["Bảng số liệu,,,"] * 30, "indicator,area,year,value", "HH_COMPUTER,Hà Nội,2023,53.2"),
                          "deep.csv", ingest.Options())
    (problem,) = report.errors
    assert problem.code == "no_header"
    assert problem.message("en").startswith("No header row found in the first 30 rows (only these are searched")
    assert problem.message("vi").startswith("Không tìm thấy dòng tiêu đề trong 30 dòng đầu (chỉ tìm trong các dòng này")


def test_extra_cells_get_the_hint_of_their_format(official):
    rows = [["indicator", "area", "year", "value"], ["HH_COMPUTER", "Hà Nội", 2023, 53.2],
            ["HH_COMPUTER", "Hải Phòng", 2023, 30.4, "kiểm tra lại"]]
    (in_xlsx,) = ingest.check(xlsx(rows), "beside.xlsx", ingest.Options()).errors
    assert in_xlsx.line("en") == ("Row 3, column E: The row has cells to the right of the last column with a header: "
                                  "give that column a header, or clear these cells (notes go below the table).")
    assert "thập phân" not in in_xlsx.message("vi") and "decimal" not in in_xlsx.message("en")
    report = ingest.check(csv("indicator,area,year,value", "HH_COMPUTER,Hà Nội,2023,53,2"), "s.csv", ingest.Options())
    assert "decimal comma" in next(p for p in report.errors if p.code == "extra_cells").message("en")


def test_a_file_without_a_valid_row_is_not_told_to_import_the_valid_rows(official):
    report = ingest.run_import(csv("indicator,area,year,value", "NOPE,Hà Nội,2023,1.0"), "x.csv", ingest.Options(), who="t")
    assert report.outcome == "rejected" and report.n_valid == 0
    text = report.to_text("en")
    assert "--valid-only" not in text and "The file has no valid row" in text
    ok = ingest.run_import(csv("indicator,area,year,value", "NOPE,Hà Nội,2023,1.0", "HH_COMPUTER,Hà Nội,2023,5.0"),
                           "y.csv", ingest.Options(dry_run=True), who="t")
    assert ok.outcome == "rejected" and "--valid-only" in ok.to_text("en")  # one valid row: the advice stands
