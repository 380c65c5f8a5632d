"""The window's first start (issue 17, point 3): what comes before the first frame.

The first frame needs Qt and the window's own few modules: no database layer (SQLAlchemy,
the domain models, the store), no Babel locale data for numbers and dates, and none of
Qt's namespace enums, whose first use builds all of them (30-50 ms on a first start, with
no saved layout). The layout of a first start is restored from bytes instead of naming the
areas: it must stay the layout that naming them gives.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from planner_desktop.settings import Settings
from planner_desktop.ui import window_state
from planner_desktop.ui.keyboard import present
from planner_desktop.ui.main_window import MainWindow

pytestmark = pytest.mark.gui

ROOT = Path(__file__).resolve().parents[2]

# Started as `planner-desktop --db DB` is, until the window's first frame is drawn; then it
# says which modules were loaded and which enum types were built by then.
FIRST_FRAME = """
import enum, json, sys
built = []
create = enum.EnumType._create_
def recording(cls, class_name, *args, **kwargs):
    built.append(str(class_name))
    return create(cls, class_name, *args, **kwargs)
enum.EnumType._create_ = recording
from planner_desktop.cli import main
code = main(["--db", sys.argv[1]])
print(json.dumps({"code": code, "modules": sorted(sys.modules), "enums": built}))
"""

BEFORE_THE_FIRST_FRAME_NEVER = (
    "sqlalchemy",
    "planner_desktop.store.database",
    "planner_desktop.domain.models",
    "planner_desktop.domain.events",
)
LOCALE_DATA = ("babel.dates", "babel.numbers")
"""Written numbers and dates come with the data; only a catalogue newer than its compiled
file (compiled then in memory by ``babel.messages``) needs some of Babel before."""
QT_NAMESPACE_ENUMS = ("ToolBarArea", "DockWidgetArea", "WindowState", "Orientation")


def first_frame(db: Path, home: Path, mode: str = "1") -> dict[str, Any]:
    """Start the command on ``db`` with the data folder ``home`` until its first frame
    (``mode`` "close": then close the window as a person does, saving its layout)."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PLANNER_DESKTOP_HOME": str(home),
           "PLANNER_DESKTOP_EXIT_AFTER_SHOW": mode}
    env.pop("PLANNER_DESKTOP_DB", None)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))
    done = subprocess.run([sys.executable, "-c", FIRST_FRAME, str(db)], env=env,
                          capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr[-2000:]
    lines = done.stdout.splitlines()
    assert mode == "close" or lines[0].startswith("shown "), done.stdout
    found: dict[str, Any] = json.loads(lines[-1])
    return found


@pytest.mark.parametrize("start", ["first start", "later start"])
def test_the_first_frame_loads_no_database_layer_nor_qt_namespace_enums(
    demo_db: Path, tmp_path: Path, start: str
) -> None:
    home = tmp_path / "home"
    if start == "later start":  # a session before this one saved the window's layout
        first_frame(demo_db, home, "close")
        assert Settings.load(home / "config").get("window_state")
    found = first_frame(demo_db, home)
    assert found["code"] == 0
    never: tuple[str, ...] = BEFORE_THE_FIRST_FRAME_NEVER
    if "babel.messages" not in found["modules"]:
        never += LOCALE_DATA
    loaded = [
        module for module in found["modules"]
        if any(module == name or module.startswith(f"{name}.") for name in never)
    ]
    assert loaded == [], "imported before the first frame"
    assert [name for name in found["enums"] if name in QT_NAMESPACE_ENUMS] == []


def laid_out(window: MainWindow) -> tuple[Any, ...]:
    return (
        window.size().toTuple(),
        window.navigation.geometry().getRect(),
        window.territory.geometry().getRect(),
        window.stack.geometry().getRect(),
        window.toolBarArea(window.navigation),
        window.dockWidgetArea(window.territory),
    )


@pytest.mark.parametrize("size", [(1280, 700), (1440, 900), (1920, 1080)])
@pytest.mark.parametrize("large_font", [False, True], ids=["normal font", "projector font"])
def test_a_first_start_lays_the_bars_out_as_naming_their_areas_does(
    qtbot: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, size: tuple[int, int],
    large_font: bool,
) -> None:
    def fitted(window: Any) -> bool:
        window.resize(*size)  # as on a screen bigger than a laptop's: not maximised
        return False

    monkeypatch.setattr(window_state, "first_geometry", fitted)
    font = QApplication.font()
    layouts = []
    for way in ("restored", "named"):
        settings = Settings.load(tmp_path / way)
        settings.set("large_font", large_font)
        if way == "named":  # what the first layout stands for: the areas, by name
            monkeypatch.setattr(window_state, "FIRST_LAYOUT", "")
        window = MainWindow(settings)
        qtbot.addWidget(window)
        window.show()
        QApplication.processEvents()
        layouts.append(laid_out(window))
        window.hide()
        QApplication.setFont(font)  # each window starts from the normal font
    restored, named = layouts
    assert restored == named
    assert restored[4] == Qt.ToolBarArea.LeftToolBarArea
    assert restored[5] == Qt.DockWidgetArea.LeftDockWidgetArea
    assert restored[2][2] == window_state.DOCK_WIDTH


def test_a_first_start_on_a_laptop_screen_is_maximised_and_a_later_one_as_left(
    qtbot: Any, tmp_path: Path
) -> None:
    screen = QApplication.primaryScreen().availableGeometry()
    assert screen.width() <= 1440 or screen.height() <= 900, "the test screen is a laptop's"
    settings = Settings.load(tmp_path)
    window = MainWindow(settings)
    qtbot.addWidget(window)
    present(window)
    QApplication.processEvents()
    assert window.isVisible() and window.isMaximized()
    window.showNormal()
    window.resize(700, 500)
    QApplication.processEvents()
    window.close()

    again = MainWindow(Settings.load(tmp_path))
    qtbot.addWidget(again)
    present(again)
    QApplication.processEvents()
    assert again.isVisible() and not again.isMaximized()
    assert again.size().toTuple() == (700, 500)
    assert again.dockWidgetArea(again.territory) == Qt.DockWidgetArea.LeftDockWidgetArea
