"""``planner-desktop report KIND``: print one document to a PDF file (DESIGN §5, §6)."""

from __future__ import annotations

import argparse
from pathlib import Path

from planner_desktop.commands import started
from planner_desktop.i18n import _
from planner_desktop.reports.common import ReportOptions, ReportRefused
from planner_desktop.reports.layout import default_logo
from planner_desktop.reports.registry import MODULES, write_report
from planner_desktop.reports.titles import title


def options_from(args: argparse.Namespace) -> ReportOptions:
    """The options of ``report``; without ``--paper``, the paper saved in the settings."""
    from planner_desktop.context import load_settings

    return ReportOptions(
        paper=args.paper or load_settings().get("paper"),
        event=args.event,
        community=args.community,
        project=args.project,
        year=args.year,
        logo=default_logo(),
        round=getattr(args, "round", None),
    )


def cmd_report(args: argparse.Namespace) -> int:
    """Write the document; refused (nothing written) when its data does not exist."""
    from planner_desktop.context import open_database, upgrade_confirmed

    out = Path(args.out)
    if not out.parent.is_dir():
        raise ReportRefused(_("there is no folder {path}").format(path=out.parent))
    store = open_database(args.db, must_exist=True, upgrade_server=upgrade_confirmed(args))
    started(f"planner_desktop.reports.{MODULES[args.kind]}")
    try:
        with store.raw_session() as session:
            try:
                write_report(args.kind, session, options_from(args), out)
            except OSError as exc:
                raise ReportRefused(
                    _("cannot write {path}: {reason}").format(path=out, reason=exc.strerror)
                ) from None
    finally:
        store.close()
    print(_("{kind} written to {path}").format(kind=title(args.kind), path=out))
    return 0
