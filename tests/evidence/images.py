"""Pictures made in the tests (Pillow), hostile ones included."""

from __future__ import annotations

import io
import struct
import zlib
from pathlib import Path

from PIL import ExifTags, Image

LA_PAZ = (16.5, 68.15)
"""A place south and west: the EXIF says S and W."""


def photo(
    size: tuple[int, int] = (3200, 2400),
    *,
    orientation: int = 1,
    gps: bool = False,
    comment: bytes = b"",
) -> bytes:
    """A JPEG photograph: left half red, right half blue (to see the orientation), with
    the camera's EXIF (make, model, serial, optionally GPS) and a comment."""
    image = Image.new("RGB", size, (220, 20, 20))
    image.paste((20, 20, 220), (size[0] // 2, 0, size[0], size[1]))
    exif = Image.Exif()
    exif[ExifTags.Base.Make] = "PhoneMaker"
    exif[ExifTags.Base.Model] = "Phone 12 Pro"
    exif[ExifTags.Base.Orientation] = orientation
    exif[ExifTags.Base.BodySerialNumber] = "SN-998877"
    if gps:
        exif[ExifTags.IFD.GPSInfo] = {
            ExifTags.GPS.GPSLatitudeRef: "S",
            ExifTags.GPS.GPSLatitude: (16.0, 30.0, 0.0),
            ExifTags.GPS.GPSLongitudeRef: "W",
            ExifTags.GPS.GPSLongitude: (68.0, 9.0, 0.0),
        }
    out = io.BytesIO()
    image.save(out, "JPEG", quality=90, exif=exif, comment=comment)
    return out.getvalue()


def line_art(size: tuple[int, int] = (800, 600)) -> bytes:
    """A PNG of two colours with a text chunk (a scanned drawing)."""
    from PIL import ImageDraw, PngImagePlugin

    image = Image.new("RGB", size, (255, 255, 255))
    ImageDraw.Draw(image).rectangle((100, 100, 400, 300), outline=(0, 0, 0), width=5)
    info = PngImagePlugin.PngInfo()
    info.add_text("Author", "Someone")
    out = io.BytesIO()
    image.save(out, "PNG", pnginfo=info)
    return out.getvalue()


def png_bomb(width: int = 100_000, height: int = 100_000) -> bytes:
    """A PNG that declares ``width`` × ``height`` pixels and holds almost none (its
    header built by hand: nothing that big is ever allocated)."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        crc = zlib.crc32(kind + data) & 0xFFFFFFFF
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", crc)

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    data = zlib.compress(b"\x00" * 64)
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", data) + chunk(b"IEND", b"")
    )


def write(folder: Path, name: str, data: bytes) -> Path:
    path = folder / name
    path.write_bytes(data)
    return path
