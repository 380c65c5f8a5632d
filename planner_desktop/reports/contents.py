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

    def split(self, available_width: float, available_height: float) -> list[Flowable]:
        """A long contents runs onto the next page: the lines that fit, then the rest."""
        fit = int(available_height // LINE)
        if fit < 1 or fit >= len(self._entries):
            return []
        return [
            _Contents(self._entries[:fit], self._pages),
            _Contents(self._entries[fit:], self._pages),
        ]

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


class Sections:
    """Section headings numbered as they are printed (``3.``, ``3.2``), so that a section
    left out because it would be empty leaves no gap in the numbering."""

    def __init__(self, toc: Contents, prefix: str = "") -> None:
        self._toc = toc
        self._prefix = prefix
        self._major = 0
        self._minor = 0

    def section(self, title: str) -> Any:
        self._major += 1
        self._minor = 0
        return self._toc.heading(f"{self._prefix}{self._major}. {title}", 1)

    def sub(self, title: str) -> Any:
        self._minor += 1
        return self._toc.heading(f"{self._prefix}{self._major}.{self._minor} {title}", 2)
