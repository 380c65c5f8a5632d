"""Which district or community each shape of a file belongs to: the preview of an import.

A feature is matched by code first: the value of the code field equals a record's code,
ignoring letter case and spaces around it. A feature without a code match is matched by
name: the name field equals a record's name without letter case, accents or repeated
spaces (``SAN JOSÉ  de Chiquitos`` is ``San José de Chiquitos``). Only records that are
not deleted, of the municipality, at the level chosen, are candidates.

Ambiguous, never written: one name for two records (and no code to tell them apart), or
two features matched to one record (every feature involved). Not in the database: a
feature with no record of its code or name. Not in the file: a record no feature matched.
A district needs an area; a point is shown as unusable for it.
"""

from __future__ import annotations

import uuid
from collections import defaultdict
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session

from planner_desktop.domain.summaries import current_municipality, live
from planner_desktop.domain.territory import Community, District
from planner_desktop.geo.features import GeoRefused
from planner_desktop.geo.reading import Shape, ShapeFile
from planner_desktop.i18n import _
from planner_desktop.plan.ordering import folded

DISTRICT, COMMUNITY = "district", "community"
LEVELS = (DISTRICT, COMMUNITY)
MODELS: dict[str, type[District] | type[Community]] = {DISTRICT: District, COMMUNITY: Community}
CODE_FIELDS = ("code", "codigo", "cod", "cod_dist", "cod_com", "cod_ine", "id_comunidad")
NAME_FIELDS = ("name", "nombre", "nom", "nombre_com", "comunidad", "distrito", "nom_dist")


@dataclass(frozen=True)
class Place:
    id: uuid.UUID
    code: str
    name: str
    geometry: str | None


@dataclass(frozen=True)
class Match:
    shape: Shape
    label: str
    place: Place
    by: str
    """``code`` or ``name``."""

    @property
    def changed(self) -> bool:
        return self.shape.text != self.place.geometry


@dataclass
class Preview:
    file: ShapeFile
    level: str
    code_field: str | None
    name_field: str | None
    matched: list[Match] = field(default_factory=list)
    not_in_database: list[tuple[str, str]] = field(default_factory=list)
    """(feature, why) for features that match no record."""
    not_in_file: list[Place] = field(default_factory=list)
    ambiguous: list[tuple[str, str]] = field(default_factory=list)
    unusable: list[tuple[str, str]] = field(default_factory=list)
    """(feature, why) for features whose shape cannot be stored."""

    @property
    def changes(self) -> list[Match]:
        """What confirming writes: matched records whose geometry differs."""
        return [match for match in self.matched if match.changed]


def label(shape: Shape, code_field: str | None, name_field: str | None) -> str:
    """How the preview names a feature: its number, code and name."""
    parts = [_("feature {number}").format(number=shape.number)]
    for name in (code_field, name_field):
        value = shape.attributes.get(name or "", "")
        if value:
            parts.append(f"“{value}”")
    return " ".join(parts)


def guess_field(fields: tuple[str, ...], known: tuple[str, ...]) -> str | None:
    by_fold = {folded(f): f for f in fields}
    return next((by_fold[name] for name in known if name in by_fold), None)


def _field(file: ShapeFile, given: str | None, known: tuple[str, ...]) -> str | None:
    if given is None:
        return guess_field(file.fields, known)
    if given in file.fields:
        return given
    found = guess_field(file.fields, (folded(given),))
    if found is None:
        raise GeoRefused(_("{file}: it has no field {name} (fields: {fields})").format(
            file=file.path.name, name=given, fields=", ".join(file.fields) or "-"))
    return found


def places(session: Session, level: str) -> list[Place]:
    municipality = current_municipality(session)
    if municipality is None:
        return []
    query = (
        select(District.id, District.code, District.name, District.geometry)
        .where(District.municipality_id == municipality.id, live(District))
        if level == DISTRICT
        else select(Community.id, Community.code, Community.name, Community.geometry)
        .join(District, Community.district_id == District.id)
        .where(District.municipality_id == municipality.id, live(Community), live(District))
    )
    return [Place(*row) for row in session.execute(query).all()]


def match(
    session: Session,
    file: ShapeFile,
    level: str | None = None,
    code_field: str | None = None,
    name_field: str | None = None,
) -> Preview:
    """The preview of importing ``file``'s shapes as the geometry of ``level``'s records
    (None: the level more features match, communities on a tie)."""
    codes = _field(file, code_field, CODE_FIELDS)
    names = _field(file, name_field, NAME_FIELDS)
    if codes is None and names is None:
        raise GeoRefused(_(
            "{file}: no field holds codes or names to match; choose one (fields: {fields})"
        ).format(file=file.path.name, fields=", ".join(file.fields) or "-"))
    if level is None:
        previews = [_preview(session, file, each, codes, names) for each in LEVELS]
        return max(reversed(previews), key=lambda p: len(p.matched))
    return _preview(session, file, level, codes, names)


def _preview(
    session: Session, file: ShapeFile, level: str, codes: str | None, names: str | None
) -> Preview:
    preview = Preview(file, level, codes, names)
    known = places(session, level)
    by_code = {_key(p.code): p for p in known}
    by_name: dict[str, list[Place]] = defaultdict(list)
    for place in known:
        by_name[folded(" ".join(place.name.split()))].append(place)
    found: dict[uuid.UUID, list[Match]] = defaultdict(list)
    for shape in file.shapes:
        text = label(shape, codes, names)
        if shape.text is None:
            preview.unusable.append((text, shape.problem))
            continue
        code = _key(shape.attributes.get(codes or "", ""))
        name = folded(shape.attributes.get(names or "", ""))
        if code and code in by_code:
            found[by_code[code].id].append(Match(shape, text, by_code[code], "code"))
        elif name and len(by_name.get(name, [])) == 1:
            found[by_name[name][0].id].append(Match(shape, text, by_name[name][0], "name"))
        elif name and name in by_name:
            preview.ambiguous.append((text, _("{n} records are named so").format(
                n=len(by_name[name]))))
        else:
            preview.not_in_database.append((text, _("no record of this code or name")))
    for matches in found.values():
        if len(matches) > 1:
            for each in matches:
                preview.ambiguous.append((each.label, _(
                    "{n} features for {place}").format(n=len(matches), place=each.place.name)))
        elif level == DISTRICT and matches[0].shape.kind == "Point":
            preview.unusable.append((matches[0].label, _("a district needs an area")))
        else:
            preview.matched.append(matches[0])
    preview.not_in_file = sorted(
        (p for p in known if p.id not in found), key=lambda p: (p.code, p.name)
    )
    return preview


def _key(code: str) -> str:
    return code.strip().casefold()
