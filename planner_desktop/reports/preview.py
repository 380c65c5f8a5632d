"""Pictures of a PDF's pages, for the preview in the print dialog (no Qt).

The pages are drawn by PDFium (through pypdfium2), the engine of a widely used browser's
PDF viewer: what the person sees is the document as any reader shows it. Without
pypdfium2 installed, :func:`render_pages` returns None and the dialog only offers to open
the file in the system's viewer.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

MAX_PAGES = 30
"""Pages drawn at the most (a long PDM draft is looked at in the viewer)."""


@dataclass(frozen=True)
class PagePicture:
    """One page as 8-bit RGB rows: ``stride`` bytes a row, ``height`` rows."""

    width: int
    height: int
    stride: int
    rgb: bytes


def render_pages(pdf: Path, width: int, limit: int = MAX_PAGES) -> list[PagePicture] | None:
    """The first ``limit`` pages of ``pdf``, ``width`` pixels wide; None without PDFium."""
    try:
        import pypdfium2 as pdfium
    except ImportError:
        return None
    document = pdfium.PdfDocument(str(pdf))
    try:
        pictures = []
        for index in range(min(len(document), limit)):
            page = document[index]
            page_width, _height = page.get_size()
            bitmap = page.render(scale=width / page_width, rev_byteorder=True)
            pictures.append(
                PagePicture(bitmap.width, bitmap.height, bitmap.stride, bytes(bitmap.buffer))
            )
            page.close()
        return pictures
    finally:
        document.close()
