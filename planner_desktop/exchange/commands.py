"""The ``session export|verify|merge`` commands (DESIGN §5), behind ``commands.py``.

Refusals raise :class:`~planner_desktop.commands.Refused` (exit 1, one line on stderr). A merge
prints one line per file (refused and held files on stderr) and then the total line
``added=N updated=N unchanged=N conflicts=N rejected=N``; it exits 1 when any file was
refused or held. ``verify --db`` makes merge's own checks against that database (its
records, the references it needs from it, and trust as merge decides it) and says what
merge would, in the same words; it exits 0 only when merge would merge the file.
"""

from __future__ import annotations

import argparse
import sys
import uuid
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from planner_desktop.commands import started
from planner_desktop.i18n import _

if TYPE_CHECKING:
    from planner_desktop.exchange.verify import VerifiedSession

EXIT_OK, EXIT_REFUSED = 0, 1


class CommandRefused(Exception):
    """Raised for the command line to turn into exit 1 and one line."""


def _uuid(value: str | None, what: str) -> uuid.UUID | None:
    if value is None:
        return None
    try:
        return uuid.UUID(value)
    except ValueError:
        raise CommandRefused(
            _("{what} {value} is not a valid id").format(what=what, value=value)[:200]
        ) from None


def _date(value: str | None, option: str) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise CommandRefused(
            _("{option} takes a date as YYYY-MM-DD").format(option=option)
        ) from None


def add_arguments(
    export: argparse.ArgumentParser, verify: argparse.ArgumentParser, merge: argparse.ArgumentParser
) -> None:
    """Options added to the contract's arguments."""
    export.add_argument(
        "--from",
        dest="date_from",
        metavar=_("YYYY-MM-DD"),
        help=_("records changed on or after this day"),
    )
    export.add_argument(
        "--to",
        dest="date_to",
        metavar=_("YYYY-MM-DD"),
        help=_("records changed on or before this day"),
    )
    export.add_argument(
        "--since-last",
        action="store_true",
        help=_("everything changed since the last such export from this laptop"),
    )
    verify.add_argument(
        "--db",
        metavar=_("PATH_OR_URL"),
        help=_(
            "check the file as merging it into this database would: the records it refers "
            "to there, and the keys and laptops it trusts"
        ),
    )
    verify.add_argument(
        "--trusted-keys",
        metavar=_("FILE"),
        help=_("also require the file's key to be listed in this file (one fingerprint a line)"),
    )
    verify.add_argument(
        "--trust-new",
        action="store_true",
        help=_("with --db: as a merge that trusts the key of a laptop not seen before"),
    )
    merge.add_argument(
        "--trust-new", action="store_true", help=_("trust the key of a laptop not seen before")
    )
    merge.add_argument(
        "--trusted-keys",
        metavar=_("FILE"),
        help=_("trust the keys listed in this file (one fingerprint a line)"),
    )


def cmd_export(args: argparse.Namespace) -> int:
    from planner_desktop import installation, paths
    from planner_desktop.context import load_settings, open_database, upgrade_confirmed
    from planner_desktop.exchange.export import export_session
    from planner_desktop.exchange.manifest import Scope
    from planner_desktop.exchange.scope import ScopeError

    chosen = [n for n in ("event", "community") if getattr(args, n)]
    ranged = args.date_from is not None or args.date_to is not None
    if len(chosen) + int(ranged) + int(args.since_last) > 1:
        raise CommandRefused(_("choose one of --event, --community, --from/--to or --since-last"))
    if args.event:
        scope = Scope(kind="event", event_id=_uuid(args.event, "event"))
    elif args.community:
        scope = Scope(kind="community", community_id=_uuid(args.community, "community"))
    elif ranged:
        scope = Scope(
            kind="dates",
            date_from=_date(args.date_from, "--from"),
            date_to=_date(args.date_to, "--to"),
        )
    elif args.since_last:
        scope = Scope(kind="since_last")
    else:
        scope = Scope(kind="everything")
    from planner_desktop.exchange.signing import fingerprint, public_key_hex

    settings = load_settings()
    key = installation.load_or_create(paths.data_dir()).signing_key()
    store = open_database(
        args.db, must_exist=True, settings=settings, upgrade_server=upgrade_confirmed(args)
    )
    started()
    try:
        report = export_session(
            store, args.out, scope=scope, key=key, facilitator=settings.get("facilitator")
        )
    except ScopeError as exc:
        raise CommandRefused(str(exc)) from None
    except OSError as exc:
        raise CommandRefused(
            _("cannot write {path}: {reason}").format(path=args.out, reason=exc.strerror)
        ) from None
    finally:
        store.close()
    if report.total == 0:
        print(_("{path}: written, but the scope holds no records").format(path=report.path))
    else:
        print(
            _("{path}: {count} records, session {session}").format(
                path=report.path, count=report.total, session=report.session_id
            )
        )
    _print_key(_("Key fingerprint of this laptop:"), fingerprint(public_key_hex(key)))
    return EXIT_OK


def _print_key(title: str, value: str) -> None:
    """The whole fingerprint, grouped as the window's trust question and export window
    show it, so the two can be compared group by group."""
    from planner_desktop.exchange.signing import fingerprint_lines

    print(title)
    for line in fingerprint_lines(value):
        print(f"  {line}")


def cmd_verify(args: argparse.Namespace) -> int:
    from planner_desktop.exchange.errors import SessionFileError
    from planner_desktop.exchange.trust import TrustPolicy, read_keys_file

    started("planner_desktop.exchange.verify")
    path = Path(args.file)
    keys_file = Path(args.trusted_keys) if args.trusted_keys else None
    try:
        if args.db is not None:
            verified, earlier = _verify_against(args.db, path, keys_file, args.trust_new)
        else:
            from planner_desktop.exchange.verify import verify_file

            trust = None
            if keys_file is not None or args.trust_new:
                listed = read_keys_file(keys_file) if keys_file is not None else frozenset()
                trust = TrustPolicy(listed=listed, trust_new=args.trust_new)
            verified, earlier = verify_file(path, trust), None
    except SessionFileError as exc:
        raise CommandRefused(str(exc)) from None
    facilitator = verified.manifest.facilitator or "—"
    print(
        _("{name}: valid, {count} records, format {version}, facilitator {facilitator}").format(
            name=path.name,
            count=verified.record_count,
            version=verified.manifest.format_version,
            facilitator=facilitator,
        )
    )
    if earlier is not None:
        print(_("already merged into this database (import {batch})").format(batch=earlier))
    elif args.db is not None and not verified.trusted:
        print(_("merging it trusts its laptop's key, new to this database"))
    _print_key(_("Key fingerprint of the laptop that signed it:"), verified.fingerprint)
    return EXIT_OK


def _verify_against(
    db: str, path: Path, keys_file: Path | None, trust_new: bool
) -> tuple[VerifiedSession, int | None]:
    """Verify ``path`` as :func:`~planner_desktop.exchange.merge.merge_files` does before
    merging it into ``db`` (trust, records, references), writing nothing to ``db``; also
    the import that already merged this very file, if any (whose parts, pinned by the
    signed manifest, merge does not read again either)."""
    from planner_desktop.context import open_database
    from planner_desktop.exchange.merge import earlier_batch
    from planner_desktop.exchange.references import database_lookup
    from planner_desktop.exchange.trust import load_policy
    from planner_desktop.exchange.verify import verify_file

    store = open_database(db, must_exist=True)
    try:
        with store.engine.connect() as conn:
            with conn.begin():
                trust = load_policy(conn, trust_new=trust_new, keys_file=keys_file)

            def known(manifest_sha256: str) -> bool:
                with conn.begin():
                    return earlier_batch(conn, manifest_sha256) is not None

            verified = verify_file(path, trust, lookup=database_lookup(conn), known=known)
            if verified.parts_read:
                return verified, None
            with conn.begin():
                return verified, earlier_batch(conn, verified.manifest_sha256)
    finally:
        store.close()


def cmd_merge(args: argparse.Namespace) -> int:
    from planner_desktop.context import open_database, upgrade_confirmed
    from planner_desktop.exchange.errors import SessionFileError
    from planner_desktop.exchange.merge import merge_files, summary, total
    from planner_desktop.exchange.trust import load_policy

    store = open_database(args.db, upgrade_server=upgrade_confirmed(args))
    started()
    try:
        with store.engine.connect() as conn:
            try:
                keys_file = Path(args.trusted_keys) if args.trusted_keys else None
                trust = load_policy(conn, trust_new=args.trust_new, keys_file=keys_file)
            except SessionFileError as exc:
                raise CommandRefused(str(exc)) from None
        reports = merge_files(store, args.files, trust=trust)
    finally:
        store.close()
    for report in reports:
        print(report.line(), file=sys.stdout if report.ok else sys.stderr)
    print(summary(total(reports)))
    return EXIT_OK if all(r.ok for r in reports) else EXIT_REFUSED
