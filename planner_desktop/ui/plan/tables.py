"""The lists inside a profile: components, funding, indicators and their yearly targets.

Each is an editable lazy table (the capture infrastructure) over the rows of one profile.
"""

from __future__ import annotations

import uuid
from typing import Any

from PySide6.QtCore import QObject
from sqlalchemy import select

from planner_desktop.capture.validation import parse_optional_text, parse_required_text
from planner_desktop.domain import labels
from planner_desktop.domain.base import Synced
from planner_desktop.domain.enums import CounterpartKind, IndicatorLevel
from planner_desktop.domain.projects import (
    Component,
    FundingSource,
    Indicator,
    IndicatorTarget,
    ProfileFunding,
)
from planner_desktop.domain.summaries import live
from planner_desktop.i18n import N_, _
from planner_desktop.plan.ordering import bytewise
from planner_desktop.store.database import Store
from planner_desktop.ui.columns import Column, Kind
from planner_desktop.ui.commands import StoreCommand
from planner_desktop.ui.models.editable import EditableQueryModel
from planner_desktop.ui.models.editing import FieldSpec, choose
from planner_desktop.ui.plan.parsers import parse_amount, parse_target
from planner_desktop.ui.queries import TableQuery

NO_PROFILE = uuid.UUID(int=0)


def components(profile_id: uuid.UUID) -> TableQuery:
    return TableQuery(
        columns=(Column(N_("Component")), Column(N_("Activities"), stretch=True),
                 Column(N_("Cost"), Kind.money)),
        ids=select(Component.id).where(Component.profile_id == profile_id, live(Component))
        .order_by(Component.position, Component.created_at, Component.id),
        rows=lambda keys: select(Component.id, Component.name, Component.activities,
                                 Component.cost).where(Component.id.in_(keys)),
    )


def funding(profile_id: uuid.UUID) -> TableQuery:
    return TableQuery(
        columns=(Column(N_("Source"), stretch=True), Column(N_("Amount"), Kind.money),
                 Column(N_("Community counterpart"), Kind.label)),
        ids=select(ProfileFunding.id)
        .where(ProfileFunding.profile_id == profile_id, live(ProfileFunding))
        .order_by(ProfileFunding.created_at, ProfileFunding.id),
        rows=lambda keys: select(
            ProfileFunding.id, FundingSource.code + " " + FundingSource.name,
            ProfileFunding.amount, ProfileFunding.counterpart_kind,
        ).join(FundingSource, ProfileFunding.source_id == FundingSource.id)
        .where(ProfileFunding.id.in_(keys)),
    )


def indicators(profile_id: uuid.UUID) -> TableQuery:
    return TableQuery(
        columns=(Column(N_("Indicator"), stretch=True), Column(N_("Unit")),
                 Column(N_("Level"), Kind.label), Column(N_("Baseline"))),
        ids=select(Indicator.id).where(Indicator.profile_id == profile_id, live(Indicator))
        .order_by(Indicator.created_at, Indicator.id),
        rows=lambda keys: select(Indicator.id, Indicator.name, Indicator.unit, Indicator.level,
                                 Indicator.baseline).where(Indicator.id.in_(keys)),
    )


def targets(profile_id: uuid.UUID) -> TableQuery:
    return TableQuery(
        columns=(Column(N_("Indicator"), stretch=True), Column(N_("Year")),
                 Column(N_("Target"))),
        ids=select(IndicatorTarget.id)
        .join(Indicator, IndicatorTarget.indicator_id == Indicator.id)
        .where(Indicator.profile_id == profile_id, live(Indicator), live(IndicatorTarget))
        .order_by(
            Indicator.created_at, bytewise(Indicator.name), IndicatorTarget.year, IndicatorTarget.id
        ),
        rows=lambda keys: select(IndicatorTarget.id, Indicator.name, IndicatorTarget.year,
                                 IndicatorTarget.target)
        .join(Indicator, IndicatorTarget.indicator_id == Indicator.id)
        .where(IndicatorTarget.id.in_(keys)),
    )


def _choices(items: list[tuple[Any, str]]) -> Any:
    return lambda: items


def _enum_choices(kinds: Any, empty: bool = False) -> Any:
    def choices() -> list[tuple[Any, str]]:
        found: list[tuple[Any, str]] = [(None, _("None"))] if empty else []
        return found + [(kind, labels.label(kind)) for kind in kinds]

    return choices


def _parse_choice(choices: Any) -> Any:
    return lambda value: choose(choices(), value)


def component_model(store: Store, parent: QObject) -> EditableQueryModel:
    return EditableQueryModel(store, components(NO_PROFILE), Component, {
        0: FieldSpec("name", parse_required_text, N_("Component")),
        1: FieldSpec("activities", parse_optional_text, N_("Activities")),
        2: FieldSpec("cost", parse_amount, N_("Cost")),
    }, parent)


def funding_model(
    store: Store, sources: list[tuple[uuid.UUID, str]], parent: QObject
) -> EditableQueryModel:
    source_choices = _choices(sources)
    counterpart = _enum_choices(CounterpartKind, empty=True)
    return EditableQueryModel(store, funding(NO_PROFILE), ProfileFunding, {
        0: FieldSpec("source_id", _parse_choice(source_choices), N_("Source"), source_choices),
        1: FieldSpec("amount", parse_amount, N_("Amount")),
        2: FieldSpec("counterpart_kind", _parse_choice(counterpart), N_("Community counterpart"),
                     counterpart),
    }, parent)


def indicator_model(store: Store, parent: QObject) -> EditableQueryModel:
    levels = _enum_choices(IndicatorLevel)
    return EditableQueryModel(store, indicators(NO_PROFILE), Indicator, {
        0: FieldSpec("name", parse_required_text, N_("Indicator")),
        1: FieldSpec("unit", parse_optional_text, N_("Unit")),
        2: FieldSpec("level", _parse_choice(levels), N_("Level"), levels),
        3: FieldSpec("baseline", parse_optional_text, N_("Baseline")),
    }, parent)


def target_model(store: Store, parse_year: Any, parent: QObject) -> EditableQueryModel:
    model = EditableQueryModel(store, targets(NO_PROFILE), IndicatorTarget, {
        1: FieldSpec("year", parse_year, N_("Year")),
        2: FieldSpec("target", parse_target, N_("Target")),
    }, parent)
    model.also_reload_on.add("indicator")
    return model


class RemoveRecord(StoreCommand):
    """Delete one record (a tombstone); undo brings it back."""

    def __init__(self, hub: Any, text: str, model: type[Synced], record_id: uuid.UUID) -> None:
        super().__init__(hub, text)
        self.model = model
        self.record_id = record_id
        self.tables = (model.__tablename__,)  # type: ignore[attr-defined]

    def apply(self, store: Store) -> None:
        from planner_desktop.capture import records

        records.tombstone(store, self.model, self.record_id)

    def revert(self, store: Store) -> None:
        from planner_desktop.capture import records

        records.restore(store, self.model, self.record_id)
