"""Streamlit parts of the Data page: catalogue, data quality, batch history, and the import panel."""

from __future__ import annotations

import dataclasses
import hashlib
from pathlib import Path

import pandas as pd
import streamlit as st

from ascc import auth, batches, db, i18n, ingest, targets
from ascc.i18n import t

NONE = "__none__"  # selectbox sentinel: Streamlit shows None as an empty "Choose an option"
_UPLOAD_KEY = "data_upload_n"  # bumped after a commit so the uploader starts empty


def secrets() -> dict:
    """The app's secrets as a dict; empty when there is no secrets file."""
    try:
        return st.secrets.to_dict()
    except FileNotFoundError:  # StreamlitSecretNotFoundError is one
        return {}


def current_access() -> auth.Access:
    """The visitor's access (sign-in configured? signed in? role?)."""
    return auth.access(st.user.to_dict(), secrets())


def _years_text(row, lang: str) -> str:
    if pd.isna(row.first_year):
        return t("data.no_years", lang)
    first, last = int(row.first_year), int(row.last_year)
    span = str(first) if first == last else f"{first}–{last}"
    return f"{span} ({int(row.n_years)})"


def catalogue(df: pd.DataFrame, target_rows: pd.DataFrame, lang: str) -> None:
    """The indicators (rule, weights, decimals, pillar, lead, series breaks, coverage, latest batch), the
    targets with their citations, and the definition and source of a chosen indicator."""
    table = pd.DataFrame(
        {
            t("data.col.code", lang): df["indicator_code"],
            t("data.col.name", lang): df["name"],
            t("data.col.unit", lang): df["unit"],
            t("data.col.rule", lang): [t(f"aggregation.{a}", lang) for a in df["aggregation"]],
            t("data.col.weight_kind", lang): [t(f"weight_kind.{w}", lang) if isinstance(w, str) else "–"
                                             for w in df["weight_kind"]],
            t("data.col.decimals", lang): df["decimals"].astype("Int64"),
            t("data.col.pillar", lang): [f"{c} – {p}" for c, p in zip(df["pillar_code"], df["pillar"], strict=True)],
            t("data.col.ministry", lang): df["ministry"],
            t("data.col.breaks", lang): df["series_breaks"].fillna(""),
            t("data.col.years", lang): [_years_text(r, lang) for r in df.itertuples()],
            t("data.col.provinces", lang): [f"{int(a)} / {int(b)}" for a, b in zip(df["n_provinces_63"], df["n_provinces_34"], strict=True)],
            t("data.col.national", lang): df["n_national_years"].astype(int),
            t("data.col.latest_batch", lang): df["latest_batch"].fillna("–"),
        }
    )
    # the code and the name stay in view while the other columns scroll sideways (1366 px)
    pinned = {t(k, lang): st.column_config.Column(pinned=True) for k in ("data.col.code", "data.col.name")}
    st.dataframe(table, hide_index=True, width="stretch", height=36 * (len(table) + 1) + 4, column_config=pinned)
    target_table(target_rows, lang)
    weight_table(db.run_query("data_weights", lang=lang), lang)
    names = dict(zip(df["indicator_code"], df["name"], strict=True))
    code = st.selectbox(t("data.definition_pick", lang), options=list(names),
                        format_func=lambda c: f"{c} – {names[c]}", key="data_definition")
    if code:
        row = df[df["indicator_code"] == code].iloc[0]
        st.markdown(f"**{t('data.col.definition', lang)}.** {row['definition']}")
        st.markdown(f"**{t('data.col.source', lang)}.** {row['source']}")


def target_table(df: pd.DataFrame, lang: str) -> None:
    """Every target as readers see it (a level, a range or a change a year) with the document that sets it."""
    st.header(t("data.targets.title", lang))
    if df.empty:
        st.info(t("data.targets.none", lang))
        return
    st.caption(t("data.targets.caption", lang))
    columns = {
        t("data.col.code", lang): df["indicator_code"],
        t("data.col.name", lang): df["name"],
        t("data.col.area", lang): df["area"],
        t("data.col.year", lang): df["year"].astype(int),
        t("data.col.target", lang): [
            targets.fmt(r.target_value, r.target_upper, r.target_type, r.unit or "", lang, int(r.decimals or 0))
            for r in df.itertuples()
        ],
        t("data.col.target_type", lang): [t(f"target_type.{k}", lang) for k in df["target_type"]],
        t("data.col.citation", lang): df["source"].fillna("–"),
    }
    if df["illustrative"].any():  # the demo's targets that no document sets
        columns[t("data.targets.illustrative", lang)] = ["✓" if x else "" for x in df["illustrative"]]
    # A table that wraps its text: in a scrolling grid at 1366 px the targets were cut and the citations,
    # what this table is for, hidden behind a sideways scroll.
    st.table(pd.DataFrame(columns), hide_index=True)


def weight_table(df: pd.DataFrame, lang: str) -> None:
    """The reference weights held, by kind and boundary set: years, provinces and source (a small table)."""
    st.header(t("data.weights.title", lang))
    if df.empty:
        st.info(t("data.weights.none", lang))
        return
    st.caption(t("data.weights.caption", lang))
    st.table(pd.DataFrame({
        t("data.weights.col.kind", lang): [t(f"weight_kind.{k}", lang) for k in df["weight_kind"]],
        t("data.col.boundary", lang): [t(f"sidebar.boundary.{b}", lang) for b in df["boundary_set"]],
        t("data.col.years", lang): [_years_text(r, lang) for r in df.itertuples()],
        t("data.weights.col.provinces", lang): df["n_provinces"].astype(int),
        t("data.col.source", lang): df["source"].fillna("–"),
    }).set_index(t("data.weights.col.kind", lang)))


def quality(df: pd.DataFrame, lang: str) -> None:
    """Missing province-years, preliminary, estimated and rebuilt values, per indicator and year."""
    if df.empty:
        st.info(t("data.quality.empty", lang))
        return
    cols = st.columns(4)
    cols[0].metric(t("data.quality.missing", lang), i18n.fmt_number(int(df["n_missing"].sum()), lang, 0))
    cols[1].metric(t("data.quality.preliminary", lang), i18n.fmt_number(int(df["n_preliminary"].sum()), lang, 0))
    cols[2].metric(t("data.quality.estimated", lang), i18n.fmt_number(int(df["n_estimated"].sum()), lang, 0))
    cols[3].metric(t("data.quality.derived", lang), i18n.fmt_number(int(df["n_derived"].sum()), lang, 0))
    st.caption(t("data.quality.caption", lang))
    only_gaps = st.toggle(t("data.quality.only_gaps", lang), value=True, key="data_only_gaps")
    if only_gaps:
        df = df[(df["n_missing"] > 0) | (df["n_preliminary"] > 0) | (df["n_estimated"] > 0)]
    status = {s: t(f"value.status.{s}", lang) for s in ("final", "preliminary", "estimated")}
    table = pd.DataFrame(
        {
            t("data.col.name", lang): df["indicator"],
            t("data.col.year", lang): df["year"].astype(int),
            t("data.col.boundary", lang): [t(f"sidebar.boundary.{b}", lang) for b in df["boundary_set"]],
            t("data.col.reported", lang): [f"{int(a)} / {int(b)}" for a, b in zip(df["n_reported"], df["n_expected"], strict=True)],
            t("data.col.missing", lang): df["missing"],
            t("data.col.preliminary", lang): df["n_preliminary"].astype(int),
            t("data.col.estimated", lang): df["n_estimated"].astype(int),
            t("data.col.derived", lang): df["n_derived"].astype(int),
            t("data.col.national_status", lang): [status.get(s, "–") if isinstance(s, str) else "–" for s in df["national_status"]],
        }
    )
    st.dataframe(table, hide_index=True, width="stretch")


def batch_history(df: pd.DataFrame, lang: str, info: db.DatasetInfo, access: auth.Access) -> None:
    """The batch log; data managers may withdraw a batch."""
    if df.empty:
        st.info(t("data.batches.none", lang))
        return
    table = pd.DataFrame(
        {
            t("data.col.batch", lang): df["batch_id"],
            t("data.col.status", lang): [t(f"data.batch.{s}", lang) for s in df["status"]],
            t("data.col.when", lang): df["committed_at"],
            # Who imported and the file names are for signed-in data managers, not for every visitor.
            **({t("data.col.who", lang): df["who"], t("data.col.file", lang): df["file_name"]} if access.can_import
               else {}),
            t("data.col.rows", lang): df["rows"].astype(int),
            t("data.col.indicators", lang): df["indicators"],
            t("data.col.years", lang): df["years"],
            t("data.col.note", lang): df["note"].fillna(""),
        }
    )
    st.dataframe(table, hide_index=True, width="stretch")
    live = df.loc[df["status"] == "committed", "batch_id"].tolist()
    if not (access.can_import and live and not info.is_bundled):
        return
    with st.expander(t("data.withdraw.title", lang)):
        st.caption(t("data.withdraw.help", lang))
        batch = st.selectbox(t("data.withdraw.pick", lang), options=live, key="data_withdraw_pick")
        note = st.text_input(t("data.withdraw.note", lang), key="data_withdraw_note")
        sure = st.checkbox(t("data.withdraw.confirm", lang), key="data_withdraw_confirm")
        if st.button(t("data.withdraw.button", lang), disabled=not sure, key="data_withdraw_button"):
            try:
                batches.withdraw(info.data_dir, batch, who=access.email or "", note=note)
            except batches.BatchError as exc:
                st.error(t(f"ingest.reason.{exc.code}", lang, **exc.params))
            else:
                st.session_state["data_flash"] = t("data.withdraw.done", lang, batch=batch)
                st.rerun()


def template_button(lang: str) -> None:
    """The XLSX template, for everyone."""
    st.download_button(
        t("data.template", lang),
        data=_template(db.dataset_info().version),
        file_name="ascc_mau_nhap_so_lieu_import_template.xlsx",
        mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        help=t("data.template.help", lang),
        icon=":material/download:",
        key="data_template",
    )


@st.cache_data(max_entries=4, show_spinner=False)
def _template(version: str) -> bytes:
    # Cached by dataset version: the lists of indicators and areas come from the dataset.
    return ingest.template_xlsx()


def _cli_hint(info: db.DatasetInfo) -> str:
    # The dataset folder as a placeholder: the server's own paths are not shown to visitors (the people
    # who run these commands know where their dataset is).
    info = dataclasses.replace(info, data_dir=Path("DATASET_FOLDER"))
    return (
        f"python -m ascc import FILE.xlsx --data-dir {info.data_dir}\n"
        f"python -m ascc import GSO_TABLE.xlsx --indicator HH_COMPUTER --dry-run --data-dir {info.data_dir}\n"
        f"python -m ascc indicators import CATALOGUE.xlsx --data-dir {info.data_dir}\n"
        f"python -m ascc targets import TARGETS.xlsx --data-dir {info.data_dir}\n"
        f"python -m ascc weights import WEIGHTS.xlsx --data-dir {info.data_dir}\n"
        f"python -m ascc batches --data-dir {info.data_dir}\n"
        f"python -m ascc rollback BATCH_ID --data-dir {info.data_dir}"
    )


def import_panel(lang: str, info: db.DatasetInfo, access: auth.Access) -> None:
    """Import for signed-in data managers; otherwise say why not and how else."""
    template_button(lang)
    if info.is_bundled:
        st.info(t("data.import.demo" if info.is_demo else "data.import.bundled", lang))
        st.code("python -m ascc init-dataset /srv/ascc-data\nASCC_DATA_DIR=/srv/ascc-data streamlit run app.py",
                language="bash")
        return
    if not access.configured:
        st.info(t("data.import.cli_only", lang))
        st.code(_cli_hint(info), language="bash")
        return
    if not access.logged_in:
        st.info(t("data.signin.prompt", lang))
        if st.button(t("data.signin", lang), key="data_signin", icon=":material/login:"):
            try:
                st.login()
            except Exception as exc:  # e.g. Authlib missing, or an [auth] section without a provider
                st.error(t("data.signin.failed", lang, detail=type(exc).__name__))
        return
    st.caption(t("data.signed_in", lang, email=access.email, role=access.role or "–"))
    if st.button(t("data.signout", lang), key="data_signout"):
        st.logout()
    if not access.can_import:
        st.warning(t("data.no_role", lang, email=access.email))
        return
    _upload_form(lang, access)


def _upload_form(lang: str, access: auth.Access) -> None:
    ss = st.session_state
    n = ss.setdefault(_UPLOAD_KEY, 0)
    upload = st.file_uploader(t("data.import.file", lang), type=["csv", "txt", "tsv", "xlsx", "xlsm"],
                              key=f"data_upload_{n}", max_upload_size=ingest.MAX_FILE_BYTES // 2**20)
    indicators = db.run_query("ingest_indicators")
    names = dict(zip(indicators["indicator_code"], indicators[i18n.col("name", lang)], strict=True))
    c1, c2, c3 = st.columns([3, 1, 1])
    indicator = c1.selectbox(t("data.import.indicator", lang), options=[NONE, *names], key="data_indicator",
                             format_func=lambda c: t("data.import.from_file", lang) if c == NONE else f"{c} – {names[c]}")
    year = c2.selectbox(t("data.import.year", lang), options=[NONE, *range(ingest.YEAR_MAX, ingest.YEAR_MIN - 1, -1)],
                        format_func=lambda y: t("data.import.all_years", lang) if y == NONE else str(y), key="data_year")
    sheet = c3.text_input(t("data.import.sheet", lang), key="data_sheet").strip() or None
    valid_only = st.checkbox(t("data.import.valid_only", lang), key="data_valid_only")
    if upload is None:
        return
    data = upload.getvalue()
    if len(data) > ingest.MAX_FILE_BYTES:
        # The server refuses larger uploads (server.maxUploadSize); checked again here in case that changes.
        st.error(t("data.import.too_large", lang, limit=ingest.MAX_FILE_BYTES // 2**20))
        return
    options = ingest.Options(None if indicator == NONE else indicator, None if year == NONE else int(year), sheet,
                             dry_run=True, valid_only=valid_only)
    check_key = (hashlib.sha256(data).hexdigest(), options, db.dataset_info().version, lang)
    if ss.get("data_check_key") != check_key:
        ss["data_check"] = ingest.run_import(data, upload.name, options, who=access.email or "", lang=lang)
        ss["data_check_key"] = check_key
    report: ingest.Report = ss["data_check"]
    show_report(report, lang)
    if st.button(t("data.import.button", lang, n=report.n_valid), type="primary", disabled=report.outcome != "checked",
                 key="data_commit"):
        final = ingest.run_import(data, upload.name, ingest.Options(options.indicator, options.year, options.sheet,
                                                                    dry_run=False, valid_only=valid_only),
                                  who=access.email or "", lang=lang)
        if final.outcome == "committed":
            ss["data_flash"] = ingest.outcome_text(final, lang)
            ss[_UPLOAD_KEY] = n + 1
            ss.pop("data_check_key", None)
            st.rerun()
        else:
            ss["data_check"] = final
            show_report(final, lang)


def show_report(report: ingest.Report, lang: str) -> None:
    """The check report: outcome, format, counts, problems with row and column, and old → new values."""
    outcome = ingest.outcome_text(report, lang)
    if report.outcome in ("checked", "committed"):
        st.success(outcome)
    else:
        # A file refused as a whole (too large to read, not a table, no header): its reason beside the outcome,
        # not only in the table of problems below.
        whole = [p.message(lang) for p in report.errors if p.row is None and p.col is None]
        st.error("  \n".join([outcome, *whole]))
    lines = []
    if report.format:
        lines.append(t("ingest.report.format", lang, fmt=ingest.describe_format(report.format, lang)))
    if report.layout:
        lines.append(t(f"ingest.report.layout_{report.layout}", lang, indicator=report.indicator or "–"))
    lines += [t("ingest.report.column_used", lang, column=c) for c in report.columns_used]
    lines.append(t("ingest.report.counts", lang, read=report.n_candidates, valid=report.n_valid,
                   errors=len(report.errors), warnings=len(report.warnings)))
    st.caption("  \n".join(lines))
    if report.preview is not None:
        cols = st.columns(3)
        cols[0].metric(t("data.import.new", lang), report.preview.new)
        cols[1].metric(t("data.import.changed", lang), report.preview.changed)
        cols[2].metric(t("data.import.unchanged", lang), report.preview.unchanged)
    if report.problems:
        st.subheader(t("data.import.problems", lang))
        problems = report.problem_table(lang).drop(columns=["code"])
        problems.columns = [t(f"data.col.{c}", lang) for c in ("severity", "row", "column", "header", "reason")]
        st.dataframe(problems, hide_index=True, width="stretch")
    if report.preview is not None and not report.preview.changes.empty:
        st.subheader(t("data.import.changes", lang))
        ch = report.preview.changes
        status = {s: t(f"value.status.{s}", lang) for s in ("final", "preliminary", "estimated")}
        st.dataframe(
            pd.DataFrame(
                {
                    t("data.col.code", lang): ch["indicator_code"],
                    t("data.col.area", lang): ch["area"],
                    t("data.col.year", lang): ch["year"],
                    t("data.col.breakdown", lang): [t(f"breakdown.{b}", lang) for b in ch["breakdown"]],
                    t("data.col.old", lang): ch["old_value"],
                    t("data.col.new", lang): ch["new_value"],
                    t("data.col.old_status", lang): [status.get(s, s) for s in ch["old_status"]],
                    t("data.col.new_status", lang): [status.get(s, s) for s in ch["new_status"]],
                }
            ),
            hide_index=True,
            width="stretch",
        )
    st.download_button(t("data.import.report_download", lang), data=report.to_text(lang).encode("utf-8"),
                       file_name=f"{report.file_name}.report.txt", mime="text/plain", key="data_report_download")


def flash(lang: str) -> None:
    """A success message left by the previous run (after a commit or a withdrawal)."""
    # Always one element, shown or empty: the tabs below keep their place in the page, so the browser keeps
    # the open tab. When the message came and went, the tabs moved and the browser went back to the first
    # tab on the next run (a data manager picking a batch to withdraw after an import landed on the catalogue).
    slot = st.empty()
    message = st.session_state.pop("data_flash", None)
    if message:
        slot.success(message, icon=":material/check_circle:")

