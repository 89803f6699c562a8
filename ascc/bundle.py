"""The whole dataset as one zip: every figure in long CSV, the regional and national values as shown, the
indicator metadata, targets with citations, the manifest and the statistics office's provenance notes."""

from __future__ import annotations

import io
import json
import zipfile

from ascc import db, nso
from ascc.i18n import t

README = {
    "vi": """Bộ dữ liệu: {title}
Loại: {kind} · phiên bản {version} · số liệu đến {as_of}
{notice}
Các tệp (UTF-8, phân cách bằng dấu phẩy, dấu chấm thập phân):
- results.csv: mọi số liệu như được lưu (tỉnh cũ P63-*, tỉnh mới P34-*, dòng vùng R-* và cả nước VN đã công bố, xã):
  chỉ tiêu, khu vực, năm, nhóm dân cư, giá trị, đơn vị, tử số, mẫu số, trọng số, tình trạng, nguồn, đợt nhập.
- aggregates.csv: giá trị của vùng và cả nước như mọi trang hiển thị, theo từng bộ địa giới: số công bố, hoặc tính từ
  các tỉnh (basis = computed) với mức bao phủ (n_reported/n_areas, pop_share) và dấu ước tính theo dân số (estimated).
- indicators.csv: danh mục chỉ tiêu (tên, đơn vị, quy tắc tổng hợp, trọng số, thay đổi phương pháp, nguồn).
- targets.csv: mục tiêu và văn bản quy định.
- manifest.json: thông tin bộ dữ liệu.{sources}
""",
    "en": """Dataset: {title}
Kind: {kind} · version {version} · data as of {as_of}
{notice}
Files (UTF-8, comma-separated, decimal point):
- results.csv: every figure as stored (former provinces P63-*, new provinces P34-*, published region R-* and
  national VN rows, communes): indicator, area, year, population group, value, unit, numerator, denominator,
  weight, status, source, import batch.
- aggregates.csv: the regional and national values as every page shows them, per boundary set: published, or
  computed from the provinces (basis = computed) with their coverage (n_reported/n_areas, pop_share) and the
  population-weight estimate flag (estimated).
- indicators.csv: the indicator catalogue (names, units, aggregation rule, weight, series breaks, sources).
- targets.csv: targets and the documents that set them.
- manifest.json: about the dataset.{sources}
""",
}


def _csv(df) -> bytes:
    return df.to_csv(index=False).encode("utf-8")


def dataset_zip(lang: str) -> bytes:
    """The dataset in force as a zip (names in ``lang``); the figures are the dashboard's, nothing recomputed."""
    info = db.dataset_info()
    m = info.manifest
    # A dataset built from the statistics office's tables says so in its manifest (sources: ["nso"]).
    provenance = nso.SOURCES_DIR / "PROVENANCE.md" if "nso" in (m.get("sources") or []) else None
    readme = README["en" if lang == "en" else "vi"].format(
        title=m.get("title_en" if lang == "en" else "title_vi", ""), kind=m.get("kind", ""),
        version=m.get("version", ""), as_of=m.get("data_as_of", ""),
        notice=(t("demo.notice", lang) + "\n") if info.is_demo else "",
        sources="\n- sources/PROVENANCE.md: " + ("provenance of the statistics office's tables" if lang == "en"
                                                 else "nguồn gốc các bảng của Tổng cục Thống kê")
        if provenance else "",
    )  # fmt: skip
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", compression=zipfile.ZIP_DEFLATED) as z:
        z.writestr("README.txt", readme)
        z.writestr("results.csv", _csv(db.run_query("download_results", lang=lang)))
        z.writestr("aggregates.csv", _csv(db.run_query("download_aggregates", lang=lang)))
        z.writestr("indicators.csv", _csv(db.run_query("download_indicators")))
        z.writestr("targets.csv", _csv(db.run_query("data_targets", lang=lang)))
        z.writestr("manifest.json", json.dumps(m, ensure_ascii=False, indent=2))
        if provenance is not None:
            z.write(provenance, "sources/PROVENANCE.md")
    return buf.getvalue()

