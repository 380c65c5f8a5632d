"""Writing a session file: the records of a scope, their ancestry, a signed manifest.

The file is a ZIP with one JSON-lines part per table that has records
(``records/<table>.jsonl``, tables in foreign-key order, rows in id order, a row that
refers to a row of its own table after it), ``ancestry.jsonl`` (every known "version came
from version" edge of the exported records, so the merging side can tell a later edit from
a concurrent one), the pictures of the live photos it carries (``photos/<sha256>.jpg|png``, see
:mod:`planner_desktop.evidence.parts`), ``manifest.json`` and ``signature`` (Ed25519 over
the manifest bytes).
Entry times are fixed, so the same database, scope, session id and time give the same
bytes. The file is written beside the target and renamed into place when complete.

Exporting everything, or everything new since the last such export, moves this laptop's
watermark (kept in the local ``export_watermark`` table) to the time the export started.
"""

from __future__ import annotations

import hashlib
import os
import uuid
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from functools import cache
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from sqlalchemy import BindParameter, Connection, Select, bindparam, select

from planner_desktop import __version__
from planner_desktop.domain.base import utcnow
from planner_desktop.exchange import manifest as mf
from planner_desktop.exchange.container import ENTRY_ATTRIBUTES, ENTRY_TIME, packed_sha256
from planner_desktop.exchange.records import (
    TableSpec,
    dependency_order,
    encode,
    row_encoder,
    table_specs,
)
from planner_desktop.exchange.scope import Ids, chunks, select_ids
from planner_desktop.exchange.signing import public_key_hex, sign
from planner_desktop.store.database import Store
from planner_desktop.store.ledger import export_watermark, version_edge
from planner_desktop.store.schema import RECORDS_REVISION

if TYPE_CHECKING:
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

ZIP_TIME = ENTRY_TIME
WATERMARK_SCOPES = ("everything", "since_last")


@dataclass(frozen=True)
class ExportReport:
    path: Path
    session_id: uuid.UUID
    records: dict[str, int]

    @property
    def total(self) -> int:
        return sum(self.records.values())


def export_session(
    store: Store,
    out: Path | str,
    *,
    scope: mf.Scope,
    key: Ed25519PrivateKey,
    facilitator: str = "",
    session_id: uuid.UUID | None = None,
    now: datetime | None = None,
) -> ExportReport:
    """Write the session file of ``scope`` to ``out``; the device is the store's."""
    out = Path(out)
    started = now or utcnow()
    session_id = session_id or uuid.uuid4()
    tmp = out.with_name(out.name + ".part")
    with store.engine.connect() as conn:
        since = _watermark(conn) if scope.kind == "since_last" else None
        ids = select_ids(conn, scope, since)
        try:
            with zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED, compresslevel=6) as archive:
                parts = _write_parts(conn, archive, ids, out)
            parts = _with_packed_hashes(tmp, parts)
            with zipfile.ZipFile(tmp, "a") as archive:
                manifest = mf.Manifest(
                    format=mf.FORMAT_NAME,
                    format_version=mf.FORMAT_VERSION,
                    schema_revision=RECORDS_REVISION,
                    session_id=session_id,
                    device_id=store.provenance.device_id,
                    public_key=public_key_hex(key),
                    facilitator=facilitator[:200],
                    app_version=__version__,
                    created_at=started,
                    scope=scope,
                    parts=parts,
                )
                data = manifest.to_bytes()
                _write_entry(archive, mf.MANIFEST_NAME, data)
                _write_entry(archive, mf.SIGNATURE_NAME, sign(key, data))
            with tmp.open("rb") as handle:
                os.fsync(handle.fileno())
            os.replace(tmp, out)
        except BaseException:
            tmp.unlink(missing_ok=True)
            raise
    if scope.kind in WATERMARK_SCOPES:
        with store.engine.begin() as conn:
            conn.execute(export_watermark.delete().where(export_watermark.c.scope == "since_last"))
            conn.execute(export_watermark.insert().values(scope="since_last", exported_at=started))
    counts = {
        table: part.records
        for name, part in parts.items()
        if (table := mf.part_table(name)) is not None
    }
    return ExportReport(path=out, session_id=session_id, records=counts)


def _watermark(conn: Connection) -> datetime | None:
    return conn.scalar(
        select(export_watermark.c.exported_at).where(export_watermark.c.scope == "since_last")
    )


def _write_entry(archive: zipfile.ZipFile, name: str, data: bytes) -> None:
    """Manifest and signature are stored uncompressed: every byte is covered by the CRC and
    the signature."""
    info = zipfile.ZipInfo(name, date_time=ZIP_TIME)
    info.compress_type = zipfile.ZIP_STORED
    info.external_attr = ENTRY_ATTRIBUTES
    archive.writestr(info, data)


def _with_packed_hashes(path: Path, parts: dict[str, mf.Part]) -> dict[str, mf.Part]:
    with zipfile.ZipFile(path) as archive:
        infos = {info.filename: info for info in archive.infolist()}
    result = {}
    with path.open("rb") as handle:
        for name, part in parts.items():
            packed = packed_sha256(handle, infos[name])
            result[name] = part.model_copy(update={"packed_sha256": packed})
    return result


def _entry(name: str, compress_type: int) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name, date_time=ZIP_TIME)
    info.compress_type = compress_type
    info.external_attr = ENTRY_ATTRIBUTES
    return info


class _PartWriter:
    def __init__(self, archive: zipfile.ZipFile, name: str) -> None:
        info = _entry(name, zipfile.ZIP_DEFLATED)
        self.stream: IO[bytes] = archive.open(info, "w")
        self.digest = hashlib.sha256()
        self.count = 0
        self.size = 0

    def write(self, line: str) -> None:
        data = line.encode("utf-8") + b"\n"
        self.stream.write(data)
        self.digest.update(data)
        self.count += 1
        self.size += len(data)

    def close(self) -> mf.Part:
        self.stream.close()
        return mf.Part(
            records=self.count,
            bytes=self.size,
            sha256=self.digest.hexdigest(),
            packed_sha256="0" * 64,
        )


def _write_parts(
    conn: Connection, archive: zipfile.ZipFile, ids: Ids | None, out: Path
) -> dict[str, mf.Part]:
    from planner_desktop.evidence.parts import Pictures

    specs = table_specs()
    parts: dict[str, mf.Part] = {}
    pictures = Pictures()
    edges: set[tuple[uuid.UUID, uuid.UUID, uuid.UUID]] = set()
    for name in dependency_order():
        spec = specs[name]
        if ids is not None and not ids[name]:
            continue
        writer: _PartWriter | None = None
        encode_row = row_encoder(name)
        for row in _rows(conn, spec, None if ids is None else ids[name]):
            if writer is None:
                writer = _PartWriter(archive, mf.record_part(name))
            writer.write(encode_row(row))
            pictures.note(name, row)
            if not spec.appended and row["base_version_id"] is not None:
                edges.add((row["id"], row["version_id"], row["base_version_id"]))
        if writer is not None:
            parts[mf.record_part(name)] = writer.close()
    edges |= _known_edges(conn, ids)
    if edges:
        writer = _PartWriter(archive, mf.ANCESTRY_PART)
        for record_id, version_id, parent_id in sorted(edges, key=lambda e: tuple(map(str, e))):
            writer.write(
                encode({"record_id": record_id, "version_id": version_id, "parent_id": parent_id})
            )
        parts[mf.ANCESTRY_PART] = writer.close()
    parts.update(pictures.write(conn, archive, out, _entry))
    return parts


def _known_edges(conn: Connection, ids: Ids | None) -> set[tuple[uuid.UUID, uuid.UUID, uuid.UUID]]:
    columns = (version_edge.c.record_id, version_edge.c.version_id, version_edge.c.parent_id)
    if ids is None:
        return {tuple(row) for row in conn.execute(select(*columns))}
    found: set[tuple[uuid.UUID, uuid.UUID, uuid.UUID]] = set()
    specs = table_specs()
    statement = select(*columns).where(version_edge.c.record_id.in_(_VALUES))
    for name, values in ids.items():
        if specs[name].appended:
            continue
        for batch in chunks(sorted(values)):
            found |= {tuple(row) for row in conn.execute(statement, {"values": batch})}
    return found


_VALUES: BindParameter[Any] = bindparam("values", expanding=True)


@cache
def _rows_with_ids(name: str, ordered: bool) -> Select[Any]:
    table = table_specs()[name].table
    statement = select(table).where(table.c.id.in_(_VALUES))
    return statement.order_by(table.c.id) if ordered else statement


def _rows(
    conn: Connection, spec: TableSpec, ids: set[uuid.UUID] | None
) -> Iterator[dict[str, Any]]:
    table = spec.table
    if spec.self_refs:
        yield from _parents_first(conn, spec, ids)
        return
    if ids is None:
        result = conn.execution_options(yield_per=2000).execute(select(table).order_by(table.c.id))
        for mapping in result.mappings():
            yield dict(mapping)
        return
    statement = _rows_with_ids(spec.name, ordered=True)
    for batch in chunks(sorted(ids)):
        for row in conn.execute(statement, {"values": batch}).mappings():
            yield dict(row)


def _parents_first(
    conn: Connection, spec: TableSpec, ids: set[uuid.UUID] | None
) -> Iterator[dict[str, Any]]:
    """Rows of a self-referring table, each after the rows of the same table it refers to."""
    table = spec.table
    if ids is None:
        rows = [dict(r._mapping) for r in conn.execute(select(table).order_by(table.c.id))]
    else:
        rows = []
        statement = _rows_with_ids(spec.name, ordered=False)
        for batch in chunks(sorted(ids)):
            rows += [dict(r) for r in conn.execute(statement, {"values": batch}).mappings()]
        rows.sort(key=lambda r: str(r["id"]))
    by_id = {row["id"]: row for row in rows}
    done: set[uuid.UUID] = set()

    def visit(row: dict[str, Any], depth: int = 0) -> Iterator[dict[str, Any]]:
        if row["id"] in done or depth > 500:
            return
        done.add(row["id"])
        for column in spec.self_refs:
            parent = by_id.get(row[column])
            if parent is not None:
                yield from visit(parent, depth + 1)
        yield row

    for row in rows:
        yield from visit(row)
