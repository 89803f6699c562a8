"""AppTest of the Data page: catalogue and quality for everyone; import only for signed-in data managers."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from ascc import batches, db, ingest, settings
from tests import fixture_data
from tests.apptest import APP, texts
from tests.bad_files.corpus import csv, with_dimension, xlsx
from tests.test_ingest_corpus import folder_hash

AUTH = {
    "redirect_uri": "http://localhost:8501/oauth2callback",
    "cookie_secret": "test-cookie-secret",
    "client_id": "test-client",
    "client_secret": "test-secret",
    "server_metadata_url": "https://login.example.org/.well-known/openid-configuration",
}
MANAGER = "officer@molisa.gov.vn"
XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
SECRETS = {"auth": AUTH, "ascc": {"roles": {"Officer@MOLISA.gov.vn": "data_manager", "viewer@moh.gov.vn": "viewer"}}}


def data_page(secrets: dict | None = None, user: dict | None = None, lang: str = "vi") -> AppTest:
    """The app switched to the Data page, with the given secrets and st.user."""
    at = AppTest.from_file(APP, default_timeout=60)
    for k, v in (secrets or {}).items():
        at.secrets[k] = v
    if user is not None:
        at.user = user
    at.query_params["lang"] = lang
    at.run()
    at.switch_page("pages/data.py")
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


@pytest.fixture()
def official(tmp_path, monkeypatch):
    """The small fixture dataset as an official one."""
    folder = fixture_data.build(tmp_path / "official", kind="official")
    monkeypatch.setenv(settings.DATA_DIR_ENV, str(folder))
    db.clear_cache()
    yield folder
    db.clear_cache()


def test_demo_dataset_shows_catalogue_and_quality_and_refuses_imports(use_fixture):
    at = data_page()
    text = texts(at)
    assert "Dữ liệu: danh mục, chất lượng và nhập số liệu" in text
    catalogue = at.dataframe[0].value
    assert catalogue.iloc[:, 0].tolist() == ["POV", "WATER", "IDX", "INC", "DIS"]
    assert "2016–2025 (10)" in catalogue.iloc[0].tolist() and "fx-0001" in catalogue.iloc[0].tolist()
    pov = catalogue.set_index("Mã").loc["POV"]
    assert pov["Quy tắc tổng hợp"].startswith("tỷ lệ") and pov["Trọng số"] == "dân số" and pov["Số lẻ"] == 2
    assert pov["Đặc tính"].startswith("B – ") and pov["Gãy chuỗi"] == "2022: Chuẩn nghèo mới"
    assert catalogue.set_index("Mã").loc["IDX", "Trọng số"] == "không"
    assert "Định nghĩa POV" in text and "Nguồn thử" in text
    # the demo's targets, each with its citation and marked illustrative
    targets = at.table[0].value
    assert targets.iloc[:, 0].tolist() == ["POV", "WATER", "IDX"]
    assert targets["Căn cứ"].tolist() == ["Mục tiêu thử"] * 3 and targets["minh họa"].tolist() == ["✓"] * 3
    # quality: P63-26 has no 2019 values; 2025 values are preliminary
    assert "Vĩnh Phúc" in at.dataframe[1].value.to_string()
    assert "chưa có nhật ký lô" in text
    assert "dữ liệu mô phỏng nên không nhận số liệu thật" in text
    assert not at.file_uploader
    assert any("mau_nhap" in str(b.proto.url) or b.label.startswith("Tải mẫu") for b in at.get("download_button"))


def test_without_sign_in_configured_imports_go_through_the_command_line(official):
    at = data_page(lang="en")
    text = texts(at)
    assert "Sign-in is not configured" in text and not at.file_uploader
    assert any("python -m ascc import" in c.value for c in at.code)
    assert not [b for b in at.button if b.label == "Sign in"]


def test_sign_in_configured_but_signed_out_offers_sign_in(official):
    at = data_page(SECRETS, {"is_logged_in": False}, lang="en")
    assert "Only signed-in data managers can import figures." in texts(at)
    assert [b for b in at.button if b.label == "Sign in"] and not at.file_uploader


def test_signed_in_without_the_role_cannot_import(official):
    at = data_page(SECRETS, {"is_logged_in": True, "email": "viewer@moh.gov.vn"}, lang="en")
    assert "has no data-manager role" in texts(at) and not at.file_uploader


def test_a_data_manager_checks_then_imports_and_the_figures_show_at_once(official):
    at = data_page(SECRETS, {"is_logged_in": True, "email": MANAGER}, lang="en")
    assert f"Signed in: {MANAGER} (data_manager)" in texts(at)
    data = csv("indicator,area,year,value", "WATER,Hà Nội,2024,71.5", "WATER,Vinh Phuc,2024,60.0")
    at.file_uploader[0].set_value(("water_2024.csv", data, "text/csv"))
    at.run()
    assert not at.exception
    assert "CHECKED: 2 values can be imported" in texts(at)
    assert db.run_query("ingest_current_values", codes=["WATER"], years=[2024]).set_index("area_id").loc["P63-01", "value"] == 74.0
    button = next(b for b in at.button if b.label == "Import 2 values")
    assert not button.disabled
    button.click().run()
    assert not at.exception, [e.value for e in at.exception]
    text = texts(at)
    assert "IMPORTED 2 values as batch b" in text
    current = db.run_query("ingest_current_values", codes=["WATER"], years=[2024]).set_index("area_id")
    assert current.loc["P63-01", "value"] == 71.5 and current.loc["P63-26", "value"] == 60.0
    history = db.run_query("batch_list")
    assert history["who"].iloc[0] == MANAGER and history["file_name"].iloc[0] == "water_2024.csv"
    assert history["batch_id"].iloc[0] in at.dataframe[2].value.iloc[:, 0].tolist()


def test_a_bad_upload_shows_row_column_and_reason_and_cannot_be_imported(official):
    at = data_page(SECRETS, {"is_logged_in": True, "email": MANAGER}, lang="vi")
    at.file_uploader[0].set_value(("x.csv", csv("indicator,area,year,value", "WATER,Hà Nội,2024,171.5"), "text/csv"))
    at.run()
    assert "KHÔNG NHẬP" in texts(at)
    problems = at.dataframe[-1].value
    assert problems.iloc[0].tolist()[:3] == ["Lỗi", 2, "D"] and "ngoài khoảng" in problems.iloc[0].tolist()[-1]
    assert next(b for b in at.button if b.label.startswith("Nhập ")).disabled
    assert batches.read_log(official).empty


def test_a_workbook_too_large_to_read_is_refused_on_the_page_with_its_reason(official):
    # Issue 15 L2: the limits checked before a workbook is parsed apply to uploads, and the page says which.
    before = folder_hash(official)
    at = data_page(SECRETS, {"is_logged_in": True, "email": MANAGER}, lang="en")
    data = with_dimension(xlsx([["indicator", "area", "year", "value"], ["WATER", "Hà Nội", 2024, 71.5]]), "A1:Z100000")
    at.file_uploader[0].set_value(("big.xlsx", data, XLSX_MIME))
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    (error,) = at.error
    assert "NOT IMPORTED" in error.value
    assert "Sheet “Data” spans 2,600,000 cells (A1:Z100000; the limit is 1,000,000 cells)" in error.value
    assert next(b for b in at.button if b.label.startswith("Import ")).disabled
    assert folder_hash(official) == before


def test_data_page_queries_have_fixed_columns(use_fixture):
    cat = db.run_query("data_catalogue", lang="en")
    assert list(cat.columns) == [
        "indicator_code", "name", "unit", "definition", "source", "ministry", "pillar_code", "pillar", "aggregation",
        "weight_kind", "decimals", "scale", "higher_is_better", "series_breaks",
        "first_year", "last_year", "n_years", "n_provinces_63", "n_provinces_34", "n_province_years",
        "n_national_years", "latest_batch", "latest_batch_at"]
    pov = cat.set_index("indicator_code").loc["POV"]
    assert (pov["first_year"], pov["last_year"], pov["n_provinces_63"], pov["n_provinces_34"]) == (2016, 2025, 4, 3)
    assert (pov["weight_kind"], pov["decimals"], pov["series_breaks"]) == ("population", 2, "2022: New poverty standard")
    assert cat.set_index("indicator_code")["series_breaks"].isna().sum() == 4
    targets = db.run_query("data_targets", lang="en")
    assert list(targets.columns) == [
        "indicator_code", "name", "unit", "decimals", "area_id", "area", "year", "target_value", "target_upper",
        "target_type", "illustrative", "source"]
    assert targets[["indicator_code", "area", "year", "target_value"]].values.tolist() == [
        ["POV", "Viet Nam", 2025, 1.0], ["WATER", "Viet Nam", 2025, 65.0], ["IDX", "Viet Nam", 2025, 90.0]]
    assert set(targets["source"]) == {"Test target"} and targets["illustrative"].all()
    quality = db.run_query("data_quality", lang="en", first_new_year=settings.NEW_BOUNDARY_FIRST_YEAR)
    assert list(quality.columns) == [
        "indicator_code", "indicator", "year", "boundary_set", "n_expected", "n_reported", "n_missing", "missing",
        "n_preliminary", "n_estimated", "n_derived", "national_status"]
    row = quality.set_index(["indicator_code", "year"]).loc[("POV", 2019)]
    assert (row["n_expected"], row["n_reported"], row["missing"]) == (4, 3, "Vinh Phuc")
    row2025 = quality.set_index(["indicator_code", "year"]).loc[("POV", 2025)]
    assert (row2025["boundary_set"], row2025["n_preliminary"]) == ("34", 3)
    assert quality.set_index(["indicator_code", "year"]).loc[("POV", 2016), "n_derived"] == 3
    history = db.run_query("batch_list")
    assert history.empty and "withdrawn_at" in history.columns


GOV_INDEX = [
    "indicator_code,name_vi,name_en,unit_vi,unit_en,decimals,higher_is_better,pillar_code,ministry_code,aggregation,"
    "weight_kind,series_breaks",
    "GOV_INDEX,Chỉ số quản trị cấp tỉnh,Provincial governance index,điểm,points,2,true,A,MOHA,mean,none,"
    "2018: Từ 6 lên 8 nội dung | 6 → 8 dimensions",
]


def test_an_official_dataset_shows_an_imported_indicator_and_cited_targets_in_both_languages(tmp_path, monkeypatch):
    from ascc import catalogue

    folder = tmp_path / "official"
    batches.init_dataset(folder)
    monkeypatch.setenv(settings.DATA_DIR_ENV, str(folder))
    db.clear_cache()
    try:
        assert catalogue.run_import("indicators", csv(*GOV_INDEX), "gov.csv", who="t").outcome == "committed"
        targets = csv("indicator_code,year,target_value,target_upper,target_type,source_vi,source_en",
                      "POV_MD,2025,-1.5,-1,annual_change,Nghị quyết 16/2021/QH15,Resolution 16/2021/QH15",
                      "HI_COVERAGE,2025,95,,level,Nghị quyết 16/2021/QH15,")
        assert catalogue.run_import("targets", targets, "t.csv", who="t").outcome == "committed"
        at = data_page(lang="en")
        cat = at.dataframe[0].value.set_index("Code")
        gov = cat.loc["GOV_INDEX"]
        assert (gov["Aggregation rule"], gov["Weighted by"], gov["Decimals"]) == ("plain mean (index)", "none", 2)
        assert gov["Series breaks"] == "2018: 6 → 8 dimensions" and gov["Characteristic"].startswith("A – ")
        shown = at.table[0].value
        assert shown["Code"].tolist() == ["POV_MD", "HI_COVERAGE"] and "illustrative" not in shown.columns
        assert shown["Kind"].tolist() == ["annual change", "level"]
        assert shown["Citation"].tolist() == ["Resolution 16/2021/QH15", "Nghị quyết 16/2021/QH15"]
        assert "−1 to −1.5" in shown["Target"].iloc[0] and shown["Target"].iloc[1].startswith("95")
        vi = data_page(lang="vi")
        assert vi.dataframe[0].value.set_index("Mã").loc["GOV_INDEX", "Gãy chuỗi"] == "2018: Từ 6 lên 8 nội dung"
        assert vi.table[0].value["Loại"].tolist() == ["thay đổi hằng năm", "mức cần đạt"]
    finally:
        db.clear_cache()


def test_an_official_dataset_without_targets_says_so(tmp_path, monkeypatch):
    folder = tmp_path / "official"
    batches.init_dataset(folder)
    monkeypatch.setenv(settings.DATA_DIR_ENV, str(folder))
    db.clear_cache()
    try:
        at = data_page(lang="en")
        assert "The dataset has no targets yet" in texts(at)
    finally:
        db.clear_cache()


def test_anonymous_visitors_see_neither_server_paths_nor_who_imported(official):
    # Issue 15 M5: the import hints showed the absolute dataset folder, the batch list e-mails and file names
    assert ingest.run_import(csv("indicator,area,year,value", "WATER,Hà Nội,2024,71.5"), "secret_name.csv",
                             ingest.Options(), who=MANAGER).outcome == "committed"
    for secrets, user in ((None, None), (SECRETS, {"is_logged_in": False})):
        at = data_page(secrets, user, lang="en")
        assert not at.exception
        shown = texts(at) + " ".join(str(c.value) for c in at.code) + " ".join(
            df.value.to_string() for df in at.dataframe)
        assert str(official) not in shown and MANAGER not in shown and "secret_name.csv" not in shown
    at = data_page(SECRETS, {"is_logged_in": True, "email": MANAGER}, lang="en")
    assert any(MANAGER in df.value.to_string() for df in at.dataframe)  # data managers still see it


def test_an_address_the_provider_says_is_unverified_gets_no_role():
    from ascc import auth

    user = {"is_logged_in": True, "email": MANAGER}
    assert auth.access(user, SECRETS).can_import  # no email_verified claim: trusted as configured
    assert auth.access({**user, "email_verified": True}, SECRETS).can_import
    for unverified in (False, "false"):
        access = auth.access({**user, "email_verified": unverified}, SECRETS)
        assert access.logged_in and access.role is None and not access.can_import
