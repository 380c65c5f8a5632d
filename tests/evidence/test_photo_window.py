"""Photos in the window (issue 18, point 4), from an empty database: a self-diagnosis
started through the widgets, a photo attached through the button (the file dialog
patched), its thumbnail shown, captioned, deleted and brought back by undo."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from planner_desktop.domain.evidence import Photo
from planner_desktop.settings import Settings
from planner_desktop.ui.main_window import MainWindow
from tests.evidence import images
from tests.gui.event_helpers import (
    click,
    create_event,
    events_panel,
    new_territory,
    open_window,
    saved,
)
from tests.gui.test_self_diagnosis_start import self_diagnosis_panel

pytestmark = pytest.mark.gui


@pytest.fixture
def window(qtbot: QtBot, tmp_path: Path) -> MainWindow:
    settings = Settings(tmp_path / "config" / "settings.json")
    return open_window(qtbot, settings, new_territory(tmp_path / "new.sqlite"))


def test_attach_see_caption_delete_and_undo_a_mapa_parlante_photo(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    create_event(qtbot, events_panel(qtbot, window), "Taller comunal", "Chaupi Loma")
    panel = self_diagnosis_panel(window)
    strip = panel.photos
    assert not strip.attach_button.isEnabled()  # no self-diagnosis yet
    click(qtbot, panel.starter.start_button)
    saved(qtbot)
    assert strip.attach_button.isEnabled() and strip.list.count() == 0
    assert not strip.keep_place.isChecked()

    photo = images.write(tmp_path, "mapa.jpg", images.photo((1600, 1200), gps=True))
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(photo), ""))
    click(qtbot, strip.attach_button)
    qtbot.waitUntil(lambda: strip.list.count() == 1, timeout=20000)
    assert not strip.list.item(0).icon().isNull()
    with window.store.session() as session:
        stored = session.scalars(select(Photo)).one()
        assert stored.latitude is None and (stored.width, stored.height) == (1600, 1200)

    strip.list.setCurrentRow(0)
    strip.caption.setText("Mapa de Chaupi Loma")
    strip.caption.editingFinished.emit()
    saved(qtbot)
    qtbot.waitUntil(lambda: strip.list.count() == 1 and strip.list.item(0).text() != "")
    assert strip.list.item(0).text() == "Mapa de Chaupi Loma"

    strip.list.setCurrentRow(0)
    click(qtbot, strip.delete_button)
    saved(qtbot)
    qtbot.waitUntil(lambda: strip.list.count() == 0, timeout=20000)
    window.undo_stack.undo()
    saved(qtbot)
    qtbot.waitUntil(lambda: strip.list.count() == 1, timeout=20000)
    with window.store.session() as session:
        assert session.scalars(select(Photo)).one().deleted_at is None


def test_a_text_file_named_jpg_is_refused_in_one_line(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    create_event(qtbot, events_panel(qtbot, window), "Taller comunal", "Chaupi Loma")
    panel = self_diagnosis_panel(window)
    click(qtbot, panel.starter.start_button)
    saved(qtbot)
    fake = images.write(tmp_path, "acta.jpg", b"not a photo\n" * 30)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(fake), ""))
    click(qtbot, panel.photos.attach_button)
    qtbot.waitUntil(lambda: "not an image" in panel.photos.message.text(), timeout=20000)
    assert panel.photos.message.text().startswith("acta.jpg: ")
    with window.store.session() as session:
        assert session.scalars(select(Photo)).all() == []
