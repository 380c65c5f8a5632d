"""Checks on a spreadsheet file before any XML of it is parsed.

An encrypted workbook (Excel's "password to open") is an OLE compound file, as is an old
``.xls``; anything that is not a ZIP is not an XLSX. Inside the ZIP, sizes are bounded
(ZIP bombs); every XML part must be UTF-8 (a UTF-16 or other encoding would hide what
follows from these checks) and any part declaring a DTD anywhere in it, not only in its
first kilobytes, is refused (entity tricks). Each refusal names the file and the sheet, or
the part when it is not a sheet. openpyxl parses with ``defusedxml`` as a second line of
defence.
"""

from __future__ import annotations

import posixpath
import re
import zipfile
from pathlib import Path

from defusedxml import ElementTree

from planner_desktop.exchange.xlsx.errors import Where, refuse
from planner_desktop.i18n import _

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_MAGIC = b"PK\x03\x04"
MAX_UNCOMPRESSED = 512 * 1024 * 1024
MAX_RATIO = 200
HEAD = 8192
CHUNK = 1 << 20
_MARKS = (b"<!DOCTYPE", b"<!ENTITY")
_OVERLAP = max(len(mark) for mark in _MARKS) - 1
_BOMS = (
    (b"\xef\xbb\xbf", None),
    (b"\x00\x00\xfe\xff", "UTF-32"),
    (b"\xff\xfe\x00\x00", "UTF-32"),
    (b"\xfe\xff", "UTF-16"),
    (b"\xff\xfe", "UTF-16"),
)
_WIDE = (
    (b"\x00\x00\x00<", "UTF-32"),
    (b"<\x00\x00\x00", "UTF-32"),
    (b"\x00<", "UTF-16"),
    (b"<\x00", "UTF-16"),
)
_DECLARED = re.compile(rb"<\?xml[^>]*?\bencoding\s*=\s*[\"']([^\"']{1,40})[\"']")
_UTF8_NAMES = {b"utf-8", b"utf8", b"us-ascii", b"ascii"}

_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships"


def check_file(path: Path) -> None:
    """Refuse anything that is not a plain XLSX, before openpyxl parses any of it."""
    where = Where(path.name)
    try:
        with path.open("rb") as stream:
            head = stream.read(8)
    except OSError as exc:
        raise refuse(where, _("cannot be read: {reason}").format(reason=exc.strerror)) from None
    if head.startswith(OLE_MAGIC):
        raise refuse(
            where,
            _(
                "the file is password-protected or an old .xls workbook; "
                "save it as .xlsx without a password"
            ),
        )
    if not head.startswith(ZIP_MAGIC):
        raise refuse(where, _("this is not an .xlsx workbook"))
    try:
        archive = zipfile.ZipFile(path)
        infos = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise refuse(where, _("the .xlsx file is damaged ({reason})").format(reason=exc)) from None
    names = {info.filename for info in infos}
    if "[Content_Types].xml" not in names or "xl/workbook.xml" not in names:
        archive.close()
        raise refuse(where, _("this is not an .xlsx workbook"))
    total = sum(info.file_size for info in infos)
    if total > MAX_UNCOMPRESSED or any(
        info.file_size > 1024 * 1024 and info.file_size > MAX_RATIO * max(info.compress_size, 1)
        for info in infos
    ):
        archive.close()
        raise refuse(where, _("the workbook unpacks to an unreasonable size"))
    with archive:
        _refuse_entities(archive, where)


def _refuse_entities(archive: zipfile.ZipFile, where: Where) -> None:
    for info in archive.infolist():
        if not info.filename.endswith((".xml", ".rels")):
            continue
        with archive.open(info) as stream:
            head = stream.read(HEAD)
        encoding = foreign_encoding(head)
        if encoding is not None:
            raise refuse(
                _place(archive, where, info.filename),
                _(
                    "the part {part} is encoded in {encoding}, not UTF-8; save the workbook "
                    "again as .xlsx"
                ).format(part=info.filename, encoding=encoding),
            )
        if _declares_entities(archive, info):
            raise refuse(
                _place(archive, where, info.filename),
                _("the workbook declares XML entities ({part}); it is refused as unsafe").format(
                    part=info.filename
                ),
            )


def foreign_encoding(head: bytes) -> str | None:
    """The encoding of an XML part starting with ``head`` when it is not UTF-8 (its
    byte-order mark, its first bytes or its declaration), else None."""
    for mark, name in _BOMS:
        if head.startswith(mark):
            if name is not None:
                return name
            head = head[len(mark) :]
            break
    for start, name in _WIDE:
        if head.startswith(start):
            return name
    text = head.lstrip(b" \t\r\n")
    if text and not text.startswith(b"<"):
        return _("an unknown encoding")
    declared = _DECLARED.match(text)
    if declared is not None and declared.group(1).strip().lower() not in _UTF8_NAMES:
        return declared.group(1).decode("ascii", "replace")
    return None


def _declares_entities(archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> bool:
    """Whether the part declares a DTD or an entity anywhere, read in chunks."""
    tail = b""
    with archive.open(info) as stream:
        while chunk := stream.read(CHUNK):
            data = tail + chunk.upper()
            if any(mark in data for mark in _MARKS):
                return True
            tail = data[-_OVERLAP:]
    return False


def _place(archive: zipfile.ZipFile, where: Where, part: str) -> Where:
    sheet = sheet_of_part(archive, part)
    return Where(where.file, sheet) if sheet else where


def sheet_of_part(archive: zipfile.ZipFile, part: str) -> str | None:
    """The title of the sheet stored in ``part``, when it is a worksheet."""
    try:
        book = ElementTree.fromstring(archive.read("xl/workbook.xml"))
        rels = ElementTree.fromstring(archive.read("xl/_rels/workbook.xml.rels"))
    except Exception:  # any failure here only means the sheet is not known
        return None
    targets = {
        rel.get("Id"): _part_name(rel.get("Target", ""))
        for rel in rels.iter(f"{{{_PKG_REL}}}Relationship")
    }
    for sheet in book.iter(f"{{{_MAIN}}}sheet"):
        if targets.get(sheet.get(f"{{{_REL}}}id")) == part:
            return sheet.get("name")
    return None


def _part_name(target: str) -> str:
    if target.startswith("/"):
        return target.lstrip("/")
    return posixpath.normpath(posixpath.join("xl", target))
