"""Districts, and communities with their population by sex and age group, editable."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select

from planner_desktop.capture.validation import parse_count, parse_required_text
from planner_desktop.domain import labels
from planner_desktop.domain.enums import DistrictKind
from planner_desktop.domain.summaries import live
from planner_desktop.domain.territory import Community, District
from planner_desktop.i18n import N_
from planner_desktop.ui.columns import Column, Kind
from planner_desktop.ui.models.editing import FieldSpec, choose
from planner_desktop.ui.queries import MUNICIPALITY, Scope, TableQuery, _in_scope

NAME = 2
POPULATION_COLUMNS: tuple[tuple[str, str], ...] = (
    ("population_women", N_("Women")),
    ("population_men", N_("Men")),
    ("population_children", N_("Children")),
    ("population_youth", N_("Youth")),
    ("population_adults", N_("Adults")),
    ("population_elders", N_("Elders")),
    ("families", N_("Families")),
)
FIRST_COUNT = 5


def communities(scope: Scope = MUNICIPALITY) -> TableQuery:
    base = (
        select(Community.id)
        .join(District, Community.district_id == District.id)
        .where(live(Community), live(District))
    )
    counts = [getattr(Community, field) for field, _title in POPULATION_COLUMNS]
    return TableQuery(
        columns=(
            Column(N_("District")),
            Column(N_("Code")),
            Column(N_("Community"), stretch=True),
            Column(N_("Type"), Kind.label),
            Column(N_("Area"), Kind.label),
            *(Column(title, Kind.number) for _field, title in POPULATION_COLUMNS),
        ),
        ids=_in_scope(base, Community.id, scope).order_by(District.code, Community.name),
        rows=lambda keys: (
            select(
                Community.id,
                District.name,
                Community.code,
                Community.name,
                Community.kind,
                Community.area,
                *counts,
            )
            .join(District, Community.district_id == District.id)
            .where(Community.id.in_(keys))
        ),
    )


def community_fields() -> dict[int, FieldSpec]:
    """Name and every count are typed in; a negative count is refused."""
    fields = {NAME: FieldSpec("name", parse_required_text, N_("Community"))}
    for offset, (field, title) in enumerate(POPULATION_COLUMNS):
        fields[FIRST_COUNT + offset] = FieldSpec(field, parse_count, title)
    return fields


def districts() -> TableQuery:
    return TableQuery(
        columns=(
            Column(N_("Code")),
            Column(N_("District"), stretch=True),
            Column(N_("Type"), Kind.label),
        ),
        ids=select(District.id).where(live(District)).order_by(District.code),
        rows=lambda keys: select(District.id, District.code, District.name, District.kind).where(
            District.id.in_(keys)
        ),
    )


def district_fields() -> dict[int, FieldSpec]:
    """The name and the kind (district or canton) of a district are typed in."""

    def kinds() -> list[tuple[Any, str]]:
        return [(kind, labels.label(kind)) for kind in DistrictKind]

    return {
        1: FieldSpec("name", parse_required_text, N_("District")),
        2: FieldSpec("kind", lambda value: choose(kinds(), value), N_("Type"), kinds),
    }
