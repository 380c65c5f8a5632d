"""The actors by phase: which organisation does what in planning, execution and follow-up
and evaluation (the same matrix is in the plan draft's annex)."""

from __future__ import annotations

from sqlalchemy.orm import Session

from planner_desktop.i18n import _
from planner_desktop.reports.common import ReportOptions, ReportRefused, government, municipality
from planner_desktop.reports.layout import Document, frame_size, para
from planner_desktop.reports.pdm_annex import actors_matrix


def build(session: Session, options: ReportOptions) -> Document:
    town = municipality(session)
    width, _height = frame_size(options.paper, wide=True)
    matrix = actors_matrix(session, width)
    if matrix is None:
        raise ReportRefused(_("no organization has a role in any phase yet"))
    return Document(
        title=_("Actors by phase"),
        subtitle=government(town),
        flowables=[
            para(
                _(
                    "What each organization does in the planning, the execution and "
                    "the follow-up and evaluation of the plan."
                )
            ),
            matrix,
        ],
        landscape=True,
    )
