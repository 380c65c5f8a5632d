"""``planner-desktop territory import-geometry FILE --db DB``: the preview of importing a
file's shapes as district or community geometry, written only with ``--apply``."""

from __future__ import annotations

import argparse

from planner_desktop.commands import started
from planner_desktop.geo.features import GeoRefused
from planner_desktop.geo.preview_text import preview_lines
from planner_desktop.i18n import ngettext

__all__ = ["GeoRefused", "cmd_import_geometry"]


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
