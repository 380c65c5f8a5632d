"""Every start shows the first frame without building Qt's namespace of enums (issue 2:
~16 ms of start-up with the layout saved; issue 17: the first start, with no layout saved,
no longer places the bars by naming their areas). Run in a fresh process, since any test
that names an enum of ``Qt`` builds the namespace for the whole test session."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

pytestmark = pytest.mark.gui

SCRIPT = """
from planner_desktop.ui.app import prepare_qt
prepare_qt()
import PySide6.QtCore as core
from PySide6.QtWidgets import QApplication
app = QApplication([])
from planner_desktop import paths
from planner_desktop.settings import Settings
from planner_desktop.ui.main_window import MainWindow
window = MainWindow(Settings.load(paths.config_dir()))
window.show()
app.processEvents()
print("built" if "Qt" in core.__dict__ else "not built", window.navigation.isVisible())
window.close()
"""


def start(home) -> str:
    env = {**os.environ, "PLANNER_DESKTOP_HOME": str(home), "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run([sys.executable, "-c", SCRIPT], env=env, capture_output=True,
                          text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    return done.stdout.strip()


def test_no_start_builds_a_qt_enum_before_the_first_frame(tmp_path):
    assert start(tmp_path) == "not built True", "the first start"
    assert start(tmp_path) == "not built True", "a start with the layout saved"
