"""The ballot (papeleta) of a prioritisation round: the items with their short codes.

Each row starts with the pictogram of the demand's sector (:mod:`.pictograms`), the same
as on the projection, so that a voter who does not read finds the demand by its picture
and its letter.
"""

from __future__ import annotations

from reportlab.lib.units import cm
from reportlab.platypus import Flowable, KeepTogether, PageBreak
from sqlalchemy.orm import Session

from planner_desktop.domain.enums import Group, PrioritizationMethod
from planner_desktop.domain.labels import label
from planner_desktop.domain.prioritization import PrioritizationRound
from planner_desktop.i18n import _
from planner_desktop.reports.common import ReportOptions, live_items, rounds_for
from planner_desktop.reports.layout import Document, frame_size, gap, heading, para
from planner_desktop.reports.pictograms import PictogramCell
from planner_desktop.reports.tables import scaled, table

MARK_HEIGHT = 0.9 * cm
PICTOGRAM_SIZE = 0.65 * cm


def instructions(rnd: PrioritizationRound) -> str:
    """What the voter does, for the method of the round."""
    method = rnd.method
    if method is PrioritizationMethod.dots:
        if rnd.allow_stacking:
            text = _(
                "Put up to {dots} dots in the right-hand column. You may put several dots "
                "on the same demand."
            )
        else:
            text = _("Put up to {dots} dots in the right-hand column, at most one per demand.")
        return text.format(dots=rnd.dots_per_participant)
    if method is PrioritizationMethod.borda:
        return _("Write 1 next to the most important demand, 2 next to the next one, and so on.")
    if method is PrioritizationMethod.approval:
        return _("Mark every demand you approve of.")
    if method is PrioritizationMethod.criteria:
        return _("Rate each demand on each criterion of the scale.")
    return _("Mark your choice in the right-hand column.")


def groups_line(rnd: PrioritizationRound) -> str:
    names = []
    for code in rnd.groups.split(","):
        try:
            names.append("☐ " + label(Group(code.strip())))
        except ValueError:
            continue
    return _("Group:") + "   " + "     ".join(names)


def ballot(rnd: PrioritizationRound, width: float) -> list[Flowable]:
    items = live_items(rnd.items)
    rows = [
        [
            PictogramCell(item.demand.sector.code, PICTOGRAM_SIZE),
            item.code,
            item.demand.description,
            "",
        ]
        for item in items
    ]
    header = ["", _("Code"), _("Demand"), _("Your vote")]
    return [
        KeepTogether(
            [
                heading(rnd.title),
                para(_("Ballot") + " · " + label(rnd.method), "small"),
                gap(),
                para(groups_line(rnd)),
                para(instructions(rnd)),
                table(
                    header,
                    rows,
                    scaled((1.1, 1.6, 10.5, 3), width),
                    row_heights=[MARK_HEIGHT] * len(rows),
                ),
            ]
        )
    ]


def build(session: Session, options: ReportOptions) -> Document:
    width, _height = frame_size(options.paper)
    flow: list[Flowable] = []
    for index, rnd in enumerate(rounds_for(session, options)):
        if index:
            flow.append(PageBreak())
        flow += ballot(rnd, width)
    return Document(title=_("Ballot"), flowables=flow)
