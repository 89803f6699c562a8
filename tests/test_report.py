"""The report to the Prime Minister (ascc.report): structure, demo mark, and figures equal to the Overview's."""

from __future__ import annotations

import io
import re

import pyarrow.dataset as pads
import pytest
from docx import Document

from ascc import cli, db, export, i18n, progress, report, settings, status
from ascc.i18n import t
from tests import fixture_data
from tests.apptest import new_app

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _doc(lang: str = "vi", **kw):
    return Document(io.BytesIO(report.build_report(lang=lang, with_charts=False, **kw)))


def _headings(doc, level: int) -> list[str]:
    return [p.text for p in doc.paragraphs if p.style.name == f"Heading {level}"]


def _all_text(doc) -> str:
    parts = [p.text for p in doc.paragraphs]
    for table in doc.tables:
        for row in table.rows:
            parts += [c.text for c in row.cells]
    return "\n".join(parts)


def _instructions(part_element) -> list[str]:
    return [el.text.strip() for el in part_element.iter(f"{W}instrText")]


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_sections_headings_tables_and_fields(use_fixture, lang):
    doc = _doc(lang)
    h1 = _headings(doc, 1)
    assert h1 == [
        f"1. {t('report.h.summary', lang)}", f"2. {t('report.h.pillars', lang)}", f"3. {t('report.h.ministries', lang)}",
        f"4. {t('report.h.regions', lang)}", f"5. {t('report.h.next', lang)}", t("report.h.annex_a", lang),
        t("report.h.annex_b", lang),
    ]  # fmt: skip
    h2 = _headings(doc, 2)
    # one section per characteristic (5), per lead ministry after March 2025 (MAE, MOHA, MOH), per region (2)
    assert sum(h.startswith("2.") for h in h2) == 5
    assert [h for h in h2 if h.startswith("3.")] == [
        "3.1. " + ("Bộ Nội vụ (Bộ NV)" if lang == "vi" else "Ministry of Home Affairs (MOHA)"),
        "3.2. " + ("Bộ Nông nghiệp và Môi trường (Bộ NN&MT)" if lang == "vi" else "Ministry of Agriculture and Environment (MAE)"),
        "3.3. " + ("Bộ Y tế (Bộ YT)" if lang == "vi" else "Ministry of Health (MOH)"),
    ]
    assert [h for h in h2 if h.startswith("4.")] == (
        ["4.1. Đồng bằng sông Hồng", "4.2. Trung du và miền núi phía Bắc"] if lang == "vi"
        else ["4.1. Red River Delta", "4.2. Northern Midlands and Mountains"]
    )  # fmt: skip
    # native tables, each with a numbered caption (SEQ field) before it
    captions = [p for p in doc.paragraphs if p.style.name == "Caption"]
    label = t("report.label.table", lang)
    assert len(doc.tables) == sum(p.text.startswith(label + " ") for p in captions) >= 10
    assert [p.text.split(".")[0] for p in captions if p.text.startswith(label)][:3] == [f"{label} {n}" for n in (1, 2, 3)]
    body = _instructions(doc.element.body)
    assert any(i.startswith("TOC ") for i in body), "a table-of-contents field"
    assert any(i.startswith("SEQ Table") for i in body)
    assert "PAGE" in _instructions(doc.sections[0].footer._element), "page numbers in the footer"
    # the contents list every level-1 and level-2 heading as the field's current result
    toc = [p.text for p in doc.paragraphs if p.style.name in ("TOC 1", "TOC 2")]
    assert toc == [p.text for p in doc.paragraphs if p.style.name in ("Heading 1", "Heading 2")]
    # every row of the annex: one per indicator
    annex = doc.tables[-2] if len(doc.tables) > 1 else doc.tables[-1]
    assert any(len(tb.rows) == 1 + len(fixture_data.INDICATORS) and tb.rows[0].cells[0].text == t("col.indicator", lang)
               for tb in (annex, *doc.tables))  # fmt: skip


def test_demo_mark_on_every_page_of_a_demo_dataset_only(use_fixture, tmp_path, monkeypatch):
    doc = _doc("en")
    mark = t("report.demo_header", "en")
    assert all(s.header.paragraphs[0].text == mark for s in doc.sections)
    assert all(not s.different_first_page_header_footer for s in doc.sections)  # the cover too
    assert t("report.cover.kind.demo", "en") in _all_text(doc)

    official = fixture_data.build(tmp_path / "official", kind="official")
    monkeypatch.setenv(settings.DATA_DIR_ENV, str(official))
    db.clear_cache()
    doc = _doc("vi")
    text = _all_text(doc) + "".join(p.text for s in doc.sections for p in s.header.paragraphs)
    assert "MÔ PHỎNG" not in text.upper() and t("report.cover.kind.official", "vi") in text
    db.clear_cache()


def _national_from_parquet(fixture_dir) -> dict[str, tuple[int, float]]:
    """Independently of the app: the latest national value of each indicator, read with pyarrow and pandas.

    A national row as published; for a ratio without one, the provinces reported that year (the 34 new
    ones from 2025, else the 63 former ones): sum of numerators / sum of denominators x scale.
    """
    rows = pads.dataset(fixture_dir / "results", format="parquet", partitioning="hive").to_table(
        filter=pads.field("breakdown") == "total").to_pandas()
    scale = dict(zip(fixture_data.INDICATORS["indicator_code"], fixture_data.INDICATORS["scale"], strict=True))
    rule = dict(zip(fixture_data.INDICATORS["indicator_code"], fixture_data.INDICATORS["aggregation"], strict=True))
    out = {}
    for code, part in rows.groupby("indicator_code"):
        values = {int(r.year): float(r.value) for r in part[part["area_id"] == "VN"].itertuples()}
        if rule[code] == "ratio":
            for year, ys in part[part["area_id"] != "VN"].groupby("year"):
                prefix = "P34-" if int(year) >= 2025 else "P63-"
                ys = ys[ys["area_id"].str.startswith(prefix)]
                values.setdefault(int(year), ys["numerator"].sum() / ys["denominator"].sum() * scale[code])
        if values:  # a sum or mean without a national row is left to the headline check (none in the fixture)
            out[code] = (max(values), values[max(values)])
    return out


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_summary_figures_are_the_overviews(use_fixture, lang):
    doc = _doc(lang)
    text = _all_text(doc)
    bullets = [p.text for p in doc.paragraphs if p.style.name == "List Bullet"]
    # the Overview's query and status, as the Overview page calls them
    overview = db.run_query("national_summary", lang=lang, year=None, headline_only=None)
    statuses = status.status_of("nation", "34", as_of=None)
    independent = _national_from_parquet(use_fixture)
    headline = overview[overview["headline"]]
    assert len(headline) == 3
    for r in headline.itertuples():
        year, value = independent[r.indicator_code]
        assert (r.latest_year, r.latest_value) == (year, pytest.approx(value))
        shown = i18n.fmt_value(r.latest_value, r.unit, lang, r.decimals)
        label = report.status_label(statuses[(r.indicator_code, "VN")], lang)
        line = next(b for b in bullets if b.startswith(r.short_name + ":"))
        assert shown in line and str(year) in line and label in line, line
    # written out: poverty 110/2000 households in 2025 (published), clean water 273/400 = 68.25 % in 2025 (computed
    # from the 34 provinces, shown half up), the index 91.0 in 2024 (target 90 met)
    expected = {"vi": ["Tỷ lệ hộ nghèo: 5,50 % năm 2025", "Nước sạch: 68,3 % năm 2025", "Chỉ số hài lòng: 91,0 % năm 2024",
                       "đã đạt mục tiêu"],
                "en": ["Poverty rate: 5.50% in 2025", "Clean water: 68.3% in 2025", "Satisfaction index: 91.0% in 2024",
                       "target met"]}[lang]
    for piece in expected:
        assert piece in text, piece
    # the counts sentence: the status engine's national counts
    counts = status.assessments("nation", "34")["status"].value_counts()
    sentence = t("report.s.counts", lang, n=int(counts.sum()), parts=report.join_words(
        [t(f"report.count.{s}" + ("_one" if counts[s] == 1 else ""), lang, n=int(counts[s]))
         for s in progress.STATUSES if s in counts.index], lang))
    assert sentence in text


def test_year_choice_is_the_overviews_as_of(use_fixture):
    doc = _doc("en", year=2020)
    overview = db.run_query("national_summary", lang="en", year=2020, headline_only=None).set_index("indicator_code")
    assert overview.loc["POV", "latest_year"] == 2020
    assert "Poverty rate: 7.65% in 2020" in _all_text(doc)  # 153/2000 households, the latest value as of 2020
    assert "Figures up to: 2020" in _all_text(doc)


def test_regions_mark_rebuilt_and_estimated_values_as_the_pages(use_fixture):
    doc = _doc("en")
    text = _all_text(doc)
    # IDX (a mean index) is latest in 2024, so on the 34 provinces it is rebuilt from the former ones: marked *
    region_tables = [tb for tb in doc.tables if tb.rows[0].cells[0].text == t("col.province", "en")]
    assert len(region_tables) == 2
    rrd = region_tables[0]
    assert [c.text for c in rrd.rows[0].cells][1:4] == ["Poverty rate (%), 2025", "Clean water (%), 2025",
                                                         "Satisfaction index (%), 2024"]
    names = [r.cells[0].text for r in rrd.rows]
    assert names[1:3] == ["Whole region", "Viet Nam"] and set(names[3:]) == {"Ha Noi", "Phu Tho"}
    idx_cells = [r.cells[3].text for r in rrd.rows[3:]]
    assert all(re.fullmatch(r"\d+\.\d\* \(\d\)", c) for c in idx_cells), idx_cells
    assert t("mark.derived_note.mean", "en") in text


def test_charts_are_pictures_with_alt_text_and_captions(use_fixture, monkeypatch):
    pytest.importorskip("kaleido")
    if export.browser_path() is None:
        pytest.skip("no Chrome/Chromium for Kaleido on this machine")
    doc = Document(io.BytesIO(report.build_report(lang="vi")))
    shapes = doc.inline_shapes
    # status counts, then one per characteristic with a target to reach: A (IDX), B (POV), C (WATER); D and E
    # have no target (their chart would show no bar)
    assert len(shapes) == 1 + 3
    for shape in shapes:
        doc_pr = shape._inline.docPr
        assert doc_pr.get("descr") and doc_pr.get("title")
        assert shape.width == pytest.approx(report.Cm(report.TEXT_WIDTH_CM), abs=10)
    figures = [p.text for p in doc.paragraphs if p.style.name == "Caption" and p.text.startswith("Hình ")]
    assert [f.split(".")[0] for f in figures] == [f"Hình {n}" for n in range(1, 5)]
    # built again: the pictures come from the cache, no browser starts
    import kaleido

    monkeypatch.setattr(kaleido, "write_fig_from_object_sync", lambda *a, **k: pytest.fail("rendered twice"))
    again = Document(io.BytesIO(report.build_report(lang="vi")))
    assert [s._inline.graphic.graphicData.pic.blipFill.blip.embed for s in again.inline_shapes]
    assert len(again.inline_shapes) == len(shapes)


def test_without_a_browser_the_report_keeps_its_tables_and_says_so(use_fixture, monkeypatch):
    monkeypatch.setenv(export.BROWSER_ENV, "/nonexistent/chromium")
    doc = Document(io.BytesIO(report.build_report(lang="en")))
    assert not doc.inline_shapes
    assert t("report.no_charts", "en") in _all_text(doc)
    assert not [p for p in doc.paragraphs if p.style.name == "Caption" and p.text.startswith("Figure")]


def test_cli_writes_the_report_and_checks_its_arguments(use_fixture, tmp_path, capsys):
    out = tmp_path / "r.docx"
    assert cli.main(["report", "--lang", "en", "--year", "2024", "--dataset", use_fixture.name, "--boundary", "63",
                     "--no-charts", "--out", str(out)]) == 0
    doc = Document(str(out))
    assert "Figures up to: 2024 · boundaries: 63 provinces (before 1 July 2025)" in _all_text(doc)
    assert "total" in capsys.readouterr().out  # the timing line
    assert cli.main(["report", "--dataset", "nope", "--out", str(out)]) == 2
    assert cli.main(["report", "--year", "1990", "--out", str(out)]) == 2


def test_report_page_offers_the_download(use_fixture):
    at = new_app("pages/report.py", lang="en")
    assert not at.exception
    assert at.radio(key="report_lang").value == "en"
    button = at.download_button(key="report_download")
    assert button.proto.deferred_file_id  # built when clicked, not on every run
    at.radio(key="report_lang").set_value("vi").run()
    assert "Tóm tắt" in "\n".join(m.value for m in at.markdown)


@pytest.mark.parametrize("lang, date", [("vi", "1 tháng 3 năm 2025"), ("en", "1 March 2025")])
def test_the_ministry_merger_is_dated_as_on_the_ministries_page(use_fixture, lang, date):
    text = "\n".join(p.text for p in _doc(lang).paragraphs)
    assert date in text and "28/02/2025" not in text
