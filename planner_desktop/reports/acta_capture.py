"""What was captured at an event, as the acta prints it (issue 12, point 2).

The acta holds everything the community signs for: each self-diagnosis started at the
event with its findings by dimension (kind, finding, cause, effect, group that raised
it), the demands raised there (code, text, sector, group, beneficiaries by sex) and, for
each round, how it was run (the method's parameters, the criteria with their weights,
every pairwise choice with its reason, an agreed order set by the room) and whether it is
still open. Deleted records are left out; a section with nothing says so in one line, so
a reader can tell "nothing was recorded" from "nothing was printed".
"""

from __future__ import annotations

import uuid
from typing import Any

from reportlab.lib.units import cm
from reportlab.platypus import CondPageBreak, Flowable
from sqlalchemy import select
from sqlalchemy.orm import Session

from planner_desktop.domain.demands import Demand
from planner_desktop.domain.diagnosis import Finding, SelfDiagnosis
from planner_desktop.domain.enums import FindingKind, Group
from planner_desktop.domain.enums import PrioritizationMethod as M
from planner_desktop.domain.labels import label
from planner_desktop.domain.prioritization import PrioritizationRound
from planner_desktop.domain.summaries import live
from planner_desktop.domain.territory import Community, Dimension, Sector
from planner_desktop.i18n import _
from planner_desktop.plan.ordering import bytewise, text_key
from planner_desktop.prioritization.records import load_choices, load_items
from planner_desktop.reports.layout import gap, heading, money, para
from planner_desktop.reports.numbers import number
from planner_desktop.reports.tables import scaled, table

KIND_ORDER = {kind: position for position, kind in enumerate(FindingKind)}


def _group(value: Group | str) -> str:
    try:
        return label(Group(value))
    except ValueError:
        return str(value)


def self_diagnoses(session: Session, event_id: uuid.UUID, width: float) -> list[Flowable]:
    """Each self-diagnosis of the event: its findings per dimension, in the dimensions'
    order, then by kind (problem, potentiality, limitation, aspiration) and rank."""
    out: list[Flowable] = [heading(_("Self-diagnosis"))]
    diagnoses = session.execute(
        select(SelfDiagnosis.id, Community.name)
        .join(Community, SelfDiagnosis.community_id == Community.id)
        .where(SelfDiagnosis.event_id == event_id, live(SelfDiagnosis))
        .order_by(SelfDiagnosis.created_at, SelfDiagnosis.id)
    ).all()
    diagnoses = sorted(diagnoses, key=lambda row: text_key(row[1]))
    if not diagnoses:
        return [*out, para(_("No self-diagnosis was recorded at this event."))]
    header = [_("Kind"), _("Finding"), _("Cause"), _("Effect"), _("Raised by")]
    widths = scaled((2.3, 6.2, 3.6, 3.6, 2.1), width)
    for diagnosis_id, community in diagnoses:
        out.append(heading(_("Community {name}").format(name=community), 2))
        rows = session.execute(
            select(Finding, Dimension.name)
            .join(Dimension, Finding.dimension_id == Dimension.id)
            .where(Finding.self_diagnosis_id == diagnosis_id, live(Finding))
            .order_by(Dimension.position, bytewise(Dimension.name), Dimension.id, Finding.id)
        ).all()
        if not rows:
            out.append(para(_("No finding was recorded.")))
            continue
        by_dimension: dict[str, list[Finding]] = {}
        for finding, dimension in rows:
            by_dimension.setdefault(dimension, []).append(finding)
        for dimension, findings in by_dimension.items():
            findings.sort(key=lambda f: (KIND_ORDER[f.kind], f.rank, f.created_at, f.id))
            out += [CondPageBreak(2.5 * cm), gap(0.15 * cm), para(dimension, "cell_bold")]
            out.append(
                table(
                    header,
                    [
                        [label(f.kind), f.description, f.cause, f.effect, _group(f.raising_group)]
                        for f in findings
                    ],
                    widths,
                )
            )
    return out


def demands(session: Session, event_id: uuid.UUID, width: float) -> list[Flowable]:
    """The demands raised at the event, by community and code."""
    out: list[Flowable] = [heading(_("Demands raised"))]
    rows = session.execute(
        select(Demand, Sector.name, Community.name)
        .join(Sector, Demand.sector_id == Sector.id)
        .join(Community, Demand.community_id == Community.id)
        .where(Demand.event_id == event_id, live(Demand))
        .order_by(bytewise(Demand.code), Demand.id)
    ).all()
    rows = sorted(rows, key=lambda row: text_key(row[2]))
    if not rows:
        return [*out, para(_("No demand was recorded at this event."))]
    header = [_("Code"), _("Demand"), _("Sector"), _("Raised by"), _("Beneficiaries (women / men)")]
    body: list[list[Any]] = [
        [
            d.code,
            d.description,
            sector,
            _group(d.raising_group),
            f"{number(d.beneficiaries_women)} / {number(d.beneficiaries_men)}",
        ]
        for d, sector, _community in rows
    ]
    widths = scaled((2.2, 7.6, 3.4, 2, 3.2), width)
    return [*out, table(header, body, widths, numeric=(4,))]


def _parameters(rnd: PrioritizationRound) -> list[str]:
    found: list[str] = []
    if rnd.method in (M.dots, M.budget_greedy):
        found.append(
            (
                _("{dots} dots per participant, several on one demand allowed")
                if rnd.allow_stacking
                else _("{dots} dots per participant, at most one on each demand")
            ).format(dots=rnd.dots_per_participant)
        )
    if rnd.method is M.approval and rnd.max_choices:
        found.append(_("at most {n} demands chosen on each ballot").format(n=rnd.max_choices))
    if rnd.method is M.criteria:
        criteria = [c for c in rnd.criteria if c.deleted_at is None]
        found.append(
            _("criteria: {list}").format(
                list=", ".join(
                    _("{name} {weight:g} %").format(name=c.name, weight=c.weight) for c in criteria
                )
            )
        )
    if rnd.budget_ceiling is not None:
        found.append(_("budget ceiling {amount}").format(amount=money(rnd.budget_ceiling)))
    groups = [_group(g) for g in rnd.groups.split(",") if g.strip()]
    if groups:
        found.append(_("groups voting: {groups}").format(groups=", ".join(groups)))
    return found


def round_details(session: Session, rnd: PrioritizationRound, width: float) -> list[Flowable]:
    """How the round was run, below its method: parameters, an agreed order set by hand,
    the pairwise choices with their reasons, and a warning when it is still open."""
    out: list[Flowable] = []
    parameters = _parameters(rnd)
    if parameters:
        text = "; ".join(parameters)
        out.append(para(text[:1].upper() + text[1:] + ".", "small"))
    if rnd.agreed_note.strip():
        out.append(
            para(
                _("Agreed order set by the room: {note}").format(note=rnd.agreed_note.strip()),
                "small",
            )
        )
    if not rnd.closed:
        out.append(para(_("This round is still open: its results may still change."), "body"))
    if rnd.method is M.pairwise:
        out += _choices(session, rnd, width)
    return out


def _choices(session: Session, rnd: PrioritizationRound, width: float) -> list[Flowable]:
    items = load_items(session, rnd.id)
    choices = load_choices(session, rnd.id, items, [])
    if not choices:
        return []
    texts = {item.code: item.demand.description for item in rnd.items if item.deleted_at is None}
    rows: list[list[Any]] = []
    for group in sorted(choices):
        for choice in sorted(choices[group], key=lambda c: (c.a, c.b)):
            loser = choice.b if choice.winner == choice.a else choice.a
            rows.append(
                [
                    _group(group),
                    f"{choice.a} – {choice.b}",
                    f"{choice.winner}: {texts.get(choice.winner, '')}",
                    loser,
                    choice.reason,
                ]
            )
    header = [_("Group"), _("Pair"), _("Preferred"), _("Instead of"), _("Reason")]
    return [
        para(_("Pairwise choices, each with the reason given"), "small"),
        table(header, rows, scaled((2, 1.6, 6, 1.9, 6.5), width)),
    ]
