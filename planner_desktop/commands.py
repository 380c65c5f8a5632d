"""The headless commands of ``planner-desktop`` (``demo``, ``session``, ``dump``, ``report``,
``xlsx``, ``check``, ``acta``) and the argument parser; :mod:`planner_desktop.cli` sends
here every command line that does not simply open the window.

Command names and behaviour are a contract (DESIGN §5). Exit codes: 0 done, 1 the input
was refused (one line on stderr, nothing written), 2 wrong usage.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from planner_desktop import __version__
from planner_desktop.i18n import LANGUAGES, _, set_language

EXIT_OK, EXIT_REFUSED, EXIT_USAGE = 0, 1, 2

REPORT_KINDS = (
    "attendance-sheet",
    "diagnosis-form",
    "ballot",
    "tally-sheet",
    "pairwise-chart",
    "acta",
    "profile",
    "diagnosis",
    "pdm",
    "poa",
    "progress",
    "self-assessment",
    "actors",
)
XLSX_EXPORT_KINDS = (
    "demands", "priorities", "programming", "poa", "attendance", "template", "plan"
)  # fmt: skip
XLSX_IMPORT_KINDS = ("communities", "demands", "plan")


class Refused(Exception):
    """The input was refused: the message is the one line shown to the person."""


Handler = Callable[[argparse.Namespace], int]


def _add_db(
    parser: argparse.ArgumentParser, *, required: bool = True, upgrade: bool = True
) -> None:
    parser.add_argument(
        "--db",
        required=required,
        metavar="PATH_OR_URL",
        help=_("database file or URL"),
    )
    if upgrade:  # the window asks in a dialog instead
        parser.add_argument(
            "--upgrade-database",
            action="store_true",
            help=_(
                "update an older shared server database (PostgreSQL) to this version;"
                " have it backed up first"
            ),
        )


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="planner-desktop",
        description=_("Participatory municipal planning, offline."),
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    _add_db(parser, required=False, upgrade=False)
    parser.add_argument("--lang", choices=sorted(LANGUAGES), help=_("language of the program"))
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    demo = commands.add_parser("demo", help=_("create a demo municipality"))
    _add_db(demo)
    demo.add_argument("--seed", type=int, default=1, help=_("random seed (same seed, same data)"))
    demo.add_argument(
        "--scale", type=int, default=1, help=_("multiply communities and records")
    )
    demo.set_defaults(handler=_cmd_demo)

    session = commands.add_parser("session", help=_("session files from workshop laptops"))
    session_commands = session.add_subparsers(dest="session_command", metavar="ACTION")
    export = session_commands.add_parser("export", help=_("write a session file"))
    _add_db(export)
    export.add_argument("--out", required=True, metavar="FILE")
    export.add_argument("--event", metavar="ID")
    export.add_argument("--community", metavar="ID")
    export.set_defaults(handler=_delegated(SESSION, "export", "CommandRefused"))
    verify = session_commands.add_parser("verify", help=_("check a session file"))
    verify.add_argument("file", metavar="FILE")
    verify.set_defaults(handler=_delegated(SESSION, "verify", "CommandRefused"))
    merge = session_commands.add_parser("merge", help=_("merge session files"))
    _add_db(merge)
    merge.add_argument("files", nargs="+", metavar="FILE")
    merge.set_defaults(handler=_delegated(SESSION, "merge", "CommandRefused"))
    from planner_desktop.exchange import commands as session_options

    session_options.add_arguments(export, verify, merge)
    session.set_defaults(handler=_needs_action(session))

    dump = commands.add_parser("dump", help=_("canonical JSON of all planning data"))
    _add_db(dump)
    dump.add_argument("--out", metavar="FILE", help=_("write to a file instead of the screen"))
    dump.set_defaults(handler=_cmd_dump)

    report = commands.add_parser("report", help=_("print a document to PDF"))
    report.add_argument("kind", choices=REPORT_KINDS, metavar="KIND")
    _add_db(report)
    report.add_argument("--out", required=True, metavar="FILE.pdf")
    for option in ("--event", "--community", "--project", "--round"):
        report.add_argument(option, metavar="ID")
    report.add_argument("--year", type=int)
    report.add_argument("--paper", choices=("a4", "letter"), default=None)
    report.set_defaults(handler=_delegated(REPORT, "report", "ReportRefused"))

    xlsx = commands.add_parser("xlsx", help=_("spreadsheets in and out"))
    xlsx_commands = xlsx.add_subparsers(dest="xlsx_command", metavar="ACTION")
    xlsx_export = xlsx_commands.add_parser("export", help=_("write a spreadsheet"))
    xlsx_export.add_argument("kind", choices=XLSX_EXPORT_KINDS, metavar="KIND")
    _add_db(xlsx_export)
    xlsx_export.add_argument("--out", required=True, metavar="FILE.xlsx")
    xlsx_export.set_defaults(handler=_delegated(XLSX, "export", "SpreadsheetRefused"))
    xlsx_import = xlsx_commands.add_parser("import", help=_("read a spreadsheet"))
    xlsx_import.add_argument("kind", choices=XLSX_IMPORT_KINDS, metavar="KIND")
    _add_db(xlsx_import)
    xlsx_import.add_argument("file", metavar="FILE.xlsx")
    xlsx_import.set_defaults(handler=_delegated(XLSX, "import", "SpreadsheetRefused"))
    xlsx.set_defaults(handler=_needs_action(xlsx))

    acta = commands.add_parser("acta", help=_("signed actas"))
    acta_commands = acta.add_subparsers(dest="acta_command", metavar="ACTION")
    acta_verify = acta_commands.add_parser(
        "verify", help=_("check an acta's QR text against the data (exit 0 when it matches)"))
    _add_db(acta_verify)
    acta_verify.add_argument("text", metavar="TEXT", help=_("the text of the acta's QR code"))
    acta_verify.set_defaults(handler=_cmd_acta_verify)
    acta.set_defaults(handler=_needs_action(acta))

    check = commands.add_parser("check", help=_("plan coherence and viability findings"))
    _add_db(check)
    check.set_defaults(handler=_cmd_check)
    return parser


SESSION = "planner_desktop.exchange.commands"
XLSX = "planner_desktop.exchange.xlsx.command"
REPORT = "planner_desktop.reports.command"


def _delegated(module: str, action: str, refusal: str) -> Handler:
    """A sub-command implemented as ``cmd_<action>`` in ``module`` (imported when it runs);
    the module's ``refusal`` exception becomes :class:`Refused`."""

    def handler(args: argparse.Namespace) -> int:
        implementation = importlib.import_module(module)
        run: Handler = getattr(implementation, f"cmd_{action}")
        try:
            return run(args)
        except getattr(implementation, refusal) as exc:
            raise Refused(str(exc)) from None

    return handler


def _needs_action(parser: argparse.ArgumentParser) -> Handler:
    def handler(_args: argparse.Namespace) -> int:
        parser.print_usage(sys.stderr)
        return EXIT_USAGE

    return handler


def _cmd_demo(args: argparse.Namespace) -> int:
    from planner_desktop.context import open_database, upgrade_confirmed
    from planner_desktop.demo import generate

    if args.scale < 1 or args.scale > 100:
        raise Refused(_("--scale must be between 1 and 100"))
    store = open_database(args.db, upgrade_server=upgrade_confirmed(args))
    try:
        if not store.is_empty():
            raise Refused(
                _("{db} already holds a municipality; the demo needs an empty database").format(
                    db=store.path or store.url
                )
            )
        with store.raw_session() as session:
            counts = generate(session, seed=args.seed, scale=args.scale)
    finally:
        store.close()
    summary = ", ".join(f"{name}={count}" for name, count in counts.items())
    print(_("demo municipality created: {summary}").format(summary=summary))
    return EXIT_OK


def _cmd_dump(args: argparse.Namespace) -> int:
    from planner_desktop.context import open_database, upgrade_confirmed
    from planner_desktop.exchange.dump import write_dump

    store = open_database(args.db, must_exist=True, upgrade_server=upgrade_confirmed(args))
    try:
        with store.engine.connect() as conn:
            if args.out:
                out_path = Path(args.out)
                tmp = out_path.with_name(out_path.name + ".part")
                try:
                    with tmp.open("w", encoding="utf-8") as out:
                        write_dump(conn, out)
                except OSError as exc:
                    raise Refused(
                        _("cannot write {path}: {reason}").format(path=tmp, reason=exc.strerror)
                    ) from None
                tmp.replace(out_path)
            else:
                write_dump(conn, sys.stdout)
    finally:
        store.close()
    return EXIT_OK


def _cmd_check(args: argparse.Namespace) -> int:
    """One line per rule (a lone finding, or the count and the first few), then a summary;
    exit 0 only when no finding is an error."""
    from planner_desktop.context import open_database, upgrade_confirmed
    from planner_desktop.plan.checks import run_checks
    from planner_desktop.plan.grouping import command_lines

    store = open_database(args.db, must_exist=True, upgrade_server=upgrade_confirmed(args))
    try:
        with store.session() as session:
            report = run_checks(session)
    finally:
        store.close()
    for line in command_lines(report.findings):
        print(line)
    print(
        _("check: {errors} errors, {warnings} warnings, {notes} notes").format(
            errors=report.errors, warnings=report.warnings, notes=report.notes
        )
    )
    return EXIT_OK if report.ok else EXIT_REFUSED


def _cmd_acta_verify(args: argparse.Namespace) -> int:
    from planner_desktop.reports.acta_check import cmd_verify

    return cmd_verify(args)


def _run_window(args: argparse.Namespace) -> int:
    from planner_desktop.ui.app import run

    return run(db=args.db, lang=args.lang)


def main(argv: Sequence[str]) -> int:
    """Run the command line ``argv`` (the window too, for ``--help`` and its kind)."""
    from planner_desktop.store.errors import StoreError

    lang = _language_from(argv)
    if lang is None:
        from planner_desktop import paths
        from planner_desktop.settings import Settings

        lang = Settings.load(paths.config_dir()).get("language")
    set_language(lang if lang in LANGUAGES else "es")
    parser = build_parser()
    args = parser.parse_args(argv)
    handler: Handler = getattr(args, "handler", _run_window)
    try:
        return handler(args)
    except (Refused, StoreError) as exc:
        print(f"planner-desktop: {exc}", file=sys.stderr)
        return EXIT_REFUSED
    except BrokenPipeError:
        # The reader went away (``dump | head``): stop quietly, as the shell expects.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_REFUSED


def _language_from(argv: Sequence[str]) -> str | None:
    """The ``--lang`` value, read before the parser is built so its help is translated."""
    for index, arg in enumerate(argv):
        if arg.startswith("--lang="):
            value = arg.split("=", 1)[1]
            return value if value in LANGUAGES else None
        if arg == "--lang" and index + 1 < len(argv):
            value = argv[index + 1]
            return value if value in LANGUAGES else None
    return None
