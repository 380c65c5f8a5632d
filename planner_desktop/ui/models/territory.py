"""Districts, and communities with their population by sex and age group, editable."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, Qt
from sqlalchemy import select

from planner_desktop.capture.validation import parse_count, parse_required_text
from planner_desktop.domain import labels
from planner_desktop.domain.enums import DistrictKind
from planner_desktop.domain.figures import Population
from planner_desktop.domain.summaries import live
from planner_desktop.domain.territory import Community, District
from planner_desktop.i18n import N_, _
from planner_desktop.plan.ordering import bytewise
from planner_desktop.store.database import Store
from planner_desktop.ui import formatting
from planner_desktop.ui.columns import Column, Kind
from planner_desktop.ui.models.editing import FieldSpec, Index, choose
from planner_desktop.ui.models.marks import WARNING_COLOR, ConflictMarkedModel, mark
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
        ids=_in_scope(base, Community.id, scope).order_by(
            bytewise(District.code), bytewise(Community.name), Community.id
        ),
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
        ids=select(District.id).where(live(District)).order_by(
            bytewise(District.code), District.id
        ),
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


def disagreement_text(name: str, by_sex: int, by_age: int) -> str:
    """The line saying that a community's two population totals differ."""
    return _("Population of {name} does not add up: {sex} by sex (women and men), {age} by "
             "age group.").format(name=name, sex=formatting.number(by_sex),
                                  age=formatting.number(by_age))


class CommunitiesModel(ConflictMarkedModel):
    """The editable communities table. A row whose population by sex and by age group
    differ is marked (its counts tinted, a warning sign by the name, the reason in the
    tooltip): the table takes one number at a time, so it warns rather than refuses. A
    community in an unresolved conflict is marked as such (:mod:`.marks`)."""

    def __init__(self, store: Store, query: TableQuery, parent: QObject | None = None) -> None:
        super().__init__(store, query, Community, community_fields(), parent)

    def population(self, row: int) -> Population:
        values = self.values(row)
        counts = values[FIRST_COUNT:FIRST_COUNT + len(POPULATION_COLUMNS)]
        if len(counts) < len(POPULATION_COLUMNS):
            return Population()
        return Population(0, *(int(n or 0) for n in counts))

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if index.isValid() and role in MARK_ROLES:
            handled, value = self.editing.data(index, role)
            if handled:
                return value
            handled, value = self.conflicts.data(self.key(index.row()), index.column(), role)
            if handled:
                return value
            people = self.population(index.row())
            counts = FIRST_COUNT <= index.column() < FIRST_COUNT + len(_SEX_AND_AGE)
            if not people.agrees and (counts or index.column() == NAME):
                why = disagreement_text(str(self.values(index.row())[NAME]), people.total,
                                        people.by_age)
                handled, value = mark(role, index.column(), why, WARNING_COLOR, NAME)
                if handled and (role != Qt.ItemDataRole.BackgroundRole or counts):
                    return value
        return super().data(index, role)


_SEX_AND_AGE = POPULATION_COLUMNS[:-1]
"""The six counts that must add up twice (families are not people)."""
MARK_ROLES = (Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.ToolTipRole,
              Qt.ItemDataRole.DecorationRole)
