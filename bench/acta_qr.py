"""Reading an acta's QR from a phone photo (issue 18, point 5): milliseconds per photo.

Builds the community workshop of the tests from nothing, prints its acta, renders the page
with the QR at 300 dpi, turns it 4 degrees, lays it on a table and scales it to a
12-megapixel photo (4,000 x 3,000, JPEG quality 85); then times
:func:`planner_desktop.evidence.qr.read_qr` on that photo, on the same photo downscaled to
2,000 pixels, and on a 12-megapixel photo with no QR (the worst case: every pass runs).
Prints the median of ``--runs`` reads of each, the QR text's length and its QR version.

    python bench/acta_qr.py [--runs 7]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from PIL import Image

from planner_desktop.evidence.qr import read_qr
from tests.evidence.acta_photos import jpeg, page_image, printed_workshop


def median_ms(image: Image.Image, runs: int) -> tuple[float, str | None]:
    times, text = [], None
    for _run in range(runs):
        start = time.perf_counter()
        text = read_qr(image)
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times), text


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    runs = parser.parse_args().runs
    with tempfile.TemporaryDirectory() as folder:
        store, _built, pdf, code = printed_workshop(Path(folder))
        store.close()
        page = page_image(pdf, dpi=300)
    turned = page.rotate(4, expand=True, fillcolor=(92, 84, 71),
                         resample=Image.Resampling.BICUBIC)
    turned.thumbnail((2900, 2900))
    photo = Image.new("RGB", (3000, 4000), (92, 84, 71))
    photo.paste(turned, (50, 400))
    photo = jpeg(photo)
    small = photo.copy()
    small.thumbnail((2000, 2000))
    blank = jpeg(Image.new("RGB", (4000, 3000), (236, 233, 226)))
    from reportlab.graphics.barcode.qr import QrCodeWidget

    version = QrCodeWidget(code, barLevel="Q").qr.calculate_version()
    print(f"QR text: {len(code)} characters, QR version {version} at level Q")
    for name, image in (("12 MP photo", photo), ("2,000 px photo", small),
                        ("12 MP, no QR", blank)):
        ms, text = median_ms(image, runs)
        verdict = "acta code" if text == code else ("none" if text is None else "other")
        print(f"{name:16} {image.width}x{image.height}: {ms:7.1f} ms (median of {runs}), {verdict}")


if __name__ == "__main__":
    main()
