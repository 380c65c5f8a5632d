"""``planner-desktop photo attach|list|export`` (DESIGN §5): photos as evidence, headless.

``attach`` takes a photo in (:mod:`.ingest`: every refusal one line naming the file, and
nothing written) and attaches it to an acta (its id, or an event's: the event's acta, or a
new one), a self-diagnosis or a round. ``list`` prints one tab-separated line per live
photo. ``export`` writes a photo's stored picture to a file.
"""

from __future__ import annotations

import argparse
import uuid
from pathlib import Path
from typing import TYPE_CHECKING

from planner_desktop.capture.validation import Invalid
from planner_desktop.domain.enums import PhotoKind
from planner_desktop.i18n import _

if TYPE_CHECKING:
    from planner_desktop.store.database import Store


class CommandRefused(Exception):
    """The input was refused: one line."""


def _uuid(text: str, option: str) -> uuid.UUID:
    try:
        return uuid.UUID(text)
    except ValueError:
        raise CommandRefused(
            _("{option}: {text} is not an id").format(option=option, text=text)
        ) from None


def _owner_choice(args: argparse.Namespace) -> tuple[PhotoKind, uuid.UUID]:
    if args.acta:
        return PhotoKind.acta, _uuid(args.acta, "--acta")
    if args.self_diagnosis:
        return PhotoKind.talking_map, _uuid(args.self_diagnosis, "--self-diagnosis")
    return PhotoKind.tally_sheet, _uuid(args.round, "--round")


def _open(args: argparse.Namespace) -> Store:
    from planner_desktop.commands import started
    from planner_desktop.context import open_database, upgrade_confirmed

    store = open_database(args.db, must_exist=True, upgrade_server=upgrade_confirmed(args))
    started()
    return store


def cmd_attach(args: argparse.Namespace) -> int:
    from planner_desktop.evidence import photos
    from planner_desktop.evidence.ingest import PhotoRefused, ingest_file

    kind, record_id = _owner_choice(args)
    try:
        picture = ingest_file(
            args.file, keep_location=args.keep_location, read_qr=kind is PhotoKind.acta
        )
    except PhotoRefused as exc:
        raise CommandRefused(str(exc)) from None
    store = _open(args)
    try:
        if kind is PhotoKind.acta:
            with store.session() as session:
                record_id, new_acta = photos.acta_of(session, record_id)
        else:
            new_acta = {}
        photo_id = photos.attach(
            store,
            picture,
            photos.Owner(kind, record_id),
            caption=args.caption or "",
            new_acta=new_acta or None,
        )
    except Invalid as exc:
        raise CommandRefused(f"{Path(args.file).name}: {exc}") from None
    finally:
        store.close()
    print(
        _("{name}: photo {id} attached ({width}×{height}, {size} bytes)").format(
            name=Path(args.file).name,
            id=photo_id,
            width=picture.width,
            height=picture.height,
            size=picture.size,
        )
    )
    return 0


def cmd_list(args: argparse.Namespace) -> int:
    from planner_desktop.evidence import photos

    store = _open(args)
    try:
        with store.session() as session:
            rows = photos.list_photos(session)
    finally:
        store.close()
    for row in rows:
        place = "" if row.latitude is None else f"{row.latitude},{row.longitude}"
        print(
            "\t".join(
                (
                    str(row.id),
                    row.kind.value,
                    str(row.owner_id),
                    row.media_type,
                    f"{row.width}x{row.height}",
                    row.sha256,
                    place,
                    row.qr_text or "",
                    row.caption,
                )
            )
        )
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    from planner_desktop.evidence import photos

    photo_id = _uuid(args.id, "ID")
    store = _open(args)
    try:
        with store.session() as session:
            _media_type, data = photos.read_picture(session, photo_id)
    except Invalid as exc:
        raise CommandRefused(str(exc)) from None
    finally:
        store.close()
    out = Path(args.out)
    tmp = out.with_name(out.name + ".part")
    try:
        tmp.write_bytes(data)
        tmp.replace(out)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise CommandRefused(
            _("cannot write {path}: {reason}").format(path=out, reason=exc.strerror)
        ) from None
    return 0
