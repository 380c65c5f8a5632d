"""Deleting a finding typed by mistake in the self-diagnosis: the Delete key or the
right-click menu on the findings, and a button beside the others; undone with Ctrl+Z.

A demand raised from the finding depends on it: the confirmation names it, and it is
deleted with the finding (and brought back with it by the undo).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QBoxLayout, QPushButton

from planner_desktop.domain.diagnosis import Finding
from planner_desktop.i18n import _
from planner_desktop.ui.choosers import decorate
from planner_desktop.ui.deleting import delete_action, delete_record
from planner_desktop.ui.models.findings import DESCRIPTION

if TYPE_CHECKING:
    from planner_desktop.ui.pages.self_diagnosis import SelfDiagnosisPanel


def delete_current_finding(panel: SelfDiagnosisPanel) -> bool:
    finding_id = panel.current_finding()
    if finding_id is None:
        panel.refusal.setText(_("Choose a finding first"))
        return False
    row = panel.view.currentIndex().row()
    text = str(panel.model.index(row, DESCRIPTION).data() or "")
    what = _("the finding «{text}»").format(text=text if len(text) <= 40 else text[:39] + "…")
    panel.refusal.clear()
    return delete_record(panel, panel.hub, panel.context.undo_stack, Finding, finding_id, what)


def add_finding_deletion(panel: SelfDiagnosisPanel) -> QPushButton:
    """Give the findings of ``panel`` a Delete action, and a button after "Turn into a
    demand" (returned)."""
    panel.delete_finding = delete_action(  # type: ignore[attr-defined]
        panel.view, lambda: delete_current_finding(panel)
    )
    button = QPushButton(_("Delete finding"))
    button.setObjectName("deleteFinding")
    button.clicked.connect(lambda: delete_current_finding(panel))
    for layout in panel.findChildren(QBoxLayout):
        where = layout.indexOf(panel.to_demand)
        if where >= 0:
            layout.insertWidget(where + 1, button)
            break
    decorate(panel, {button: "mdi6.delete-outline"})
    return button
