"""``xlsx export KIND``: each kind of spreadsheet, written through a temporary file."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from openpyxl import Workbook
from sqlalchemy.orm import Session

from planner_desktop.domain.summaries import current_municipality
from planner_desktop.exchange.xlsx.errors import Where, refuse
from planner_desktop.exchange.xlsx.export_demands import export_demands, export_priorities
from planner_desktop.exchange.xlsx.export_plan import (
    export_attendance,
    export_poa,
    export_programming,
)
from planner_desktop.exchange.xlsx.plan_export import export_plan as export_plan_workbook
from planner_desktop.exchange.xlsx.plan_load import load
from planner_desktop.exchange.xlsx.sheets import new_workbook, save_atomically
from planner_desktop.exchange.xlsx.template import write_template
from planner_desktop.i18n import _
from planner_desktop.store import dialect
from planner_desktop.store.database import Store

Exporter = Callable[[Session, Workbook], int]

EXPORTS: dict[str, Exporter] = {
    "demands": export_demands,
    "priorities": export_priorities,
    "programming": export_programming,
    "poa": export_poa,
    "attendance": export_attendance,
    "plan": export_plan_workbook,
}
KINDS = (*EXPORTS, "template")


def export(store: Store, kind: str, path: Path) -> int:
    """Write the spreadsheet ``kind`` to ``path``; the number of data rows written.

    A database with no municipality yet (or, for ``plan``, no plan) is refused rather
    than exported empty.
    """
    with store.session() as session, dialect.bounded_page_cache(session.connection()):
        if current_municipality(session) is None:
            raise refuse(Where(str(path.name)), _("the database holds no municipality yet"))
        if kind == "plan" and getattr(load(session), "plan", None) is None:
            raise refuse(Where(str(path.name)), _("the municipality has no plan yet"))
        if kind == "template":
            write_template(session, path)
            return 0
        workbook = new_workbook()
        count = EXPORTS[kind](session, workbook)
    save_atomically(workbook, path)
    return count
