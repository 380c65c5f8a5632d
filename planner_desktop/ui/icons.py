"""Icons from qtawesome, loaded after the window is first shown (it takes a while to import)."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from typing import Protocol

    from PySide6.QtGui import QIcon

    class HasIcon(Protocol):
        def setIcon(self, icon: QIcon, /) -> None: ...


log = logging.getLogger(__name__)


class LazyIcons:
    """Gives widgets and actions their icons once :meth:`load` has run.

    Before that, :meth:`set` remembers what to decorate; afterwards it decorates at once.
    Without qtawesome the program simply shows no icons.
    """

    def __init__(self) -> None:
        self._pending: list[tuple[HasIcon, str]] = []
        self._library: Any = None
        self.loaded = False

    def load(self) -> None:
        if self.loaded:
            return
        self.loaded = True
        try:
            import qtawesome
        except ImportError as error:
            log.warning("icons are off: %s", error)
            self._pending.clear()
            return
        self._library = qtawesome
        pending, self._pending = self._pending, []
        for target, name in pending:
            self._apply(target, name)

    def icon(self, name: str) -> QIcon:
        # Imported here: naming these classes costs start-up time, icons come after it.
        from PySide6.QtGui import QIcon, QPalette
        from PySide6.QtWidgets import QApplication

        if self._library is None:
            return QIcon()
        palette = QApplication.palette()
        text = palette.color(QPalette.ColorRole.WindowText)
        return self._library.icon(
            name,
            color=text,
            color_active=text,
            color_on=palette.color(QPalette.ColorRole.HighlightedText),
            color_on_active=palette.color(QPalette.ColorRole.HighlightedText),
        )

    def set(self, target: HasIcon, name: str) -> None:
        if self.loaded:
            self._apply(target, name)
        else:
            self._pending.append((target, name))

    def _apply(self, target: HasIcon, name: str) -> None:
        try:
            target.setIcon(self.icon(name))
        except RuntimeError:  # the widget was rebuilt (language switch) before icons came
            return
        except Exception as error:  # an unknown icon name must not stop the window
            log.warning("no icon %s: %s", name, error)
