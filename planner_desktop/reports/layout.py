"""The page every document shares: fonts, paper, letterhead, page numbers and styles.

The embedded DejaVu Sans covers every Spanish letter (á é í ó ú ü ñ ¿ ¡ º ª), so nothing
depends on the fonts of the computer that prints. Tables are in
:mod:`planner_desktop.reports.tables`.
"""

from __future__ import annotations

import functools
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import IO, Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A4, LETTER, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    CondPageBreak,
    Flowable,
    Frame,
    PageTemplate,
    Paragraph,
    Spacer,
)

from planner_desktop import paths
from planner_desktop.i18n import _
from planner_desktop.locales import short_date
from planner_desktop.reports import numbers

FONT = "DejaVuSans"
FONT_BOLD = "DejaVuSans-Bold"
PAPERS: dict[str, tuple[float, float]] = {"a4": A4, "letter": LETTER}
MARGIN = 1.5 * cm
HEADER_HEIGHT = 1.9 * cm
FOOTER_HEIGHT = 0.9 * cm
HEADING_ROOM = 4 * cm
CELL_PADDING = 4.0
CELL_LEADING = 10.0
HEADER_GREY = colors.Color(0.85, 0.85, 0.85)
LINE_GREY = colors.Color(0.45, 0.45, 0.45)

_fonts_lock = threading.Lock()
_fonts_ready = False


def register_fonts() -> None:
    """Register the embedded fonts with reportlab (once per process)."""
    global _fonts_ready
    with _fonts_lock:
        if _fonts_ready:
            return
        folder = paths.resources_dir() / "fonts"
        pdfmetrics.registerFont(TTFont(FONT, str(folder / "DejaVuSans.ttf")))
        pdfmetrics.registerFont(TTFont(FONT_BOLD, str(folder / "DejaVuSans-Bold.ttf")))
        pdfmetrics.registerFontFamily(
            FONT, normal=FONT, bold=FONT_BOLD, italic=FONT, boldItalic=FONT_BOLD
        )
        _fonts_ready = True


def _style(name: str, size: float, *, bold: bool = False, **extra: Any) -> ParagraphStyle:
    return ParagraphStyle(
        name,
        fontName=FONT_BOLD if bold else FONT,
        fontSize=size,
        leading=size * 1.25,
        **extra,
    )


STYLES: dict[str, ParagraphStyle] = {
    "body": _style("body", 9.5, spaceAfter=4),
    "cell": _style("cell", 8),
    "cell_bold": _style("cell_bold", 8, bold=True),
    "small": _style("small", 7.5),
    "title": _style("title", 15, bold=True, spaceAfter=6, alignment=TA_CENTER),
    "subtitle": _style("subtitle", 10, spaceAfter=10, alignment=TA_CENTER),
    "h1": _style("h1", 13, bold=True, spaceBefore=10, spaceAfter=6),
    "h2": _style("h2", 10.5, bold=True, spaceBefore=8, spaceAfter=4),
    "toc": _style("toc", 10, leftIndent=0.4 * cm),
}


def para(text: str, style: str = "body") -> Paragraph:
    """A paragraph of plain text (escaped; line breaks kept)."""
    return Paragraph(escape(text).replace("\n", "<br/>"), STYLES[style])


def heading(text: str, level: int = 1) -> Paragraph:
    return para(text, f"h{level}")


def gap(height: float = 0.3 * cm) -> Spacer:
    return Spacer(1, height)


def money(amount: Any) -> str:
    """An amount with two decimals in the document's language: see
    :func:`planner_desktop.reports.numbers.money`."""
    return numbers.money(amount)


def printed_date(day: date | None) -> str:
    """A date as the window shows it, in the document's language (``2/11/2026`` in
    Spanish, ``11/2/2026`` in English): see :mod:`planner_desktop.locales`."""
    return short_date(day)


spanish_date = printed_date
"""The former name, still used by some documents."""


@dataclass(frozen=True)
class Letterhead:
    """What the header and footer show on every page."""

    municipality: str
    place: str = ""
    logo: Path | None = None
    generated: date = field(default_factory=date.today)


@dataclass
class Document:
    """A document ready to be laid out: its title and its flowables."""

    title: str
    flowables: list[Flowable]
    subtitle: str = ""
    landscape: bool = False


def page_size(paper: str, *, wide: bool = False) -> tuple[float, float]:
    size = PAPERS[paper]
    return landscape(size) if wide else size


def frame_size(paper: str, *, wide: bool = False) -> tuple[float, float]:
    """Width and height of the writing area of one page."""
    width, height = page_size(paper, wide=wide)
    return width - 2 * MARGIN, height - 2 * MARGIN - HEADER_HEIGHT - FOOTER_HEIGHT


def default_logo() -> Path | None:
    """``logo.png`` or ``logo.jpg`` in the user's data folder, else one in resources."""
    for folder in (paths.data_dir(), paths.resources_dir()):
        for name in ("logo.png", "logo.jpg"):
            candidate = folder / name
            if candidate.is_file():
                return candidate
    return None


LateText = tuple[int, float, float, Callable[[], str]]


def defer_text(canvas: Canvas, x: float, y: float, text: Callable[[], str]) -> None:
    """Draw ``text()`` right-aligned at (x, y) on the current page once the document is laid
    out (a page number in the table of contents, known only later)."""
    late: list[LateText] | None = getattr(canvas, "late_texts", None)
    if late is not None:
        late.append((canvas.getPageNumber(), x, y, text))


class _NumberedCanvas(Canvas):
    """Writes "Página N de M": pages are kept until the total is known."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._saved_states: list[dict[str, Any]] = []
        self.late_texts: list[LateText] = []

    def showPage(self) -> None:
        self._saved_states.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        total = len(self._saved_states)
        for state in self._saved_states:
            self.__dict__.update(state)
            self.setFont(FONT, 7.5)
            self.setFillColor(colors.black)
            text = _("Page {page} of {pages}").format(page=self._pageNumber, pages=total)
            self.drawRightString(self._pagesize[0] - MARGIN, MARGIN, text)
            self.setFont(FONT, 9.5)
            for page, x, y, late in self.late_texts:
                if page == self._pageNumber:
                    self.drawRightString(x, y, late())
            super().showPage()
        super().save()


class _Template(BaseDocTemplate):
    def __init__(self, target: Any, document: Document, letterhead: Letterhead, paper: str) -> None:
        size = page_size(paper, wide=document.landscape)
        super().__init__(
            target,
            pagesize=size,
            leftMargin=MARGIN,
            rightMargin=MARGIN,
            topMargin=MARGIN + HEADER_HEIGHT,
            bottomMargin=MARGIN + FOOTER_HEIGHT,
            title=document.title,
            author=letterhead.municipality,
            creator="Planner Desktop",
        )
        self.document = document
        self.letterhead = letterhead
        self._logo = _load_logo(letterhead.logo)
        width, height = frame_size(paper, wide=document.landscape)
        frame = Frame(
            MARGIN,
            MARGIN + FOOTER_HEIGHT,
            width,
            height,
            id="body",
            leftPadding=0,
            rightPadding=0,
            topPadding=0,
            bottomPadding=0,
        )
        self.addPageTemplates([PageTemplate("page", [frame], onPage=self._decorate)])

    def _decorate(self, canvas: Canvas, _doc: BaseDocTemplate) -> None:
        width, height = canvas._pagesize
        top = height - MARGIN
        left = MARGIN
        canvas.saveState()
        if self._logo is not None:
            image, (iw, ih) = self._logo
            logo_h = HEADER_HEIGHT - 0.4 * cm
            logo_w = min(logo_h * iw / ih, 4 * cm)
            canvas.drawImage(
                image, left, top - logo_h, logo_w, logo_h, preserveAspectRatio=True, mask="auto"
            )
            left += logo_w + 0.3 * cm
        room = width - MARGIN - left
        canvas.setFont(FONT_BOLD, 10)
        canvas.drawString(left, top - 0.4 * cm, _clip(self.letterhead.municipality, room, 10))
        canvas.setFont(FONT, 8)
        if self.letterhead.place:
            canvas.drawString(left, top - 0.8 * cm, _clip(self.letterhead.place, room, 8))
        canvas.setFont(FONT_BOLD, 8)
        canvas.drawString(left, top - 1.2 * cm, _clip(self.document.title, room, 8, FONT_BOLD))
        canvas.setStrokeColor(LINE_GREY)
        canvas.setLineWidth(0.6)
        line_y = top - HEADER_HEIGHT + 0.3 * cm
        canvas.line(MARGIN, line_y, width - MARGIN, line_y)
        canvas.line(MARGIN, MARGIN + 0.4 * cm, width - MARGIN, MARGIN + 0.4 * cm)
        canvas.setFont(FONT, 7.5)
        canvas.drawString(
            MARGIN,
            MARGIN,
            _("Printed on {date}").format(date=printed_date(self.letterhead.generated)),
        )
        canvas.restoreState()


@functools.lru_cache(maxsize=64)
def _clip(text: str, width: float, size: float, font: str = FONT) -> str:
    """``text`` shortened with an ellipsis so that it fits in ``width`` (the same texts
    are clipped on every page, so they are remembered)."""
    if pdfmetrics.stringWidth(text, font, size) <= width:
        return text
    while text and pdfmetrics.stringWidth(text + "…", font, size) > width:
        text = text[:-1]
    return text + "…"


def _load_logo(path: Path | None) -> tuple[ImageReader, tuple[int, int]] | None:
    """The logo image, or None when there is none or it cannot be read."""
    if path is None:
        return None
    try:
        image = ImageReader(str(path))
        size = image.getSize()
    except Exception:  # any unreadable image is simply left out
        return None
    return (image, size) if size[0] > 0 and size[1] > 0 else None


def render(
    document: Document, letterhead: Letterhead, paper: str, target: str | Path | IO[bytes]
) -> None:
    """Lay ``document`` out on ``paper`` (``a4`` or ``letter``) and write the PDF."""
    register_fonts()
    template = _Template(
        str(target) if isinstance(target, Path) else target, document, letterhead, paper
    )
    story: list[Flowable] = [para(document.title, "title")]
    if document.subtitle:
        story.append(para(document.subtitle, "subtitle"))
    story.extend(_headings_kept_with_text(document.flowables))
    template.build(story, canvasmaker=_NumberedCanvas)


def _headings_kept_with_text(flowables: Sequence[Flowable]) -> list[Flowable]:
    """A heading never ends a page: start a new one when little room is left before it.

    (reportlab's ``keepWithNext`` would move a whole long table to the next page.)
    """
    out: list[Flowable] = []
    previous_heading = False
    for flowable in flowables:
        is_heading = isinstance(flowable, Paragraph) and flowable.style.name in ("h1", "h2")
        if is_heading and not previous_heading:
            out.append(CondPageBreak(HEADING_ROOM))
        out.append(flowable)
        previous_heading = is_heading
    return out
