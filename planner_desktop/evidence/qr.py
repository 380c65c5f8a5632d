"""Reading the QR code in a photo of a signed acta (zxing-cpp; imported only when reading).

:func:`read_qr` looks for QR codes only, in a grayscale copy of the picture:

1. a phone photo is first read at :data:`WORKING_SIDE` pixels on its longest side (a QR
   printed on an A4 acta still has 3 or more pixels per module there, and the read takes
   a fraction of the full picture's time), then, if nothing was found, at full size;
2. if still nothing, each of those again with the global-histogram binarizer (better on
   evenly lit, low-contrast paper) and turned 45° (a code photographed at a slant whose
   finder patterns the first passes missed).

zxing-cpp itself already tries quarter turns, smaller scales and inverted codes on every
pass. Among the codes found, the first that is an acta code (either version, see
:mod:`planner_desktop.reports.acta_code`) is returned; failing that, the text of any QR code
(a code from another program, which the check tells as such); failing that, None.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from planner_desktop.reports.acta_code import parse_code

if TYPE_CHECKING:
    from PIL.Image import Image

WORKING_SIDE = 2400
"""Longest side, in pixels, of the first and cheapest pass over a big photo."""


def read_qr(image: Image) -> str | None:
    """The text of the acta code in ``image``, else of any QR code in it, else None."""
    found: list[str] = []
    for texts in _passes(image):
        for text in texts:
            if is_acta_code(text):
                return text
        found += texts
        if found:
            return found[0]
    return None


def is_acta_code(text: str) -> bool:
    try:
        parse_code(text)
    except ValueError:
        return False
    return True


def _passes(image: Image) -> Iterator[list[str]]:
    gray = _grayscale(image)
    sizes = [gray]
    if max(gray.size) > WORKING_SIDE:
        small = gray.copy()
        small.thumbnail((WORKING_SIDE, WORKING_SIDE), reducing_gap=2.0)
        sizes = [small, gray]
    for picture in sizes:
        yield _read(picture)
    for picture in sizes:
        yield _read(picture, histogram=True)
        yield _read(picture.rotate(45, expand=True, fillcolor=255))


def _read(picture: Image, *, histogram: bool = False) -> list[str]:
    import zxingcpp

    binarizer = (
        zxingcpp.Binarizer.GlobalHistogram if histogram else zxingcpp.Binarizer.LocalAverage
    )
    barcodes = zxingcpp.read_barcodes(
        picture,
        formats=zxingcpp.BarcodeFormats(zxingcpp.BarcodeFormat.QRCode),
        try_rotate=True,
        try_downscale=True,
        try_invert=True,
        binarizer=binarizer,
    )
    return [barcode.text for barcode in barcodes if barcode.valid and barcode.text]


def _grayscale(image: Image) -> Image:
    """One 8-bit channel; transparency laid on white, as on paper."""
    if image.mode in ("RGBA", "LA", "PA") or (image.mode == "P" and "transparency" in image.info):
        from PIL import Image as PILImage

        rgba = image.convert("RGBA")
        white = PILImage.new("RGBA", rgba.size, (255, 255, 255, 255))
        white.alpha_composite(rgba)
        return white.convert("L")
    return image.convert("L")
