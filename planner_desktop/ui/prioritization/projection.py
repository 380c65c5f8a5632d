"""The live projection: the tally as it is entered, in large bars for a projector.

Keys: 1–5 show one group, A the agreed list, Left/Right go through them, F11 switches
full screen, Esc leaves full screen and then closes. The window only paints what the
tally panel hands it (:meth:`ProjectionWindow.set_state`); it never reads the database.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt, Signal
from PySide6.QtGui import QCloseEvent, QGuiApplication, QKeyEvent, QPainter, QPaintEvent
from PySide6.QtWidgets import QWidget

from planner_desktop.i18n import _
from planner_desktop.prioritization.results import AGREED
from planner_desktop.ui.prioritization.keys import group_label
from planner_desktop.ui.prioritization.painting import Scene, paint_projection
from planner_desktop.ui.prioritization.state import Bar, RoundState

MAX_BARS = 15


def view_title(view: str) -> str:
    return _("Agreed list") if view == AGREED else group_label(view)


class ProjectionWindow(QWidget):
    """A top-level window painted with QPainter; ``bars`` is what it shows."""

    sig_view_changed = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("projectionWindow")
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self.setMinimumSize(640, 400)
        self.state: RoundState | None = None
        self.view = AGREED
        self.bars: tuple[Bar, ...] = ()
        self.setWindowTitle(_("Projection"))

    # --- data ----------------------------------------------------------------------

    def views(self) -> list[str]:
        groups = list(self.state.groups) if self.state is not None else []
        return [*groups, AGREED]

    def set_state(self, state: RoundState) -> None:
        self.state = state
        if self.view not in self.views():
            self.view = AGREED
        self._update_bars()

    def show_view(self, view: str) -> None:
        if view not in self.views() or view == self.view:
            return
        self.view = view
        self._update_bars()
        self.sig_view_changed.emit(view)

    def _update_bars(self) -> None:
        self.bars = self.state.bars(self.view)[:MAX_BARS] if self.state is not None else ()
        self.setWindowTitle(_("Projection: {view}").format(view=view_title(self.view)))
        self.update()

    # --- keys ----------------------------------------------------------------------

    def toggle_full_screen(self) -> None:
        if self.isFullScreen():
            self.showNormal()
            return
        screens = QGuiApplication.screens()
        if len(screens) > 1 and self.screen() is screens[0]:
            self.setScreen(screens[-1])  # the projector is usually the second screen
            self.move(screens[-1].geometry().topLeft())
        self.showFullScreen()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key, views = event.key(), self.views()
        if key == Qt.Key.Key_F11:
            self.toggle_full_screen()
        elif key == Qt.Key.Key_Escape:
            if self.isFullScreen():
                self.showNormal()
            else:
                self.close()
        elif Qt.Key.Key_1 <= key <= Qt.Key.Key_5 and key - Qt.Key.Key_1 < len(views) - 1:
            self.show_view(views[key - Qt.Key.Key_1])
        elif key == Qt.Key.Key_A:
            self.show_view(AGREED)
        elif key in (Qt.Key.Key_Right, Qt.Key.Key_Left) and self.state is not None:
            step = 1 if key == Qt.Key.Key_Right else -1
            self.show_view(views[(views.index(self.view) + step) % len(views)])
        else:
            super().keyPressEvent(event)

    def _hint(self) -> str:
        groups = len(self.views()) - 1
        return _("1–{n}: one group  ·  A: agreed list  ·  F11: full screen  ·  Esc: leave").format(
            n=groups)

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.isFullScreen():
            self.showNormal()
        super().closeEvent(event)

    # --- painting ------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), Qt.GlobalColor.white)
        state = self.state
        paint_projection(painter, QRectF(self.rect()), Scene(
            state.title if state is not None else "", view_title(self.view), self.bars,
            state.groups if state is not None else (), self._hint(),
            "" if self.view == AGREED else self.view))
        painter.end()

