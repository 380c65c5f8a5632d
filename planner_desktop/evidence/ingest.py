"""A photo file taken in as a stored picture (no Qt; Pillow is imported here only).

The file is hostile input until decoded. In order, each refusal one line naming the file:

1. its size: at most :data:`MAX_INPUT_BYTES` (checked before reading it);
2. its type, by content and never by name: JPEG, PNG or HEIC/HEIF (HEIF through
   pillow-heif, registered the first time a HEIF file comes); another image type is
   refused as unsupported, anything else as not an image;
3. its declared size, read from the header before any pixel is decoded: at most
   :data:`MAX_INPUT_PIXELS` (Pillow's ``MAX_IMAGE_PIXELS`` is set to it for the call and its
   ``DecompressionBombWarning`` is an error, so a bomb is refused, never allocated);
4. the whole picture decoded, truncated files refused (``LOAD_TRUNCATED_IMAGES`` off).

Then the EXIF GPS position is read (kept only when the person asks to keep the photo's
place), the EXIF orientation applied, colours converted to sRGB from an embedded ICC
profile, the picture downscaled to :data:`MAX_STORED_SIDE` on its long side and encoded
again with no metadata at all (no EXIF, XMP, ICC, comment or text chunk): no GPS position,
camera or owner data leaves the laptop. What is stored:

- **JPEG** at :data:`JPEG_QUALITY` for photographs (every JPEG and HEIC, and a PNG with
  more than :data:`PNG_MAX_COLOURS` colours);
- **PNG** for line art: a PNG of at most :data:`PNG_MAX_COLOURS` colours (a scan, a
  drawing) stays PNG, losslessly, unless that is bigger than :data:`MAX_STORED_BYTES`, when
  it becomes a JPEG like a photograph.

Transparent areas are laid on white. The SHA-256 of the stored bytes names the picture.
"""

from __future__ import annotations

import hashlib
import io
import math
import threading
import warnings
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from planner_desktop.i18n import _

if TYPE_CHECKING:
    from PIL import Image as PILImage

MAX_INPUT_BYTES = 50 * 1024 * 1024
"""Largest photo file taken in: a phone's full-size JPEG or HEIC is 2–15 MB."""
MAX_INPUT_PIXELS = 64_000_000
"""Most pixels of a picture taken in: 48–50 megapixel phone cameras pass; decoding one
needs about 200 MB, which a facilitator's laptop has."""
MAX_STORED_SIDE = 2400
"""Long side of a stored picture, in pixels: an A4 acta photographed whole is about
200 dots per inch at this size, so handwriting, signatures and the printed QR stay
legible, and a picture weighs 0.3–1.5 MB (a session file carries hundreds)."""
JPEG_QUALITY = 85
"""JPEG quality of a stored photograph: no visible loss on handwriting and print."""
PNG_MAX_COLOURS = 256
"""A PNG with at most this many colours is line art and stays PNG (lossless)."""
MAX_STORED_BYTES = 6 * 1024 * 1024
"""Most bytes of one stored picture (also the limit of a picture part of a session file);
a JPEG of 2,400 pixels is far smaller, even of noise."""

JPEG, PNG = "image/jpeg", "image/png"
EXTENSIONS = {JPEG: "jpg", PNG: "png"}

_HEIF_BRANDS = frozenset({b"heic", b"heix", b"heim", b"heis", b"hevc", b"hevx", b"mif1", b"msf1"})
_OTHER_IMAGES = (
    (b"GIF87a", "GIF"),
    (b"GIF89a", "GIF"),
    (b"BM", "BMP"),
    (b"II*\x00", "TIFF"),
    (b"MM\x00*", "TIFF"),
    (b"\x00\x00\x01\x00", "ICO"),
)
_limits = threading.Lock()
_heif_registered = False


class PhotoRefused(ValueError):
    """The photo is not taken in; the message is one line naming the file."""

    def __init__(self, name: str, reason: str) -> None:
        super().__init__(f"{name}: {reason}")
        self.reason = reason


@dataclass(frozen=True)
class StoredPicture:
    """What the program keeps of a photo file."""

    data: bytes
    sha256: str
    media_type: str
    width: int
    height: int
    latitude: float | None = None
    longitude: float | None = None
    qr_text: str | None = None

    @property
    def size(self) -> int:
        return len(self.data)

    @property
    def part_extension(self) -> str:
        return EXTENSIONS[self.media_type]


def ingest_file(
    path: Path | str, *, keep_location: bool = False, read_qr: bool = False
) -> StoredPicture:
    """Read the photo at ``path`` as described above; raise :class:`PhotoRefused`.

    ``read_qr``: read the acta's QR from the decoded picture before it is downscaled
    (:func:`planner_desktop.evidence.qr.read_qr`; none read while that module is absent).
    """
    path = Path(path)
    name = path.name
    try:
        size = path.stat().st_size
        if not path.is_file():
            raise PhotoRefused(name, _("it is not a file"))
        if size > MAX_INPUT_BYTES:
            raise PhotoRefused(name, too_big_reason(size))
        with path.open("rb") as handle:
            data = handle.read(MAX_INPUT_BYTES + 1)
    except OSError as exc:
        raise PhotoRefused(
            name,
            _("the file cannot be read ({reason})").format(
                reason=exc.strerror or exc.__class__.__name__
            ),
        ) from None
    return ingest_bytes(data, name, keep_location=keep_location, read_qr=read_qr)


def too_big_reason(size: int) -> str:
    return _("the file is too big ({size} MB; at most {limit} MB)").format(
        size=math.ceil(size / 1024 / 1024), limit=MAX_INPUT_BYTES // 1024 // 1024
    )


def ingest_bytes(
    data: bytes, name: str, *, keep_location: bool = False, read_qr: bool = False
) -> StoredPicture:
    """As :func:`ingest_file`, for bytes already read (``name`` is the file's, for the
    refusals)."""
    if len(data) > MAX_INPUT_BYTES:
        raise PhotoRefused(name, too_big_reason(len(data)))
    kind = sniff(data)
    if kind is None:
        raise PhotoRefused(name, _("it is not an image (a JPEG, PNG or HEIC photo)"))
    if kind not in ("JPEG", "PNG", "HEIF"):
        raise PhotoRefused(
            name,
            _("unsupported image type {kind}: attach a JPEG, PNG or HEIC photo").format(kind=kind),
        )
    image = decode(data, kind, name)
    place = gps_position(image) if keep_location else None
    qr_text = None
    from PIL import ImageOps

    upright = ImageOps.exif_transpose(image)
    if read_qr:
        qr_text = _read_qr(upright)
    stored = _encode(_displayable(upright), kind == "PNG")
    if len(stored[0]) > MAX_STORED_BYTES:
        raise PhotoRefused(name, _("the picture is too big even when downscaled"))
    data_out, media_type, width, height = stored
    return StoredPicture(
        data=data_out,
        sha256=hashlib.sha256(data_out).hexdigest(),
        media_type=media_type,
        width=width,
        height=height,
        latitude=place[0] if place else None,
        longitude=place[1] if place else None,
        qr_text=qr_text,
    )


def sniff(data: bytes) -> str | None:
    """The image type of ``data`` by its first bytes: JPEG, PNG, HEIF, another image
    type's name, or None when it is no image."""
    if data.startswith(b"\xff\xd8\xff"):
        return "JPEG"
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return "PNG"
    if data[4:8] == b"ftyp" and data[8:12] in _HEIF_BRANDS:
        return "HEIF"
    if data[4:8] == b"ftyp" and data[8:12] in (b"avif", b"avis"):
        return "AVIF"
    if data.startswith(b"RIFF") and data[8:12] == b"WEBP":
        return "WebP"
    for magic, kind in _OTHER_IMAGES:
        if data.startswith(magic):
            return kind
    return None


def decode(data: bytes, kind: str, name: str, *, max_pixels: int = MAX_INPUT_PIXELS) -> Any:
    """The whole picture decoded (a ``PIL.Image.Image``), or :class:`PhotoRefused`: too many
    pixels (declared size, before decoding), truncated or damaged."""
    from PIL import Image, ImageFile

    if kind == "HEIF":
        _register_heif()
    with _limits, warnings.catch_warnings():
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        saved_pixels, saved_truncated = Image.MAX_IMAGE_PIXELS, ImageFile.LOAD_TRUNCATED_IMAGES
        Image.MAX_IMAGE_PIXELS, ImageFile.LOAD_TRUNCATED_IMAGES = max_pixels, False
        try:
            try:
                image = Image.open(io.BytesIO(data), formats=[kind])
            except (Image.DecompressionBombError, Image.DecompressionBombWarning):
                raise PhotoRefused(name, too_many_pixels(max_pixels)) from None
            width, height = image.size
            if width < 1 or height < 1:
                raise PhotoRefused(name, _("the image is damaged (it declares no pixels)"))
            if width * height > max_pixels:
                raise PhotoRefused(name, too_many_pixels(max_pixels))
            image.load()
            if getattr(image, "n_frames", 1) > 1:
                image.seek(0)
            return image
        except PhotoRefused:
            raise
        except (Image.DecompressionBombError, Image.DecompressionBombWarning):
            raise PhotoRefused(name, too_many_pixels(max_pixels)) from None
        except Exception as exc:  # Pillow's decoders raise many kinds on damaged data
            if isinstance(exc, MemoryError):
                raise PhotoRefused(name, too_many_pixels(max_pixels)) from None
            raise PhotoRefused(
                name, _("the image is truncated or damaged and cannot be read whole")
            ) from None
        finally:
            Image.MAX_IMAGE_PIXELS, ImageFile.LOAD_TRUNCATED_IMAGES = saved_pixels, saved_truncated


def too_many_pixels(limit: int) -> str:
    return _("the image has too many pixels (at most {megapixels} megapixels)").format(
        megapixels=limit // 1_000_000
    )


def _register_heif() -> None:
    global _heif_registered
    if not _heif_registered:
        from pillow_heif import register_heif_opener

        register_heif_opener()
        _heif_registered = True


def gps_position(image: PILImage.Image) -> tuple[float, float] | None:
    """The EXIF GPS position (latitude, longitude in degrees, 6 decimals), or None when the
    picture has none or it is not a position on Earth."""
    from PIL import ExifTags

    try:
        gps = image.getexif().get_ifd(ExifTags.IFD.GPSInfo)
        latitude = _degrees(gps.get(2), gps.get(1), "N", "S")
        longitude = _degrees(gps.get(4), gps.get(3), "E", "W")
    except Exception:  # an EXIF block is hostile input too: a bad one means no place
        return None
    if latitude is None or longitude is None:
        return None
    if not (-90 <= latitude <= 90 and -180 <= longitude <= 180):
        return None
    return round(latitude, 6), round(longitude, 6)


def _degrees(value: Any, ref: Any, positive: str, negative: str) -> float | None:
    if value is None or len(value) != 3:
        return None
    degrees, minutes, seconds = (float(part) for part in value)
    if not all(math.isfinite(part) for part in (degrees, minutes, seconds)):
        return None
    result = degrees + minutes / 60 + seconds / 3600
    ref_text = ref.decode("ascii", "replace") if isinstance(ref, bytes) else str(ref or "")
    ref_text = ref_text.strip("\x00 ").upper()
    if ref_text == negative:
        return -result
    return result if ref_text in (positive, "") else None


def _read_qr(image: PILImage.Image) -> str | None:
    try:
        from planner_desktop.evidence.qr import read_qr
    except ImportError:
        return None
    return read_qr(image)


def _displayable(image: PILImage.Image) -> PILImage.Image:
    """The picture in sRGB, 8 bits per channel (``RGB``, ``RGBA``, ``L`` or ``P``)."""
    from PIL import Image

    icc = image.info.get("icc_profile")
    if image.mode in ("I", "I;16", "I;16B", "I;16L", "I;16N", "F"):
        image = image.convert("I").point(lambda value: value * (1 / 256)).convert("L")
    if image.mode == "P" and "transparency" in image.info:
        image = image.convert("RGBA")
    if image.mode in ("LA", "PA", "La", "RGBa"):
        image = image.convert("RGBA")
    if image.mode not in ("RGB", "RGBA", "L", "P"):
        image = image.convert("RGB")  # CMYK, YCbCr, LAB, 1-bit: colour already right here
        icc = None if image.mode != "RGB" else icc
    if icc and image.mode in ("RGB", "RGBA"):
        image = _to_srgb(image, icc)
    if image.mode == "RGBA":
        flat = Image.new("RGB", image.size, (255, 255, 255))
        flat.paste(image, mask=image.getchannel("A"))
        image = flat
    return image


def _to_srgb(image: PILImage.Image, icc: bytes) -> PILImage.Image:
    from PIL import ImageCms

    try:
        source = ImageCms.ImageCmsProfile(io.BytesIO(icc))
        converted = ImageCms.profileToProfile(
            image, source, ImageCms.createProfile("sRGB"), outputMode=image.mode
        )
    except (ImageCms.PyCMSError, OSError, ValueError, TypeError):
        return image  # a profile that cannot be read: the numbers are taken as sRGB
    return converted if converted is not None else image


def _encode(image: PILImage.Image, from_png: bool) -> tuple[bytes, str, int, int]:
    """Downscaled and encoded again from the pixels alone (no metadata carried over)."""
    from PIL import Image

    if max(image.size) > MAX_STORED_SIDE:
        image = image.copy()
        image.thumbnail((MAX_STORED_SIDE, MAX_STORED_SIDE), Image.Resampling.LANCZOS)
    clean = _pixels_only(image)
    if from_png and clean.getcolors(PNG_MAX_COLOURS) is not None:
        buffer = io.BytesIO()
        clean.save(buffer, "PNG", optimize=True)
        if buffer.tell() <= MAX_STORED_BYTES:
            return buffer.getvalue(), PNG, clean.width, clean.height
    if clean.mode == "P":
        clean = clean.convert("RGB")
    buffer = io.BytesIO()
    clean.save(buffer, "JPEG", quality=JPEG_QUALITY, optimize=True)
    return buffer.getvalue(), JPEG, clean.width, clean.height


def _pixels_only(image: PILImage.Image) -> PILImage.Image:
    """A new picture with the same pixels and nothing else (its ``info`` empty)."""
    from PIL import Image

    clean = Image.new(image.mode, image.size)
    if image.mode == "P":
        palette = image.getpalette()
        if palette is not None:
            clean.putpalette(palette)
    clean.paste(image)
    return clean
