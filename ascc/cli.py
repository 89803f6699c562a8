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
        help=f"folder to write (default: ${settings.DATA_DIR_ENV} or {settings.DEFAULT_DATA_DIR})",
    )


def _demo_data(args: argparse.Namespace) -> int:
    # Imported here so that other commands do not pay for numpy/pandas start-up.
    from ascc.demo import build_demo

    out = args.out if args.out is not None else settings.data_dir()
    manifest = build_demo(out)
    print(f"demo dataset {manifest['version']} written to {out}")
    return 0


# Name -> command. To add one, define its two functions and add an entry here.
COMMANDS: dict[str, Command] = {
    "demo-data": Command(
        help="regenerate the simulated demo dataset (byte-identical on every run)",
        add_arguments=_demo_data_arguments,
        run=_demo_data,
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
