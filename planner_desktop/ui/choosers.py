"""Helpers for the capture panels: drop-down lists whose items carry record ids, icons."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QComboBox

from planner_desktop.ui.icons import LazyIcons

if TYPE_CHECKING:
    from planner_desktop.ui.icons import HasIcon


def find_data(combo: QComboBox, value: Any) -> int:
    """The index of the item whose data equals ``value`` (-1 when none).

    ``QComboBox.findData`` compares Python objects such as UUIDs by identity, so an id
    read again from the database would not be found.
    """
    for index in range(combo.count()):
        if combo.itemData(index) == value:
            return index
    return -1


def select_data(combo: QComboBox, value: Any) -> bool:
    """Make the item carrying ``value`` current (the first item when none does)."""
    found = find_data(combo, value) if value is not None else -1
    combo.setCurrentIndex(max(found, 0))
    return found >= 0


def decorate(owner: QObject, icons: dict[HasIcon, str]) -> None:
    """Give buttons their qtawesome icons once the event loop runs (after the window is
    shown, when the icon font is already loaded)."""
    library = LazyIcons()
    for widget, name in icons.items():
        library.set(widget, name)
    QTimer.singleShot(0, owner, library.load)
