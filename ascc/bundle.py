"""The whole dataset as one zip: every figure in long CSV, the regional and national values as shown, the
indicator metadata, targets with citations, the manifest and the statistics office's provenance notes."""

from __future__ import annotations

import io
import json
import zipfile

from ascc import db, nso
from ascc.i18n import t


def _csv(df) -> bytes:
    return df.to_csv(index=False).encode("utf-8")


def dataset_zip(lang: str) -> bytes:
    """The dataset in force as a zip (names in ``lang``); the figures are the dashboard's, nothing recomputed."""
    info = db.dataset_info()
    m = info.manifest
    # A dataset built from the statistics office's tables says so in its manifest (sources: ["nso"]).
    provenance = nso.SOURCES_DIR / "PROVENANCE.md" if "nso" in (m.get("sources") or []) else None
    readme = t(
        "bundle.readme", lang,
        title=m.get("title_en" if lang == "en" else "title_vi", ""), kind=m.get("kind", ""),
        version=m.get("version", ""), as_of=m.get("data_as_of", ""),
        notice=(t("demo.notice", lang) + "\n") if info.is_demo else "",
        sources=("\n- sources/PROVENANCE.md: " + t("bundle.provenance", lang)) if provenance else "",
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

