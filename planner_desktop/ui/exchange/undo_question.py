"""The question asked before an import is undone, with what it would remove and restore."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QWidget

from planner_desktop.exchange.labels import table_title
from planner_desktop.exchange.session import ImportBatch, UndoReport
from planner_desktop.i18n import _, ngettext

MOST_TABLES = 6
"""Tables named one by one in the question; the rest are counted together."""


def removed_text(report: UndoReport) -> str:
    """ "12 records will be removed (Demand: 5, Finding: 7)", largest tables first."""
    if not report.removed:
        return _("No record will be removed.")
    parts = sorted(report.removed_by_table.items(), key=lambda item: (-item[1], item[0]))
    named = [f"{table_title(table)}: {count}" for table, count in parts[:MOST_TABLES]]
    rest = sum(count for _table, count in parts[MOST_TABLES:])
    if rest:
        named.append(_("other: {n}").format(n=rest))
    text = ngettext(
        "{n} record will be removed ({tables}).",
        "{n} records will be removed ({tables}).",
        report.removed,
    )
    return text.format(n=report.removed, tables=", ".join(named))


def restored_text(report: UndoReport) -> str:
    if not report.restored:
        return ""
    return ngettext(
        "{n} record it changed gets its earlier values back.",
        "{n} records it changed get their earlier values back.",
        report.restored,
    ).format(n=report.restored)


def question_text(batch: ImportBatch, laptop: str, report: UndoReport) -> str:
    lines = [
        _("Undo import {batch} of {file}, from {laptop}?").format(
            batch=batch.id, file=batch.file_name, laptop=laptop
        ),
        "",
        removed_text(report),
    ]
    if restored := restored_text(report):
        lines.append(restored)
    lines += ["", _("The file can be imported again later.")]
    return "\n".join(lines)


def ask_undo(parent: QWidget, batch: ImportBatch, laptop: str, report: UndoReport) -> bool:
    answer = QMessageBox.question(
        parent,
        _("Undo import"),
        question_text(batch, laptop, report),
        QMessageBox.StandardButton.Ok | QMessageBox.StandardButton.Cancel,
        QMessageBox.StandardButton.Cancel,
    )
    return answer == QMessageBox.StandardButton.Ok
