"""The ``xlsx export`` and ``xlsx import`` commands (DESIGN §5)."""

from __future__ import annotations

import argparse
from pathlib import Path

from planner_desktop.exchange.xlsx.errors import SpreadsheetRefused, Where, refuse
from planner_desktop.i18n import _, ngettext


def cmd_export(args: argparse.Namespace) -> int:
    from planner_desktop.context import open_database
    from planner_desktop.exchange.xlsx.export import export

    out = Path(args.out)
    if not out.parent.is_dir():
        raise refuse(
            Where(out.name), _("the folder {folder} does not exist").format(folder=out.parent)
        )
    store = open_database(args.db, must_exist=True)
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
    from planner_desktop.context import open_database
    from planner_desktop.exchange.xlsx.importer import IMPORTS

    path = Path(args.file)
    if not path.is_file():
        raise refuse(Where(path.name), _("there is no file at {path}").format(path=path))
    store = open_database(args.db, must_exist=True)
    try:
        result = IMPORTS[args.kind](store, path)
    finally:
        store.close()
    imported = ngettext(
        "{file}: {count} row imported", "{file}: {count} rows imported", result.rows
    )
    print(imported.format(file=path.name, count=result.rows))
    return 0


__all__ = ["SpreadsheetRefused", "cmd_export", "cmd_import"]
