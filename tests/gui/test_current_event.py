"""The current event (issue 12, point 2): chosen once, shown at all times, read by pages."""

from __future__ import annotations

import uuid
from pathlib import Path

from PySide6.QtGui import QUndoStack
from pytestqt.qtbot import QtBot

from planner_desktop.context import open_database
from planner_desktop.ui.pages.base import PageContext


def test_pages_on_one_undo_stack_share_the_current_event(qtbot: QtBot, tmp_path: Path) -> None:
    store = open_database(tmp_path / "empty.sqlite")
    try:
        undo = QUndoStack()
        first, second = PageContext(store, undo), PageContext(store, undo)
        assert first.current_event_id is None
        event_id = uuid.uuid4()
        with qtbot.waitSignal(second.sig_current_event_changed) as blocker:
            first.current_event.set(event_id)
        assert blocker.args == [event_id]
        assert second.current_event_id == event_id
    finally:
        store.close()
