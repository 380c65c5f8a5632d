"""The bar on the left that moves between the phases of the planning cycle."""

from __future__ import annotations

from PySide6.QtCore import QSize, Signal
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QToolBar, QWidget

from planner_desktop import paths
from planner_desktop.domain import labels
from planner_desktop.domain.enums import Phase
from planner_desktop.i18n import _
from planner_desktop.ui.icons import LazyIcons
from planner_desktop.ui.pages import PAGES


def style_sheet() -> str:
    """The bar's style sheet; without it the platform style is used as it is."""
    try:
        return (paths.resources_dir() / "styles" / "navigation.qss").read_text(encoding="utf-8")
    except OSError:
        return ""


class NavigationBar(QToolBar):
    """One checkable button per phase (Ctrl+1 … Ctrl+7); ``sig_phase_chosen`` on a click.
    After them, the map of the territory (Ctrl+8, ``sig_map_chosen``)."""

    sig_phase_chosen = Signal(object)
    sig_map_chosen = Signal()

    def __init__(self, icons: LazyIcons, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("navigation")
        self.setMovable(False)
        self.setFloatable(False)
        self.setIconSize(QSize(26, 26))
        # Text under each icon comes with the bar's style sheet: naming Qt's enum here would
        # build Qt's whole enum namespace before the first frame. The main window puts the
        # bar on the left, which makes it vertical.
        sheet = style_sheet()
        self.setStyleSheet(sheet)
        if "toolButtonStyle" not in sheet:
            from PySide6.QtCore import Qt

            self.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextUnderIcon)
        self.toggleViewAction().setEnabled(False)
        self._group = QActionGroup(self)
        self._group.setExclusive(True)
        self.actions_by_phase: dict[Phase, QAction] = {}
        for number, info in enumerate(PAGES, start=1):
            action = QAction(self)
            action.setCheckable(True)
            action.setData(info.phase.value)
            action.setObjectName(f"nav_{info.phase.value}")
            action.setShortcuts([QKeySequence(f"Ctrl+{number}")])
            action.triggered.connect(lambda _checked=False, p=info.phase: self._chosen(p))
            self._group.addAction(action)
            self.addAction(action)
            icons.set(action, info.icon)
            self.actions_by_phase[info.phase] = action
        self.addSeparator()
        self.map_action = QAction(self)
        self.map_action.setCheckable(True)
        self.map_action.setObjectName("nav_map")
        self.map_action.setShortcuts([QKeySequence(f"Ctrl+{len(PAGES) + 1}")])
        self.map_action.triggered.connect(lambda _checked=False: self.sig_map_chosen.emit())
        self._group.addAction(self.map_action)
        self.addAction(self.map_action)
        icons.set(self.map_action, "mdi6.map-outline")
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(_("Phases"))
        for number, (phase, action) in enumerate(self.actions_by_phase.items(), start=1):
            action.setText(labels.label(phase))
            action.setToolTip(
                _("{phase} (Ctrl+{number})").format(phase=labels.label(phase), number=number)
            )
        self.map_action.setText(_("Map"))
        self.map_action.setToolTip(
            _("{phase} (Ctrl+{number})").format(phase=_("Map"), number=len(PAGES) + 1)
        )

    def select(self, phase: Phase) -> None:
        """Check the button of ``phase`` without announcing it."""
        self.actions_by_phase[phase].setChecked(True)

    def select_map(self) -> None:
        self.map_action.setChecked(True)

    def _chosen(self, phase: Phase) -> None:
        self.sig_phase_chosen.emit(phase)
