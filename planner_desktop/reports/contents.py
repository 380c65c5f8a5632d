"""A table of contents with page numbers, laid out in one pass.

Each section heading notes the page it lands on while it is drawn; the contents page
leaves the numbers to the canvas, which writes them when the whole document is known
(:func:`planner_desktop.reports.layout.defer_text`). One pass instead of reportlab's
``multiBuild`` keeps long documents fast.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any
from xml.sax.saxutils import escape

from reportlab.platypus import Flowable, Paragraph

from planner_desktop.reports.layout import FONT, FONT_BOLD, STYLES, defer_text

LINE = 15.0


class _Anchor(Paragraph):
    """A heading that records its page and adds a PDF bookmark."""

    def __init__(self, text: str, level: int, key: str, pages: dict[str, int]) -> None:
        super().__init__(escape(text), STYLES[f"h{level}"])
        self._title = text
        self._level = level
        self._key = key
        self._pages = pages

    def draw(self) -> None:
        super().draw()
        canvas = self.canv
        self._pages[self._key] = canvas.getPageNumber()
        canvas.bookmarkPage(self._key)
        canvas.addOutlineEntry(self._title, self._key, level=self._level - 1, closed=True)


class _Contents(Flowable):
    def __init__(self, entries: list[tuple[str, str, int]], pages: dict[str, int]) -> None:
        super().__init__()
        self._entries = entries
        self._pages = pages
        self._width = 0.0

    def wrap(self, available_width: float, _available_height: float) -> tuple[float, float]:
        self._width = available_width
        return available_width, LINE * len(self._entries)

    def draw(self) -> None:
        canvas = self.canv
        for index, (key, text, level) in enumerate(self._entries):
            y = LINE * (len(self._entries) - index - 1) + 3
            canvas.setFont(FONT_BOLD if level == 1 else FONT, 9.5)
            canvas.drawString((level - 1) * 14, y, text)
            x, page_y = canvas.absolutePosition(self._width, y)
            defer_text(canvas, x, page_y, self._page_of(key))

    def _page_of(self, key: str) -> Callable[[], str]:
        return lambda: str(self._pages.get(key, ""))


class Contents:
    """Make the headings first, then :meth:`flowable` for the contents page."""

    def __init__(self, max_level: int = 2) -> None:
        self._entries: list[tuple[str, str, int]] = []
        self._pages: dict[str, int] = {}
        self._max_level = max_level
        self._count = 0

    def heading(self, text: str, level: int = 1) -> Any:
        self._count += 1
        key = f"s{self._count}"
        if level <= self._max_level:
            self._entries.append((key, text, level))
        return _Anchor(text, level, key, self._pages)

    def flowable(self) -> Flowable:
        return _Contents(self._entries, self._pages)
