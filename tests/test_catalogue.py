"""The indicator catalogue and targets from files: init-dataset without targets, import, validation, export
round trip, batches and rollback (ascc.catalogue, ascc.versions)."""

from __future__ import annotations

import io
from pathlib import Path

import openpyxl
import pyarrow.parquet as pq
import pytest

from ascc import batches, catalogue, db, ingest, schema, settings, versions
from ascc.cli import main as cli_main
from tests.bad_files.corpus import csv, xlsx

GOV_HEADER = ("indicator_code,name_vi,name_en,unit_vi,unit_en,decimals,higher_is_better,pillar_code,ministry_code,"
              "aggregation,weight_kind,min_value,max_value,definition_vi,definition_en,source_vi,source_en,series_breaks")
GOV_ROW = ("GOV_INDEX,Chỉ số quản trị cấp tỉnh,Provincial governance index,điểm,points,2,true,A,MOHA,mean,none,0,80,"
           "Điểm quản trị cấp tỉnh (0–80),Provincial governance score (0–80),Khảo sát quản trị,Governance survey,"
           "2018: Mở rộng từ 6 lên 8 nội dung | Extended from 6 to 8 dimensions (6 → 8)")
TARGETS_HEADER = "indicator_code,area_id,year,target_value,target_upper,target_type,source_vi,source_en"
RES16_VI = "Nghị quyết 16/2021/QH15 (27/7/2021) của Quốc hội"
RES16_EN = "National Assembly Resolution 16/2021/QH15 (27 Jul 2021)"


@pytest.fixture()
def official(tmp_path, monkeypatch) -> Path:
    """A fresh official dataset (init-dataset), in force for the test."""
    folder = tmp_path / "official"
    batches.init_dataset(folder)
    monkeypatch.setenv(settings.DATA_DIR_ENV, str(folder))
    db.clear_cache()
    yield folder
    db.clear_cache()


def run(*args: str, folder: Path, lang: str = "en") -> int:
    return cli_main([*args, "--data-dir", str(folder), "--lang", lang])


def write(path: Path, *lines: str) -> Path:
    path.write_bytes(csv(*lines))
    return path


def codes(report) -> list[str]:
    return [p.code for p in report.problems]


def problem(report, code: str):
    return next(p for p in report.problems if p.code == code)


# --- init-dataset ------------------------------------------------------------------------------------------


def test_init_dataset_starts_without_targets_copied_or_rebuilt(tmp_path):
    # The demo's illustrative targets never reach an official dataset, whichever way the tables come.
    batches.init_dataset(tmp_path / "copied")
    (tmp_path / "nothing").mkdir()
    batches.init_dataset(tmp_path / "rebuilt", source=tmp_path / "nothing")
    for folder in (tmp_path / "copied", tmp_path / "rebuilt"):
        targets = pq.read_table(folder / "targets.parquet")
        assert targets.num_rows == 0 and targets.schema.equals(schema.TARGETS)
        assert len(versions.current(folder, "indicators")) == 20


def test_an_official_dataset_shows_no_target_until_one_is_imported(official):
    assert db.run_query("data_targets", lang="en").empty
    assert db.run_query("indicator_definitions", lang="en")["target_value"].isna().all()


# --- targets ----------------------------------------------------------------------------------------------------


def test_targets_import_with_citations_ranges_and_annual_change(official, tmp_path, capsys):
    path = write(tmp_path / "muc_tieu.csv", TARGETS_HEADER,
                 f"HI_COVERAGE,VN,2025,95%,,level,{RES16_VI}: 95% dân số,{RES16_EN}: 95 % of the population",
                 f'POV_MD,,2025,"-1,5",-1,annual_change,"{RES16_VI}: giảm 1–1,5%/năm",',
                 f"LABOUR_TRAINED,VN,2025,30,28,,,{RES16_EN}: 28–30 % with certificates")
    assert run("targets", "import", str(path), folder=official) == 0
    out = capsys.readouterr().out
    assert "3 new, 0 changed, 0 unchanged, 0 removed" in out and "IMPORTED 3 targets as batch b" in out
    assert "Row 3, column H (source_en): “source_en” is empty" not in out
    assert "Row 3, column G (source_vi): “source_en” is empty: the text of “source_vi” is used." in out
    shown = db.run_query("data_targets", lang="en").set_index("indicator_code")
    # One citation in one language fills the other; a range keeps the bound nearer the base first.
    assert shown.loc["POV_MD", "source"] == f"{RES16_VI}: giảm 1–1,5%/năm"
    assert (shown.loc["POV_MD", "target_value"], shown.loc["POV_MD", "target_upper"]) == (-1.0, -1.5)
    assert (shown.loc["LABOUR_TRAINED", "target_value"], shown.loc["LABOUR_TRAINED", "target_upper"]) == (28.0, 30.0)
    assert shown.loc["HI_COVERAGE", "target_value"] == 95.0 and not shown["illustrative"].any()
    log = batches.read_log(official)
    entry = log.iloc[-1]
    assert (entry["note"], entry["file_name"], entry["rows"], entry["years"]) == ("targets", "muc_tieu.csv", 3, "2025")
    assert entry["indicators"] == "HI_COVERAGE,LABOUR_TRAINED,POV_MD" and len(entry["sha256"]) == 64
    assert db.run_query("batch_list")["note"].iloc[0] == "targets"


def test_bad_targets_are_refused_with_row_column_and_reason_in_both_languages(official):
    data = csv("indicator_code,area_id,year,target_value,target_upper,target_type,illustrative,source_vi,source_en",
               "HI_COVERAGE,VN,2025,105,,level,false,NQ 16,",
               "POVMD,VN,2025,3,,level,false,x,x",
               "IMR,VN,2025,13,,level,true,Minh họa,Illustrative",
               "IMR,P63-01,2025,10,,level,false,QĐ,Decision",
               "IMR,VN,2015,10,,level,false,QĐ,Decision",
               "IMR,VN,twenty,10,,level,false,QĐ,Decision",
               "MMR,VN,2025,40,,,false,,",
               "POV_MD,VN,2025,1,,annual_change,false,NQ 16,Res 16",
               "UNEMP,XX,2025,4,,level,false,NQ,Res",
               "UNEMP,VN,2025,4,,level_x,false,NQ,Res",
               "MMR,VN,2025,40%,,level,false,QĐ,Decision",
               "HI_COVERAGE,VN,2025,95,,level,false,NQ 16,Res 16")
    report = catalogue.run_import("targets", data, "bad.csv", who="t")
    assert report.outcome == "rejected" and batches.read_log(official).empty
    got = {(p.row, ingest.column_letter(p.col) if p.col is not None else None): p.code for p in report.errors}
    assert got == {
        (2, "D"): "out_of_range", (3, "A"): "unknown_indicator", (4, "G"): "illustrative_target",
        (5, "B"): "target_area_period", (6, "C"): "target_before_base", (7, "C"): "bad_year",
        (8, "H"): "no_citation", (10, "B"): "unknown_area_id", (11, "F"): "bad_choice",
        (12, "D"): "percent_not_allowed", (13, "A"): "duplicate_target",
    }
    sign = problem(report, "change_sign")
    assert sign.severity == "warning" and sign.row == 9
    assert "lower is better: a negative change" in sign.message("en") and "thấp" in sign.message("vi")
    assert problem(report, "unknown_indicator").message("en") == "Unknown indicator “POVMD” (closest: POV_MD)."
    assert problem(report, "target_area_period").message("en").endswith("(use P34-01).")
    text = report.to_text("vi")
    assert "Dòng 4, cột G (illustrative): Mục tiêu minh họa không được nhập" in text and "KHÔNG NHẬP" in text


def test_the_demo_targets_are_refused_in_an_official_dataset(official, tmp_path, monkeypatch):
    # Exported from the demo (illustrative ones marked), then imported into an official dataset.
    demo = tmp_path / "demo.csv"
    catalogue.export("targets", demo, settings.DEFAULT_DATA_DIR)
    report = catalogue.run_import("targets", demo.read_bytes(), demo.name, who="t")
    assert report.outcome == "rejected"
    assert {p.code for p in report.errors} == {"illustrative_target"} and len(report.errors) == 13


def test_imports_into_the_demo_dataset_are_refused(monkeypatch):
    monkeypatch.setenv(settings.DATA_DIR_ENV, str(settings.DEFAULT_DATA_DIR))
    db.clear_cache()
    for table in catalogue.TABLES:
        report = catalogue.run_import(table, b"indicator_code\nX", "x.csv", who="t")
        assert report.outcome == "refused" and codes(report) == ["demo_dataset"]


def test_a_targets_file_replaces_its_indicators_targets_and_rollback_restores_the_previous_table(official, tmp_path):
    first = write(tmp_path / "t1.csv", TARGETS_HEADER,
                  f"HI_COVERAGE,VN,2025,95,,level,{RES16_VI},{RES16_EN}",
                  f"HI_COVERAGE,VN,2030,98,,level,{RES16_VI},{RES16_EN}",
                  "NEW_RURAL,VN,2025,80,,level,Quyết định 263/QĐ-TTg,Decision 263/QĐ-TTg")
    assert run("targets", "import", str(first), folder=official) == 0
    before = versions.current(official, "targets")
    second = write(tmp_path / "t2.csv", TARGETS_HEADER, f"HI_COVERAGE,VN,2025,95.5,,level,{RES16_VI},{RES16_EN}")
    report = catalogue.run_import("targets", second.read_bytes(), second.name, who="t", dry_run=True)
    assert (report.outcome, report.new, report.changed, report.removed) == ("checked", 0, 1, 1)
    assert ("removed", "HI_COVERAGE · VN · 2030 · level", "") in report.changes
    assert catalogue.run_import("targets", second.read_bytes(), second.name, who="t").outcome == "committed"
    now = versions.current(official, "targets")
    assert now[["indicator_code", "year", "target_value"]].values.tolist() == [
        ["HI_COVERAGE", 2025, 95.5], ["NEW_RURAL", 2025, 80.0]]
    batch = batches.read_log(official)["batch_id"].iloc[-1]
    assert run("rollback", batch, folder=official) == 0
    assert versions.current(official, "targets").equals(before)
    assert len(db.run_query("data_targets", lang="vi")) == 3
    # Every version stays on disk: the base and each batch's rows.
    assert sorted(p.name for p in (official / "tables" / "targets").iterdir())[-1] == "base.parquet"


def test_withdrawing_an_earlier_batch_keeps_what_a_later_one_set(official, tmp_path):
    one = write(tmp_path / "a.csv", TARGETS_HEADER, f"HI_COVERAGE,VN,2025,95,,level,{RES16_VI},{RES16_EN}",
                "NEW_RURAL,VN,2025,80,,level,QĐ 263,Decision 263")
    two = write(tmp_path / "b.csv", TARGETS_HEADER, f"HI_COVERAGE,VN,2025,96,,level,{RES16_VI},{RES16_EN}")
    for path in (one, two):
        assert catalogue.run_import("targets", path.read_bytes(), path.name, who="t").outcome == "committed"
    first = batches.read_log(official)["batch_id"].iloc[0]
    batches.withdraw(official, first, who="t")
    assert versions.current(official, "targets")[["indicator_code", "target_value"]].values.tolist() == [
        ["HI_COVERAGE", 96.0]]


@pytest.mark.parametrize("ext", ["csv", "xlsx"])
def test_export_re_imports_unchanged(official, tmp_path, ext):
    path = write(tmp_path / "t.csv", TARGETS_HEADER, f'POV_MD,VN,2025,-1,-1.5,annual_change,"{RES16_VI}, điều 3",{RES16_EN}')
    assert catalogue.run_import("targets", path.read_bytes(), path.name, who="t").outcome == "committed"
    for table in catalogue.TABLES:
        out = tmp_path / f"{table}.{ext}"
        assert run(table, "export", str(out), folder=official) == 0
        report = catalogue.run_import(table, out.read_bytes(), out.name, who="t", dry_run=True)
        assert codes(report) == ["nothing_changed"], report.to_text("en")
        assert report.unchanged == len(versions.current(official, table)) and report.new == report.changed == 0
    if ext == "xlsx":
        book = openpyxl.load_workbook(io.BytesIO((tmp_path / "indicators.xlsx").read_bytes()))
        assert book.sheetnames == ["Chỉ tiêu - Indicators", "Hướng dẫn - Instructions"]
        assert [c.value for c in book.worksheets[0][1]] == list(schema.INDICATORS.names)


def test_a_file_with_an_unknown_extension_is_not_exported(official, tmp_path, capsys):
    assert run("targets", "export", str(tmp_path / "t.pdf"), folder=official) == 2
    assert "not accepted" in capsys.readouterr().err


# --- the indicator catalogue ----------------------------------------------------------------------------------------


def test_a_new_indicator_from_a_file_then_its_figures_then_rollback(official, tmp_path, capsys):
    """As a new user: add a governance index to a fresh dataset, import its figures, then undo both."""
    base = versions.current(official, "indicators")
    spec = write(tmp_path / "gov_index.csv", GOV_HEADER, GOV_ROW)
    assert run("indicators", "import", str(spec), "--dry-run", folder=official) == 0
    assert "CHECKED: 1 indicator can be imported" in capsys.readouterr().out
    assert batches.read_log(official).empty
    assert run("indicators", "import", str(spec), folder=official, lang="vi") == 0
    out = capsys.readouterr().out
    assert "GOV_INDEX: mới" in out and "ĐÃ NHẬP 1 chỉ tiêu vào danh mục" in out
    spec_batch = batches.read_log(official)["batch_id"].iloc[-1]
    cat = db.run_query("data_catalogue", lang="en").set_index("indicator_code")
    gov = cat.loc["GOV_INDEX"]
    assert (gov["aggregation"], gov["weight_kind"], gov["decimals"], gov["pillar_code"]) == ("mean", "none", 2, "A")
    assert gov["series_breaks"] == "2018: Extended from 6 to 8 dimensions (6 → 8)" and len(cat) == 21
    assert gov.name == cat.index[-1]  # after the others
    # its figures, through the ordinary importer, no Parquet touched by hand
    figures = write(tmp_path / "gov_2018.csv", "indicator,area,year,value", "GOV_INDEX,Hà Nội,2017,36.2",
                    "GOV_INDEX,Hà Nội,2018,43.1", "GOV_INDEX,Đà Nẵng,2018,44.0", "GOV_INDEX,Cả nước,2018,42.9")
    assert run("import", str(figures), folder=official) == 0
    assert "IMPORTED 4 values" in capsys.readouterr().out
    values = db.run_query("ingest_current_values", codes=["GOV_INDEX"], years=None)
    assert len(values) == 4 and set(values["area_id"]) == {"P63-01", "P63-48", "VN"}
    assert db.run_query("series_breaks", lang="vi", codes=["GOV_INDEX"])["year"].tolist() == [2018]
    # the catalogue batch cannot go while figures use the indicator
    assert run("rollback", spec_batch, folder=official) == 1
    err = capsys.readouterr().err
    assert "Cannot withdraw: indicator GOV_INDEX would leave the catalogue" in err
    figures_batch = batches.read_log(official)["batch_id"].iloc[-1]
    assert run("rollback", figures_batch, folder=official) == 0
    assert run("rollback", spec_batch, folder=official) == 0
    assert "the indicator catalogue is back to what it was without it" in capsys.readouterr().out
    assert versions.current(official, "indicators").equals(base)
    assert "GOV_INDEX" not in set(db.run_query("data_catalogue", lang="en")["indicator_code"])
    assert db.run_query("checks/results_known_keys").empty and db.run_query("checks/indicators_valid").empty


def test_updating_an_existing_indicator_keeps_the_columns_the_file_leaves_out(official):
    before = versions.current(official, "indicators").set_index("indicator_code")
    data = csv("indicator_code,weight_kind,aggregation,series_breaks",
               "UNEMP,labour_force,ratio,2021: Khái niệm mới | New definition; 2023: Mẫu mới | New sample")
    report = catalogue.run_import("indicators", data, "unemp.csv", who="t")
    assert report.outcome == "committed" and report.changes == [("changed", "UNEMP", "weight_kind, series_breaks")]
    after = versions.current(official, "indicators").set_index("indicator_code")
    assert after.loc["UNEMP", "weight_kind"] == "labour_force"
    assert [b["year"] for b in after.loc["UNEMP", "series_breaks"]] == [2021, 2023]
    for col in ("name_vi", "unit_en", "scale", "decimals", "sort_order", "definition_en"):
        assert after.loc["UNEMP", col] == before.loc["UNEMP", col]
    # A change of rule is allowed, with a warning about figures delivered under the former one.
    changed = catalogue.run_import("indicators", csv("indicator_code,aggregation", "SIPAS,ratio"), "x.csv", who="t",
                                   dry_run=True)
    assert changed.outcome == "checked" and codes(changed) == ["definition_changed"]
    assert problem(changed, "definition_changed").params["fields"] == ("aggregation",)


def test_bad_catalogue_rows_are_refused_with_row_column_and_reason(official):
    header = ("indicator_code,name_vi,name_en,unit_vi,unit_en,decimals,higher_is_better,pillar_code,ministry_code,"
              "aggregation,scale,weight_kind,series_breaks")
    data = csv(header,
               "NEW_A,Tên,Name,%,%,1.5,true,A,MOHA,ratio,100,population,",
               "NEW_B,Tên,Name,%,%,1,maybe,A,MOHA,ratio,100,population,",
               "NEW_C,Tên,Name,%,%,1,true,Z,MOHA,ratio,100,population,",
               "NEW_D,Tên,Name,%,%,1,true,A,MOHAA,ratio,100,population,",
               "NEW_E,Tên,Name,%,%,1,true,A,MOHA,median,100,population,",
               "NEW_F,Tên,Name,%,%,1,true,A,MOHA,ratio,100,people,",
               "NEW_G,Tên,,%,%,1,true,A,MOHA,ratio,100,population,",
               "NEW_H,Tên,Name,%,%,1,true,A,MOHA,ratio,0,population,",
               "NEW_I,Tên,Name,%,%,1,true,A,MOHA,ratio,100,population,2018 reason without languages",
               "NEW_J,Tên,Name,%,%,1,true,A,MOHA,ratio,,population,",
               "new k,Tên,Name,%,%,1,true,A,MOHA,ratio,100,population,",
               "NEW_A,Tên,Name,%,%,1,true,A,MOHA,ratio,100,population,",
               "NEW_L,Tên,Name,%,%,9,true,A,MOLISA,mean,1,population,")
    report = catalogue.run_import("indicators", data, "bad.csv", who="t")
    assert report.outcome == "rejected" and batches.read_log(official).empty
    got = {(p.row, ingest.column_letter(p.col) if p.col is not None else None): p.code for p in report.errors}
    assert got == {
        (2, "F"): "bad_integer", (3, "G"): "bad_bool", (4, "H"): "unknown_pillar", (5, "I"): "unknown_ministry",
        (6, "J"): "bad_choice", (7, "L"): "bad_choice", (8, "C"): "missing_cell", (9, "K"): "bad_scale",
        (10, "M"): "bad_series_break", (11, "K"): "missing_cell", (12, "A"): "bad_code", (13, "A"): "duplicate_code",
        (14, "F"): "bad_decimals",
    }
    warnings = {p.code: p for p in report.warnings}
    assert warnings["ministry_merged"].row == 14 and "MOHA" in warnings["ministry_merged"].message("en")
    assert warnings["weight_kind_unused"].row == 14
    assert problem(report, "unknown_ministry").message("en") == "There is no ministry “MOHAA” (closest: MOHA)."
    assert "median" in problem(report, "bad_choice").message("vi") and "weighted_mean" in problem(report, "bad_choice").message("en")


def test_a_new_indicator_needs_its_definition_columns(official):
    report = catalogue.run_import("indicators", csv("indicator_code,name_vi,name_en", "NEW_X,Tên,Name"), "x.csv",
                                  who="t")
    missing = [p.params["column"] for p in report.errors if p.code == "missing_cell"]
    assert missing == ["unit_vi", "unit_en", "decimals", "higher_is_better", "pillar_code", "ministry_code",
                       "aggregation", "weight_kind"]
    assert all(p.row == 2 and p.col is None for p in report.errors)
    # Optional texts come in both languages or not at all.
    report = catalogue.run_import("indicators", csv("indicator_code,definition_vi,definition_en", "UNEMP,Định nghĩa mới,"),
                                  "x.csv", who="t")
    assert codes(report) == ["one_language"] and ingest.column_letter(report.errors[0].col) == "C"
    assert report.errors[0].message("en").startswith("“definition_vi” is given but “definition_en” is not")


def test_an_xlsx_catalogue_with_formulas_and_a_missing_header(official):
    book = xlsx([["Mã chỉ tiêu / indicator_code", "name_vi", "weight_kind"], ["UNEMP", "=A1", "none"]])
    report = catalogue.check("indicators", book, "x.xlsx", official)
    assert codes(report) == ["formula"] and (report.errors[0].row, report.errors[0].col) == (2, 1)
    report = catalogue.check("targets", csv("area,year,value", "VN,2025,3"), "t.csv", official)
    assert codes(report) == ["catalogue_no_header"]
    report = catalogue.check("targets", csv("indicator_code,area_id,value", "POV_MD,VN,3"), "t.csv", official)
    assert codes(report) == ["catalogue_missing_column"] and report.errors[0].params["column"] == "year"


def test_a_catalogue_workbook_is_read_from_its_visible_sheet_and_says_which(official):
    book = openpyxl.Workbook()
    book.active.title = "Cũ"
    book.active.append(["indicator_code", "name_vi"])
    book.active.sheet_state = "hidden"
    book.create_sheet("Chỉ tiêu").append(["indicator_code", "name_vi"])
    book.active = 1
    out = io.BytesIO()
    book.save(out)
    report = catalogue.check("indicators", out.getvalue(), "x.xlsx", official)
    assert report.format["sheet"] == "Chỉ tiêu"
    assert [p.params["hidden"] for p in report.warnings if p.code == "hidden_sheets_skipped"] == [("“Cũ”",)]


# --- storage ---------------------------------------------------------------------------------------------------------


def test_a_table_left_behind_by_a_crash_is_replayed_at_the_next_withdrawal(official, tmp_path):
    path = write(tmp_path / "t.csv", TARGETS_HEADER, f"HI_COVERAGE,VN,2025,95,,level,{RES16_VI},{RES16_EN}")
    assert catalogue.run_import("targets", path.read_bytes(), path.name, who="t").outcome == "committed"
    # A crash after the log entry, before the table's replacement: the file is still the base.
    (official / "targets.parquet").write_bytes((official / "tables" / "targets" / "base.parquet").read_bytes())
    assert batches.read_log(official).iloc[-1]["status"] == "committed"
    assert versions.sync(official, batches.read_log(official)) == ["targets"]
    assert versions.current(official, "targets")["target_value"].tolist() == [95.0]
    assert versions.sync(official, batches.read_log(official)) == []


def test_a_catalogue_import_waits_for_the_lock(official):
    with batches.lock(official):
        report = catalogue.run_import("indicators", csv("indicator_code,weight_kind", "UNEMP,none"), "x.csv", who="t",
                                      lock_timeout=0.2)
    assert report.outcome == "refused" and codes(report) == ["locked"]


def test_series_break_cells_round_trip():
    breaks = [{"year": 2018, "reason_vi": "6 → 8 nội dung; mới", "reason_en": "6 → 8 dimensions | new"}]
    assert catalogue.parse_breaks("2018: a | b; 2022: c | d") == [
        {"year": 2018, "reason_vi": "a", "reason_en": "b"}, {"year": 2022, "reason_vi": "c", "reason_en": "d"}]
    assert catalogue.parse_breaks("2018: only one language") is None and catalogue.parse_breaks("") == []
    assert catalogue.parse_breaks(catalogue.breaks_cell(breaks)) == breaks


def test_tasks_passes_the_catalogue_commands_through(monkeypatch):
    import tasks

    calls = []
    monkeypatch.setattr(tasks, "ensure_venv", lambda requirements: None)
    monkeypatch.setattr(tasks, "sh", lambda *args, **kwargs: calls.append(args) or 0)
    for command in ("indicators", "targets"):
        assert tasks.main([command, "export", "x.csv"]) == 0
    assert [c[1:] for c in calls] == [("-m", "ascc", "indicators", "export", "x.csv"),
                                      ("-m", "ascc", "targets", "export", "x.csv")]
