"""The one-line message area of the printing dialogs: busy, success or refusal."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel

COLOURS = {"ok": "#1b5e20", "error": "#b71c1c", "busy": "", "plain": ""}
BACKGROUNDS = {"ok": "#e8f5e9", "error": "#ffebee", "busy": "", "plain": ""}


def show_message(label: QLabel, text: str, state: str = "plain") -> None:
    """Show ``text`` in ``label``: green on success, red on a refusal; the state is kept
    as the ``state`` property so tests and style sheets can read it."""
    label.setText(text)
    label.setProperty("state", state)
    colour, background = COLOURS.get(state, ""), BACKGROUNDS.get(state, "")
    if colour:
        label.setStyleSheet(
            f"QLabel {{ color: {colour}; background: {background}; padding: 6px;"
            " border-radius: 4px; }"
        )
    else:
        label.setStyleSheet("")
