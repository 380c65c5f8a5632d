"""The community self-diagnosis form (autodiagnóstico comunal): one table per dimension.

The community's data are printed in; each dimension has empty rows for every kind of
finding (problem, potentiality, limitation, aspiration) to be filled in by hand.
"""

from __future__ import annotations

from reportlab.lib.units import cm
from reportlab.platypus import Flowable, KeepTogether
from sqlalchemy import select
from sqlalchemy.orm import Session

from planner_desktop.domain.enums import FindingKind, Group
from planner_desktop.domain.labels import label
from planner_desktop.domain.summaries import live
from planner_desktop.domain.territory import Dimension
from planner_desktop.i18n import _
from planner_desktop.plan.ordering import bytewise
from planner_desktop.reports.common import ReportOptions, municipality, require_community
from planner_desktop.reports.layout import Document, frame_size, gap, heading, para
from planner_desktop.reports.numbers import number
from planner_desktop.reports.tables import fields_table, scaled, signature_blocks, table

ROWS_PER_KIND = 2
ROW_HEIGHT = 0.75 * cm


def _pair(first: int, second: int) -> str:
    """Two counts read together: ``1.204 / 980``."""
    return f"{number(first)} / {number(second)}"


def build(session: Session, options: ReportOptions) -> Document:
    community = require_community(session, options)
    town = municipality(session)
    dimensions = session.scalars(
        select(Dimension)
        .where(Dimension.municipality_id == town.id, live(Dimension))
        .order_by(Dimension.position, bytewise(Dimension.name), Dimension.id)
    ).all()
    width, _height = frame_size(options.paper, wide=True)
    groups = ", ".join(label(group) for group in Group)
    flow: list[Flowable] = [
        fields_table(
            [
                (_("Community / OTB"), community.name),
                (_("Code"), community.code),
                (_("District"), community.district.name),
                (_("Kind"), label(community.kind)),
                (_("Area"), label(community.area)),
                (_("Families"), number(community.families)),
                (_("Women"), number(community.population_women)),
                (_("Men"), number(community.population_men)),
                (
                    _("Children / youth"),
                    _pair(community.population_children, community.population_youth),
                ),
                (
                    _("Adults / elders"),
                    _pair(community.population_adults, community.population_elders),
                ),
                (_("Date"), ""),
                (_("Facilitator"), ""),
            ],
            width,
            columns=3,
        ),
        gap(),
        para(
            _(
                "For each dimension write the problems, potentialities, limitations and "
                "aspirations of the community, their cause and effect, and the group that "
                "raised them ({groups})."
            ).format(groups=groups),
            "small",
        ),
    ]
    header = [_("Kind"), _("No."), _("Description"), _("Cause"), _("Effect"), _("Group")]
    widths = scaled((2.6, 0.8, 8, 5, 5, 2.2), width)
    for dimension in dimensions:
        rows = [
            [label(kind) if n == 1 else "", str(n), "", "", "", ""]
            for kind in FindingKind
            for n in range(1, ROWS_PER_KIND + 1)
        ]
        flow.append(
            KeepTogether(
                [
                    heading(_("Dimension: {name}").format(name=dimension.name), 2),
                    table(header, rows, widths, row_heights=[ROW_HEIGHT] * len(rows)),
                ]
            )
        )
    if not dimensions:
        flow.append(para(_("The municipality has no diagnosis dimensions configured.")))
    flow += [
        gap(0.6 * cm),
        KeepTogether(
            signature_blocks(
                [_("Community authority (Secretario General / OTB president)"), _("Facilitator")],
                width,
            )
        ),
    ]
    return Document(
        title=_("Community self-diagnosis form (autodiagnóstico comunal)"),
        subtitle=community.name,
        flowables=flow,
        landscape=True,
    )
