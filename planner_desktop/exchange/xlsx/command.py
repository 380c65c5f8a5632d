"""The ``xlsx export`` and ``xlsx import`` commands (DESIGN §5)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from planner_desktop.commands import started
from planner_desktop.exchange.xlsx.errors import SpreadsheetRefused, Where, refuse
from planner_desktop.i18n import _, ngettext


def import_openpyxl() -> None:
    """Import openpyxl without letting it import numpy.

    openpyxl imports numpy whenever it is installed, only to accept numpy's number types
    in cells, which this program never writes or reads; numpy takes longer to import than
    openpyxl itself (about 150 ms of a 1 s export). numpy stays importable afterwards.
    """
    if "openpyxl" in sys.modules or "numpy" in sys.modules:
        return
    sys.modules["numpy"] = None  # type: ignore[assignment]  # makes its import fail
    try:
        import openpyxl  # noqa: F401
    finally:
        del sys.modules["numpy"]


def cmd_export(args: argparse.Namespace) -> int:
    import_openpyxl()
    from planner_desktop.context import open_database, upgrade_confirmed
    from planner_desktop.exchange.xlsx.export import export

    out = Path(args.out)
    if not out.parent.is_dir():
        raise refuse(
            Where(out.name), _("the folder {folder} does not exist").format(folder=out.parent)
        )
    store = open_database(args.db, must_exist=True, upgrade_server=upgrade_confirmed(args))
    started()
    try:
        count = export(store, args.kind, out)
    except OSError as exc:
        raise refuse(
            Where(out.name), _("cannot write: {reason}").format(reason=exc.strerror or exc)
        ) from None
    finally:
        store.close()
    written = ngettext("{file}: {count} row written", "{file}: {count} rows written", count)
    print(written.format(file=out.name, count=count))
    return 0


def cmd_import(args: argparse.Namespace) -> int:
    import_openpyxl()
    from planner_desktop.context import open_database, upgrade_confirmed
    from planner_desktop.exchange.xlsx.importer import IMPORTS

    path = Path(args.file)
    if not path.is_file():
        raise refuse(Where(path.name), _("there is no file at {path}").format(path=path))
    new_file = _new_database(args)
    store = open_database(
        args.db, must_exist=new_file is None, upgrade_server=upgrade_confirmed(args)
    )
    started()
    try:
        result = IMPORTS[args.kind](store, path)
    except SpreadsheetRefused:
        store.close()
        if new_file is not None:
            _remove_database(new_file)
        raise
    finally:
        store.close()
    if args.kind == "plan":
        line = _("{file}: {rows} rows read; {added} added, {changed} changed, {same} unchanged")
        print(
            line.format(
                file=path.name,
                rows=result.rows,
                added=getattr(result, "added", 0),
                changed=getattr(result, "changed", 0),
                same=getattr(result, "unchanged", 0),
            )
        )
        return 0
    imported = ngettext(
        "{file}: {count} row imported", "{file}: {count} rows imported", result.rows
    )
    print(imported.format(file=path.name, count=result.rows))
    return 0


def _new_database(args: argparse.Namespace) -> Path | None:
    """The database file ``import plan`` creates (it may start a municipality from
    nothing), or None when it exists already or is not a file."""
    if args.kind != "plan" or args.db is None or "://" in str(args.db):
        return None
    target = Path(args.db).expanduser()
    return None if target.exists() else target


def _remove_database(target: Path) -> None:
    """Take back the database file made for a refused import: nothing is left behind."""
    for suffix in ("", "-wal", "-shm", "-journal"):
        target.with_name(target.name + suffix).unlink(missing_ok=True)


__all__ = ["SpreadsheetRefused", "cmd_export", "cmd_import"]
