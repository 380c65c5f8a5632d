"""Taking a photo in: metadata stripped, orientation, downscaling, hostile files refused
in one line (issue 18, point 4). No database here; no Qt."""

from __future__ import annotations

import hashlib
import io
from pathlib import Path

import pytest
from PIL import Image, ImageCms

from planner_desktop.evidence import ingest
from planner_desktop.evidence.ingest import PhotoRefused, ingest_bytes, ingest_file
from tests.evidence import images


def _opened(data: bytes) -> Image.Image:
    image = Image.open(io.BytesIO(data))
    image.load()
    return image


def test_gps_camera_and_comment_are_stripped_and_the_picture_still_decodes(tmp_path: Path):
    path = images.write(tmp_path, "acta.jpg", images.photo(gps=True, comment=b"owner: Juana"))
    original = Image.open(path)
    assert original.getexif().get_ifd(0x8825)  # the test's photo does carry a position
    stored = ingest_file(path)
    for secret in (b"Exif", b"PhoneMaker", b"Phone 12", b"SN-998877", b"Juana", b"http://ns"):
        assert secret not in stored.data
    image = _opened(stored.data)
    assert image.format == "JPEG"
    assert len(image.getexif()) == 0
    assert not {"exif", "icc_profile", "comment", "xmp"} & set(image.info)
    assert stored.latitude is None and stored.longitude is None
    assert stored.sha256 == hashlib.sha256(stored.data).hexdigest()
    assert (stored.width, stored.height) == image.size


def test_the_place_is_kept_only_when_asked(tmp_path: Path):
    path = images.write(tmp_path, "mapa.jpg", images.photo(gps=True))
    stored = ingest_file(path, keep_location=True)
    assert (stored.latitude, stored.longitude) == (-16.5, -68.15)
    assert b"Exif" not in stored.data  # the position is in the record, not in the picture
    assert (
        ingest_file(
            images.write(tmp_path, "plain.jpg", images.photo()), keep_location=True
        ).latitude
        is None
    )


def test_orientation_is_applied_and_the_picture_downscaled(tmp_path: Path):
    # Orientation 6: the camera was turned; shown upright, the red left half is on top.
    stored = ingest_file(images.write(tmp_path, "turned.jpg", images.photo(orientation=6)))
    assert (stored.width, stored.height) == (1800, 2400)
    image = _opened(stored.data).convert("RGB")
    top = image.getpixel((900, 300))
    bottom = image.getpixel((900, 2100))
    assert top[0] > 150 and top[2] < 100
    assert bottom[2] > 150 and bottom[0] < 100


def test_a_small_photo_keeps_its_size():
    stored = ingest_bytes(images.photo((640, 480)), "small.jpg")
    assert (stored.width, stored.height) == (640, 480)


def test_line_art_stays_png_without_its_text_chunks():
    stored = ingest_bytes(images.line_art(), "drawing.png")
    assert stored.media_type == "image/png"
    image = _opened(stored.data)
    assert image.format == "PNG" and b"Someone" not in stored.data and not image.info.get("Author")


def test_a_photograph_saved_as_png_becomes_jpeg():
    noisy = Image.merge("RGB", [Image.effect_noise((600, 400), sigma) for sigma in (40, 60, 80)])
    out = io.BytesIO()
    noisy.save(out, "PNG")
    assert ingest_bytes(out.getvalue(), "foto.png").media_type == "image/jpeg"


def test_an_icc_profile_is_converted_and_not_carried():
    image = Image.new("RGB", (300, 200), (120, 200, 40))
    profile = ImageCms.ImageCmsProfile(ImageCms.createProfile("LAB")).tobytes()
    srgb = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    out = io.BytesIO()
    image.save(out, "JPEG", icc_profile=srgb)
    stored = ingest_bytes(out.getvalue(), "icc.jpg")
    assert "icc_profile" not in _opened(stored.data).info
    assert profile  # a profile Pillow can build; the stored picture never carries one


def test_heic_is_read_when_pillow_heif_can_write_one():
    pillow_heif = pytest.importorskip("pillow_heif")
    if not pillow_heif.libheif_info().get("HEIF"):
        pytest.skip("this libheif has no HEIF encoder, so no HEIC can be made in the test")
    pillow_heif.register_heif_opener()
    image = Image.new("RGB", (3000, 1000), (30, 160, 30))
    out = io.BytesIO()
    image.save(out, "HEIF", quality=80)
    stored = ingest_bytes(out.getvalue(), "IMG_0001.HEIC")
    assert stored.media_type == "image/jpeg"
    assert (stored.width, stored.height) == (2400, 800)


def _refusal(path: Path, **options: bool) -> str:
    with pytest.raises(PhotoRefused) as caught:
        ingest_file(path, **options)
    line = str(caught.value)
    assert "\n" not in line and line.startswith(path.name + ": ")
    return line


def test_a_decompression_bomb_is_refused_before_decoding(tmp_path: Path):
    line = _refusal(images.write(tmp_path, "bomb.png", images.png_bomb()))
    assert "too many pixels" in line
    # Just over the limit (declared, not decoded) is refused as well, not only past
    # Pillow's own double limit.
    over = images.png_bomb(8001, 8001)
    assert "too many pixels" in _refusal(images.write(tmp_path, "over.png", over))


def test_the_pixel_limit_is_restored_after_the_call(tmp_path: Path):
    before = Image.MAX_IMAGE_PIXELS
    _refusal(images.write(tmp_path, "bomb.png", images.png_bomb()))
    assert before == Image.MAX_IMAGE_PIXELS


def test_a_truncated_jpeg_is_refused(tmp_path: Path):
    data = images.photo((1200, 900))
    line = _refusal(images.write(tmp_path, "cut.jpg", data[: len(data) // 2]))
    assert "truncated" in line


def test_a_text_file_named_jpg_is_refused(tmp_path: Path):
    line = _refusal(images.write(tmp_path, "acta.jpg", b"Acta de la comunidad\n" * 50))
    assert "not an image" in line


def test_another_image_type_is_refused_as_unsupported(tmp_path: Path):
    out = io.BytesIO()
    Image.new("RGB", (10, 10)).save(out, "GIF")
    assert "unsupported image type GIF" in _refusal(images.write(tmp_path, "a.jpg", out.getvalue()))


def test_a_file_too_big_is_refused_without_reading_it(tmp_path: Path):
    path = tmp_path / "huge.jpg"
    with path.open("wb") as handle:
        handle.write(images.photo((64, 64)))
        handle.truncate(ingest.MAX_INPUT_BYTES + 1)  # sparse: nothing that big is written
    assert "too big" in _refusal(path)


def test_the_qr_is_read_from_the_original_picture(monkeypatch: pytest.MonkeyPatch):
    seen: list[tuple[int, int]] = []

    def read_qr(image: Image.Image) -> str | None:
        seen.append(image.size)
        return "PDACTA1;session=x;sha256=y"

    from planner_desktop.evidence import qr

    monkeypatch.setattr(qr, "read_qr", read_qr)
    stored = ingest_bytes(images.photo((3200, 2400)), "acta.jpg", read_qr=True)
    assert seen == [(3200, 2400)] and stored.qr_text == "PDACTA1;session=x;sha256=y"
    assert ingest_bytes(images.photo((320, 240)), "acta.jpg").qr_text is None
