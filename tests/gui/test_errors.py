"""Issue 13, point 1: no error only in the terminal.

An exception in a slot, in a thread or in a background job reaches the program's one
handler: the person reads one line in the status bar naming what failed and where the
details are, the log keeps the details without personal data, and what is on screen is
what is saved. (tests/gui/conftest.py fails any test whose errors reach the handler
unasked; these tests take what they caused.)
"""

from __future__ import annotations

import sys
import threading

import pytest

from planner_desktop.domain.enums import Phase
from planner_desktop.domain.plan import PlanElement
from planner_desktop.domain.projects import ProjectProfile
from planner_desktop.i18n import _
from planner_desktop.ui import errors, jobs
from planner_desktop.ui.plan import fields
from tests.gui.test_capture_window import saved
from tests.gui.test_plan_profile import choose_in_combo
from tests.gui.test_window import click_phase, open_window

pytestmark = pytest.mark.gui


def log_text(path) -> str:
    return path.read_text(encoding="utf-8") if path.exists() else ""


def test_a_failing_slot_is_told_in_the_status_bar_and_the_choice_goes_back(
    qtbot, settings, demo_copy, monkeypatch, program_error_handling
):
    """The choice of the plan's element as it failed before issue 13: read as text."""
    monkeypatch.setattr(fields, "chosen", fields.plain_text)
    window = open_window(qtbot, settings, demo_copy)
    click_phase(qtbot, window, Phase.projects)
    tab = window.pages[Phase.projects].profiles_tab
    profile_id = window.pages[Phase.projects].profiles.key(0)
    tab.select_profile(profile_id)
    combo = tab.editor.form.element
    before = combo.currentText()
    chosen = combo.itemText(combo.count() - 1)
    with window.store.session() as session:
        stored = session.get(ProjectProfile, profile_id).element_id
        program = session.get(PlanElement, combo.itemData(combo.count() - 1))
        program_id, program_name = str(program.id), program.name
    log_before = log_text(program_error_handling)

    choose_in_combo(qtbot, combo, chosen)
    saved(qtbot, window)

    line = window.error_line
    qtbot.waitUntil(line.isVisible, timeout=3000)
    assert _("Element of the plan") in line.text(), "the line names what failed"
    assert "AttributeError" in line.text()
    assert str(program_error_handling) in line.text(), "and where the details are"
    assert "\n" not in line.text()
    qtbot.waitUntil(lambda: combo.currentText() == before, timeout=3000)
    with window.store.session() as session:
        assert session.get(ProjectProfile, profile_id).element_id == stored

    written = log_text(program_error_handling)[len(log_before):]
    assert "AttributeError" in written and "fields.py" in written
    assert program_id not in written and program_name not in written
    assert "replace" not in written.split("AttributeError")[1].splitlines()[0], (
        "the message is not logged")
    assert len(errors.reporter().take()) == 1


def test_a_fault_in_a_background_job_is_told_and_logged_without_the_data(
    qtbot, message_boxes, program_error_handling
):
    people, wanted = {"Rosa Quispe": 1}, "Mario Tola"

    def failing(_context):
        return people[wanted]

    log_before = log_text(program_error_handling)
    job = jobs.run_job(None, failing, on_done=lambda _result: None)
    qtbot.waitUntil(lambda: not job.running, timeout=5000)
    [shown] = message_boxes.texts("critical")
    assert "KeyError" in shown and str(program_error_handling) in shown
    assert "Mario" not in shown
    written = log_text(program_error_handling)[len(log_before):]
    assert "KeyError" in written and "test_errors.py" in written
    assert "Rosa" not in written and "Mario" not in written
    assert len(errors.reporter().take()) == 1


def test_a_refusal_in_a_job_is_the_person_s_message_and_no_fault(qtbot, message_boxes):
    def refused(_context):
        raise ValueError("El archivo no es una sesión")

    job = jobs.run_job(None, refused, on_done=lambda _result: None)
    qtbot.waitUntil(lambda: not job.running, timeout=5000)
    assert message_boxes.texts("critical") == ["El archivo no es una sesión"]
    assert errors.reporter().take() == []


def test_a_thread_s_error_reaches_the_window(qtbot, settings, tmp_path):
    window = open_window(qtbot, settings, tmp_path / "empty.sqlite")

    message = "Juan Pérez, CI 1234567"

    def crash() -> None:
        raise RuntimeError(message)

    thread = threading.Thread(target=crash)
    thread.start()
    thread.join()
    qtbot.waitUntil(window.error_line.isVisible, timeout=3000)
    assert window.error_line.text().startswith(_("A background task"))
    assert "RuntimeError" in window.error_line.text()
    [fault] = errors.reporter().take()
    assert "Juan" not in fault and "1234567" not in fault


def test_the_error_line_clears_itself(qtbot, settings, tmp_path, monkeypatch):
    monkeypatch.setattr(errors, "SHOWN_MS", 50)
    window = open_window(qtbot, settings, tmp_path / "empty.sqlite")
    errors.reporter().report(TypeError("x"), "a test", "Nombre")
    qtbot.waitUntil(window.error_line.isVisible, timeout=3000)
    assert window.error_line.text().startswith("Nombre")
    qtbot.waitUntil(lambda: not window.error_line.isVisible(), timeout=3000)
    errors.reporter().take()


def test_the_window_tests_run_with_the_program_s_hooks():
    """As the window's start-up installs them: what would reach the terminal reaches them."""
    assert sys.excepthook is errors.excepthook
    assert threading.excepthook is errors.thread_excepthook
