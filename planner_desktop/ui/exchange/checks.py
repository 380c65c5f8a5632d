"""What the import wizard's jobs do with each file, without any Qt (run in workers).

A :class:`FileCheck` is one chosen file as the wizard shows it: its status after
verification (``valid``, ``refused`` or ``held`` until a person trusts its key), who made
it, how many records it holds, and what merging it would do (filled in by :func:`plan`).
The verdict is the one ``session verify --db`` gives for the same database, in the same
words: every record, the references it needs from the file or the database, then trust.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from planner_desktop.exchange.merge_preview import MergePreview
from planner_desktop.exchange.references import database_lookup
from planner_desktop.exchange.session import (
    KeyNotTrusted,
    Manifest,
    MergeReport,
    SessionFileError,
    TrustPolicy,
    held_files,
    load_policy,
    verify_file,
)
from planner_desktop.store.database import Store

SUFFIX = ".cumbre"
VALID, REFUSED, HELD = "valid", "refused", "held"


@dataclass
class FileCheck:
    path: Path
    status: str = ""
    reason: str = ""
    """For a refused file: the one line that says what is wrong."""
    facilitator: str = ""
    device_id: uuid.UUID | None = None
    fingerprint: str = ""
    records: int | None = None
    plan: MergeReport | None = None
    manifest: Manifest | None = None
    trusted_now: bool = False
    """Its key was trusted by a person in this wizard (stored at once)."""

    @property
    def mergeable(self) -> bool:
        return self.status == VALID


def session_files(chosen: Iterable[Path]) -> list[Path]:
    """The files chosen, with every ``*.cumbre`` of a chosen folder, each once, in order."""
    found: list[Path] = []
    for path in chosen:
        if path.is_dir():
            found.extend(sorted(p for p in path.iterdir() if p.suffix.lower() == SUFFIX))
        else:
            found.append(path)
    unique: dict[Path, None] = {}
    for path in found:
        unique.setdefault(path.resolve(), None)
    return list(unique)


def trust_policy(store: Store, listed: Iterable[str] = ()) -> TrustPolicy:
    """The keys this database trusts, plus the fingerprints a person agreed to now."""
    with store.engine.connect() as conn:
        policy = load_policy(conn)
    policy.listed = frozenset(policy.listed | set(listed))
    return policy


def check_file(path: Path, policy: TrustPolicy, store: Store | None = None) -> FileCheck:
    """Verify ``path`` completely (its references against ``store`` too, when given), then
    ask the database's trust about its key: the checks, in the order, of a merge."""
    check = FileCheck(path)
    try:
        if store is None:
            verified = verify_file(path)
        else:
            with store.engine.connect() as conn:
                verified = verify_file(path, lookup=database_lookup(conn))
        check.facilitator = verified.manifest.facilitator
        check.device_id = verified.manifest.device_id
        check.fingerprint = verified.fingerprint
        check.records = verified.record_count
        check.manifest = verified.manifest
        policy.admit(path, verified.manifest, verified.fingerprint)
    except KeyNotTrusted as exc:
        check.status, check.reason = HELD, exc.reason
        return check
    except SessionFileError as exc:
        check.status, check.reason = REFUSED, exc.reason
        return check
    except OSError as exc:
        check.status, check.reason = REFUSED, exc.strerror or type(exc).__name__
        return check
    check.status = VALID
    return check


Step = Callable[[int, int, str], None]


def verify_all(
    paths: list[Path],
    policy: TrustPolicy,
    step: Step,
    cancelled: Callable[[], bool],
    store: Store | None = None,
) -> list[FileCheck]:
    """:func:`check_file` for each of ``paths`` (read-only on ``store``)."""
    checks = []
    for n, path in enumerate(paths, start=1):
        if cancelled():
            break
        checks.append(check_file(path, policy, store))
        step(n, len(paths), path.name)
    return checks


def plan(
    preview: MergePreview,
    paths: list[Path],
    policy: TrustPolicy,
    step: Step,
    cancelled: Callable[[], bool],
) -> dict[Path, MergeReport]:
    """What merging each file would do after those previewed before it (on a copy of the
    database; see :class:`MergePreview`). Runs in the write pool, one job at a time."""

    def progress(done: int, total: int, path: Path) -> None:
        step(done, total, path.name)

    return dict(zip(paths, preview.add(paths, policy, progress, cancelled), strict=True))


def in_preview_order(checks: list[FileCheck], order: list[Path]) -> list[FileCheck]:
    """The files previewed first, in the order they were counted (the order they will be
    merged in), then the others as they were."""
    place = {path: n for n, path in enumerate(order)}
    return sorted(checks, key=lambda c: place.get(c.path, len(place)))


def held_paths(store: Store) -> list[Path]:
    """Files an earlier merge held (their key not trusted) that are still on this disk."""
    with store.engine.connect() as conn:
        held = held_files(conn)
    return [Path(h.path) for h in held if Path(h.path).is_file()]
