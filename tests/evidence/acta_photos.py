"""Photos of printed actas made in the test: the acta printed from a database built through
the normal write path, its page rendered with pypdfium2, turned and scaled a little as a
phone would take it."""

from __future__ import annotations

import hashlib
import io
import uuid
from datetime import date
from pathlib import Path

import pypdfium2 as pdfium
from PIL import Image

from planner_desktop.capture import records
from planner_desktop.domain.enums import PhotoKind
from planner_desktop.domain.evidence import Photo, PhotoContent
from planner_desktop.domain.follow_up import Minutes
from planner_desktop.reports.common import ReportOptions
from planner_desktop.reports.registry import write_report
from planner_desktop.store.database import Store
from tests.event_workshop import Workshop

TABLE = (92, 84, 71)
"""The wooden table around the page."""


def add_minutes(store: Store, event_id: uuid.UUID) -> uuid.UUID:
    return records.create(store, Minutes, {
        "event_id": event_id, "place": "Sede sindical", "signed_on": date(2026, 3, 14),
        "agreements": "Presentar las prioridades a la cumbre"})


def acta_pdf(store: Store, event_id: uuid.UUID, out: Path) -> Path:
    with store.raw_session() as session:
        write_report("acta", session, ReportOptions(event=str(event_id)), out)
    return out


def page_image(pdf: Path, page: int = -1, dpi: int = 200) -> Image.Image:
    document = pdfium.PdfDocument(str(pdf))
    try:
        index = page % len(document)
        return document[index].render(scale=dpi / 72).to_pil().convert("RGB")
    finally:
        document.close()


def photographed(page: Image.Image, *, degrees: float = 3.5, scale: float = 0.93,
                 side: int = 0) -> Image.Image:
    """``page`` turned by ``degrees`` and scaled by ``scale`` on a table; ``side``: the
    photo's longest side in pixels (0: as it comes)."""
    turned = page.rotate(degrees, expand=True, fillcolor=TABLE, resample=Image.Resampling.BICUBIC)
    turned = turned.resize((round(turned.width * scale), round(turned.height * scale)),
                           Image.Resampling.BICUBIC)
    photo = Image.new("RGB", (turned.width + 120, turned.height + 160), TABLE)
    photo.paste(turned, (70, 60))
    if side:
        factor = side / max(photo.size)
        photo = photo.resize((round(photo.width * factor), round(photo.height * factor)),
                             Image.Resampling.BICUBIC)
    return jpeg(photo)


def jpeg(image: Image.Image, quality: int = 85) -> Image.Image:
    """``image`` through JPEG compression, as a phone stores it."""
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=quality)
    buffer.seek(0)
    decoded = Image.open(buffer)
    decoded.load()
    return decoded


def attach(store: Store, minutes_id: uuid.UUID, image: Image.Image,
           qr_text: str | None) -> uuid.UUID:
    """An acta photo written as one unit of work (picture and record), the way attaching
    does; the QR text is the one read from ``image``."""
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=80)
    data = buffer.getvalue()
    digest = hashlib.sha256(data).hexdigest()
    photo_id = uuid.uuid4()
    with store.session() as session:
        if session.get(PhotoContent, digest) is None:
            session.add(PhotoContent(sha256=digest, data=data))
        session.add(Photo(id=photo_id, kind=PhotoKind.acta, minutes_id=minutes_id,
                          sha256=digest, media_type="image/jpeg", width=image.width,
                          height=image.height, size=len(data), qr_text=qr_text))
    return photo_id


def printed_workshop(folder: Path) -> tuple[Store, Workshop, Path, str]:
    """A workshop built from nothing, its acta started and printed: the store, what was
    built, the PDF and the QR text printed on it."""
    from planner_desktop.reports.results_hash import event_code
    from tests.event_workshop import build_workshop
    from tests.helpers import new_store

    store = new_store(folder / "workshop.sqlite")
    built = build_workshop(store)
    add_minutes(store, built.event)
    with store.session() as session:
        code = event_code(session, built.event)
    return store, built, acta_pdf(store, built.event, folder / "acta.pdf"), code
