"""Issue 18, point 5: the acta check dialog reads a version 2 code typed by a scanner, and
names the round and group that differ."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from planner_desktop.prioritization.entry import record_vote
from planner_desktop.prioritization.opening import reopen_round
from planner_desktop.prioritization.results import recompute
from planner_desktop.reports.acta_check import Verdict
from planner_desktop.ui import jobs
from planner_desktop.ui.printing.verify_dialog import ActaCheckDialog
from tests.evidence.acta_photos import printed_workshop

pytestmark = pytest.mark.gui


def scan(qtbot, dialog: ActaCheckDialog, text: str):
    dialog.code.clear()
    qtbot.keyClicks(dialog.code, text)
    with qtbot.waitSignal(dialog.sig_checked, timeout=10000) as checked:
        qtbot.keyClick(dialog.code, Qt.Key.Key_Return)
    return checked.args[0]


def test_a_version_2_code_is_checked_in_the_dialog(qtbot, tmp_path):
    store, built, _pdf, code = printed_workshop(tmp_path)
    try:
        dialog = ActaCheckDialog(store)
        qtbot.addWidget(dialog)
        assert scan(qtbot, dialog, code).verdict is Verdict.matches
        with store.session() as session:
            dots = built.rounds["dots"]
            reopen_round(session, dots, "Recuento")
            record_vote(session, dots, "D", "women", 5)
            recompute(session, dots)
        assert scan(qtbot, dialog, code).verdict is Verdict.changed
        assert (
            "round «Priorización por puntos», Women: the paper ranks A (D1-01-01) first, "
            "the database D (D1-01-04)" in dialog.detail.text()
        )
        jobs.wait_for_all()
    finally:
        store.close()
