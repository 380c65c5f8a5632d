"""Checks on a spreadsheet file before any XML of it is parsed.

An encrypted workbook (Excel's "password to open") is an OLE compound file, as is an old
``.xls``; anything that is not a ZIP is not an XLSX. Inside the ZIP, sizes are bounded
(ZIP bombs) and any part declaring a DTD is refused (entity tricks); openpyxl parses with
``defusedxml`` as a second line of defence.
"""

from __future__ import annotations

import posixpath
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
            head = stream.read(HEAD).upper()
        if b"<!DOCTYPE" in head or b"<!ENTITY" in head:
            sheet = sheet_of_part(archive, info.filename)
            place = Where(where.file, sheet) if sheet else where
            raise refuse(
                place,
                _("the workbook declares XML entities ({part}); it is refused as unsafe").format(
                    part=info.filename
                ),
            )


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
