"""The attendance sheet (planilla de asistencia) to sign or thumbprint at the door.

With ``--event`` the header is filled in and the people already registered are listed;
numbered empty rows follow for those who arrive. Without it the sheet is blank, to print
before an event is entered.
"""

from __future__ import annotations

from reportlab.lib.units import cm
from sqlalchemy.orm import Session

from planner_desktop.domain.enums import AgeGroup, Sex
from planner_desktop.domain.labels import label
from planner_desktop.i18n import _
from planner_desktop.reports.common import (
    ReportOptions,
    attendees,
    event_communities,
    require_event,
)
from planner_desktop.reports.layout import Document, frame_size, gap, para, printed_date
from planner_desktop.reports.tables import fields_table, scaled, table

EMPTY_ROWS = 25
ROW_HEIGHT = 0.85 * cm
COLUMN_RATIOS = (0.9, 4.4, 2.2, 1.3, 1.6, 3.4, 4.4, 2.8, 5.2)
SEX_CODES = {Sex.female: "M", Sex.male: "H"}
AGE_CODES = {AgeGroup.child: "N", AgeGroup.youth: "J", AgeGroup.adult: "A", AgeGroup.elder: "AM"}


def header() -> list[str]:
    return [
        _("No."),
        _("Full name"),
        _("ID number"),
        _("Sex"),
        _("Age group"),
        _("Community / OTB"),
        _("Organization"),
        _("Role"),
        _("Signature or thumbprint"),
    ]


def legend() -> str:
    sexes = ", ".join(f"{code} = {label(sex)}" for sex, code in SEX_CODES.items())
    ages = ", ".join(f"{code} = {label(age)}" for age, code in AGE_CODES.items())
    return _("Sex: {sexes}. Age group: {ages}.").format(sexes=sexes, ages=ages)


def build(session: Session, options: ReportOptions) -> Document:
    width, _height = frame_size(options.paper, wide=True)
    rows: list[list[str]] = []
    if options.event:
        event = require_event(session, options)
        communities = ", ".join(c.name for c in event_communities(event))
        pairs = [
            (_("Event"), event.title),
            (_("Date"), printed_date(event.date)),
            (_("Place"), event.place),
            (_("Community / OTB"), communities),
            (_("Facilitator"), event.facilitator_name),
            (_("Kind"), label(event.kind)),
        ]
        for number, (_attendance, person) in enumerate(attendees(session, event.id), start=1):
            community = person.community or None
            rows.append(
                [
                    str(number),
                    person.full_name,
                    person.id_number or "",
                    SEX_CODES.get(person.sex, "") if person.sex else "",
                    AGE_CODES.get(person.age_group, "") if person.age_group else "",
                    community.name if community else "",
                    person.organization.name if person.organization else "",
                    person.role,
                    "",
                ]
            )
    else:
        pairs = [
            (name, "")
            for name in (
                _("Event"),
                _("Date"),
                _("Place"),
                _("Community / OTB"),
                _("Facilitator"),
                _("Kind"),
            )
        ]
    first_empty = len(rows) + 1
    heights: list[float | None] = [None] * len(rows) + [ROW_HEIGHT] * EMPTY_ROWS
    rows += [[str(n)] + [""] * 8 for n in range(first_empty, first_empty + EMPTY_ROWS)]
    flowables = [
        fields_table(pairs, width, columns=3),
        gap(),
        para(legend(), "small"),
        gap(0.2 * cm),
        table(header(), rows, scaled(COLUMN_RATIOS, width), row_heights=heights),
    ]
    return Document(title=_("Attendance sheet"), flowables=flowables, landscape=True)
