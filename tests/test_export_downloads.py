"""Data downloads under charts: the CSV and XLSX bytes hold exactly the plotted rows, in the language."""

from __future__ import annotations

import io

import openpyxl
import pandas as pd
import pytest

from ascc import db
from ui import downloads


def _ranking(lang: str) -> pd.DataFrame:
    df = db.run_query("province_ranking", lang=lang, indicator="POV", boundary="34", year=2024, breakdown="total")
    return df.assign(progress=["on_track", "limited", None])


def test_download_table_keeps_the_plotted_rows_with_unit_status_source(use_fixture):
    plotted = _ranking("vi")
    table = downloads.download_table(plotted, lang="vi", unit="%", source="Nguồn thử", demo=True)
    assert list(table.columns) == ["Mã khu vực", "Khu vực", "Vùng", "Thứ hạng", "Giá trị", "Đơn vị", "Tình trạng số liệu",
                                   "Tính lại theo địa giới mới", "Tiến độ", "Nguồn", "Ghi chú"]
    assert table["Giá trị"].tolist() == plotted["value"].tolist()
    assert table["Khu vực"].tolist() == plotted["name"].tolist()
    # each row's own source (the fixture rows say "test"), not the catalogue's
    assert set(table["Đơn vị"]) == {"%"} and set(table["Nguồn"]) == {"test"}
    no_rows_source = downloads.download_table(plotted.drop(columns="source"), lang="vi", unit="%", source="Nguồn thử")
    assert set(no_rows_source["Nguồn"]) == {"Nguồn thử"}
    assert table["Tình trạng số liệu"].tolist() == ["chính thức"] * 3
    assert table["Tiến độ"].tolist() == ["Đúng tiến độ", "Tiến bộ hạn chế", ""]
    assert set(table["Ghi chú"]) == {"DỮ LIỆU MÔ PHỎNG"}
    en = downloads.download_table(_ranking("en"), lang="en", unit="%", source="Test source")
    assert "Note" not in en.columns and en.columns[0] == "Area code" and "Data status" in en.columns


def test_csv_has_a_bom_and_round_trips(use_fixture):
    plotted = _ranking("vi")
    table = downloads.download_table(plotted, lang="vi", unit="%", source="Nguồn thử")
    data = downloads.csv_bytes(table)
    assert data.startswith(b"\xef\xbb\xbf")
    back = pd.read_csv(io.BytesIO(data), encoding="utf-8-sig")
    assert back["Khu vực"].tolist() == ["Hà Nội", "Phú Thọ", "Tuyên Quang"]
    assert back["Giá trị"].tolist() == plotted["value"].tolist()


def test_xlsx_holds_the_same_table_and_an_about_sheet(use_fixture):
    plotted = db.run_query("region_trend", lang="en", indicator="POV", boundary="34", breakdown="total")
    table = downloads.download_table(plotted, lang="en", unit="%", source="Test source")
    data = downloads.xlsx_bytes(table, lang="en", about={"Source": "Test source"})
    wb = openpyxl.load_workbook(io.BytesIO(data))
    assert wb.sheetnames == ["Data", "About"]
    rows = list(wb["Data"].values)
    assert list(rows[0]) == list(table.columns)
    # Excel keeps 15 significant digits.
    assert [r[table.columns.get_loc("Value")] for r in rows[1:]] == pytest.approx(plotted["value"].tolist(), rel=1e-14)
    assert [r[table.columns.get_loc("Year")] for r in rows[1:]] == plotted["year"].tolist()
    assert list(wb["About"].values) == [("Source", "Test source")]


def test_svg_config_keeps_the_presentation_size():
    opts = downloads.SVG_CONFIG["toImageButtonOptions"]
    assert opts["format"] == "svg" and (opts["width"], opts["height"]) == (1920, 1080)
