"""Table headers that wrap at spaces only: a header word is never split ("Potencialida d").

The columns a document asks for are kept when every word of every header fits its column
at the header's usual size (8 pt bold). Otherwise the rule is, in this order:

1. the header row's size goes down, half a point at a time, to :data:`SMALLEST_COMFORTABLE`
   (7 pt), the same size for the whole row;
2. still too narrow, a column is widened to fit its longest header word at that size; the
   width it needs is taken from the other columns in proportion to their spare room (what
   each has beyond its own longest header word), so the table keeps its total width;
3. when the other columns have no room to give (very many narrow columns), the size goes
   down further until the longest word of every header fits, never below what fits.

Words are what lies between spaces or line breaks: a hyphenated word ("Socio-cultural")
is one word.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import repeat

from reportlab.lib.utils import simpleSplit
from reportlab.pdfbase import pdfmetrics

from planner_desktop.reports.layout import CELL_PADDING, FONT, FONT_BOLD

USUAL_SIZE = 8.0
SMALLEST_COMFORTABLE = 7.0
STEP = 0.5


@functools.cache
def _advances(font: str) -> tuple[dict[int, float], float]:
    face = pdfmetrics.getFont(font).face
    return face.charWidths, face.defaultWidth


def text_width(text: str, font: str = FONT, size: float = 8) -> float:
    """``pdfmetrics.stringWidth`` for an embedded TrueType font, summed at C speed."""
    widths, default = _advances(font)
    return 0.001 * size * sum(map(widths.get, map(ord, text), repeat(default)))


@dataclass(frozen=True)
class HeaderFit:
    """The column widths and the header row's font size that keep every header word whole."""

    widths: list[float]
    size: float


def longest_word(text: str, size: float) -> float:
    """The width of the widest word of ``text`` in the header's bold font at ``size``."""
    return max((text_width(word, FONT_BOLD, size) for word in text.split()), default=0.0)


def _fits(header: Sequence[str], widths: Sequence[float], size: float) -> bool:
    return all(
        longest_word(text, size) <= width - 2 * CELL_PADDING
        for text, width in zip(header, widths, strict=True)
    )


def _widened(header: Sequence[str], widths: Sequence[float], size: float) -> list[float] | None:
    """``widths`` with the narrow columns widened from the others' spare room, or None."""
    needed = [longest_word(text, size) + 2 * CELL_PADDING + 0.01 for text in header]
    deficit = sum(max(0.0, need - width) for need, width in zip(needed, widths, strict=True))
    spare = [max(0.0, width - need) for need, width in zip(needed, widths, strict=True)]
    if deficit > sum(spare):
        return None
    share = deficit / sum(spare) if deficit else 0.0
    return [
        max(need, width - room * share)
        for need, width, room in zip(needed, widths, spare, strict=True)
    ]


def fit_header(header: Sequence[str], widths: Sequence[float]) -> HeaderFit:
    """Widths and size for a header row whose words are never split (see the module)."""
    size = USUAL_SIZE
    while size >= SMALLEST_COMFORTABLE:
        if _fits(header, widths, size):
            return HeaderFit(list(widths), size)
        size -= STEP
    widened = _widened(header, widths, SMALLEST_COMFORTABLE)
    if widened is not None:
        return HeaderFit(widened, SMALLEST_COMFORTABLE)
    size = SMALLEST_COMFORTABLE
    while size > STEP and not _fits(header, widths, size):
        size -= STEP / 2
    return HeaderFit(list(widths), size)


def header_text(text: str, width: float, size: float) -> str:
    """A header's text in lines broken at spaces only, fitting ``width`` at ``size``."""
    room = width - 2 * CELL_PADDING
    lines: list[str] = []
    for paragraph in text.splitlines() or [""]:
        lines += simpleSplit(paragraph, FONT_BOLD, size, room) or [""]
    return "\n".join(lines)
