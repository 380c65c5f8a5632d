"""The headless commands of ``planner-desktop`` (``demo``, ``session``, ``dump``, ``report``,
``xlsx``, ``check``, ``acta``) and the argument parser; :mod:`planner_desktop.cli` sends
here every command line that does not simply open the window.

Command names and behaviour are a contract (DESIGN §5). Exit codes: 0 done, 1 the input
was refused (one line on stderr, nothing written), 2 wrong usage.
"""

from __future__ import annotations

import argparse
import gc
import importlib
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TypeAlias

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
    "acta-proofs",
)
XLSX_EXPORT_KINDS = (
    "demands", "priorities", "programming", "poa", "attendance", "template", "plan"
)  # fmt: skip
XLSX_IMPORT_KINDS = ("communities", "demands", "plan")


class Refused(Exception):
    """The input was refused: the message is the one line shown to the person."""


_collector_paused = False


def started(*modules: str) -> None:
    """The command has loaded what it works with: import ``modules`` too, then let the
    cyclic garbage collector run again, over the objects made from now on only.

    A command run as its own process (:func:`main` with ``own_process``) starts with the
    collector paused: importing SQLAlchemy, the domain models, reportlab or openpyxl makes
    objects that live as long as the process, and the collector's passes over them found
    next to nothing yet cost a fifth of a short command (``bench/commands.py``). They are
    frozen out of later passes (``gc.freeze``), so a long command (a merge, a big export)
    still collects its own garbage. Does nothing in any other process (tests, the window).
    """
    global _collector_paused
    if not _collector_paused:
        return
    for module in modules:
        importlib.import_module(module)
    _collector_paused = False
    gc.freeze()
    gc.enable()


def _pause_collector() -> None:
    global _collector_paused
    if gc.isenabled():
        gc.disable()
        _collector_paused = True


def _resume_collector() -> None:
    """The collector runs again when a command ends without :func:`started` (a refusal,
    ``--help``)."""
    global _collector_paused
    if _collector_paused:
        _collector_paused = False
        gc.enable()


Handler = Callable[[argparse.Namespace], int]
Commands: TypeAlias = "argparse._SubParsersAction[argparse.ArgumentParser]"


def _add_db(
    parser: argparse.ArgumentParser, *, required: bool = True, upgrade: bool = True
) -> None:
    parser.add_argument(
        "--db",
        required=required,
        metavar=_("PATH_OR_URL"),
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


def _command(
    commands: Commands,
    name: str,
    summary: str,
    description: str,
) -> argparse.ArgumentParser:
    """A sub-command: ``summary`` is its line in the list of its parent's ``--help``,
    ``description`` opens its own."""
    return commands.add_parser(name, help=summary, description=description)


def _actions(parser: argparse.ArgumentParser, dest: str, summary: str) -> Commands:
    """The sub-commands of ``parser``; one of them must be given (wrong usage otherwise)."""
    return parser.add_subparsers(
        dest=dest,
        metavar=_("ACTION"),
        required=True,
        help=summary,
    )


def _kinds(kinds: Sequence[str]) -> str:
    return ", ".join(kinds)


def build_parser() -> argparse.ArgumentParser:
    """The whole command line, in the current language (argparse's own words included)."""
    from planner_desktop import cli_text

    cli_text.install()
    parser = argparse.ArgumentParser(
        prog="planner-desktop",
        description=_(
            "Participatory municipal planning, offline. With no command, opens the window."
        ),
    )
    parser.add_argument(
        "--version",
        action="version",
        version=f"%(prog)s {__version__}",
        help=_("show the program's version and exit"),
    )
    _add_db(parser, required=False, upgrade=False)
    parser.add_argument("--lang", choices=sorted(LANGUAGES), help=_("language of the program"))
    commands = parser.add_subparsers(
        dest="command",
        metavar=_("COMMAND"),
        help=_("what to do without the window (each has its own --help)"),
    )

    demo = _command(
        commands,
        "demo",
        _("create a demo municipality"),
        _(
            "Fill an empty database with a realistic demo municipality; the same seed gives "
            "the same data."
        ),
    )
    _add_db(demo)
    demo.add_argument(
        "--seed", type=int, default=1, metavar="N", help=_("random seed (same seed, same data)")
    )
    demo.add_argument(
        "--scale",
        type=int,
        default=1,
        metavar="N",
        help=_("multiply communities and records (1 to 100)"),
    )
    demo.set_defaults(handler=_cmd_demo)

    session = _command(
        commands,
        "session",
        _("session files from workshop laptops"),
        _(
            "Session files (.cumbre) carry what a workshop laptop captured to the planning "
            "office: write one, check one, merge them."
        ),
    )
    session_commands = _actions(session, "session_command", _("what to do with session files"))
    export = _command(
        session_commands,
        "export",
        _("write a session file"),
        _(
            "Write a signed session file with the records chosen (everything when no scope "
            "is given) and print this laptop's key fingerprint."
        ),
    )
    _add_db(export)
    export.add_argument(
        "--out", required=True, metavar=_("FILE"), help=_("the session file to write (.cumbre)")
    )
    export.add_argument("--event", metavar="ID", help=_("only what belongs to this event"))
    export.add_argument("--community", metavar="ID", help=_("only what belongs to this community"))
    export.set_defaults(handler=_delegated(SESSION, "export", "CommandRefused"))
    verify = _command(
        session_commands,
        "verify",
        _("check a session file"),
        _(
            "Check a session file as a merge would, writing nothing: its structure, hashes "
            "and signature, every record against the value rules and every reference (with "
            "--db, also against that database and its trusted keys). Exit 0 when a merge "
            "would take it, otherwise 1 and one line saying why."
        ),
    )
    verify.add_argument("file", metavar=_("FILE"), help=_("the session file to check"))
    verify.set_defaults(handler=_delegated(SESSION, "verify", "CommandRefused"))
    merge = _command(
        session_commands,
        "merge",
        _("merge session files"),
        _(
            "Merge session files into the database, one transaction per file; prints a line "
            "per file and the total added=N updated=N unchanged=N conflicts=N rejected=N."
        ),
    )
    _add_db(merge)
    merge.add_argument(
        "files", nargs="+", metavar=_("FILE"), help=_("the session files to merge (.cumbre)")
    )
    merge.set_defaults(handler=_delegated(SESSION, "merge", "CommandRefused"))
    from planner_desktop.exchange import commands as session_options

    session_options.add_arguments(export, verify, merge)

    dump = _command(
        commands,
        "dump",
        _("canonical JSON of all planning data"),
        _(
            "Write all planning data as canonical JSON (stable order, no local-only ids), "
            "to compare two databases."
        ),
    )
    _add_db(dump)
    dump.add_argument("--out", metavar=_("FILE"), help=_("write to a file instead of the screen"))
    dump.set_defaults(handler=_cmd_dump)

    report = _command(
        commands,
        "report",
        _("print a document to PDF"),
        _(
            "Print a document to a PDF file. Each kind reads the options it needs and "
            "refuses, writing nothing, when one is missing."
        ),
    )
    report.add_argument(
        "kind",
        choices=REPORT_KINDS,
        metavar=_("KIND"),
        help=_("the document: {kinds}").format(kinds=_kinds(REPORT_KINDS)),
    )
    _add_db(report)
    report.add_argument(
        "--out", required=True, metavar=_("FILE.pdf"), help=_("the PDF file to write")
    )
    report.add_argument(
        "--event",
        metavar="ID",
        help=_(
            "the event (attendance-sheet, acta; its rounds for ballot, tally-sheet, pairwise-chart)"
        ),
    )
    report.add_argument(
        "--community",
        metavar=_("ID_OR_CODE"),
        help=_(
            "the community (diagnosis-form; its rounds for ballot, tally-sheet, pairwise-chart)"
        ),
    )
    report.add_argument(
        "--project", metavar=_("ID_OR_CODE"), help=_("the project profile (profile)")
    )
    report.add_argument(
        "--round",
        metavar="ID",
        help=_("one prioritisation round (ballot, tally-sheet, pairwise-chart)"),
    )
    report.add_argument(
        "--year",
        type=int,
        metavar=_("YEAR"),
        help=_("the fiscal year (poa: the latest when left out; progress: every year)"),
    )
    report.add_argument(
        "--paper",
        choices=("a4", "letter"),
        default=None,
        help=_("paper size (the one chosen in the window's settings when left out)"),
    )
    report.set_defaults(handler=_delegated(REPORT, "report", "ReportRefused"))

    xlsx = _command(
        commands,
        "xlsx",
        _("spreadsheets in and out"),
        _(
            "Write spreadsheets for the office, or read them back; an import checks the "
            "whole file first and writes nothing when a cell is wrong."
        ),
    )
    xlsx_commands = _actions(xlsx, "xlsx_command", _("export or import"))
    xlsx_export = _command(
        xlsx_commands,
        "export",
        _("write a spreadsheet"),
        _("Write a spreadsheet (.xlsx) of the database's data."),
    )
    xlsx_export.add_argument(
        "kind",
        choices=XLSX_EXPORT_KINDS,
        metavar=_("KIND"),
        help=_("what to write: {kinds}").format(kinds=_kinds(XLSX_EXPORT_KINDS)),
    )
    _add_db(xlsx_export)
    xlsx_export.add_argument(
        "--out", required=True, metavar=_("FILE.xlsx"), help=_("the spreadsheet to write")
    )
    xlsx_export.set_defaults(handler=_delegated(XLSX, "export", "SpreadsheetRefused"))
    xlsx_import = _command(
        xlsx_commands,
        "import",
        _("read a spreadsheet"),
        _(
            "Read a spreadsheet into the database: all of it, or nothing and one line naming "
            "the sheet, row and column that is wrong."
        ),
    )
    xlsx_import.add_argument(
        "kind",
        choices=XLSX_IMPORT_KINDS,
        metavar=_("KIND"),
        help=_("what to read: {kinds}").format(kinds=_kinds(XLSX_IMPORT_KINDS)),
    )
    _add_db(xlsx_import)
    xlsx_import.add_argument("file", metavar=_("FILE.xlsx"), help=_("the spreadsheet to read"))
    xlsx_import.set_defaults(handler=_delegated(XLSX, "import", "SpreadsheetRefused"))

    acta = _command(
        commands,
        "acta",
        _("signed actas"),
        _("Check a signed acta against the data."),
    )
    acta_commands = _actions(acta, "acta_command", _("what to do with an acta"))
    acta_verify = _command(
        acta_commands,
        "verify",
        _("check an acta's QR text against the data (exit 0 when it matches)"),
        _(
            "Check the text of an acta's QR code against the data: exit 0 when it matches, "
            "otherwise 1 naming what differs."
        ),
    )
    _add_db(acta_verify)
    acta_verify.add_argument("text", metavar=_("TEXT"), help=_("the text of the acta's QR code"))
    acta_verify.set_defaults(handler=_cmd_acta_verify)

    _photo_commands(commands)

    check = _command(
        commands,
        "check",
        _("plan coherence and viability findings"),
        _(
            "Check the plan's coherence and viability: one line per rule, then a summary; "
            "exit 0 when no finding is an error."
        ),
    )
    _add_db(check)
    check.set_defaults(handler=_cmd_check)

    territory = _command(
        commands,
        "territory",
        _("districts and communities"),
        _("Work on the territory: districts and communities."),
    )
    territory_commands = _actions(territory, "territory_command", _("what to do"))
    shapes = _command(
        territory_commands,
        "import-geometry",
        _("import district or community shapes from a geometry file"),
        _(
            "Read shapes or points from a GeoPackage, Shapefile or GeoJSON file, match them "
            "to the districts or communities by code, then by name, and print the preview: "
            "matched, not in the database, not in the file, ambiguous. Writes only with "
            "--apply; ambiguous ones are never written."
        ),
    )
    shapes.add_argument("file", metavar=_("FILE"), help=_("the .gpkg, .shp or .geojson file"))
    _add_db(shapes)
    shapes.add_argument(
        "--level",
        choices=("district", "community"),
        help=_("what the shapes are (the level more features match when left out)"),
    )
    shapes.add_argument("--code-field", metavar=_("NAME"), help=_("the attribute with codes"))
    shapes.add_argument("--name-field", metavar=_("NAME"), help=_("the attribute with names"))
    shapes.add_argument("--layer", metavar=_("NAME"), help=_("the layer of a GeoPackage"))
    shapes.add_argument("--apply", action="store_true", help=_("write the matched geometries"))
    shapes.set_defaults(handler=_delegated(GEO, "import_geometry", "GeoRefused"))
    return parser


PHOTO = "planner_desktop.evidence.command"


def _photo_commands(commands: Commands) -> None:
    """``photo attach|list|export``: photos of signed actas, mapas parlantes and tally
    sheets (issue 18)."""
    photo = _command(
        commands, "photo", _("photos as evidence"), _("Photos of actas, maps and tally sheets.")
    )
    actions = _actions(photo, "photo_command", _("what to do with photos"))
    attach = _command(
        actions,
        "attach",
        _("attach a photo (JPEG, PNG or HEIC)"),
        _(
            "Attach a photo to an acta, a self-diagnosis (mapa parlante) or a round (tally "
            "sheet): downscaled, its metadata removed, its place kept only when asked."
        ),
    )
    attach.add_argument("file", metavar=_("FILE"), help=_("the photo"))
    _add_db(attach)
    owner = attach.add_mutually_exclusive_group(required=True)
    owner.add_argument("--acta", metavar=_("MINUTES_OR_EVENT"), help=_("the acta, or its event"))
    owner.add_argument("--self-diagnosis", metavar=_("ID"), help=_("the self-diagnosis"))
    owner.add_argument("--round", metavar=_("ID"), help=_("the prioritisation round"))
    attach.add_argument("--caption", metavar=_("TEXT"), help=_("a caption"))
    attach.add_argument(
        "--keep-location",
        action="store_true",
        help=_("keep the photo's GPS position (removed otherwise)"),
    )
    attach.set_defaults(handler=_delegated(PHOTO, "attach", "CommandRefused"))
    listing = _command(
        actions, "list", _("list the photos"), _("One line per photo, tab-separated.")
    )
    _add_db(listing)
    listing.set_defaults(handler=_delegated(PHOTO, "list", "CommandRefused"))
    export = _command(
        actions, "export", _("write a photo's picture to a file"), _("Write a stored picture.")
    )
    export.add_argument("id", metavar=_("ID"), help=_("the photo"))
    _add_db(export)
    export.add_argument("--out", required=True, metavar=_("FILE"), help=_("where to write it"))
    export.set_defaults(handler=_delegated(PHOTO, "export", "CommandRefused"))


SESSION = "planner_desktop.exchange.commands"
XLSX = "planner_desktop.exchange.xlsx.command"
REPORT = "planner_desktop.reports.command"
GEO = "planner_desktop.geo.command"


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


def _cmd_demo(args: argparse.Namespace) -> int:
    from planner_desktop.context import open_database, upgrade_confirmed
    from planner_desktop.demo import generate

    if args.scale < 1 or args.scale > 100:
        raise Refused(_("--scale must be between 1 and 100"))
    store = open_database(args.db, upgrade_server=upgrade_confirmed(args))
    started()
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
    started()
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
    started()
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

    started()
    return cmd_verify(args)


def _run_window(args: argparse.Namespace) -> int:
    from planner_desktop.ui.app import run

    started()
    return run(db=args.db, lang=args.lang)


def main(argv: Sequence[str], *, own_process: bool = False) -> int:
    """Run the command line ``argv`` (the window too, for ``--help`` and its kind);
    ``own_process`` when this process runs nothing else (see :func:`started`)."""
    if own_process:
        _pause_collector()
    try:
        return _run(argv)
    finally:
        _resume_collector()


def _run(argv: Sequence[str]) -> int:
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
    except Exception as exc:
        line = _failure_line(exc)
        if line is None:
            raise
        print(f"planner-desktop: {line}", file=sys.stderr)
        return EXIT_REFUSED


def _failure_line(exc: Exception) -> str | None:
    """One line for an error of the database or the system that escaped a command (its
    class, statement shape and frames go to the log, never its values); None for any
    other error, which stays a traceback: a mistake in the program."""
    import sqlite3

    from sqlalchemy.exc import SQLAlchemyError

    from planner_desktop import error_log
    from planner_desktop.store import db_errors

    if not isinstance(exc, SQLAlchemyError | sqlite3.Error | OSError):
        return None
    try:
        error_log.ensure_started()
        if error_log.is_fault(exc):
            error_log.record_fault(exc, "a command")
        else:
            error_log.record_failure(exc, "a command")
    except OSError:
        pass  # no log file (a read-only data folder): the line below still tells
    line = db_errors.describe(exc)
    if line is not None:
        return line
    if isinstance(exc, OSError):
        reason = exc.strerror or type(exc).__name__
        where = exc.filename
        return f"{where}: {reason}" if where else reason
    return _(
        "an error in the program ({kind}); details in {log}"
    ).format(kind=type(exc).__name__, log=error_log.current_file())


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
