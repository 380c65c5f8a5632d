"""The tally sheet of a round: one column per voting group to count by hand, then totals."""

from __future__ import annotations

from reportlab.lib.units import cm
from reportlab.platypus import Flowable, PageBreak
from sqlalchemy.orm import Session

from planner_desktop.domain.enums import Group
from planner_desktop.domain.labels import label
from planner_desktop.domain.prioritization import PrioritizationRound
from planner_desktop.i18n import _
from planner_desktop.reports.common import ReportOptions, live_items, rounds_for
from planner_desktop.reports.layout import Document, frame_size, gap, heading, para
from planner_desktop.reports.tables import fields_table, scaled, signature_blocks, table

ROW_HEIGHT = 0.8 * cm


def group_names(rnd: PrioritizationRound) -> list[str]:
    names = []
    for code in rnd.groups.split(","):
        try:
            names.append(label(Group(code.strip())))
        except ValueError:
            continue
    return names


def sheet(rnd: PrioritizationRound, width: float) -> list[Flowable]:
    groups = group_names(rnd)
    items = live_items(rnd.items)
    header = [_("Code"), _("Demand"), *groups, _("Total"), _("Rank"), _("Class")]
    rows = [[item.code, item.demand.description] + [""] * (len(groups) + 3) for item in items]
    ratios = [1.2, 7.5] + [2] * len(groups) + [1.6, 1.4, 1.4]
    return [
        heading(rnd.title),
        para(_("Tally sheet") + " · " + label(rnd.method), "small"),
        gap(),
        table(header, rows, scaled(ratios, width), row_heights=[ROW_HEIGHT] * len(rows)),
        gap(),
        fields_table(
            [
                (_("Ballots issued"), ""),
                (_("Ballots counted"), ""),
                (_("Participants present"), ""),
                (_("Spoilt ballots"), ""),
            ],
            width,
        ),
        gap(),
        para(_("Reconciliation note (explain any difference between ballots issued and counted):")),
        table([""], [[""], [""], [""]], [width], row_heights=[0.8 * cm] * 3),
        gap(0.6 * cm),
        signature_blocks([_("Counter"), _("Counter"), _("Facilitator")], width),
    ]


def build(session: Session, options: ReportOptions) -> Document:
    width, _height = frame_size(options.paper, wide=True)
    flow: list[Flowable] = []
    for index, rnd in enumerate(rounds_for(session, options)):
        if index:
            flow.append(PageBreak())
        flow += sheet(rnd, width)
    return Document(title=_("Tally sheet"), flowables=flow, landscape=True)
