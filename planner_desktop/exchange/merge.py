"""Merging session files into a database (DESIGN §4): one transaction per file.

Each file is checked with the very checks ``session verify --db`` makes
(:func:`~planner_desktop.exchange.verify.check`: container, manifest, signature, hashes,
counts, every record against its strict model and the value rules, every reference against
the file and this database, then trust), in the same order, so both report the same first
problem. The container and the manifest are checked before the file's transaction; the
parts are read once, inside it: every record is validated by ``verify.read_part`` and
applied at once by :class:`~planner_desktop.exchange.apply.FileMerger` (through
:class:`~planner_desktop.exchange.apply.MergingCheck`). Any problem rolls the whole file
back and reports one line; the other files go on. A file whose signed manifest was already
merged (and not undone) changes nothing: it is recognised once its container, signature
and stored part hashes are checked, without reading its parts through. Memory depends on
the size of one batch and of the largest file's id set, never on the number of files.

Counts: ``added`` new records, ``updated`` records replaced by a later version,
``unchanged`` records already known (or older than the stored version), ``conflicts``
records edited concurrently elsewhere (both versions kept), ``rejected`` records not
merged: append-only events contradicting a stored one, plus, for a file the database
refused after every check passed, the records it declares.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, RootTransaction, bindparam, insert, select, update
from sqlalchemy.exc import DataError, IntegrityError, OperationalError

from planner_desktop.domain.base import utcnow
from planner_desktop.exchange import manifest as mf
from planner_desktop.exchange import verify
from planner_desktop.exchange.apply import Cancelled, Counts, FileMerger, MergingCheck
from planner_desktop.exchange.collisions import collision_reason, unique_key
from planner_desktop.exchange.container import Container
from planner_desktop.exchange.errors import KeyNotTrusted, SessionFileError
from planner_desktop.exchange.records import RecordError
from planner_desktop.exchange.references import database_lookup
from planner_desktop.exchange.trust import TrustPolicy, hold, load_policy, remember_key
from planner_desktop.exchange.verify import VerifiedSession, line_parser, opened
from planner_desktop.i18n import _
from planner_desktop.store import db_errors
from planner_desktop.store.database import Store
from planner_desktop.store.dialect import begin_write
from planner_desktop.store.ledger import import_batch

Progress = Callable[[int, int, Path], None]


@dataclass
class MergeReport:
    """What merging one file did. ``status``: merged, already, refused, held, cancelled."""

    path: Path
    status: str
    reason: str = ""
    batch_id: int | None = None
    counts: Counts = field(default_factory=Counts)
    same_as: Path | None = None
    """In a preview of several files: the earlier file this one repeats (``already``)."""

    @property
    def ok(self) -> bool:
        return self.status in ("merged", "already")

    def line(self) -> str:
        name = self.path.name
        if self.status == "merged":
            return f"{name}: {summary(self.counts)}"
        if self.status == "already":
            return _("{name}: already merged (import {batch}); {counts}").format(
                name=name, batch=self.batch_id, counts=summary(self.counts)
            )
        if self.status == "cancelled":
            return _("{name}: cancelled, nothing merged").format(name=name)
        return self.reason


def summary(counts: Counts) -> str:
    return (
        f"added={counts.added} updated={counts.updated} unchanged={counts.unchanged} "
        f"conflicts={counts.conflicts} rejected={counts.rejected}"
    )


def total(reports: Sequence[MergeReport]) -> Counts:
    result = Counts()
    for report in reports:
        for key, value in report.counts.as_dict().items():
            setattr(result, key, getattr(result, key) + value)
    return result


def merge_files(
    store: Store,
    paths: Sequence[Path | str],
    *,
    trust: TrustPolicy | None = None,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> list[MergeReport]:
    """Merge ``paths`` one after the other, each in its own transaction.

    ``trust`` defaults to the keys this database trusts (unknown keys held). Files whose
    key is not trusted are held (listed for a person to decide) and reported as ``held``.
    After a cancel, the file being merged is rolled back and the rest are not started.
    """
    reports: list[MergeReport] = []
    with store.engine.connect() as conn:  # one connection for the whole batch of files
        if trust is None:
            with conn.begin():
                trust = load_policy(conn)
        for index, raw in enumerate(paths):
            path = Path(raw)
            if cancelled is not None and cancelled():
                reports.append(MergeReport(path, "cancelled"))
                continue
            reports.append(_merge_one(conn, path, trust, dry_run=False, cancelled=cancelled))
            if progress is not None:
                progress(index + 1, len(paths), path)
    return reports


def plan_merge(store: Store, path: Path | str, *, trust: TrustPolicy | None = None) -> MergeReport:
    """What merging ``path`` would do, without changing anything (for a preview).

    The merge is run for real inside a transaction that is then rolled back, so the
    counts are exact; the database is locked for writing meanwhile.
    """
    if trust is None:
        with store.engine.connect() as conn:
            trust = load_policy(conn)
    return merge_one(store, Path(path), trust, dry_run=True)


def merge_one(
    store: Store,
    path: Path,
    trust: TrustPolicy,
    *,
    dry_run: bool = False,
    cancelled: Callable[[], bool] | None = None,
) -> MergeReport:
    with store.engine.connect() as conn:
        return _merge_one(conn, path, trust, dry_run=dry_run, cancelled=cancelled)


def _merge_one(
    conn: Connection,
    path: Path,
    trust: TrustPolicy,
    *,
    dry_run: bool,
    cancelled: Callable[[], bool] | None,
) -> MergeReport:
    """Merge one file on ``conn`` (no transaction open), in a transaction of its own."""
    try:
        # The container, manifest, signature and stored hashes are checked here; the parts
        # are read (and every check of ``verify.check`` made, in its order) by the merge.
        with opened(path, None, deep=True, known=_read_by_merge) as (container, verified):
            return _merge_checked(conn, container, verified, trust, dry_run, cancelled)
    except KeyNotTrusted as exc:
        if not dry_run:
            with conn.begin():
                hold(conn, exc)
        return MergeReport(path, "held", reason=str(exc))
    except SessionFileError as exc:
        return MergeReport(path, "refused", reason=str(exc), counts=Counts(rejected=0))


def _read_by_merge(_manifest_sha256: str) -> bool:
    """Tells the check to leave the parts to the merge, which reads them once, in its
    transaction (:func:`_read_and_merge`), or not at all for a file already merged."""
    return True


def _merge_checked(
    conn: Connection,
    container: Container,
    verified: VerifiedSession,
    trust: TrustPolicy,
    dry_run: bool,
    cancelled: Callable[[], bool] | None,
) -> MergeReport:
    """Merge a file whose container and manifest were checked, its parts not read yet.

    The checks and their order are those of ``session verify --db``: the parts, then the
    references, then trust; only then what the database said while the file was written.
    A file already merged is recognised, as the check does, without reading its parts."""
    path = verified.path
    manifest = verified.manifest
    with conn.begin():
        merged_before = _earlier_batch(conn, verified.manifest_sha256) is not None
    if merged_before:
        trust.admit(path, manifest, verified.fingerprint)
    try:
        transaction = begin_write(conn)  # waits for another merge's write to end
    except OperationalError as exc:  # still busy after the wait, or read-only
        if not merged_before:
            _read_and_merge(conn, container, verified, trust, None, None)
        return _refused(verified, f"{path.name}: {database_reason(exc)}")
    merger: FileMerger | None = None
    failure: BaseException | None = None
    earlier: int | None = None
    try:
        earlier = _earlier_batch(conn, verified.manifest_sha256)
        if earlier is None:
            batch_id = _start_batch(conn, verified)
            merger = FileMerger(conn, batch_id, manifest.device_id, cancelled=cancelled)
    except (OperationalError, DataError, IntegrityError) as exc:  # read-only, full…
        failure = exc
    except BaseException:
        transaction.rollback()
        raise
    if merger is None:
        transaction.rollback()
        if earlier is not None and merged_before:
            return _already(verified, earlier)
    writing = transaction if merger is not None else None
    try:
        reading, trusted = _read_and_merge(conn, container, verified, trust, merger, writing)
    except Cancelled:
        return MergeReport(path, "cancelled")
    if earlier is not None:  # merged meanwhile by another program: checked as then
        return _already(verified, earlier)
    failure = failure or reading.failure
    if failure is not None or reading.stopped:
        return _refused_by_database(conn, container, verified, failure)
    assert merger is not None
    try:
        if not trusted:
            remember_key(conn, manifest, verified.fingerprint)
        merger.flush_origins()
        conn.execute(
            update(import_batch)
            .where(import_batch.c.id == merger.batch_id)
            .values(**merger.counts.as_dict())
        )
    except (OperationalError, DataError, IntegrityError) as exc:
        transaction.rollback()
        return _refused_by_database(conn, container, verified, exc)
    except BaseException:
        transaction.rollback()
        raise
    if dry_run:
        transaction.rollback()
    else:
        transaction.commit()
        if not trusted:
            trust.keys[verified.fingerprint] = manifest.device_id
    batch = None if dry_run else merger.batch_id
    return MergeReport(path, "merged", batch_id=batch, counts=merger.counts)


def _read_and_merge(
    conn: Connection,
    container: Container,
    verified: VerifiedSession,
    trust: TrustPolicy,
    merger: FileMerger | None,
    transaction: RootTransaction | None,
) -> tuple[MergingCheck, bool]:
    """Read every part once, as ``verify.read_parts`` reads them (same checks, same order,
    same first problem), handing each record to ``merger`` (None: check only), then check
    the references and trust (True: the key was trusted before). A refusal raises with the
    transaction rolled back; what the database refused is kept in the reading's ``failure``."""
    manifest = verified.manifest
    rollback = transaction.rollback if transaction is not None else None
    reading = MergingCheck(
        verified.path, merger=merger, rollback=rollback, database=database_lookup(conn)
    )
    try:
        names = set(container.entries) - {mf.MANIFEST_NAME, mf.SIGNATURE_NAME}
        for name in verify.merge_order(names):
            verify.read_part(container, manifest, name, deep=True, references=reading)
            if name == mf.ANCESTRY_PART:
                reading.edges(lambda: _records(container, manifest, mf.ANCESTRY_PART))
            else:
                reading.end_part()
        if mf.carries_photos(manifest):  # the pictures: checked as verify does, then stored
            from planner_desktop.evidence.parts import check_pictures, store_pictures

            writing = conn if transaction is not None else None
            pictures = check_pictures(container, manifest, lookup=None, conn=writing)
            if merger is not None:
                store_pictures(conn, container, pictures)
        reading.finish()
        trusted = trust.admit(verified.path, manifest, verified.fingerprint)
    except BaseException:
        if not reading.stopped and rollback is not None:
            rollback()
        raise
    return reading, trusted


def _already(verified: VerifiedSession, batch_id: int) -> MergeReport:
    counts = Counts(unchanged=verified.record_count)
    return MergeReport(verified.path, "already", batch_id=batch_id, counts=counts)


def _refused_by_database(
    conn: Connection, container: Container, verified: VerifiedSession, error: BaseException | None
) -> MergeReport:
    """The file passed every check but the database refused it (rolled back already)."""
    name = verified.path.name
    if isinstance(error, IntegrityError):
        reason = _integrity_reason(conn, container, verified.manifest, error)
    elif error is not None:
        reason = database_reason(error)
    else:
        reason = _("the database refused the file's records")
    return _refused(verified, f"{name}: {reason}")


def _integrity_reason(
    conn: Connection, container: Container, manifest: mf.Manifest, error: IntegrityError
) -> str:
    """Why the database refused the file's records, in one line (nothing is written).

    The file's references were all met when it was checked, so a failure that is not a
    natural key's collision is told in the database's own terms (a reference only when the
    database says so: a record removed meanwhile, by an undo on another computer)."""
    key = unique_key(error)
    if key is None:
        return database_reason(error)
    table, columns = key
    part = mf.record_part(table)
    with conn.begin():
        if part not in manifest.parts:
            return collision_reason(conn, table, columns, ())
        return collision_reason(conn, table, columns, _records(container, manifest, part))


def database_reason(error: BaseException) -> str:
    """One line for a database error met while merging (no SQL, no values)."""
    return db_errors.describe(error) or _("the database refused the file's records")


def _refused(verified: VerifiedSession, reason: str) -> MergeReport:
    return MergeReport(
        verified.path, "refused", reason=reason, counts=Counts(rejected=verified.record_count)
    )


_EARLIER = (
    select(import_batch.c.id)
    .where(import_batch.c.manifest_sha256 == bindparam("manifest_sha256"))
    .where(import_batch.c.undone_at.is_(None))
    .limit(1)
)


def earlier_batch(conn: Connection, manifest_sha256: str) -> int | None:
    """The import (not undone) that merged the file of this manifest, if any."""
    return _earlier_batch(conn, manifest_sha256)


def _earlier_batch(conn: Connection, manifest_sha256: str) -> int | None:
    return conn.scalar(_EARLIER, {"manifest_sha256": manifest_sha256})


def _start_batch(conn: Connection, verified: VerifiedSession) -> int:
    manifest = verified.manifest
    result = conn.execute(
        insert(import_batch).values(
            file_name=verified.path.name[:255],
            manifest_sha256=verified.manifest_sha256,
            session_id=manifest.session_id,
            device_id=manifest.device_id,
            key_fingerprint=verified.fingerprint,
            format_version=manifest.format_version,
            merged_at=utcnow(),
            added=0,
            updated=0,
            unchanged=0,
            conflicts=0,
            rejected=0,
        )
    )
    key = result.inserted_primary_key
    assert key is not None
    return int(key[0])


def _records(container: Container, manifest: mf.Manifest, name: str) -> Iterator[dict[str, Any]]:
    """Validated records of one part, re-hashed: a file changed since verification fails."""
    digest = hashlib.sha256()
    seen: set[Any] = set()
    parse = line_parser(name)
    for number, line in enumerate(container.lines(name, digest), start=1):
        try:
            record = parse(line)
        except RecordError as exc:
            raise SessionFileError(
                container.path,
                _("record {n} of {name}: {problem}").format(n=number, name=name, problem=exc),
            ) from None
        ident = record["id"] if "id" in record else (record["version_id"], record["parent_id"])
        if ident in seen:
            raise SessionFileError(
                container.path,
                _("record {n} of {name} repeats an id").format(n=number, name=name),
            )
        seen.add(ident)
        yield record
    if digest.hexdigest() != manifest.parts[name].sha256:
        raise SessionFileError(
            container.path,
            _("the part {name} does not match its SHA-256 in the manifest").format(name=name),
        )
