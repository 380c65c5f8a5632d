"""The live projection: the tally as it is entered, in large bars for a projector.

Keys: 1–5 show one group, A the agreed list, Left/Right go through them, Page Down/Up
(or Down/Up) the pages of a long list, B switches between colour and black on white, F11
switches full screen (on the second screen when there is one: the projector), Esc leaves
full screen and then closes. The window only paints what the
tally panel hands it (:meth:`ProjectionWindow.set_state`); it never reads the database.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TypeVar

from PySide6.QtCore import QRectF, Qt, Signal
from PySide6.QtGui import QCloseEvent, QGuiApplication, QKeyEvent, QPainter, QPaintEvent
from PySide6.QtWidgets import QWidget

from planner_desktop.i18n import _
from planner_desktop.prioritization.results import AGREED
from planner_desktop.ui.prioritization.keys import group_label
from planner_desktop.ui.prioritization.painting import Scene, pages, paint_projection
from planner_desktop.ui.prioritization.state import Bar, RoundState

MAX_BARS = 15
T = TypeVar("T")


def projector_screen(screens: Sequence[T], laptop: T | None) -> T | None:
    """The screen to fill: the first one that is not the laptop's (the projector is
    usually the second screen), or the only one."""
    others = [screen for screen in screens if screen is not laptop]
    return others[0] if others else laptop


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
        self.page = 0
        self.plain = False
        """Black on white (for bright rooms) instead of colour tints."""
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
        self.page = 0
        self._update_bars()
        self.sig_view_changed.emit(view)

    def _update_bars(self) -> None:
        self.bars = self.state.bars(self.view)[:MAX_BARS] if self.state is not None else ()
        self.page = min(self.page, self.pages() - 1)
        self.setWindowTitle(_("Projection: {view}").format(view=view_title(self.view)))
        self.update()

    # --- keys ----------------------------------------------------------------------

    def pages(self) -> int:
        return pages(QRectF(self.rect()), len(self.bars))

    def show_page(self, page: int) -> None:
        page = min(max(page, 0), self.pages() - 1)
        if page != self.page:
            self.page = page
            self.update()

    def toggle_plain(self) -> None:
        self.plain = not self.plain
        self.update()

    def toggle_full_screen(self) -> None:
        if self.isFullScreen():
            self.showNormal()
            return
        parent = self.parentWidget()
        laptop = parent.window().screen() if parent is not None else self.screen()
        target = projector_screen(QGuiApplication.screens(), laptop)
        if target is not None and target is not self.screen():
            self.setScreen(target)
            self.setGeometry(target.geometry())
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
        elif key == Qt.Key.Key_B:
            self.toggle_plain()
        elif key in (Qt.Key.Key_PageDown, Qt.Key.Key_Down, Qt.Key.Key_Space):
            self.show_page(self.page + 1)
        elif key in (Qt.Key.Key_PageUp, Qt.Key.Key_Up):
            self.show_page(self.page - 1)
        elif key in (Qt.Key.Key_Right, Qt.Key.Key_Left) and self.state is not None:
            step = 1 if key == Qt.Key.Key_Right else -1
            self.show_view(views[(views.index(self.view) + step) % len(views)])
        else:
            super().keyPressEvent(event)

    def _hint(self) -> str:
        groups = len(self.views()) - 1
        text = _("1–{n}: one group  ·  A: agreed list  ·  B: black on white or colour  ·  "
                 "F11: full screen  ·  Esc: leave").format(n=groups)
        if self.pages() > 1:
            text += "  ·  " + _("Page Down / Page Up: more demands")
        return text

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
            "" if self.view == AGREED else self.view,
            sectors=state.sectors if state is not None else {},
            page=self.page, plain=self.plain))
        painter.end()

