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
    assert opts["format"] == "svg" and (opts["width"] * opts["scale"], opts["height"] * opts["scale"]) == (1920, 1080)


# --- issue 14: a file read alone says what it is, at the published precision, under a readable name


def test_values_rounded_half_up_with_indicator_year_unit_source_columns():
    plotted = pd.DataFrame({"area_id": ["P34-01", "P34-02", "P34-03"], "name": ["Hà Nội", "Huế", "Lai Châu"],
                            "value": [9.199997535942513, 2.675, float("nan")]})
    table = downloads.download_table(plotted, lang="en", unit="%", source="GSO", indicator=("POV_MD", "Poverty rate"),
                                     decimals=2, year=2024)
    assert list(table.columns) == ["Indicator code", "Indicator", "Area code", "Area", "Year", "Value", "Unit", "Source"]
    back = pd.read_csv(io.BytesIO(downloads.csv_bytes(table)), encoding="utf-8-sig")
    assert back["Value"].tolist()[:2] == [9.2, 2.68] and pd.isna(back["Value"].iloc[2])  # half up, not 2.67
    assert set(back["Indicator code"]) == {"POV_MD"} and set(back["Indicator"]) == {"Poverty rate"}
    assert set(back["Year"]) == {2024} and set(back["Unit"]) == {"%"} and set(back["Source"]) == {"GSO"}
    assert b"9.199997" not in downloads.csv_bytes(table)
    wb = openpyxl.load_workbook(io.BytesIO(downloads.xlsx_bytes(table, lang="en")))
    assert [r[5] for r in list(wb["Data"].values)[1:]] == [9.2, 2.68, None]
    # a frame's own indicator code and years are kept
    trend = pd.DataFrame({"indicator_code": ["X"], "year": [2019], "value": [9.4666666]})
    kept = downloads.download_table(trend, lang="vi", unit="%", source="s", indicator=("Y", "Tên"), decimals=1, year=2024)
    assert kept.iloc[0].tolist()[:4] == ["X", "Tên", 2019, 9.5]


@pytest.mark.parametrize(
    ("parts", "stem"),
    [
        (("POV_MD", 2024, "ranking", "Vùng Đồng bằng sông Hồng"), "POV_MD_2024_ranking_vung-dong-bang-song-hong"),
        (("POV_MD", 2024, "map", None, "Đắk Lắk / Khánh Hòa"), "POV_MD_2024_map_dak-lak-khanh-hoa"),
        (("INCOME_PC", "history", "Thành phố Hồ Chí Minh"), "INCOME_PC_history_thanh-pho-ho-chi-minh"),
        ("status_by_pillar_VN.csv", "status_by_pillar_VN"),
    ],
)
def test_download_names_are_readable_ascii(parts, stem):
    assert downloads._stem(parts) == stem
    assert stem.isascii()


def test_png_export_is_1920_by_1080_with_the_layout_at_page_size():
    import plotly.graph_objects as go

    from ascc import charts

    for height, scale in ((380, 2.0), (540, 2.0), (900, 1.2), (1400, 1.0)):
        opts = charts.image_config(go.Figure(layout={"height": height}))["toImageButtonOptions"]
        assert opts["scale"] == scale
        assert (round(opts["width"] * scale), round(opts["height"] * scale)) == (1920, 1080)
        assert opts["height"] >= min(height, 1080)  # never laid out shorter than the figure: nothing clipped
