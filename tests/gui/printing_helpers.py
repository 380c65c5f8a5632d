"""Helpers shared by the printing tests: the demo's workshop and waiting for a dialog's job."""

from __future__ import annotations

import re
import uuid
from pathlib import Path
from typing import Any

from pypdf import PdfReader
from PySide6.QtCore import Qt
from sqlalchemy import text

from planner_desktop.store.database import Store


def workshop_id(store: Store) -> uuid.UUID:
    """The first demo event that has prioritisation rounds."""
    with store.engine.connect() as conn:
        found = conn.execute(text(
            "SELECT e.id FROM event e JOIN prioritization_round r ON r.event_id = e.id "
            "ORDER BY e.date LIMIT 1")).scalar()
    return uuid.UUID(found)


def pick(combo: Any, **wanted: str) -> None:
    """Make current the picker item whose choice has the wanted fields."""
    for index in range(combo.count()):
        choice = combo.itemData(index)
        if all(getattr(choice, key) == value for key, value in wanted.items()):
            combo.setCurrentIndex(index)
            return
    raise AssertionError(f"no item with {wanted}")


def click_and_wait(qtbot: Any, dialog: Any, button: Any) -> None:
    """Click ``button`` like a person, then wait for the job it started."""
    assert button.isEnabled()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.job is not None and not dialog.job.running, timeout=20000)


def pdf_text(path: Path) -> tuple[int, str]:
    """The number of pages and the text of a PDF, all whitespace removed."""
    reader = PdfReader(path)
    flat = re.sub(r"\s+", "", "".join(page.extract_text() or "" for page in reader.pages))
    return len(reader.pages), flat
