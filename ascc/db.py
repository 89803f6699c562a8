"""The one query runner: named .sql files over DuckDB views of the dataset, with a bounded cache."""

from __future__ import annotations

import contextlib
import fcntl
import functools
import hashlib
import os
import re
import shutil
import tempfile
import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import duckdb
import pandas as pd
import pyarrow as pa

from ascc import dataset, schema, settings

_PARAM_RE = re.compile(r"\$([A-Za-z_][A-Za-z0-9_]*)")
_LINE_COMMENT_RE = re.compile(r"--[^\n]*")
_STRING_RE = re.compile(r"'(?:[^']|'')*'")


class QueryError(ValueError):
    """A query was asked for with a wrong name or wrong parameters."""


@dataclass(frozen=True)
class DatasetInfo:
    """What the app needs to know about the dataset in force."""

    data_dir: Path
    version: str
    kind: str
    manifest: dict

    @property
    def is_demo(self) -> bool:
        return self.kind == "demo"

    @property
    def is_bundled(self) -> bool:
        """A dataset shipped with the app and rebuilt from its sources (never imported into)."""
        return self.is_demo or bool(self.manifest.get("bundled"))


# --- SQL files -------------------------------------------------------------------------------


def query_path(name: str) -> Path:
    """The file of a named query; names are plain identifiers, never paths."""
    if not re.fullmatch(r"[a-z][a-z0-9_]*(/[a-z][a-z0-9_]*)?", name):
        raise QueryError(f"invalid query name {name!r}")
    path = settings.QUERIES_DIR / f"{name}.sql"
    if not path.is_file():
        raise QueryError(f"no query named {name!r} (looked for {path})")
    return path


_sql_cache: dict[str, tuple[int, str, frozenset[str]]] = {}


def load_query(name: str) -> tuple[str, frozenset[str]]:
    """SQL text of a query and the set of its $parameters (comments and strings ignored)."""
    path = query_path(name)
    mtime = path.stat().st_mtime_ns
    cached = _sql_cache.get(name)
    if cached and cached[0] == mtime:
        return cached[1], cached[2]
    sql = path.read_text(encoding="utf-8")
    stripped = _STRING_RE.sub("''", _LINE_COMMENT_RE.sub("", sql))
    names = frozenset(_PARAM_RE.findall(stripped))
    _sql_cache[name] = (mtime, sql, names)
    return sql, names


def query_names() -> list[str]:
    """Every query under queries/ (checks as ``checks/<name>``); view definitions are not queries."""
    root = settings.QUERIES_DIR
    return sorted(
        str(p.relative_to(root).with_suffix("")) for p in root.rglob("*.sql") if p.parent.name != "views"
    )


# --- the connection ----------------------------------------------------------------------------

_lock = threading.Lock()
_connections: dict[Path, tuple[str, duckdb.DuckDBPyConnection]] = {}


def _sql_literal(path: Path) -> str:
    # Paths come from settings, never from a widget; quoting keeps odd folder names working.
    return "'" + str(path).replace("'", "''") + "'"


def _empty_select(table_schema, extra: str = "") -> str:
    cols = ", ".join(f"cast(null as {_duck_type(f.type)}) as {f.name}" for f in table_schema)
    return f"select {cols}{extra} where false"


def _duck_type(pa_type) -> str:
    if pa.types.is_string(pa_type):
        return "varchar"
    if pa.types.is_floating(pa_type):
        return "double"
    if pa.types.is_int8(pa_type) or pa.types.is_int16(pa_type):
        return "smallint"
    if pa.types.is_integer(pa_type):
        return "bigint"
    if pa.types.is_boolean(pa_type):
        return "boolean"
    if pa.types.is_date(pa_type):
        return "date"
    if pa.types.is_list(pa_type):
        return "struct(year smallint, reason_vi varchar, reason_en varchar)[]"
    raise TypeError(pa_type)


def _result_files(data_dir: Path) -> list[Path]:
    return sorted((data_dir / "results").glob("year=*/*.parquet"))


def _result_stats(data_dir: Path) -> list[str]:
    # os.scandir rather than Path.glob: this runs for every query, and at 10x scale the folder holds
    # hundreds of files (half the time of a glob).
    parts: list[str] = []
    try:
        with os.scandir(data_dir / "results") as entries:
            years = sorted(e.name for e in entries if e.name.startswith("year=") and e.is_dir())
    except FileNotFoundError:
        return parts
    for year in years:
        with os.scandir(data_dir / "results" / year) as entries:
            for entry in sorted(entries, key=lambda e: e.name):
                if entry.name.endswith(".parquet"):
                    st = entry.stat()
                    parts.append(f"{year}/{entry.name}:{st.st_size}:{st.st_mtime_ns}")
    return parts


_versions: dict[str, tuple[int, float, str]] = {}


def dataset_version(data_dir: Path | None = None) -> str:
    """A cheap fingerprint of the dataset: changes when any table or result file changes.

    Remembered for settings.VERSION_TTL_S seconds, or until this process writes to a dataset.
    """
    data_dir = data_dir or settings.data_dir()
    key, now, gen = str(data_dir), time.monotonic(), dataset.generation()
    hit = _versions.get(key)
    if hit is not None and hit[0] == gen and now - hit[1] < settings.VERSION_TTL_S:
        return hit[2]
    version = _fingerprint(data_dir)
    _versions[key] = (gen, now, version)
    return version


def _fingerprint(data_dir: Path) -> str:
    parts = []
    for name, (file_name, _) in schema.TABLES.items():
        path = data_dir / file_name
        if name == "results":
            parts.extend(_result_stats(data_dir))
        elif path.exists():
            st = path.stat()
            # The inode too: the batch log is replaced (os.replace) on each entry, possibly within one
            # tick of the file-system clock.
            parts.append(f"{file_name}:{st.st_size}:{st.st_mtime_ns}:{st.st_ino}")
    manifest = data_dir / schema.MANIFEST_FILE
    if manifest.exists():
        parts.append(f"manifest:{manifest.stat().st_mtime_ns}")
    return hashlib.sha256("|".join(parts).encode()).hexdigest()[:16]


def _connect(data_dir: Path, version: str) -> duckdb.DuckDBPyConnection:
    con = _define_views(data_dir)
    try:
        materialise(con, data_dir, version)
    except OSError:
        # No cache folder can be written (read-only home, full disk): compute them into memory.
        con.close()
        con = _define_views(data_dir)
        for name in MATERIALISED:
            con.execute(f"create table _m_{name} as select * from {name}")
            _replace(con, name, f"select * from _m_{name}", as_table=True)
            con.execute(f"drop table _m_{name}")
    _load_reference_tables(con, data_dir)
    return con


def _load_reference_tables(con: duckdb.DuckDBPyConnection, data_dir: Path) -> None:
    """Hold the small tables (areas, indicators, targets, ...) in memory for this version.

    As views, every question that joins them opened and decoded their Parquet files again: a third to
    two thirds of the time of the Regions and Overview questions (docs/benchmark.md). They are a few
    thousand rows; the connection is rebuilt when any of their files changes (dataset_version).
    """
    for name, (file_name, _) in schema.TABLES.items():
        path = data_dir / file_name
        if name != "results" and path.exists():
            _replace(con, name, f"select * from read_parquet({_sql_literal(path)})", as_table=True)


def _define_views(data_dir: Path) -> duckdb.DuckDBPyConnection:
    """A connection with a view per table and the shared views of queries/views (nothing computed yet)."""
    con = duckdb.connect(":memory:", config={"memory_limit": settings.DUCKDB_MEMORY_LIMIT})
    con.execute(f"set temp_directory = {_sql_literal(Path(tempfile.gettempdir()) / 'ascc-duckdb-spill')}")
    for name, (file_name, table_schema) in schema.TABLES.items():
        path = data_dir / file_name
        if name == "results":
            if _result_files(data_dir):
                glob = _sql_literal(data_dir / "results" / "year=*" / "*.parquet")
                source = f"select * from read_parquet({glob}, hive_partitioning = true, union_by_name = true)"
            else:
                source = _empty_select(table_schema, extra=", cast(null as bigint) as year")
            con.execute(f"create view results_all as {source}")
            # A dataset with a batch log (see ascc.batches) shows only the files of batches the log
            # records as committed and not withdrawn: files of an import that crashed before its log
            # entry stay invisible, so no query ever sees half a batch. Without a log (the bundled
            # demo, test fixtures) every file is visible.
            logged = (data_dir / schema.TABLES["batches"][0]).exists()
            visible = (
                "where c.seq is not null and not exists (select 1 from batches w"
                " where w.status = 'withdrawn' and w.batch_id = r.batch_id)"
                if logged
                else ""
            )
            # For each indicator x area x year x breakdown the latest visible batch wins (log order,
            # then batch id); older rows stay on disk as history and reappear when a batch is withdrawn.
            con.execute(
                "create view results_latest as select * exclude (_rn, _seq) from ("
                " select r.*, coalesce(c.seq, 0) as _seq, row_number() over ("
                "  partition by r.indicator_code, r.area_id, r.year, r.breakdown"
                "  order by coalesce(c.seq, 0) desc, r.batch_id desc) as _rn"
                " from results_all r"
                " left join (select batch_id, min(seq) as seq from batches where status = 'committed'"
                "  group by batch_id) c on c.batch_id = r.batch_id"
                f" {visible}) where _rn = 1"
            )
            # `results` holds the province, region and national rows; commune rows (ids starting with C,
            # data/demo/README.md) are read through commune_results only, so province questions never scan them.
            con.execute("create view results as select * from results_latest where not starts_with(area_id, 'C')")
        elif path.exists():
            con.execute(f"create view {name} as select * from read_parquet({_sql_literal(path)})")
        else:
            con.execute(f"create view {name} as {_empty_select(table_schema)}")
    # Derived views shared by several questions (the boundary-change rebuild, aggregates), in order.
    for view_file in view_files():
        con.execute(view_file.read_text(encoding="utf-8"))
    return con


# --- materialised aggregates -------------------------------------------------------------------
#
# The views above are the rules; computing them on every query would rebuild the 34-province history
# and rescan every result file (millions of rows at commune level) each time a page asks a question.
# They are computed once per dataset version instead, written as Parquet to a cache folder keyed by the
# dataset version and the SQL of the views, and every later connection (a new server process, a
# restart) reads them from there. Small tables are loaded into DuckDB's memory; commune_results stays
# on disk, sorted by indicator and province so a question about one province reads a few row groups.

MATERIALISED = ("results", "province_results", "region_results", "commune_results", "commune_years")
ON_DISK = {"commune_results": "indicator_code, province_id, year, area_id"}
_CACHE_FORMAT = "1"
_DONE = "complete"


def _cache_folder(data_dir: Path, version: str) -> Path:
    digest = hashlib.sha256(_CACHE_FORMAT.encode())
    for view_file in view_files():
        digest.update(view_file.read_bytes())
    digest.update(version.encode())
    place = hashlib.sha256(str(data_dir).encode()).hexdigest()[:12]
    return settings.cache_dir() / place / f"{version}-{digest.hexdigest()[:12]}"


def _kind(con: duckdb.DuckDBPyConnection, name: str) -> str | None:
    row = con.execute("select table_type from information_schema.tables where table_name = ?", [name]).fetchone()
    return None if row is None else ("view" if row[0] == "VIEW" else "table")


def _replace(con: duckdb.DuckDBPyConnection, name: str, select: str, as_table: bool) -> None:
    # DuckDB binds views by name when a query runs, so views built on `name` read the replacement.
    kind = _kind(con, name)
    if kind == "view":
        con.execute(f"drop view {name}")
    elif kind == "table":
        con.execute(f"drop table {name}")
    con.execute(f"create {'table' if as_table else 'view'} {name} as {select}")


def _attach(con: duckdb.DuckDBPyConnection, folder: Path) -> None:
    for name in MATERIALISED:
        parquet = f"select * from read_parquet({_sql_literal(folder / f'{name}.parquet')})"
        _replace(con, name, parquet, as_table=name not in ON_DISK)


def _build(con: duckdb.DuckDBPyConnection, folder: Path) -> None:
    """Compute every materialised view into ``folder`` (atomically: a finished folder or none)."""
    tmp = folder.with_name(f"{folder.name}.tmp-{os.getpid()}-{threading.get_ident()}")
    shutil.rmtree(tmp, ignore_errors=True)
    tmp.mkdir(parents=True)
    try:
        for name in MATERIALISED:
            target = tmp / f"{name}.parquet"
            order = f" order by {ON_DISK[name]}" if name in ON_DISK else ""
            con.execute(
                f"copy (select * from {name}{order}) to {_sql_literal(target)}"
                " (format parquet, compression zstd, row_group_size 8192)"
            )
            # Later views read this one from the file, not by computing it again.
            _replace(con, name, f"select * from read_parquet({_sql_literal(target)})", as_table=name not in ON_DISK)
        (tmp / _DONE).write_text(time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()))
        try:
            os.rename(tmp, folder)
        except OSError:  # another process finished the same version first: its copy is as good
            shutil.rmtree(tmp, ignore_errors=True)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise


def _prune(folder: Path, keep_s: float = 600) -> None:
    # Older versions of this dataset (and their lock files), unless recent: another process may still read them.
    now = time.time()
    for other in folder.parent.iterdir():
        with contextlib.suppress(FileNotFoundError):  # another process pruned it first
            if other in (folder, _lock_path(folder)) or now - other.stat().st_mtime <= keep_s:
                continue
            if other.is_dir():
                shutil.rmtree(other, ignore_errors=True)
            else:
                other.unlink()


def _lock_path(folder: Path) -> Path:
    return folder.with_name(folder.name + ".lock")


@contextlib.contextmanager
def _build_lock(folder: Path):
    """Hold the lock on computing ``folder``: several server processes (replicas behind a load balancer,
    the importer) that meet a new dataset version at the same moment compute it once; the others wait
    for that copy and read it."""
    fd = os.open(_lock_path(folder), os.O_RDWR | os.O_CREAT, 0o644)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(fd, fcntl.LOCK_UN)
    finally:
        os.close(fd)


def materialise(con: duckdb.DuckDBPyConnection, data_dir: Path, version: str) -> None:
    """Replace the MATERIALISED views of ``con`` by their values for this dataset version.

    Read from the cache folder when an earlier process computed them; otherwise computed now and
    written there. Raises OSError when the folder cannot be written (the caller then computes them in
    memory).
    """
    folder = _cache_folder(data_dir, version)
    if not (folder / _DONE).exists():
        folder.parent.mkdir(parents=True, exist_ok=True)
        with _build_lock(folder):
            if not (folder / _DONE).exists():  # another process may have finished it while we waited
                _build(con, folder)
    _attach(con, folder)
    _prune(folder)


def computed_once(name: str, code: tuple[Path, ...], compute: Callable[[], pd.DataFrame]) -> pd.DataFrame:
    """A frame computed once per dataset version for every process that reads the dataset.

    Kept beside the version's aggregates as ``frames/<name>-<digest>.pickle``, where the digest covers
    the ``code`` files that compute it (a new release never reads a frame its predecessor computed).
    The first process to need it computes it under a lock and writes it; replicas that need it at the
    same moment wait for that copy. Pickle keeps the frame exactly as computed (dtypes, None); the files
    are written by this application into its own cache folder. Without a writable cache folder the
    frame is computed in this process.
    """
    data_dir = settings.data_dir().resolve()
    # The version's aggregates first: their folder must be complete before frames are put in it.
    version, _ = connection(data_dir)
    path = _cache_folder(data_dir, version) / "frames" / f"{name}-{_code_digest(code)}.pickle"
    try:
        if not path.exists():
            path.parent.mkdir(parents=True, exist_ok=True)
            with _build_lock(path):
                if not path.exists():
                    frame = compute()
                    tmp = path.with_name(f"{path.name}.tmp-{os.getpid()}-{threading.get_ident()}")
                    frame.to_pickle(tmp)
                    os.replace(tmp, path)
                    return frame
        return pd.read_pickle(path)
    except OSError:
        return compute()


@functools.cache
def _code_digest(code: tuple[Path, ...]) -> str:
    digest = hashlib.sha256()
    for path in code:
        digest.update(Path(path).read_bytes())
    return digest.hexdigest()[:12]


def view_files() -> list[Path]:
    """The SQL files under queries/views/ that define shared views, in the order they are created."""
    return sorted((settings.QUERIES_DIR / "views").glob("*.sql"))


def connection(data_dir: Path | None = None) -> tuple[str, duckdb.DuckDBPyConnection]:
    """The cached connection for a dataset folder and its version (rebuilt when the data changes)."""
    data_dir = (data_dir or settings.data_dir()).resolve()
    version = dataset_version(data_dir)
    with _lock:
        cached = _connections.get(data_dir)
        if cached and cached[0] == version:
            return cached
        if cached:
            # Other threads may still hold cursors of the old connection; let it be collected.
            _connections.pop(data_dir, None)
        con = _connect(data_dir, version)
        _connections[data_dir] = (version, con)
        return version, con


_infos: dict[tuple[Path, str], DatasetInfo] = {}


def dataset_info(data_dir: Path | None = None) -> DatasetInfo:
    """Manifest, kind and version of the dataset in force (the manifest read once per version)."""
    data_dir = settings.data_dir() if data_dir is None else data_dir.resolve()
    version = dataset_version(data_dir)
    info = _infos.get((data_dir, version))
    if info is None:
        manifest = dataset.read_manifest(data_dir)
        info = DatasetInfo(data_dir, version, manifest.get("kind", "official"), manifest)
        if len(_infos) > 64:
            _infos.clear()
        _infos[(data_dir, version)] = info
    return info


# --- running queries ---------------------------------------------------------------------------

_cache: OrderedDict[tuple, pd.DataFrame] = OrderedDict()
_cache_lock = threading.Lock()


def _freeze(value):
    if isinstance(value, list | tuple):
        return tuple(_freeze(v) for v in value)
    return value


def check_params(name: str, params: dict) -> str:
    """The query's SQL, after checking that the given names equal its placeholders."""
    sql, expected = load_query(name)
    given = set(params)
    missing, extra = sorted(expected - given), sorted(given - expected)
    if missing or extra:
        raise QueryError(f"query {name!r}: missing parameters {missing}, unexpected parameters {extra}")
    return sql


def run_query(name: str, **params) -> pd.DataFrame:
    """Run a named query with named parameters; results are cached by (name, params, data version)."""
    sql = check_params(name, params)
    data_dir = settings.data_dir()
    version, con = connection(data_dir)
    key = (name, tuple(sorted((k, _freeze(v)) for k, v in params.items())), str(data_dir), version)
    with _cache_lock:
        hit = _cache.get(key)
        if hit is not None:
            _cache.move_to_end(key)
            return hit.copy(deep=False)
    with _lock:
        cur = con.cursor()
    try:
        df = cur.execute(sql, {k: (list(v) if isinstance(v, tuple) else v) for k, v in params.items()}).df()
    finally:
        cur.close()
    with _cache_lock:
        _cache[key] = df
        while len(_cache) > settings.QUERY_CACHE_ENTRIES:
            _cache.popitem(last=False)
    return df.copy(deep=False)


def explain(name: str) -> str:
    """EXPLAIN a query with every parameter bound to NULL: proves it compiles against the views."""
    sql, names = load_query(name)
    _, con = connection()
    with _lock:
        cur = con.cursor()
    try:
        rows = cur.execute("explain " + sql, {n: None for n in names}).fetchall()
    finally:
        cur.close()
    return "\n".join(str(r[-1]) for r in rows)


def clear_cache() -> None:
    """Drop cached results and connections (tests switch datasets)."""
    with _cache_lock:
        _cache.clear()
    with _lock:
        _connections.clear()
    _versions.clear()
    _infos.clear()
