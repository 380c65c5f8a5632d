"""The workbook's own escape for characters in text: ``_xHHHH_``.

A workbook stores a character XML cannot carry (a control character) as ``_xHHHH_``
(``_x0001_``), and a typed ``_x`` followed by four hex digits as ``_x005F_xHHHH_`` so that
it is not taken for such an escape; Excel and LibreOffice decode both when they read a
file. openpyxl neither writes nor reads them, so the program does both itself: an export
shows in a spreadsheet the text that is stored, and an import reads the text the
spreadsheet showed (a control character then meets the rules like any other).
"""

from __future__ import annotations

import re

_ESCAPED = re.compile(r"_x([0-9A-Fa-f]{4})_")


def decode(text: str) -> str:
    """The text a spreadsheet shows for ``text`` as stored in the workbook."""
    if "_x" not in text:
        return text
    return _ESCAPED.sub(lambda match: chr(int(match.group(1), 16)), text)


def encode(text: str) -> str:
    """``text`` as the workbook must store it so that a spreadsheet shows it unchanged."""
    if "_x" not in text:
        return text
    return _ESCAPED.sub(lambda match: "_x005F" + match.group(0), text)
