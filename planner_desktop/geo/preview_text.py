"""The preview of a geometry import in lines of text (the command prints them, the window's
dialog shows them)."""

from __future__ import annotations

from collections.abc import Iterator

from planner_desktop.geo.matching import DISTRICT, Preview
from planner_desktop.i18n import _


def preview_lines(preview: Preview) -> Iterator[str]:
    """The preview as the command prints it and the window shows it: a summary line per
    list, then its items."""
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
