"""The municipality's records in the plan workbook (funding sources with their ceilings,
self-assessment areas with their scores, organisations with their roles by phase) and
the plan's annexes (work plan, agreement, technical team, pacts).

A year or phase column holds one stored record per cell, written as the window writes
it: an empty ceiling clears it; an empty score is *not evaluated*; an empty role is no
role. A source's code is never one a deleted source had (the store keeps one row per
code). A pact names its organisation by name and its element by code.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from planner_desktop.capture.plan_records import check_dates
from planner_desktop.capture.territory import FieldRefused
from planner_desktop.domain.actors import Organization
from planner_desktop.domain.diagnosis import AssessmentArea, AssessmentScore
from planner_desktop.domain.enums import ActorPhase, OrganizationKind, ScoreState
from planner_desktop.domain.plan import ActorRole, Agreement, Pact, TeamMember, WorkActivity
from planner_desktop.domain.projects import FundingSource, SourceCeiling
from planner_desktop.exchange.xlsx.errors import refuse
from planner_desktop.exchange.xlsx.plan_context import Context, Counts
from planner_desktop.exchange.xlsx.plan_frame_rows import simple_sheet
from planner_desktop.exchange.xlsx.plan_match import (
    Target,
    key_text,
    match,
    put,
    refuse_at,
    unique,
    write,
)
from planner_desktop.exchange.xlsx.plan_spec import (
    ACTORS,
    AGREEMENT,
    ASSESSMENT,
    PACTS,
    PHASE_COLUMNS,
    SOURCES,
    TEAM,
    WORK_PLAN,
    Cell,
)
from planner_desktop.i18n import _


def resolve(context: Context) -> None:
    _sources(context)
    areas = simple_sheet(
        context, ASSESSMENT, AssessmentArea, context.stored("areas"), "name",
        lambda area: area.name, owner="municipality_id", positioned=True,
    )  # fmt: skip
    _scores(context, areas)
    _actors(context)
    simple_sheet(
        context, WORK_PLAN, WorkActivity, context.stored("activities"), "activity",
        lambda activity: activity.activity, owner="plan_id", positioned=True, check=_dates,
    )  # fmt: skip
    simple_sheet(
        context, AGREEMENT, Agreement, context.stored("agreements"), "title",
        lambda agreement: agreement.title, owner="plan_id",
    )  # fmt: skip
    simple_sheet(
        context, TEAM, TeamMember, context.stored("team"), "name",
        lambda member: member.name, owner="plan_id", positioned=True,
    )  # fmt: skip
    _pacts(context)


def _dates(target: Target) -> None:
    try:
        check_dates(target.final("start_date"), target.final("end_date"))
    except FieldRefused as refused:
        raise refuse_at(target.row.at("end_date"), refused) from None


def _sources(context: Context) -> None:
    sheet = context.book.sheet(SOURCES)
    matched = match(
        context.session,
        sheet,
        FundingSource,
        context.stored("sources"),
        lambda row: key_text(row.values["code"]),
        lambda source: key_text(source.code),
    )
    unique(
        matched,
        lambda t: key_text(t.row.values["code"]),
        lambda source: key_text(source.code),
        "code",
        lambda t, _other: _("another source has the code «{code}»").format(
            code=t.row.values["code"]
        ),
    )
    deleted: set[str] = set()
    if context.town_id is not None:
        deleted = {
            key_text(code)
            for code in context.session.scalars(
                select(FundingSource.code).where(
                    FundingSource.municipality_id == context.town_id,
                    FundingSource.deleted_at.is_not(None),
                )
            )
        }
    for target in matched.targets:
        values = target.row.values
        if key_text(values["code"]) in deleted:
            raise refuse(
                target.row.at("code"),
                _("the code «{code}» belonged to a deleted source: choose another").format(
                    code=values["code"]
                ),
            )
        target.set("code", values["code"], Cell.TEXT)
        target.set("name", values["name"], Cell.TEXT)
        target.set("kind", values["kind"])
        target.offer("funder", values.get("funder") or "", Cell.TEXT)
    years = sheet.years if sheet else []

    def write_sources(session: Session, counts: Counts) -> None:
        for target in matched.targets:
            counts.count(write(session, FundingSource, target, municipality_id=context.town))
        session.flush()
        for target in matched.targets:
            for year in years:
                amount = target.row.years[year]
                keys = {"source_id": target.id, "year": year}
                outcome = put(
                    session, SourceCeiling, keys, {"amount": amount}, empty=amount is None
                )
                if outcome != "unchanged":
                    counts.count(outcome)

    context.then(write_sources)


def _scores(context: Context, areas: list[Target]) -> None:
    """The score cells of the self-assessment's areas, one per year column."""
    sheet = context.book.sheet(ASSESSMENT)
    if sheet is None or not sheet.years:
        return
    years = sheet.years

    def write_scores(session: Session, counts: Counts) -> None:
        session.flush()
        for target in areas:
            for year in years:
                state, value = target.row.years[year]
                keys = {"area_id": target.id, "year": year}
                fields = {"state": state, "percentage": value}
                empty = state is ScoreState.not_evaluated
                outcome = put(
                    session, AssessmentScore, keys, fields, empty=empty, delete_empty=False
                )
                if outcome != "unchanged":
                    counts.count(outcome)

    context.then(write_scores)


def _actors(context: Context) -> None:
    sheet = context.book.sheet(ACTORS)
    matched = match(
        context.session,
        sheet,
        Organization,
        context.stored("all_organizations"),
        lambda row: key_text(row.values["name"]),
        lambda organization: key_text(organization.name),
    )
    final = unique(
        matched,
        lambda t: key_text(t.row.values["name"]),
        lambda organization: key_text(organization.name),
        "name",
        lambda t, _other: _("another organisation is called «{name}»").format(
            name=t.row.values["name"]
        ),
    )
    context.organizations = final.map(lambda item: item.id)
    for target in matched.targets:
        target.set("name", target.row.values["name"], Cell.TEXT)
        target.offer("kind", target.row.values.get("kind") or OrganizationKind.other)
    phases = [
        (ActorPhase(key), key) for key, _header in PHASE_COLUMNS if sheet and key in sheet.letters
    ]

    def write_actors(session: Session, counts: Counts) -> None:
        for target in matched.targets:
            counts.count(write(session, Organization, target, municipality_id=context.town))
        session.flush()
        for target in matched.targets:
            for phase, column in phases:
                role = target.row.values[column] or ""
                keys: dict[str, Any] = {"organization_id": target.id, "phase": phase}
                outcome = put(session, ActorRole, keys, {"role": role}, empty=not role,
                              delete_empty=False)  # fmt: skip
                if outcome != "unchanged":
                    counts.count(outcome)

    context.then(write_actors)


def _pacts(context: Context) -> None:
    sheet = context.book.sheet(PACTS)
    owners: dict[int, tuple[Any, Any]] = {}
    for row in sheet.rows if sheet else []:
        name, code = row.values["organization"], row.values["element"]
        organization = context.organizations.get(key_text(name))
        if organization is None:
            raise refuse(
                row.at("organization"),
                _("no organisation is called «{name}»: add it to the Actors sheet").format(
                    name=name
                ),
            )
        element = context.elements.get(key_text(code)) if code else None
        if code and element is None:
            message = _("no element has the code «{code}»").format(code=code)
            raise refuse(row.at("element"), message)
        owners[row.number] = (organization, element.id if element is not None else None)

    def key(row: Any) -> Any:
        return (*owners[row.number], key_text(row.values["commitment"]))

    matched = match(
        context.session, sheet, Pact, context.stored("pacts"), key,
        lambda pact: (pact.organization_id, pact.element_id, key_text(pact.commitment)),
    )  # fmt: skip
    for target in matched.targets:
        values = target.row.values
        target.set("organization_id", owners[target.row.number][0])
        target.set("element_id", owners[target.row.number][1])
        for name in ("commitment", "contribution"):
            target.offer(name, values.get(name) or "", Cell.TEXT)
        for name in ("start_date", "end_date"):
            target.offer(name, values.get(name))
        _dates(target)

    def write_pacts(session: Session, counts: Counts) -> None:
        for target in matched.targets:
            counts.count(write(session, Pact, target, plan_id=context.plan))

    context.then(write_pacts)
