"""Verifying a session file before anything is written (DESIGN §4, §7).

Order of the checks, each refusing with one line: the container (see
:mod:`~planner_desktop.exchange.container`), the manifest (format version first: a newer
file is refused naming the version it needs), the Ed25519 signature over the exact
manifest bytes with the key the manifest names, the parts (each one listed in the manifest
present, nothing unlisted, sizes as declared), then every part is read once: its SHA-256
and line count must match the manifest and, in a deep check, every line must validate
against its table's strict model (and the value rules) with no record id twice, and every
reference must name a record of the file or of the database checked against (see
:mod:`~planner_desktop.exchange.references`). Parts are read in the order a merge applies
them (ancestry, then tables in foreign-key order), so both report the same first problem.
A part that fails to validate is reported as damaged if its bytes also fail the CRC or
hash (a flipped byte), otherwise as the first invalid field. Last comes trust: an intact
file signed by a key nobody trusted yet raises
:class:`~planner_desktop.exchange.errors.KeyNotTrusted`. ``session verify``, ``session
merge`` and the window's check of a file all go through :func:`check`, so they agree.

A merge may skip reading the parts through when the signed manifest is one the database
already merged: the manifest pins the SHA-256 of every part's stored bytes, and those were
checked above, so the parts are byte for byte the ones verified and merged before.
"""

from __future__ import annotations

import hashlib
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from pydantic import ConfigDict, TypeAdapter, ValidationError, with_config
from typing_extensions import TypedDict

from planner_desktop import __version__
from planner_desktop.domain.rules import LINE
from planner_desktop.exchange import manifest as mf
from planner_desktop.exchange.container import (
    CHUNK,
    MAX_LINE_BYTES,
    MAX_MANIFEST_BYTES,
    MAX_SIGNATURE_BYTES,
    Container,
    open_container,
    packed_sha256,
)
from planner_desktop.exchange.errors import SessionFileError
from planner_desktop.exchange.records import RecordError, dependency_order, describe, table_specs
from planner_desktop.exchange.references import Lookup, ReferenceCheck
from planner_desktop.exchange.retired import check_shapes
from planner_desktop.exchange.signing import fingerprint as key_fingerprint
from planner_desktop.exchange.signing import is_valid
from planner_desktop.exchange.trust import TrustPolicy
from planner_desktop.i18n import _
from planner_desktop.store.schema import RECORDS_REVISION, SCHEMA_HEAD


@cache
def ancestry_adapter() -> TypeAdapter[Any]:
    """Strict model of one ``ancestry.jsonl`` line: a version and a version it came from."""
    make: Any = TypedDict
    edge = make(
        "AncestryEdgeRecord",
        {"record_id": uuid.UUID, "version_id": uuid.UUID, "parent_id": uuid.UUID},
    )
    return TypeAdapter(with_config(ConfigDict(extra="forbid", strict=True))(edge))


@dataclass(frozen=True)
class VerifiedSession:
    """A session file that passed verification. ``trusted`` is False when the key is to be
    trusted by this merge (``--trust-new`` or a keys file) or when trust was not checked."""

    path: Path
    manifest: mf.Manifest
    manifest_sha256: str
    fingerprint: str
    trusted: bool
    parts_read: bool = True
    """False when the parts were not read through (a manifest already merged)."""

    @property
    def record_count(self) -> int:
        return sum(
            part.records for name, part in self.manifest.parts.items() if name != mf.ANCESTRY_PART
        )


Known = Callable[[str], bool]
"""Whether a manifest (by its SHA-256) was already merged into the target database."""


def verify_file(
    path: Path | str,
    trust: TrustPolicy | None = None,
    *,
    lookup: Lookup | None = None,
    known: Known | None = None,
) -> VerifiedSession:
    """Check everything about ``path``; raise :class:`SessionFileError` with one line.

    With ``trust=None`` only the file's own integrity is checked (its signature matches
    the key it names); otherwise the key must also be admitted by ``trust``. With
    ``lookup`` (a database's, see :func:`~planner_desktop.exchange.references.database_lookup`)
    a reference may name a record of that database; without it, only one of the file.
    ``known`` as for :func:`opened` (a merge's own shortcut, for a verdict equal to its).
    """
    with opened(Path(path), trust, deep=True, known=known, lookup=lookup) as (_c, verified):
        return verified


@contextmanager
def opened(
    path: Path,
    trust: TrustPolicy | None,
    *,
    deep: bool,
    known: Known | None = None,
    lookup: Lookup | None = None,
) -> Iterator[tuple[Container, VerifiedSession]]:
    """Verify ``path`` and keep it open for a merge that reads its parts again.

    ``deep=False`` checks hashes and counts only, leaving records and references unchecked.
    When ``known`` says the manifest was already merged, the parts are not read through
    (see above).
    """
    container = open_container(path)
    try:
        yield container, check(container, trust, deep=deep, known=known, lookup=lookup)
    finally:
        container.close()


def check(
    container: Container,
    trust: TrustPolicy | None,
    *,
    deep: bool,
    known: Known | None = None,
    lookup: Lookup | None = None,
) -> VerifiedSession:
    """Every check of a session file but the ones that need a merge's transaction, in the
    order of the module's text; ``lookup`` as for :func:`verify_file`."""
    path = container.path
    manifest_bytes = container.read_small(mf.MANIFEST_NAME, MAX_MANIFEST_BYTES)
    signature = container.read_small(mf.SIGNATURE_NAME, MAX_SIGNATURE_BYTES)
    manifest = _manifest(path, manifest_bytes)
    if not is_valid(manifest.public_key, manifest_bytes, signature):
        raise SessionFileError(
            path, _("the signature does not match the manifest (altered or pasted)")
        )
    _check_schema(path, manifest)
    tables = (mf.part_table(name) for name in manifest.parts)
    check_shapes(path, manifest.schema_revision, (t for t in tables if t is not None))
    parts = set(container.entries) - {mf.MANIFEST_NAME, mf.SIGNATURE_NAME}
    for name in sorted(set(manifest.parts) - parts):
        raise SessionFileError(path, _("the part {name} is missing").format(name=name))
    for name in sorted(parts - set(manifest.parts)):
        raise SessionFileError(
            path, _("the part {name} is not listed in the manifest").format(name=name)
        )
    for name in sorted(parts):
        if container.entries[name].file_size != manifest.parts[name].bytes:
            raise SessionFileError(
                path,
                _("the part {name} does not have the size its manifest says").format(name=name),
            )
    with path.open("rb") as handle:
        for name in sorted(parts):
            if packed_sha256(handle, container.entries[name]) != manifest.parts[name].packed_sha256:
                raise SessionFileError(
                    path,
                    _("the part {name} does not match its SHA-256 in the manifest").format(
                        name=name
                    ),
                )
    manifest_sha256 = hashlib.sha256(manifest_bytes).hexdigest()
    parts_read = known is None or not known(manifest_sha256)
    if parts_read:
        read_parts(container, manifest, deep=deep, lookup=lookup)
    fingerprint = key_fingerprint(manifest.public_key)
    trusted = trust.admit(path, manifest, fingerprint) if trust is not None else False
    return VerifiedSession(
        path=path,
        manifest=manifest,
        manifest_sha256=manifest_sha256,
        fingerprint=fingerprint,
        trusted=trusted,
        parts_read=parts_read,
    )


def read_parts(
    container: Container, manifest: mf.Manifest, *, deep: bool, lookup: Lookup | None = None
) -> None:
    """Read every part through (see :func:`read_part`); ``deep`` also checks every
    reference once all the parts are read."""
    references = ReferenceCheck(container.path, lookup) if deep else None
    for name in merge_order(set(container.entries) - {mf.MANIFEST_NAME, mf.SIGNATURE_NAME}):
        read_part(container, manifest, name, deep=deep, references=references)
    if deep and mf.carries_photos(manifest):
        from planner_desktop.evidence.parts import check_pictures

        check_pictures(container, manifest, lookup=lookup)
    if references is not None:
        references.finish()


def merge_order(names: set[str]) -> list[str]:
    """Part names in the order a merge applies them: ancestry, the tables in foreign-key
    order, then any other name (refused when read); pictures are left out (read by
    :func:`planner_desktop.evidence.parts.check_pictures`)."""
    ranks = {mf.record_part(table): n for n, table in enumerate(dependency_order(), start=1)}
    ranks[mf.ANCESTRY_PART] = 0
    records = (name for name in names if mf.photo_of_part(name) is None)
    return sorted(records, key=lambda name: (ranks.get(name, len(ranks) + 1), name))


def _manifest(path: Path, data: bytes) -> mf.Manifest:
    try:
        return mf.read_manifest(data)
    except mf.NewerFormat as exc:
        raise SessionFileError(
            path,
            _(
                "it was written in session format version {found}; this program reads up to "
                "version {known}: install a Planner Desktop that reads version {found}"
            ).format(found=exc.version, known=mf.FORMAT_VERSION),
        ) from None
    except mf.ManifestError as exc:
        raise SessionFileError(path, str(exc)) from None


@cache
def _known_revisions() -> frozenset[str]:
    from planner_desktop.store.migrate import known_revisions

    return frozenset(known_revisions())


def _check_schema(path: Path, manifest: mf.Manifest) -> None:
    revision = manifest.schema_revision
    if revision in (RECORDS_REVISION, SCHEMA_HEAD):  # known without reading the scripts
        return
    if revision not in _known_revisions():
        raise SessionFileError(path, newer_schema(revision, manifest.app_version))


def newer_schema(revision: str, app_version: str) -> str:
    """Why a file for a newer database schema is refused: it names the version that wrote
    it (the one needed), or, when the manifest's version is not printable on one line,
    says a newer version is needed."""
    if app_version and LINE.problem(app_version) is None:
        return _(
            "it was written by Planner Desktop {needed} for a newer database schema "
            "({revision}); this is Planner Desktop {version}: install {needed} or later"
        ).format(needed=app_version, revision=revision, version=__version__)
    return _(
        "it was written for a newer database schema ({revision}) than this Planner Desktop "
        "{version} knows: install a newer version"
    ).format(revision=revision, version=__version__)


def line_parser(name: str) -> Callable[[bytes], dict[str, Any]]:
    """How a line of part ``name`` is validated; raises :class:`RecordError`."""
    table = mf.part_table(name)
    if table is not None:
        return table_specs()[table].validate_line
    return _ancestry_line


def _ancestry_line(line: bytes) -> dict[str, Any]:
    try:
        return ancestry_adapter().validate_json(line)  # type: ignore[no-any-return]
    except ValidationError as exc:
        raise RecordError(describe(exc)) from None


def read_part(
    container: Container,
    manifest: mf.Manifest,
    name: str,
    *,
    deep: bool,
    references: ReferenceCheck | None = None,
) -> None:
    """Read one part through: hash, count and (``deep``) validate every line, noting each
    record in ``references``."""
    path = container.path
    digest = hashlib.sha256()
    count = 0
    first_error: str | None = None
    seen: set[Any] = set()
    table = mf.part_table(name)
    key = "id" if table is not None else None
    parse = line_parser(name)
    lines = container.lines(name, digest) if deep else ()
    if not deep:
        count = count_lines(container, name, digest)
    for line in lines:
        count += 1
        if first_error is not None:
            continue
        try:
            record = parse(line)
        except RecordError as exc:
            first_error = _("record {n} of {name}: {problem}").format(
                n=count, name=name, problem=str(exc)
            )
            continue
        ident = record[key] if key else (record["version_id"], record["parent_id"])
        if ident in seen:
            first_error = _("record {n} of {name} repeats an id").format(n=count, name=name)
        seen.add(ident)
        if references is not None and table is not None:
            references.note(table, name, count, record)
    expected = manifest.parts[name]
    if digest.hexdigest() != expected.sha256:
        raise SessionFileError(
            path, _("the part {name} does not match its SHA-256 in the manifest").format(name=name)
        )
    if first_error is not None:
        raise SessionFileError(path, first_error)
    if count != expected.records:
        raise SessionFileError(
            path,
            _("the part {name} holds {found} records but its manifest says {said}").format(
                name=name, found=count, said=expected.records
            ),
        )


def count_lines(container: Container, name: str, digest: hashlib._Hash) -> int:
    """The lines of a part as :meth:`Container.lines` reads them (same refusals), counted
    without making one object per line. A line that starts and ends within one chunk is
    shorter than :data:`CHUNK`, so only a line running across chunks can be too long."""
    count = 0
    running = 0
    """Length of the line not ended yet."""
    for chunk in container.chunks(name):
        digest.update(chunk)
        first = chunk.find(b"\n")
        if first < 0:
            running += len(chunk)
        else:
            if running + first > MAX_LINE_BYTES:
                raise container.refuse(_("a line of {name} is too long").format(name=name))
            count += chunk.count(b"\n")
            running = len(chunk) - chunk.rfind(b"\n") - 1
        if running > MAX_LINE_BYTES:
            raise container.refuse(_("a line of {name} is too long").format(name=name))
    if running:
        raise container.refuse(_("the last line of {name} is cut short").format(name=name))
    return count


assert CHUNK < MAX_LINE_BYTES
