"""Issue 7, item 3: the QR text of a printed acta, typed or scanned, is checked in the window."""

from __future__ import annotations

import re
import uuid
from datetime import datetime, time, timedelta

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import select

from planner_desktop.context import open_database
from planner_desktop.domain.events import Event
from planner_desktop.domain.prioritization import PrioritizationRound, RoundResult
from planner_desktop.i18n import _
from planner_desktop.locales import short_date
from planner_desktop.reports.results_hash import qr_payload
from planner_desktop.ui.printing import output
from planner_desktop.ui.printing.documents import document
from planner_desktop.ui.printing.print_dialog import PrintDialog
from planner_desktop.ui.printing.verify_dialog import ActaCheckDialog
from tests.gui.printing_helpers import click_and_wait, pdf_text, pick, workshop_id

pytestmark = pytest.mark.gui

PAYLOAD = re.compile(r"PDACTA1;session=[0-9a-f-]{36};sha256=[0-9a-f]{64}")


@pytest.fixture
def store(demo_copy, tmp_path, monkeypatch):
    monkeypatch.setattr(output, "_folder", tmp_path)
    opened = open_database(demo_copy, must_exist=True)
    yield opened
    opened.close()


def print_acta(qtbot, store, event_id: uuid.UUID) -> str:
    """Print the acta through its dialog and read the QR text off the paper."""
    dialog = PrintDialog(store, document("acta"))
    qtbot.addWidget(dialog)
    pick(dialog.picker, event=str(event_id))
    click_and_wait(qtbot, dialog, dialog.print_button)
    assert dialog.pdf is not None
    _pages, flat = pdf_text(dialog.pdf)
    found = PAYLOAD.search(flat)
    assert found is not None
    return found.group(0)


def scan(qtbot, dialog: ActaCheckDialog, text: str) -> None:
    """What a USB scanner does: type the text into the focused field, then Enter."""
    dialog.code.clear()
    qtbot.keyClicks(dialog.code, text)
    with qtbot.waitSignal(dialog.sig_checked, timeout=10000):
        qtbot.keyClick(dialog.code, Qt.Key.Key_Return)


def test_a_fresh_acta_matches_and_stops_matching_after_a_result_changes(qtbot, store):
    event_id = workshop_id(store)
    payload = print_acta(qtbot, store, event_id)
    dialog = ActaCheckDialog(store)
    qtbot.addWidget(dialog)
    dialog.show()

    scan(qtbot, dialog, payload)
    assert dialog.verdict.text() == _("Matches")
    assert dialog.verdict.property("state") == "ok"
    with store.session() as session:
        title = session.get(Event, event_id).title
    assert title in dialog.detail.text()

    with store.session() as session:
        agreed = session.scalars(
            select(RoundResult)
            .join(PrioritizationRound, RoundResult.round_id == PrioritizationRound.id)
            .where(PrioritizationRound.event_id == event_id, RoundResult.group == "agreed")
            .order_by(RoundResult.rank)
        ).first()
        agreed.score += 1

    scan(qtbot, dialog, payload)
    assert dialog.verdict.text() == _("Does NOT match: the results changed since signing")
    assert dialog.verdict.property("state") == "error"


def test_an_unknown_session_and_a_malformed_code_are_told_apart(qtbot, store):
    dialog = ActaCheckDialog(store)
    qtbot.addWidget(dialog)
    dialog.show()
    stranger = uuid.uuid4()
    scan(qtbot, dialog, qr_payload(stranger, "0" * 64))
    assert dialog.verdict.text() == _("Unknown session")
    assert str(stranger) in dialog.detail.text()
    scan(qtbot, dialog, "PDACTA1;session=abc")
    assert dialog.verdict.text() == _("This is not an acta code")


def test_issue13_enter_checks_the_verdict_stays_and_the_check_button_does_the_same(
    qtbot, store
):
    """Enter (a scanner's last key) closed the dialog before any verdict showed."""
    event_id = workshop_id(store)
    payload = print_acta(qtbot, store, event_id)
    dialog = ActaCheckDialog(store)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)

    qtbot.keyClick(dialog.code, Qt.Key.Key_Return)
    assert dialog.isVisible()
    assert dialog.verdict.text() == _("Scan or type the acta's code first")

    scan(qtbot, dialog, payload)
    qtbot.wait(300)
    assert dialog.isVisible(), "Enter checks; it does not close the dialog"
    assert dialog.verdict.text() == _("Matches")
    assert dialog.code.selectedText() == payload, "the next scan replaces the code"

    # a scanner whose keyboard layout is not the computer's: ñ for ; and ¿ for =
    garbled = payload.replace(";", "ñ").replace("=", "¿").replace("-", "'")
    dialog.code.clear()
    dialog.code.insert(garbled)  # QTest types ASCII only; the scanner's keys arrive as text
    with qtbot.waitSignal(dialog.sig_checked, timeout=10000):
        qtbot.mouseClick(dialog.check_button, Qt.MouseButton.LeftButton)
    assert dialog.verdict.text() == _("Matches")

    with store.raw_session() as session:  # the results recomputed three days later
        result = session.scalars(
            select(RoundResult)
            .join(PrioritizationRound, RoundResult.round_id == PrioritizationRound.id)
            .where(PrioritizationRound.event_id == event_id)
            .order_by(RoundResult.rank, RoundResult.id)
        ).first()
        result.score += 1
        day = session.get(Event, event_id).date
        result.updated_at = datetime.combine(day + timedelta(days=3), time(10))
        round_title = session.get(PrioritizationRound, result.round_id).title
    scan(qtbot, dialog, payload)
    qtbot.wait(300)
    assert dialog.isVisible()
    assert dialog.verdict.text() == _("Does NOT match: the results changed since signing")
    assert f"«{round_title}»" in dialog.detail.text()
    assert short_date(day + timedelta(days=3)) in dialog.detail.text()

    qtbot.keyClick(dialog.code, Qt.Key.Key_Escape)
    assert not dialog.isVisible(), "Esc closes it"
