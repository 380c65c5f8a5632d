"""Reading a session file (a ZIP) as hostile input: limits first, then bytes.

Checked before anything is decompressed: the file is not empty and not too big, it is a
ZIP, it has at most :data:`MAX_ENTRIES` entries, each named exactly as the format allows
(``manifest.json``, ``signature``, ``ancestry.jsonl``, ``records/<table>.jsonl``, the
pictures ``photos/<sha256>.jpg|png``, stored and each at most a stored picture's size:
anything else, including a path with ``..`` or a leading slash, is refused), no name twice, no
encryption, only stored or deflated data, declared sizes under :data:`MAX_PART_BYTES` and
:data:`MAX_TOTAL_BYTES`, and a compression ratio under :data:`MAX_RATIO` (ZIP bombs). While
decompressing, the bytes actually produced are counted against the declared size, lines are
at most :data:`MAX_LINE_BYTES`, and the ZIP CRC is checked at the end of every entry.

The layout must also be exactly the one the exporter writes (entries back to back from
the first byte, the fixed entry time, no extra fields or comments, local headers equal to
the central directory, nothing after the end record), so that a byte flipped anywhere in
the file, even in ZIP bookkeeping no checksum covers, makes the file refused.
"""

from __future__ import annotations

import hashlib
import struct
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

from planner_desktop.exchange import manifest as mf
from planner_desktop.exchange.errors import SessionFileError, short_name
from planner_desktop.exchange.manifest import (
    ANCESTRY_PART,
    MANIFEST_NAME,
    SIGNATURE_NAME,
    part_table,
)
from planner_desktop.exchange.records import table_specs
from planner_desktop.exchange.retired import RETIRED_TABLES, older_shape
from planner_desktop.i18n import _

MAX_FILE_BYTES = 512 * 1024 * 1024
MAX_PART_BYTES = 512 * 1024 * 1024
MAX_TOTAL_BYTES = 1024 * 1024 * 1024
MAX_MANIFEST_BYTES = 256 * 1024
MAX_SIGNATURE_BYTES = 256
MAX_LINE_BYTES = 1024 * 1024
MAX_RATIO = 100
RATIO_FROM_BYTES = 1024 * 1024
CHUNK = 256 * 1024
DAMAGE = (zipfile.BadZipFile, zlib.error, EOFError, OSError, ValueError, NotImplementedError)


def allowed_names() -> frozenset[str]:
    tables = {f"records/{name}.jsonl" for name in table_specs()}
    return frozenset({MANIFEST_NAME, SIGNATURE_NAME, ANCESTRY_PART, *tables})


MAX_ENTRIES = mf.MAX_RECORD_PARTS + mf.MAX_PHOTO_PARTS
MAX_PICTURE_BYTES = 6 * 1024 * 1024
"""A picture part's size: :data:`planner_desktop.evidence.ingest.MAX_STORED_BYTES`."""


def _unsafe(name: str) -> bool:
    parts = name.replace("\\", "/").split("/")
    return name.startswith(("/", "\\")) or ".." in parts or ":" in name or "\x00" in name


@dataclass
class Container:
    """An open session file whose entry list passed the checks above."""

    path: Path
    zip: zipfile.ZipFile
    entries: dict[str, zipfile.ZipInfo] = field(default_factory=dict)

    def close(self) -> None:
        self.zip.close()

    def refuse(self, reason: str) -> SessionFileError:
        return SessionFileError(self.path, reason)

    def packed_sha256(self, name: str) -> str:
        with self.path.open("rb") as handle:
            return packed_sha256(handle, self.entries[name])

    def read_small(self, name: str, limit: int) -> bytes:
        info = self.entries.get(name)
        if info is None:
            raise self.refuse(_("the entry {name} is missing").format(name=name))
        if info.file_size > limit:
            raise self.refuse(_("the entry {name} is too big").format(name=name))
        return b"".join(self.chunks(name))

    def chunks(self, name: str) -> Iterator[bytes]:
        """The decompressed bytes of an entry, never more than it declares (CRC checked)."""
        info = self.entries[name]
        produced = 0
        try:
            with self.zip.open(info) as stream:
                while True:
                    chunk = stream.read(CHUNK)
                    if not chunk:
                        break
                    produced += len(chunk)
                    if produced > info.file_size:
                        raise self.refuse(
                            _("the entry {name} is bigger than it declares").format(name=name)
                        )
                    yield chunk
        except SessionFileError:
            raise
        except DAMAGE:
            raise self.refuse(
                _("the entry {name} is damaged (its checksum does not match)").format(name=name)
            ) from None
        if produced != info.file_size:
            raise self.refuse(_("the entry {name} is truncated").format(name=name))

    def lines(self, name: str, digest: hashlib._Hash | None = None) -> Iterator[bytes]:
        """Lines of an entry without their ``\\n``; every line must end with one.

        A chunk is at most :data:`CHUNK` bytes, less than :data:`MAX_LINE_BYTES`, so only
        the first line of a chunk (which may have begun in earlier chunks) can be too long.
        """
        rest = b""
        for chunk in self.chunks(name):
            if digest is not None:
                digest.update(chunk)
            pieces = (rest + chunk).split(b"\n")
            rest = pieces.pop()
            if len(rest) > MAX_LINE_BYTES or (pieces and len(pieces[0]) > MAX_LINE_BYTES):
                raise self.refuse(_("a line of {name} is too long").format(name=name))
            yield from pieces
        if rest:
            raise self.refuse(_("the last line of {name} is cut short").format(name=name))


def open_container(path: Path) -> Container:
    """Open ``path`` and check its entry list; raises :class:`SessionFileError`."""
    try:
        size = path.stat().st_size
    except OSError:
        raise SessionFileError(path, _("the file cannot be read")) from None
    if not path.is_file():
        raise SessionFileError(path, _("it is not a file"))
    if size == 0:
        raise SessionFileError(path, _("the file is empty (zero bytes)"))
    if size > MAX_FILE_BYTES:
        raise SessionFileError(path, _("the file is too big for a session file"))
    try:
        archive = zipfile.ZipFile(path)
    except DAMAGE:
        raise SessionFileError(
            path, _("it is not a session file, or it is truncated or damaged")
        ) from None
    container = Container(path, archive)
    try:
        _check_entries(container)
    except BaseException:
        archive.close()
        raise
    return container


def _check_entries(container: Container) -> None:
    infos = container.zip.infolist()
    if len(infos) > MAX_ENTRIES:
        raise container.refuse(_("it has too many entries"))
    allowed = allowed_names()
    total = pictures = 0
    for info in infos:
        name = info.filename
        shown = short_name(name)
        if _unsafe(name):
            raise container.refuse(_("unsafe entry name {name}").format(name=shown))
        picture = mf.photo_of_part(name) is not None
        if name not in allowed and not picture:
            table = part_table(name)
            if table in RETIRED_TABLES:
                raise older_shape(container.path, table)
            if table is not None:
                raise container.refuse(_("unknown table part {name}").format(name=shown))
            raise container.refuse(_("unexpected entry {name}").format(name=shown))
        if name in container.entries:
            raise container.refuse(_("the entry {name} appears twice").format(name=shown))
        if info.flag_bits & 0x1:
            raise container.refuse(_("the entry {name} is encrypted").format(name=shown))
        if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
            raise container.refuse(
                _("the entry {name} uses an unsupported compression").format(name=shown)
            )
        if info.file_size > (MAX_PICTURE_BYTES if picture else MAX_PART_BYTES):
            raise container.refuse(_("the entry {name} is too big").format(name=shown))
        pictures += info.file_size if picture else 0
        if pictures > mf.MAX_PHOTO_FILE_BYTES:
            raise container.refuse(_("the pictures are too big in total"))
        if info.file_size > RATIO_FROM_BYTES and info.file_size > MAX_RATIO * max(
            info.compress_size, 1
        ):
            raise container.refuse(
                _("the entry {name} expands too much (a ZIP bomb?)").format(name=shown)
            )
        total += info.file_size
        if total > MAX_TOTAL_BYTES:
            raise container.refuse(_("the entries are too big in total"))
        container.entries[name] = info
    _check_layout(container, infos)
    for required in (MANIFEST_NAME, SIGNATURE_NAME):
        if required not in container.entries:
            raise container.refuse(_("the entry {name} is missing").format(name=required))


ENTRY_TIME = (2000, 1, 1, 0, 0, 0)
ENTRY_ATTRIBUTES = 0o600 << 16
LOCAL_SIGNATURE, CENTRAL_SIGNATURE, END_SIGNATURE = b"PK\x03\x04", b"PK\x01\x02", b"PK\x05\x06"
LOCAL_HEADER = struct.Struct("<4s2B4HL2L2H")
END_RECORD = struct.Struct("<4s4H2LH")
CENTRAL_HEADER = struct.Struct("<4s4B4HL2L5H2L")


def _check_layout(container: Container, infos: list[zipfile.ZipInfo]) -> None:
    damaged = container.refuse(_("the ZIP structure is damaged or not the one Planner writes"))
    for info in infos:
        expected = (
            info.create_system in (0, 3)
            and info.create_version == 20
            and info.extract_version == 20
            and info.flag_bits == 0
            and info.compress_type == expected_compression(info.filename)
            and info.date_time == ENTRY_TIME
            and info.internal_attr == 0
            and info.external_attr == ENTRY_ATTRIBUTES
            and info.extra == b""
            and info.comment == b""
            and info.volume == 0
        )
        if not expected:
            raise damaged
    size = container.path.stat().st_size
    with container.path.open("rb") as handle:
        offset = 0
        for info in sorted(infos, key=lambda i: i.header_offset):
            name = info.filename.encode("utf-8")
            handle.seek(offset)
            header = handle.read(LOCAL_HEADER.size + len(name))
            if info.header_offset != offset or len(header) != LOCAL_HEADER.size + len(name):
                raise damaged
            fields = LOCAL_HEADER.unpack(header[: LOCAL_HEADER.size])
            wanted = (
                LOCAL_SIGNATURE,
                info.extract_version,
                0,
                info.flag_bits,
                info.compress_type,
                *_dos_time(info),
                info.CRC,
                info.compress_size,
                info.file_size,
                len(name),
                0,
            )
            if fields != wanted or header[LOCAL_HEADER.size :] != name:
                raise damaged
            offset += LOCAL_HEADER.size + len(name) + info.compress_size
        central = b"".join(_central_header(info) for info in infos)
        handle.seek(offset)
        found = handle.read(len(central) + END_RECORD.size + 1)
    end = END_RECORD.pack(END_SIGNATURE, 0, 0, len(infos), len(infos), len(central), offset, 0)
    if found != central + end or size != offset + len(central) + END_RECORD.size:
        raise damaged


def expected_compression(name: str) -> int:
    """Manifest, signature and pictures (compressed already) are stored; parts deflated."""
    stored = name in (MANIFEST_NAME, SIGNATURE_NAME) or mf.photo_of_part(name) is not None
    return zipfile.ZIP_STORED if stored else zipfile.ZIP_DEFLATED


def packed_sha256(handle: BinaryIO, info: zipfile.ZipInfo) -> str:
    """SHA-256 of an entry's bytes exactly as stored (compressed) in the file."""
    digest = hashlib.sha256()
    handle.seek(info.header_offset + LOCAL_HEADER.size + len(info.filename.encode("utf-8")))
    left = info.compress_size
    while left > 0:
        chunk = handle.read(min(CHUNK, left))
        if not chunk:
            break
        digest.update(chunk)
        left -= len(chunk)
    return digest.hexdigest()


def _dos_time(info: zipfile.ZipInfo) -> tuple[int, int]:
    year, month, day, hour, minute, second = info.date_time
    return hour << 11 | minute << 5 | second // 2, (year - 1980) << 9 | month << 5 | day


def _central_header(info: zipfile.ZipInfo) -> bytes:
    """The central directory record the exporter writes for ``info``, byte for byte."""
    name = info.filename.encode("utf-8")
    return (
        CENTRAL_HEADER.pack(
            CENTRAL_SIGNATURE,
            info.create_version,
            info.create_system,
            info.extract_version,
            0,
            info.flag_bits,
            info.compress_type,
            *_dos_time(info),
            info.CRC,
            info.compress_size,
            info.file_size,
            len(name),
            0,
            0,
            0,
            info.internal_attr,
            info.external_attr,
            info.header_offset,
        )
        + name
    )
