"""``planner-desktop territory import-geometry FILE --db DB``: the preview of importing a
file's shapes as district or community geometry, written only with ``--apply``."""

from __future__ import annotations

import argparse
from collections.abc import Iterable

from planner_desktop.commands import started
from planner_desktop.geo.features import GeoRefused
from planner_desktop.i18n import _, ngettext

__all__ = ["GeoRefused", "cmd_import_geometry", "preview_lines"]


def cmd_import_geometry(args: argparse.Namespace) -> int:
    from planner_desktop.context import open_database, upgrade_confirmed
    from planner_desktop.geo.matching import match
    from planner_desktop.geo.reading import read_shapes
    from planner_desktop.geo.writing import planned, write_geometries

    shapes = read_shapes(args.file, args.layer)
    store = open_database(args.db, must_exist=True, upgrade_server=upgrade_confirmed(args))
    started()
    try:
        with store.session() as session:
            preview = match(session, shapes, args.level, args.code_field, args.name_field)
        for line in preview_lines(preview):
            print(line)
        geometries = planned(preview)
        if not args.apply:
            print(ngettext(
                "preview only, nothing written: --apply writes {n} geometry",
                "preview only, nothing written: --apply writes {n} geometries",
                len(geometries)).format(n=len(geometries)))
            return 0
        write_geometries(store, preview.level, geometries)
    finally:
        store.close()
    print(ngettext("{n} geometry written", "{n} geometries written", len(geometries)).format(
        n=len(geometries)))
    return 0


def preview_lines(preview: object) -> Iterable[str]:
    """The preview as the command prints it: a summary line per list, then its items."""
    from planner_desktop.geo.matching import DISTRICT, Preview

    assert isinstance(preview, Preview)
    file = preview.file
    yield _("{file}, layer {layer}: {n} features; reference system: {reference}").format(
        file=file.path.name, layer=file.layer, n=len(file.shapes), reference=file.reference)
    level = _("districts") if preview.level == DISTRICT else _("communities")
    yield _("matched to {level} by code field {code} and name field {name}").format(
        level=level, code=preview.code_field or "-", name=preview.name_field or "-")
    changes = preview.changes
    yield _("matched: {n} ({changed} to write, {same} unchanged)").format(
        n=len(preview.matched), changed=len(changes), same=len(preview.matched) - len(changes))
    for item in preview.matched:
        by = _("by code") if item.by == "code" else _("by name")
        note = _(", simplified") if item.shape.simplified else ""
        yield f"  {item.place.code} {item.place.name} ← {item.label} ({by}{note})"
    yield _("in the file, not in the database: {n}").format(n=len(preview.not_in_database))
    for text, why in preview.not_in_database:
        yield f"  {text}: {why}"
    yield _("in the database, not in the file: {n}").format(n=len(preview.not_in_file))
    for place in preview.not_in_file:
        yield f"  {place.code} {place.name}"
    yield _("ambiguous, never written: {n}").format(n=len(preview.ambiguous))
    for text, why in preview.ambiguous:
        yield f"  {text}: {why}"
    if preview.unusable:
        yield _("without a usable shape: {n}").format(n=len(preview.unusable))
        for text, why in preview.unusable:
            yield f"  {text}: {why}"
