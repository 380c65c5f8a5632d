"""The attendance of one event as a lazy table (who is present now, in the order they
arrived) and the keys that pick sex and age group in two keystrokes."""

from __future__ import annotations

import uuid

from sqlalchemy import select

from planner_desktop.domain.actors import Person
from planner_desktop.domain.enums import AgeGroup, Sex
from planner_desktop.domain.events import Attendance
from planner_desktop.domain.summaries import arrival, counted_attendance
from planner_desktop.domain.territory import Community
from planner_desktop.i18n import N_
from planner_desktop.ui.columns import Column, Kind
from planner_desktop.ui.queries import TableQuery

NAME, SEX, AGE, COMMUNITY, SIGNED = range(5)


def attendance_query(event_id: uuid.UUID | None) -> TableQuery:
    """Rows keyed by the attendance row that counts (a correction replaces the key), in
    order of arrival: marking a signature does not move a row."""
    full_name = Person.first_names + " " + Person.last_names
    return TableQuery(
        columns=(
            Column(N_("Name"), stretch=True),
            Column(N_("Sex"), Kind.label),
            Column(N_("Age group"), Kind.label),
            Column(N_("Community")),
            Column(N_("Signed"), Kind.flag),
        ),
        ids=select(Attendance.id)
        .where(Attendance.event_id == event_id, counted_attendance())
        .order_by(arrival(), Attendance.person_id, Attendance.id),
        rows=lambda keys: (
            select(
                Attendance.id,
                full_name,
                Person.sex,
                Person.age_group,
                Community.name,
                Attendance.signed,
            )
            .join(Person, Attendance.person_id == Person.id)
            .outerjoin(Community, Attendance.community_id == Community.id)
            .where(Attendance.id.in_(keys))
        ),
    )


SEX_KEYS: dict[str, Sex] = {"F": Sex.female, "M": Sex.male}
"""F female, M male: the same keys in every language (as on identity cards: F and M for
femenino and masculino), so a facilitator who switches language never records a woman
as a man. The row then shows the word (Mujer, Hombre), so a slip is seen at once."""


def sex_keys() -> dict[str, Sex]:
    """The keys that set the sex (see :data:`SEX_KEYS`)."""
    return dict(SEX_KEYS)


AGE_KEYS: dict[str, AgeGroup] = {str(n): group for n, group in enumerate(AgeGroup, start=1)}
"""1 child, 2 youth, 3 adult, 4 elder (in every language)."""
