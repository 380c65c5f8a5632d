"""The printed list of actas and what proves them: per community, each event's acta as
proven, missing, disagreeing or carrying a QR from another program, with the reason
(:mod:`planner_desktop.evidence.proof`, computed from the database as it is now)."""

from __future__ import annotations

from sqlalchemy.orm import Session

from planner_desktop.evidence.proof import Status, community_proofs, counts, event_proofs
from planner_desktop.evidence.proof import status_label as verdict
from planner_desktop.i18n import _
from planner_desktop.reports.common import ReportOptions, ReportRefused, government, municipality
from planner_desktop.reports.layout import Document, frame_size, para, spanish_date
from planner_desktop.reports.tables import scaled, table


def summary_line(found: dict[Status, int]) -> str:
    return _(
        "{proven} proven, {disagrees} disagreeing, {foreign} with a QR from another program, "
        "{missing} missing."
    ).format(
        proven=found[Status.proven],
        disagrees=found[Status.disagrees],
        foreign=found[Status.foreign],
        missing=found[Status.missing],
    )


def build(session: Session, options: ReportOptions) -> Document:
    town = municipality(session)
    width, _height = frame_size(options.paper, wide=True)
    actas = event_proofs(session)
    if not actas:
        raise ReportRefused(_("no event has an acta yet"))
    rows = [
        [
            row.community_name or _("(no community)"),
            row.acta.event_title,
            spanish_date(row.acta.event_date),
            verdict(row.acta.status),
            row.acta.reason,
        ]
        for row in community_proofs(session, actas)
    ]
    header = [_("Community / OTB"), _("Event"), _("Date"), _("Verdict"), _("Reason")]
    return Document(
        title=_("Actas: proven, missing, disagreeing"),
        subtitle=government(town),
        flowables=[
            para(
                _(
                    "Each acta is checked against the database as it is now through the QR "
                    "read from the photo of its signed page. Events: {summary}"
                ).format(summary=summary_line(counts(actas)))
            ),
            table(header, rows, scaled((4, 5, 2.6, 2.6, 10), width)),
        ],
        landscape=True,
    )
