"""Pictures in session files: exported as their own signed parts, verified, merged into
photo_content in the file's transaction; tampered or undecodable parts refused in one line
(issue 18, point 4). No Qt."""

from __future__ import annotations

import hashlib
import json
import zipfile
from pathlib import Path

import pytest
from sqlalchemy import select

from planner_desktop.domain.enums import PhotoKind
from planner_desktop.domain.evidence import PhotoContent
from planner_desktop.evidence import photos
from planner_desktop.evidence.ingest import ingest_bytes
from planner_desktop.evidence.photos import Owner
from planner_desktop.exchange import manifest as mf
from planner_desktop.exchange.container import (
    ENTRY_ATTRIBUTES,
    ENTRY_TIME,
    expected_compression,
    packed_sha256,
)
from planner_desktop.exchange.errors import SessionFileError
from planner_desktop.exchange.references import database_lookup
from planner_desktop.exchange.signing import sign
from planner_desktop.exchange.verify import verify_file
from tests.evidence import images
from tests.evidence.conftest import owners_of
from tests.exchange.builders import Laptop, merge, new_laptop
from tests.exchange.tamper import read_entries
from tests.helpers import dump_text


@pytest.fixture
def source(tmp_path: Path):
    laptop = new_laptop(tmp_path / "source")
    owners = owners_of(laptop.store)
    mapa = ingest_bytes(images.photo((900, 600), gps=True), "mapa.jpg", keep_location=True)
    hoja = ingest_bytes(images.line_art(), "hoja.png")
    photos.attach(laptop.store, mapa, Owner(PhotoKind.talking_map, owners.diagnosis), caption="M")
    photos.attach(laptop.store, hoja, Owner(PhotoKind.tally_sheet, owners.round))
    gone = photos.attach(
        laptop.store,
        ingest_bytes(images.photo((300, 300)), "x.jpg"),
        Owner(PhotoKind.tally_sheet, owners.round),
    )
    photos.delete(laptop.store, gone)  # its tombstone travels, its picture does not
    yield laptop, {mapa.sha256: mapa.data, hoja.sha256: hoja.data}
    laptop.close()


def _pictures(store) -> dict[str, bytes]:
    with store.session() as session:
        return {
            sha: bytes(data)
            for sha, data in session.execute(select(PhotoContent.sha256, PhotoContent.data))
        }


def test_export_verify_merge_carries_the_pictures_byte_for_byte(source, tmp_path: Path):
    laptop, pictures = source
    path = laptop.export()
    verified = verify_file(path)
    assert verified.manifest.format_version == mf.FORMAT_VERSION == 2
    names = {name for name in verified.manifest.parts if name.startswith(mf.PHOTOS_FOLDER)}
    assert names == {
        mf.photo_part(sha, "image/png" if data.startswith(b"\x89PNG") else "image/jpeg")
        for sha, data in pictures.items()
    }
    with zipfile.ZipFile(path) as archive:
        for name in names:
            assert archive.getinfo(name).compress_type == zipfile.ZIP_STORED
    target = new_laptop(tmp_path / "office")
    try:
        [report] = merge(target.store, path)
        assert report.status == "merged", report.reason
        assert _pictures(target.store) == pictures
        assert dump_text(target.store) == dump_text(laptop.store)
        [again] = merge(target.store, path)
        assert again.status == "already" and _pictures(target.store) == pictures
    finally:
        target.close()


def _rebuild(source: Path, out: Path, laptop: Laptop, change) -> Path:
    """``source`` with its entries changed by ``change``, hashed and signed again by the
    laptop's own key, each entry compressed as the exporter does."""
    entries = read_entries(source)
    head = json.loads(entries.pop(mf.MANIFEST_NAME))
    entries.pop(mf.SIGNATURE_NAME)
    change(entries)
    with zipfile.ZipFile(out, "w") as archive:
        for name, data in entries.items():
            info = zipfile.ZipInfo(name, date_time=ENTRY_TIME)
            info.compress_type = expected_compression(name)
            info.external_attr = ENTRY_ATTRIBUTES
            archive.writestr(info, data)
    with zipfile.ZipFile(out) as archive, out.open("rb") as handle:
        infos = {info.filename: info for info in archive.infolist()}
        head["parts"] = {
            name: {
                "records": 0 if name.startswith(mf.PHOTOS_FOLDER) else data.count(b"\n"),
                "bytes": len(data),
                "sha256": hashlib.sha256(data).hexdigest(),
                "packed_sha256": packed_sha256(handle, infos[name]),
            }
            for name, data in entries.items()
        }
    data = json.dumps(head, sort_keys=True, indent=1).encode()
    with zipfile.ZipFile(out, "a") as archive:
        for name, payload in (
            (mf.MANIFEST_NAME, data),
            (mf.SIGNATURE_NAME, sign(laptop.key, data)),
        ):
            info = zipfile.ZipInfo(name, date_time=ENTRY_TIME)
            info.compress_type = zipfile.ZIP_STORED
            info.external_attr = ENTRY_ATTRIBUTES
            archive.writestr(info, payload)
    return out


def _refused(path: Path, tmp_path: Path) -> str:
    with pytest.raises(SessionFileError) as caught:
        verify_file(path)
    line = str(caught.value)
    assert "\n" not in line
    target = new_laptop(tmp_path / f"target-{path.stem}")
    try:
        before = dump_text(target.store)
        [report] = merge(target.store, path)
        assert report.status == "refused" and report.reason == line
        assert dump_text(target.store) == before and _pictures(target.store) == {}
    finally:
        target.close()
    return line


def _jpeg_part(entries: dict[str, bytes]) -> str:
    return next(n for n in entries if n.startswith(mf.PHOTOS_FOLDER) and n.endswith(".jpg"))


def test_a_tampered_picture_part_is_refused(source, tmp_path: Path):
    laptop = source[0]

    def flip(entries: dict[str, bytes]) -> None:
        name = _jpeg_part(entries)
        data = bytearray(entries[name])
        data[len(data) // 2] ^= 0xFF
        entries[name] = bytes(data)

    path = _rebuild(laptop.export(), tmp_path / "tampered.cumbre", laptop, flip)
    assert "does not hash to its name" in _refused(path, tmp_path)


def test_a_picture_part_that_is_no_picture_is_refused(source, tmp_path: Path):
    laptop = source[0]
    fake = b"not a picture at all\n" * 10
    fake_sha = hashlib.sha256(fake).hexdigest()

    def swap(entries: dict[str, bytes]) -> None:
        name = _jpeg_part(entries)
        old_sha = name[len(mf.PHOTOS_FOLDER) : -4]
        del entries[name]
        entries[mf.photo_part(fake_sha, "image/jpeg")] = fake
        part = mf.record_part("photo")
        entries[part] = entries[part].replace(old_sha.encode(), fake_sha.encode())

    path = _rebuild(laptop.export(), tmp_path / "fake.cumbre", laptop, swap)
    assert "is not the picture type its name says" in _refused(path, tmp_path)


def test_a_photo_without_its_picture_needs_the_database_that_holds_it(source, tmp_path: Path):
    laptop = source[0]

    def drop(entries: dict[str, bytes]) -> None:
        del entries[_jpeg_part(entries)]

    path = _rebuild(laptop.export(), tmp_path / "nopicture.cumbre", laptop, drop)
    assert "is neither in the file nor in the database" in _refused(path, tmp_path)
    with laptop.store.engine.connect() as conn:  # the laptop that holds it: verified
        verify_file(path, lookup=database_lookup(conn))


def test_a_picture_no_photo_names_is_refused(source, tmp_path: Path):
    laptop = source[0]
    extra = ingest_bytes(images.photo((200, 100)), "extra.jpg")

    def add(entries: dict[str, bytes]) -> None:
        entries[mf.photo_part(extra.sha256, extra.media_type)] = extra.data

    path = _rebuild(laptop.export(), tmp_path / "extra.cumbre", laptop, add)
    assert "is the picture of no photo of the file" in _refused(path, tmp_path)


def test_an_unlisted_picture_name_is_refused_by_the_container(source, tmp_path: Path):
    laptop = source[0]

    def rename(entries: dict[str, bytes]) -> None:
        name = _jpeg_part(entries)
        entries[name.replace(".jpg", ".gif")] = entries.pop(name)

    path = _rebuild(laptop.export(), tmp_path / "gif.cumbre", laptop, rename)
    assert "unexpected entry" in _refused(path, tmp_path)


def test_more_pictures_than_a_file_carries_is_refused_and_nothing_written(
    source, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    from planner_desktop.exchange.scope import ScopeError

    laptop = source[0]
    monkeypatch.setattr(mf, "MAX_PHOTO_PARTS", 1)
    with pytest.raises(ScopeError, match="too many or too big for one session file"):
        laptop.export(name="big.cumbre")
    assert not (laptop.folder / "big.cumbre").exists()
    assert not (laptop.folder / "big.cumbre.part").exists()
