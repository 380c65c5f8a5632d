"""The ``planner-desktop`` command: the window with no sub-command, headless work with one.

This module is only the door, and it imports next to nothing. A command line that just
opens the window (nothing but ``--db`` and ``--lang``) goes straight to the window, with Qt
imported before any other module of the program: PySide6 starts markedly slower when many
modules are already loaded (about 70 ms on the start-up benchmark). Every other command line
goes to :mod:`planner_desktop.commands`, which builds the parser. Exit codes: 0 done, 1 the
input was refused (one line on stderr, nothing written), 2 wrong usage.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence


def main(argv: Sequence[str] | None = None) -> int:
    arguments = list(sys.argv[1:] if argv is None else argv)
    window = _window_arguments(arguments)
    if window is not None:
        from planner_desktop.ui.app import prepare_qt

        prepare_qt()
        from planner_desktop.i18n import LANGUAGES

        db, lang = window
        if lang is None or lang in LANGUAGES:
            from planner_desktop.ui.app import run

            return run(db=db, lang=lang)
    from planner_desktop.commands import main as run_command

    return run_command(arguments, own_process=argv is None)


def _window_arguments(argv: Sequence[str]) -> tuple[str | None, str | None] | None:
    """``(db, lang)`` when ``argv`` only opens the window (``--db`` and ``--lang``, spelled
    out in full, each with a value); None for anything else, which the parser handles."""
    values: dict[str, str] = {}
    index = 0
    while index < len(argv):
        name, equals, value = argv[index].partition("=")
        if name not in ("--db", "--lang"):
            return None
        if not equals:
            index += 1
            if index == len(argv):
                return None
            value = argv[index]
        if value.startswith("-"):
            return None
        values[name] = value
        index += 1
    return values.get("--db"), values.get("--lang")
