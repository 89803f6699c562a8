"""Reference weights from files: households weights make a value-only rate aggregate, bad rows refused in both
languages, the new provinces derived from the former ones, rollback, export round trip (ascc.weights)."""

from __future__ import annotations

import io
from pathlib import Path

import openpyxl
import pandas as pd
import pytest

from ascc import batches, catalogue, db, ingest, settings, versions, weights
from ascc.cli import main as cli_main
from tests.apptest import new_app
from tests.bad_files.corpus import csv

HEADER = "area,year,weight_kind,value,source_vi,source_en"
CENSUS_VI = "Tổng điều tra dân số 2019, bảng 1.2: số hộ"
CENSUS_EN = "2019 Census, table 1.2: households"


@pytest.fixture()
def official(tmp_path, monkeypatch) -> Path:
    """A fresh official dataset (init-dataset: the NSO population weights, no households), in force."""
    folder = tmp_path / "official"
    batches.init_dataset(folder)
    monkeypatch.setenv(settings.DATA_DIR_ENV, str(folder))
    db.clear_cache()
    yield folder
    db.clear_cache()


def run(*args: str, folder: Path, lang: str = "en") -> int:
    return cli_main([*args, "--data-dir", str(folder), "--lang", lang])


def provinces(boundary: str) -> pd.DataFrame:
    areas = db.run_query("ingest_areas")
    return areas[(areas["level"] == "province") & (areas["boundary_set"] == boundary)].reset_index(drop=True)


def households(former: pd.DataFrame) -> list[float]:
    # persons per household varies by province (3.0, 3.5, 4.0), so households and population weights differ
    return [round(p / (3.0 + 0.5 * (i % 3))) for i, p in enumerate(former["population"])]


def households_file(path: Path, former: pd.DataFrame, year: int = 2023) -> Path:
    """Households of the 63 former provinces by id, thousands separated, the source in Vietnamese only."""
    rows = [f'{a},{year},households,"{v:,.0f}","{CENSUS_VI}",' for a, v in zip(former["area_id"], households(former),
                                                                           strict=True)]
    path.write_bytes(csv(HEADER, *rows))
    return path


def batch_ids(folder: Path) -> list[str]:
    return batches.read_log(folder)["batch_id"].tolist()


def test_households_weights_make_a_value_only_rate_aggregate_on_34_provinces_regions_and_nation(
        official, tmp_path, capsys):
    """As a user: POV_MD is weighted by households; its 2023 rates come without counts; the 34 provinces,
    regions and the nation have no value until households weights are imported, then they are estimates."""
    assert catalogue.run_import("indicators", csv("indicator_code,weight_kind", "POV_MD,households"), "pov.csv",
                                who="t").outcome == "committed"
    former = provinces("63")
    rates = [round(2 + (i * 7) % 23 * 0.5, 1) for i in range(len(former))]
    figures = tmp_path / "pov_2023.csv"
    figures.write_bytes(csv("indicator,area,year,value", *[f"POV_MD,{n},2023,{v}" for n, v in
                                                            zip(former["short_vi"], rates, strict=True)]))
    assert run("import", str(figures), folder=official) == 0
    capsys.readouterr()

    def ranking():
        return db.run_query("province_ranking", lang="en", indicator="POV_MD", boundary="34", year=2023,
                            breakdown="total")

    def summary():
        return db.run_query("region_summary", lang="en", indicator="POV_MD", boundary="34", year=2023,
                            breakdown="total").set_index("area_id")

    merged = ranking()["n_members"] > 1
    assert ranking().loc[merged, "value"].isna().all() and set(ranking().loc[merged, "gap"]) == {"no_weight"}
    assert summary()["value"].isna().all()
    at = new_app("pages/regions.py", lang="en", boundary="34", ind="POV_MD", year="2023")
    assert "no “households” weights" in " ".join(str(w.value) for w in at.warning)

    path = households_file(tmp_path / "so_ho_2023.csv", former)
    assert run("weights", "import", str(path), "--derive-new", folder=official) == 0
    out = capsys.readouterr().out
    assert "households, 2023: the weights of 34 new provinces are computed as the sum of their former provinces" in out
    assert "IMPORTED 97 weights as batch b" in out and "97 new, 0 changed, 0 unchanged" in out
    entry = batches.read_log(official).iloc[-1]
    assert (entry["note"], entry["rows"], entry["years"], entry["file_name"]) == ("weights", 97, "2023", path.name)

    table = ranking()
    assert table["value"].notna().all() and len(table) == 34
    # a new province of several former ones is a households-weighted estimate; one of a single one is its own value
    assert table["estimated"].tolist() == (table["n_members"] > 1).tolist(), table[["area_id", "n_members", "estimated"]]
    regions = summary()
    assert regions["value"].notna().all() and regions["estimated"].all() and len(regions) == 7
    hh = households(former)
    expected = sum(v * w for v, w in zip(rates, hh, strict=True)) / sum(hh)
    by_population = sum(v * w for v, w in zip(rates, former["population"], strict=True)) / former["population"].sum()
    assert regions.loc["VN", "value"] == pytest.approx(expected, rel=1e-9)
    assert abs(expected - by_population) > 0.01  # the households weights, not population, were used
    # the new provinces' weights hold the sum of their former provinces, with the source they came from
    held = versions.current(official, "weights").set_index(["weight_kind", "area_id", "year"])
    members = former.groupby("successor_id")["area_id"].apply(list)
    assert held.loc[("households", "P34-08", 2023), "value"] == sum(
        held.loc[("households", a, 2023), "value"] for a in members["P34-08"])
    assert held.loc[("households", "P34-08", 2023), "source_en"] == f"Sum of the former provinces ({CENSUS_VI})"
    at = new_app("pages/regions.py", lang="en", boundary="34", ind="POV_MD", year="2023")
    assert not at.exception and "no “households” weights" not in " ".join(str(w.value) for w in at.warning)


def test_bad_weight_rows_are_refused_with_row_column_and_reason_in_both_languages(official):
    data = csv("Địa bàn / area,Năm / year,Loại / weight_kind,Giá trị / value,source_vi,source_en",
               "VN,2023,population,98000000,NSO,NSO",
               "P63-01,20x3,population,8400000,NSO,NSO",
               "P63-01,1990,population,8400000,NSO,NSO",
               "P63-01,2023,none,8400000,NSO,NSO",
               "P63-01,2023,people,8400000,NSO,NSO",
               "P63-01,2023,households,0,NSO,NSO",
               "P63-01,2023,households,abc,NSO,NSO",
               "P63-01,2023,households,12%,NSO,NSO",
               "P63-01,2023,households,2400000,,",
               "Hà Giang,2025,households,250000,NSO,NSO",
               "Atlantis,2023,households,250000,NSO,NSO",
               "P63-02,2023,households,250000,NSO,NSO",
               "Hà Giang,2023,số hộ,250000,NSO,NSO",
               "P63-04,2023,households,,NSO,NSO")
    report = weights.run_import(data, "bad.csv", who="t")
    assert report.outcome == "rejected" and batches.read_log(official).empty
    got = {(p.row, ingest.column_letter(p.col) if p.col is not None else None): p.code for p in report.errors}
    assert got == {
        (2, "A"): "weight_not_province", (3, "B"): "bad_year", (4, "B"): "year_out_of_range",
        (5, "C"): "bad_choice", (6, "C"): "bad_choice", (7, "D"): "bad_weight", (8, "D"): "non_numeric",
        (9, "D"): "percent_not_here", (10, "E"): "weight_no_source", (11, "A"): "weight_area_other_set",
        (12, "A"): "unknown_area", (14, "A"): "duplicate_weight", (15, "D"): "weight_no_value",
    }
    other = next(p for p in report.errors if p.code == "weight_area_other_set")
    assert other.message("en") == ("“Hà Giang” is a province of the 63 set, but names in 2025 are read as the 34 "
                                   "provinces. To give this province's weight for 2025, write its id P63-02.")
    assert "hãy ghi mã P63-02" in other.message("vi")
    choice = next(p for p in report.errors if p.code == "bad_choice" and p.row == 5)
    assert choice.params["choices"] == ("population", "households", "live_births", "labour_force")
    assert choice.message("vi") == "“none” không hợp lệ; chọn một trong: population, households, live_births, labour_force."
    dup = next(p for p in report.errors if p.code == "duplicate_weight")
    assert dup.message("en") == "Duplicate of row 13: households of P63-02 in 2023 is already given."
    assert dup.message("vi") == "Trùng với dòng 13: số hộ của P63-02 năm 2023 đã có."
    text = report.to_text("vi")
    assert "Dòng 10, cột E (source_vi): Trọng số không có nguồn" in text and "KHÔNG NHẬP" in text
    assert "Row 2, column A (Địa bàn / area): “VN” is not a province" in report.to_text("en")
    # a file in thousands of persons is warned against the weights in force
    thousands = weights.run_import(csv(HEADER, "P63-01,2024,population,8587.1,NSO E02.01,NSO E02.01"), "k.csv",
                                   who="t", dry_run=True)
    assert thousands.outcome == "checked" and [p.code for p in thousands.warnings] == ["weight_scale"]
    assert "about 0.001 times those in force" in thousands.warnings[0].message("en")


def test_derive_new_leaves_out_a_new_province_with_a_former_one_missing(official):
    # Bắc Giang (P63-24) and Bắc Ninh (P63-27) make the new Bắc Ninh (P34-24); Hà Giang (P63-02) and Tuyên
    # Quang (P63-08) the new Tuyên Quang (P34-08), which the file gives itself.
    data = csv(HEADER, "P63-24,2024,households,500000,NSO,NSO", "P63-02,2024,households,250000,NSO,NSO",
               "P63-08,2024,households,200000,NSO,NSO", "P34-08,2024,households,460000,NSO,NSO")
    report = weights.run_import(data, "w.csv", who="t", derive=True, dry_run=True)
    assert report.outcome == "checked"
    assert sorted(report.rows["area_id"]) == ["P34-08", "P63-02", "P63-08", "P63-24"]
    missing = next(p for p in report.problems if p.code == "weights_not_derived")
    assert missing.severity == "warning" and missing.params["areas"]["en"] == "P34-24 Bac Ninh"
    assert "không tính được trọng số của 1 tỉnh mới" in missing.message("vi")
    # without the option nothing is derived and nothing said
    plain = weights.run_import(csv(HEADER, "P63-02,2024,households,250000,NSO,NSO",
                                   "P63-08,2024,households,200000,NSO,NSO"), "w.csv", who="t", dry_run=True)
    assert len(plain.rows) == 2 and not plain.infos
    derived = weights.run_import(csv(HEADER, "P63-02,2024,households,250000,NSO,NSO",
                                     "P63-08,2024,households,200000,NSO,NSO"), "w.csv", who="t", derive=True,
                                 dry_run=True)
    assert derived.rows.set_index("area_id").loc["P34-08", "value"] == 450000.0
    assert [p.code for p in derived.infos] == ["weights_derived"]


def test_a_batch_replaces_the_keys_it_names_and_rollback_restores_the_previous_weights(official):
    base = versions.current(official, "weights")
    first = csv(HEADER, f"P63-01,2023,households,2400000,\"{CENSUS_VI}\",\"{CENSUS_EN}\"",
                f"P63-02,2023,households,230000,\"{CENSUS_VI}\",\"{CENSUS_EN}\"")
    assert weights.run_import(first, "a.csv", who="t").outcome == "committed"
    after_first = versions.current(official, "weights")
    # the second replaces one households weight and one NSO population weight; the rest stays
    second = csv(HEADER, f"Hà Nội,2023,số hộ,2500000,\"{CENSUS_VI}\",\"{CENSUS_EN}\"",
                 "P63-01,2024,population,8700000,Ước tính của Sở,Provincial estimate")
    report = weights.run_import(second, "b.csv", who="t", dry_run=True)
    assert (report.outcome, report.new, report.changed, report.unchanged) == ("checked", 0, 2, 0)
    assert ("changed", "households · P63-01 · 2023", "value") in report.changes
    assert weights.run_import(second, "b.csv", who="t").outcome == "committed"
    now = versions.current(official, "weights").set_index(["weight_kind", "area_id", "year"])
    assert now.loc[("households", "P63-01", 2023), "value"] == 2500000.0
    assert now.loc[("households", "P63-02", 2023), "value"] == 230000.0
    assert now.loc[("population", "P63-01", 2024), "source_en"] == "Provincial estimate"
    assert len(now) == len(base) + 2
    shown = db.run_query("data_weights", lang="en")
    assert list(shown.columns) == ["weight_kind", "boundary_set", "first_year", "last_year", "n_years",
                                   "n_provinces", "source"]
    assert shown[["weight_kind", "boundary_set", "first_year", "n_provinces"]].values.tolist() == [
        ["households", "63", 2023, 2], ["population", "63", 2011, 63], ["population", "34", 2011, 34]]
    assert "Provincial estimate" in shown.loc[1, "source"]
    second_id, first_id = batch_ids(official)[1], batch_ids(official)[0]
    assert run("rollback", second_id, folder=official) == 0
    assert versions.current(official, "weights").equals(after_first)
    assert run("rollback", first_id, folder=official) == 0
    assert versions.current(official, "weights").equals(base)
    assert db.run_query("data_weights", lang="en")["weight_kind"].tolist() == ["population", "population"]


@pytest.mark.parametrize("ext", ["csv", "xlsx"])
def test_export_re_imports_unchanged(official, tmp_path, ext):
    path = households_file(tmp_path / "hh.csv", provinces("63"), year=2022)
    assert weights.run_import(path.read_bytes(), path.name, who="t", derive=True).outcome == "committed"
    out = tmp_path / f"weights.{ext}"
    assert run("weights", "export", str(out), folder=official) == 0
    report = weights.run_import(out.read_bytes(), out.name, who="t", dry_run=True)
    assert [p.code for p in report.errors] == ["nothing_changed"], report.to_text("en")
    assert report.unchanged == len(versions.current(official, "weights")) == 1455 + 97
    if ext == "xlsx":
        book = openpyxl.load_workbook(io.BytesIO(out.read_bytes()))
        assert book.sheetnames == ["Trọng số - Weights", "Hướng dẫn - Instructions"]
        assert [c.value for c in book.worksheets[0][1]] == list(weights.COLUMNS)


def test_imports_into_the_demo_dataset_are_refused_and_tasks_passes_the_command_through(monkeypatch):
    monkeypatch.setenv(settings.DATA_DIR_ENV, str(settings.DEFAULT_DATA_DIR))
    db.clear_cache()
    report = weights.run_import(csv(HEADER, "P63-01,2023,households,1,x,x"), "x.csv", who="t")
    assert report.outcome == "refused" and [p.code for p in report.problems] == ["demo_dataset"]
    import tasks

    calls = []
    monkeypatch.setattr(tasks, "ensure_venv", lambda requirements: None)
    monkeypatch.setattr(tasks, "sh", lambda *args, **kwargs: calls.append(args) or 0)
    assert tasks.main(["weights", "import", "w.csv", "--derive-new"]) == 0
    assert calls[0][1:] == ("-m", "ascc", "weights", "import", "w.csv", "--derive-new")


def test_the_data_page_lists_the_weights_by_kind_and_years(official):
    assert weights.run_import(csv(HEADER, f"P63-01,2023,households,2400000,\"{CENSUS_VI}\",\"{CENSUS_EN}\""), "a.csv",
                              who="t").outcome == "committed"
    at = new_app("pages/data.py", lang="en")
    assert not at.exception, [e.value for e in at.exception]
    table = at.table[-1].value  # the weights come after the targets
    assert table.index.tolist() == ["households", "population", "population"]
    assert table["Years"].tolist() == ["2023 (1)", "2011–2025 (15)", "2011–2025 (15)"]
    assert table["Provinces"].tolist() == [1, 63, 34]
