"""Command line of the project: ``python -m ascc <command>``; commands are registered in COMMANDS."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from ascc import settings


@dataclass(frozen=True)
class Command:
    """One subcommand: its help line, how it adds its arguments, and what it runs (returns the exit code)."""

    help: str
    add_arguments: Callable[[argparse.ArgumentParser], None]
    run: Callable[[argparse.Namespace], int]


def _demo_data_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--out",
        type=Path,
        default=None,
        help=f"folder to write (default: {settings.DEFAULT_DATA_DIR})",
    )


def _demo_data(args: argparse.Namespace) -> int:
    # Imported here so that other commands do not pay for numpy/pandas start-up.
    from ascc.demo import build_demo

    # Never the dataset in force: under a folder of datasets that is the published statistics.
    out = args.out if args.out is not None else settings.DEFAULT_DATA_DIR
    manifest = build_demo(out)
    print(f"demo dataset {manifest['version']} written to {out}")
    return 0


def _build_public_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--out", type=Path, default=None,
                        help=f"folder to write (default: {settings.PUBLIC_DATA_DIR})")


def _build_public(args: argparse.Namespace) -> int:
    from ascc.public import BuildError, build_public

    out = args.out if args.out is not None else settings.PUBLIC_DATA_DIR
    try:
        manifest = build_public(out)
    except BuildError as exc:
        print(f"build-public: a source table did not import cleanly:\n{exc}", file=sys.stderr)
        return 1
    print(f"public-statistics dataset {manifest['version']} written to {out}")
    return 0


def _export_deck_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--indicator", required=True, help="indicator code, e.g. POV_MD")
    parser.add_argument("--by", choices=("region", "province"), default="region",
                        help="region: national trend, regions compared, regional trends, one ranking per region; "
                        "province: one slide per province of --region, then the region's ranking")
    parser.add_argument("--region", default=None, help="GSO region code (RRD, NMM, NCC, CH, SE, MRD); needed with --by province")
    parser.add_argument("--year", type=int, default=None, help="year of the rankings (default: the latest with data)")
    parser.add_argument("--lang", choices=settings.LANGUAGES, default="vi", help="language of the deck")
    parser.add_argument("--boundary", choices=("34", "63"), default="34", help="provincial boundary set")
    parser.add_argument("--no-map-images", action="store_true", help="never render map pictures (no browser start)")
    parser.add_argument("--out", type=Path, required=True, help="the .pptx file to write")


def _export_deck(args: argparse.Namespace) -> int:
    from ascc.export import cli_run  # python-pptx and pandas only for this command

    return cli_run(args)


def _report_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--lang", choices=settings.LANGUAGES, default="vi", help="language of the report (default vi)")
    parser.add_argument("--year", type=int, default=None, help="figures up to this year (default: the latest)")
    parser.add_argument("--dataset", default=None,
                        help="dataset folder name under the datasets folder, e.g. public or demo (default: the sidebar's default)")
    parser.add_argument("--boundary", choices=("34", "63"), default="34", help="provincial boundary set (default 34)")
    parser.add_argument("--no-charts", action="store_true", help="leave the charts out (no browser start)")
    parser.add_argument("--out", type=Path, required=True, help="the .docx file to write")


def _report(args: argparse.Namespace) -> int:
    from ascc.report import cli_run  # python-docx, pandas and Kaleido only for this command

    return cli_run(args)


def _lang_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--lang", choices=settings.LANGUAGES, default="vi", help="language of messages (default vi)")


def _data_dir_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--data-dir", type=Path, default=None,
                        help=f"dataset folder (default: ${settings.DATA_DIR_ENV} or {settings.DEFAULT_DATA_DIR})")


def _init_dataset_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("dir", type=Path, help="new (or empty) folder for the official dataset")
    parser.add_argument("--from", dest="source", type=Path, default=None,
                        help=f"copy the reference tables from this dataset (default: {settings.DEFAULT_DATA_DIR}; "
                        "rebuilt by ascc.reference when absent)")
    _lang_argument(parser)


def _import_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", type=Path, help="CSV (UTF-8, UTF-16, Windows-1258) or Excel .xlsx file")
    parser.add_argument("--indicator", help="indicator code, for yearbook tables or files without an indicator column")
    parser.add_argument("--year", type=int, help="year, for files without a year column; or the one year to take from a table")
    parser.add_argument("--item", help="the item of a table with several a year (\"Average population\"; case, spacing and "
                        "diacritics ignored, a unique prefix is enough; default: the total item)")
    parser.add_argument("--sheet", help="sheet of an Excel file (default: the sheet it opens on, else the first visible one; hidden sheets only by name)")
    parser.add_argument("--dry-run", action="store_true", help="check and preview only; write nothing")
    parser.add_argument("--valid-only", action="store_true", help="import the valid rows even when others have errors")
    parser.add_argument("--who", help="who imports (default: cli:<user name>)")
    _lang_argument(parser)
    _data_dir_argument(parser)


def _rollback_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("batch", help="id of the batch to withdraw (see: python -m ascc batches)")
    parser.add_argument("--note", default="", help="why the batch is withdrawn")
    parser.add_argument("--who", help="who withdraws it (default: cli:<user name>)")
    _lang_argument(parser)
    _data_dir_argument(parser)


def _batches_arguments(parser: argparse.ArgumentParser) -> None:
    _lang_argument(parser)
    _data_dir_argument(parser)


def _table_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("action", choices=("import", "export"),
                        help="import: check FILE and commit it as one batch; export: write the table in force to FILE")
    parser.add_argument("file", type=Path, help="CSV (UTF-8, UTF-16, Windows-1258) or Excel .xlsx file; "
                        "export writes CSV or XLSX by the extension")
    parser.add_argument("--sheet", help="sheet of an Excel file to import (default: the sheet it opens on, else the first visible one)")
    parser.add_argument("--dry-run", action="store_true", help="check and preview only; write nothing")
    parser.add_argument("--who", help="who imports (default: cli:<user name>)")
    _lang_argument(parser)
    _data_dir_argument(parser)


def _weights_arguments(parser: argparse.ArgumentParser) -> None:
    _table_arguments(parser)
    parser.add_argument("--derive-new", action="store_true",
                        help="for each kind and year, give a new province the file has no weight for the sum of its "
                        "former provinces' weights, when the file has every one of them")


def _weights(args: argparse.Namespace) -> int:
    from ascc import weights  # pandas and openpyxl only for this command

    return weights.cli_command(args)


def _catalogue_command(table: str) -> Callable[[argparse.Namespace], int]:
    def run(args: argparse.Namespace) -> int:
        from ascc import catalogue  # pandas and openpyxl only for these commands

        return catalogue.cli_command(table)(args)

    return run


def _ingest_command(name: str) -> Callable[[argparse.Namespace], int]:
    def run(args: argparse.Namespace) -> int:
        from ascc import ingest  # pandas and openpyxl only for these commands

        return getattr(ingest, name)(args)

    return run


# Name -> command. To add one, define its two functions and add an entry here.
COMMANDS: dict[str, Command] = {
    "demo-data": Command(
        help="regenerate the simulated demo dataset (byte-identical on every run)",
        add_arguments=_demo_data_arguments,
        run=_demo_data,
    ),
    "build-public": Command(
        help="build the public-statistics dataset from the NSO tables in data/sources/nso (byte-identical)",
        add_arguments=_build_public_arguments,
        run=_build_public,
    ),
    "export-deck": Command(
        help="build a PowerPoint deck (.pptx) for one indicator, by region or by province of a region",
        add_arguments=_export_deck_arguments,
        run=_export_deck,
    ),
    "report": Command(
        help="build the report to the Prime Minister (.docx, Vietnamese or English) from a dataset",
        add_arguments=_report_arguments,
        run=_report,
    ),
    "init-dataset": Command(
        help="create an empty official dataset (reference tables, no results) to import real figures into",
        add_arguments=_init_dataset_arguments,
        run=_ingest_command("cli_init_dataset"),
    ),
    "import": Command(
        help="check a CSV/Excel file and import its figures as one batch (all or nothing)",
        add_arguments=_import_arguments,
        run=_ingest_command("cli_import"),
    ),
    "batches": Command(
        help="list the import batches of a dataset",
        add_arguments=_batches_arguments,
        run=_ingest_command("cli_batches"),
    ),
    "rollback": Command(
        help="withdraw a batch: its figures disappear and earlier values reappear (nothing is deleted)",
        add_arguments=_rollback_arguments,
        run=_ingest_command("cli_rollback"),
    ),
    "indicators": Command(
        help="import the indicator catalogue from a CSV/Excel file (new and changed indicators, one batch), "
        "or export it as a template",
        add_arguments=_table_arguments,
        run=_catalogue_command("indicators"),
    ),
    "targets": Command(
        help="import targets with their citations from a CSV/Excel file (one batch), or export them",
        add_arguments=_table_arguments,
        run=_catalogue_command("targets"),
    ),
    "weights": Command(
        help="import reference weights (population, households ... per province and year) from a CSV/Excel file "
        "(one batch), or export them",
        add_arguments=_weights_arguments,
        run=_weights,
    ),
    "serve": Command(
        help="serve many users: N app processes behind nginx with sticky sessions (python3 tasks.py serve)",
        add_arguments=lambda parser: __import__("ascc.serve", fromlist=["add_arguments"]).add_arguments(parser),
        run=lambda args: __import__("ascc.serve", fromlist=["main"]).main(args),
    ),
    "warm": Command(
        help="compute the aggregates of every dataset once (before app processes start; they read them)",
        add_arguments=lambda parser: None,
        run=lambda args: __import__("ascc.serve", fromlist=["warm"]).warm() or 0,
    ),
    # The benchmark lives in tools/ (it drives Streamlit); imported only when the command runs.
    "bench": Command(
        help="measure page runs, queries, payload and memory at province, commune and 10x scale",
        add_arguments=lambda parser: __import__("tools.bench", fromlist=["add_arguments"]).add_arguments(parser),
        run=lambda args: __import__("tools.bench", fromlist=["main"]).main(args),
    ),
}


def build_parser() -> argparse.ArgumentParser:
    """The argument parser with one subparser per registered command."""
    parser = argparse.ArgumentParser(
        prog="python -m ascc", description="Commands of the Project 161 dashboard."
    )
    subparsers = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for name, command in COMMANDS.items():
        sub = subparsers.add_parser(name, help=command.help, description=command.help)
        command.add_arguments(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    """Parse ``argv`` (default: sys.argv[1:]) and run the chosen command."""
    args = build_parser().parse_args(argv)
    return COMMANDS[args.command].run(args)


if __name__ == "__main__":
    sys.exit(main())
