"""The acta of a workshop or cumbre: what was agreed, who came, who signs, and the QR code.

The QR carries the session id, the hash of the event's prioritisation results
(:mod:`planner_desktop.reports.results_hash`) and the printed rankings (version 2, see
:mod:`planner_desktop.reports.acta_code`), so the paper signed in the community can be
matched later with the consolidated data, from a photo of the page or by a scanner, and a
mismatch names what differs. The short version 1 text is printed beside it, to be typed.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from reportlab.graphics.barcode.qr import QrCodeWidget
from reportlab.graphics.shapes import Drawing
from reportlab.lib.units import cm, mm
from reportlab.platypus import Flowable, KeepTogether, Table, TableStyle
from sqlalchemy import select
from sqlalchemy.orm import Session

from planner_desktop.domain.enums import AgeGroup, Group, Sex
from planner_desktop.domain.follow_up import Minutes
from planner_desktop.domain.labels import label
from planner_desktop.domain.prioritization import PrioritizationRound, RoundResult
from planner_desktop.domain.summaries import AGREED, live
from planner_desktop.i18n import _
from planner_desktop.prioritization.decisions import load_decisions
from planner_desktop.prioritization.opening import reopenings
from planner_desktop.prioritization.ranking import rank_text
from planner_desktop.prioritization.records import load_items
from planner_desktop.prioritization.run import agreed_by_mean_rank
from planner_desktop.reports.acta_capture import demands, round_details, self_diagnoses
from planner_desktop.reports.acta_code import MODULE_MM
from planner_desktop.reports.common import (
    ReportOptions,
    attendees,
    event_communities,
    in_round_order,
    lines,
    require_event,
)
from planner_desktop.reports.layout import Document, frame_size, gap, heading, para, spanish_date
from planner_desktop.reports.numbers import number
from planner_desktop.reports.results_hash import event_code, event_payload
from planner_desktop.reports.tables import fields_table, scaled, signature_blocks, table

QR_SIZE = 3.6 * cm
"""The smallest printed QR; a longer code is printed larger, :data:`MODULE_MM` a module."""
QR_LEVEL = "Q"
"""Error correction: a quarter of the symbol may be lost (a fold, a smudge, a signature)."""
QR_BORDER = 4


def attendance_totals(pairs: list[tuple[Sex | None, AgeGroup | None]]) -> dict[Any, Counter[Any]]:
    """Counts by age group (rows, ``None`` = not stated) and sex (columns)."""
    totals: dict[Any, Counter[Any]] = {age: Counter() for age in [*AgeGroup, None]}
    for sex, age in pairs:
        totals[age][sex] += 1
    return totals


def _attendance_table(session: Session, event_id: Any, width: float) -> Table:
    people = [(person.sex, person.age_group) for _a, person in attendees(session, event_id)]
    totals = attendance_totals(people)
    header = [_("Age group"), label(Sex.female), label(Sex.male), _("Not stated"), _("Total")]
    rows: list[list[Any]] = []
    for age, counts in totals.items():
        if age is None and not counts:
            continue
        figures = [counts[Sex.female], counts[Sex.male], counts[None]]
        rows.append([label(age) if age else _("Not stated"), *figures, sum(figures)])
    sums = [sum(row[i] for row in rows) for i in range(1, 5)]
    rows.append([_("Total"), *sums])
    return table(
        header, rows, scaled((3, 1.4, 1.4, 1.4, 1.4), width), numeric=(1, 2, 3, 4), bold_last=True
    )


def _group_label(code: str) -> str:
    if code == AGREED:
        return _("Agreed")
    try:
        return label(Group(code))
    except ValueError:
        return code


def _round_flowables(session: Session, rnd: PrioritizationRound, width: float) -> list[Flowable]:
    results = session.scalars(
        select(RoundResult).where(RoundResult.round_id == rnd.id, live(RoundResult))
    ).all()
    items = {item.id: item for item in rnd.items if item.deleted_at is None}
    by_group: dict[str, list[RoundResult]] = {}
    for result in results:
        if result.item_id in items:
            by_group.setdefault(result.group, []).append(result)
    out: list[Flowable] = [
        heading(rnd.title, 2),
        para(_("Method: {method}.").format(method=label(rnd.method)), "small"),
        *round_details(session, rnd, width),
    ]
    agreed = sorted(by_group.pop(AGREED, []), key=lambda r: (r.rank, items[r.item_id].code, r.id))
    if agreed:
        by_rank = agreed_by_mean_rank(rnd.method)
        rows: list[list[Any]] = [
            [
                rank_text(r.shared_rank or r.rank, r.tied),
                items[r.item_id].code,
                items[r.item_id].demand.description,
                r.priority_class.value if r.priority_class else "",
                number(-r.score if by_rank else r.score),
                r.dissent,
            ]
            for r in agreed
        ]
        header = [
            _("Rank"),
            _("Code"),
            _("Demand"),
            _("Class"),
            _("Average rank") if by_rank else _("Score"),
            _("Dissent"),
        ]
        out.append(para(_("Agreed priorities, with their class"), "small"))
        widths = scaled((1.7, 1.7, 8, 1.3, 1.9, 4.3), width)
        out.append(table(header, rows, widths, numeric=(0, 4)))
        out += _decided_by_hand(session, rnd)
    if by_group:
        groups = sorted(by_group)
        depth = max(len(v) for v in by_group.values())
        ranked = {
            g: sorted(v, key=lambda r: (r.rank, items[r.item_id].code, r.id))
            for g, v in by_group.items()
        }
        rows = [
            [str(position + 1)]
            + [
                _group_cell(ranked[g][position], items[ranked[g][position].item_id].code)
                if position < len(ranked[g])
                else ""
                for g in groups
            ]
            for position in range(depth)
        ]
        out += [gap(0.2 * cm), para(_("Priorities per group (item code and score)"), "small")]
        header = [_("Position"), *(_group_label(g) for g in groups)]
        out.append(table(header, rows, scaled([1.5] + [2.5] * len(groups), width)))
    out.append(gap(0.2 * cm))
    note = rnd.reconciliation_note.strip()
    tally = _(
        "Tally: {issued} ballots issued, {counted} counted, {present} participants present."
    ).format(
        issued=rnd.ballots_issued, counted=rnd.ballots_counted, present=rnd.participants_present
    )
    if not note and rnd.ballots_issued != rnd.ballots_counted:
        note = _("The difference between ballots issued and counted was not explained.")
    out.append(para(tally + (" " + note if note else ""), "small"))
    for reopening in reopenings(rnd.reopen_log):
        out.append(
            para(
                _("Reopened on {day}: {reason}").format(
                    day=spanish_date(reopening.when.date()), reason=reopening.reason
                ),
                "small",
            )
        )
    return out


def _group_cell(result: RoundResult, code: str) -> str:
    """A group's item at its place: ``=1 A (3)`` when its rank is shared (issue 12)."""
    rank = rank_text(result.shared_rank or result.rank, result.tied)
    return f"{rank}  {code} ({number(result.score)})"


def _decided_by_hand(session: Session, rnd: PrioritizationRound) -> list[Flowable]:
    """The classes the room set by hand, each with its reason (a tie decided, say)."""
    decided = load_decisions(session, rnd.id, load_items(session, rnd.id)).overrides
    if not decided:
        return []
    text = "; ".join(
        _("{code} class {klass}: {reason}").format(
            code=code, klass=override.klass.value, reason=override.reason
        )
        for code, override in sorted(decided.items())
    )
    return [para(_("Classes decided by the room: {decisions}.").format(decisions=text), "small")]


def _qr(payload: str) -> Drawing:
    widget = QrCodeWidget(payload, barLevel=QR_LEVEL, barBorder=QR_BORDER)
    modules = widget.qr.calculate_version() * 4 + 17
    size = max(QR_SIZE, (modules + 2 * QR_BORDER) * MODULE_MM * mm)
    widget.barWidth = widget.barHeight = size
    drawing = Drawing(size, size)
    drawing.add(widget)
    return drawing


def signature_roles() -> list[str]:
    return [
        _("Community authority (Secretario General / OTB president)"),
        _("Representative of the Comité de Vigilancia"),
        _("Women's representative"),
        _("Youth representative"),
        _("Municipal authority"),
        _("Facilitator"),
    ]


def build(session: Session, options: ReportOptions) -> Document:
    event = require_event(session, options)
    width, _height = frame_size(options.paper)
    minutes = session.scalars(
        select(Minutes)
        .where(Minutes.event_id == event.id, live(Minutes))
        .order_by(Minutes.created_at, Minutes.id)
        .limit(1)
    ).first()
    communities = ", ".join(c.name for c in event_communities(event))
    flow: list[Flowable] = [
        fields_table(
            [
                (_("Event"), event.title),
                (_("Kind"), label(event.kind)),
                (
                    _("Date"),
                    spanish_date(
                        minutes.signed_on if minutes and minutes.signed_on else event.date
                    ),
                ),
                (_("Place"), (minutes.place if minutes and minutes.place else event.place)),
                (_("Community / OTB"), communities),
                (_("Facilitator"), event.facilitator_name),
            ],
            width,
        ),
        heading(_("Agenda")),
        *[para(line) for line in lines(event.agenda)],
    ]
    if minutes and minutes.body.strip():
        flow += [heading(_("Proceedings")), *[para(p) for p in minutes.body.split("\n\n")]]
    flow += [
        heading(_("Attendance by sex and age group")),
        _attendance_table(session, event.id, width),
    ]
    flow += self_diagnoses(session, event.id, width) + demands(session, event.id, width)
    rounds = in_round_order(
        session.scalars(
            select(PrioritizationRound).where(
                PrioritizationRound.event_id == event.id, live(PrioritizationRound)
            )
        )
    )
    flow.append(heading(_("Priorities")))
    if rounds:
        for rnd in rounds:
            flow += _round_flowables(session, rnd, width)
    else:
        flow.append(para(_("No prioritisation took place in this event.")))
    if minutes and minutes.agreements.strip():
        flow += [heading(_("Agreements")), *[para(line) for line in lines(minutes.agreements)]]
    code = _qr(event_code(session, event.id))
    qr_block = Table(
        [
            [
                code,
                para(
                    _(
                        "This code carries the session, a fingerprint of the prioritisation "
                        "results and the priorities printed here. Scanning it, or attaching a "
                        "photo of this page, in Planner Desktop tells whether the consolidated "
                        "data still matches what was signed here, and what differs. To type "
                        "by hand:"
                    )
                    + "\n\n"
                    + event_payload(session, event.id),
                    "small",
                ),
            ]
        ],
        colWidths=[code.width + 0.4 * cm, width - code.width - 0.4 * cm],
    )
    qr_block.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "MIDDLE")]))
    flow += [
        KeepTogether([heading(_("Signatures")), signature_blocks(signature_roles(), width)]),
        gap(0.5 * cm),
        KeepTogether([qr_block]),
    ]
    return Document(
        title=_("Acta – {title}").format(title=event.title),
        subtitle=f"{label(event.kind)} · {spanish_date(event.date)}",
        flowables=flow,
    )
