"""Keyboard rules of every window, applied in one place as fields receive the focus.

- **Tab leaves a multi-line field** (``setTabChangesFocus``): a tab character is never what
  a facilitator means in a description or an agenda.
- **Ctrl+Z works wherever the cursor is.** Inside a field being typed, the field's own undo
  comes first (the letters just typed); once the field has nothing left to undo, Ctrl+Z
  (and Ctrl+Y / Ctrl+Shift+Z) reach the window's undo stack instead of being swallowed by
  the field, so the last saved edit is undone from any field.
- :class:`TypeAheadCombo`: typing a letter in a closed list chooses the first item that
  starts with it *in the list's order* (the method's order: Problema before Potencialidad);
  the same letter again goes on to the next one.
- **A closed dialog gives the keyboard back to the window it was opened over.** Alt+letter
  (the menus, a wizard's Next and Back) and every other shortcut answer only in the active
  window. Once a dialog (a file chooser, a message, a form) closed, nothing was active
  unless a window manager stepped in: typing still reached the field, but no shortcut
  answered until the window was clicked. :func:`present` shows a window activated for
  the same reason.

Only the widget that has the focus is watched (no filter on the whole application).
"""

from __future__ import annotations

import time
import unicodedata

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)

UNDO = QKeySequence.StandardKey.Undo
REDO = QKeySequence.StandardKey.Redo
REDO_KEYS = (QKeySequence("Ctrl+Y"), QKeySequence("Ctrl+Shift+Z"))
"""The window's redo shortcuts (see ``menus.py``), whatever the platform's standard."""
WATCHED = "plannerKeyboardWatched"


def _own_undo(widget: QObject, redo: bool) -> bool:
    """Whether the field has typing of its own to undo (or redo)."""
    if isinstance(widget, QAbstractSpinBox):
        widget = widget.findChild(QLineEdit) or widget
    if isinstance(widget, QLineEdit):
        return widget.isRedoAvailable() if redo else widget.isUndoAvailable()
    if isinstance(widget, QPlainTextEdit | QTextEdit):
        document = widget.document()
        return document.isRedoAvailable() if redo else document.isUndoAvailable()
    return False


class KeyboardRules(QObject):
    """Applies the rules of the module docstring to each field that gets the focus."""

    def __init__(self, app: QApplication) -> None:
        super().__init__(app)
        app.focusChanged.connect(self.focus_changed)

    def focus_changed(self, old: QWidget | None, new: QWidget | None) -> None:
        if new is None:
            if old is not None:
                self._give_back(old)
            return
        if isinstance(new, QPlainTextEdit | QTextEdit):
            new.setTabChangesFocus(True)
        if isinstance(new, QLineEdit | QPlainTextEdit | QTextEdit | QAbstractSpinBox) \
                and not new.property(WATCHED):
            new.setProperty(WATCHED, True)
            new.installEventFilter(self)

    @staticmethod
    def _give_back(old: QWidget) -> None:
        """The focus left ``old`` for no widget: if its window closed, activate its opener.

        Leaving for another program keeps ``old``'s window visible: then nothing is done.
        The check waits for the event loop, so that a window manager acts first.
        """
        closed = old.window()
        opener = closed.parentWidget()
        if opener is None:
            return

        def activate() -> None:
            if closed.isVisible() or QApplication.activeWindow() is not None \
                    or not opener.isVisible():
                return
            opener.window().activateWindow()

        QTimer.singleShot(0, opener, activate)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.ShortcutOverride or not isinstance(event, QKeyEvent):
            return False
        pressed = QKeySequence(event.keyCombination())
        if event.matches(UNDO):
            redo = False
        elif event.matches(REDO) or pressed in REDO_KEYS:
            redo = True
        else:
            return False
        if _own_undo(watched, redo):
            return False  # the field undoes its own typing first
        event.ignore()  # not taken by the field: the window's shortcut runs
        return True


_rules: list[KeyboardRules] = []


def install_keyboard(app: QApplication) -> KeyboardRules:
    """Apply the rules to every window of ``app`` (once)."""
    if not _rules:
        _rules.append(KeyboardRules(app))
    return _rules[0]


def present(window: QWidget) -> None:
    """Show ``window`` raised and active, so that its shortcuts answer at once."""
    window.show()
    window.raise_()
    window.activateWindow()


def plain(text: str) -> str:
    """``text`` to compare as a person reads it: case and accents ignored."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


class TypeAheadCombo(QComboBox):
    """A closed list whose type-ahead follows the list's order (see the module docstring)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._typed = ""
        self._last = 0.0

    def keyPressEvent(self, event: QKeyEvent) -> None:
        text = event.text()
        modifiers = event.modifiers() & ~event.modifiers().KeypadModifier
        if self.isEditable() or not text or not text.isprintable() or text.isspace() \
                or modifiers not in (modifiers.NoModifier, modifiers.ShiftModifier):
            super().keyPressEvent(event)
            return
        now = time.monotonic()
        fresh = now - self._last > QApplication.keyboardInputInterval() / 1000
        self._last = now
        letter = plain(text)
        again = not fresh and set(self._typed) == {letter}
        self._typed = letter if fresh or again else self._typed + letter
        found = self._find(self._typed, after=self.currentIndex() if again else -1)
        if found >= 0 and found != self.currentIndex():
            self.setCurrentIndex(found)
            self.activated.emit(found)
        event.accept()

    def _find(self, prefix: str, after: int) -> int:
        """The first item starting with ``prefix`` after row ``after``, wrapping round."""
        count = self.count()
        for step in range(1, count + 1):
            row = (after + step) % count
            if plain(self.itemText(row)).startswith(prefix):
                return row
        return -1
