"""Districts and communities typed by a person: the checks and the values to save.

A community's population is given twice, by sex (women, men) and by age group
(children, youth, adults, elders); both are counts of the same people, so their totals
must agree. :func:`community_values` refuses a row that breaks any rule with
:class:`FieldRefused`, whose ``field`` names the field to correct and whose text is one
translated line; nothing is written then. The values themselves follow the one set of
rules (:mod:`planner_desktop.capture.rule_checks`), and :func:`add_district` and
:func:`add_community` check the row again before writing it. Codes are given here too:
districts D1, D2…, communities ``<district code>-01``…, never one used before (tombstoned
records included, so an undone deletion never brings back a clash).
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from planner_desktop.capture.rule_checks import FieldRefused, one_line, refusal, refuse_row
from planner_desktop.domain import rules
from planner_desktop.domain.enums import AreaType, CommunityKind, DistrictKind
from planner_desktop.domain.territory import Community, District
from planner_desktop.i18n import N_, _

if TYPE_CHECKING:
    from planner_desktop.store.database import Store

BY_SEX: tuple[tuple[str, str], ...] = (
    ("population_women", N_("Women")),
    ("population_men", N_("Men")),
)
BY_AGE: tuple[tuple[str, str], ...] = (
    ("population_children", N_("Children")),
    ("population_youth", N_("Youth")),
    ("population_adults", N_("Adults")),
    ("population_elders", N_("Elders")),
)
COUNTS: tuple[tuple[str, str], ...] = (*BY_SEX, *BY_AGE, ("families", N_("Families")))
NAME_MAX = 200


def check_name(text: str, title: str, table: str = "community") -> str:
    """The name as stored, or a refusal naming ``title`` (already translated): empty,
    or breaking the rule of ``table.name`` (a control character, too long)."""
    name = one_line(text)
    if not name:
        raise FieldRefused("name", _("{field}: write a name.").format(field=title))
    if len(name) > NAME_MAX:
        raise FieldRefused(
            "name",
            _("{field}: at most {limit} characters.").format(field=title, limit=NAME_MAX),
        )
    reason = rules.rule_for(table, "name").problem(name)
    if reason is not None:
        raise FieldRefused("name", _("{field}: {reason}").format(field=title, reason=reason))
    return name


def check_population(counts: Mapping[str, int]) -> None:
    """Refuse a count outside the rule of counts, or totals by sex and by age that differ."""
    for field, _title in COUNTS:
        reason = rules.rule_for("community", field).problem(counts.get(field, 0))
        if reason is not None:
            raise refusal("community", field, reason)
    by_sex = sum(int(counts.get(field, 0)) for field, _title in BY_SEX)
    by_age = sum(int(counts.get(field, 0)) for field, _title in BY_AGE)
    if by_sex != by_age:
        raise FieldRefused(
            BY_AGE[-1][0],
            _(
                "Population by age group: adds up to {age}, but women and men add up "
                "to {sex}."
            ).format(age=by_age, sex=by_sex),
        )


def community_values(
    *,
    name: str,
    district_id: uuid.UUID | None,
    kind: CommunityKind = CommunityKind.community,
    area: AreaType = AreaType.rural,
    counts: Mapping[str, int] | None = None,
) -> dict[str, Any]:
    """The checked fields of a community (without its code), or :class:`FieldRefused`."""
    clean = check_name(name, _("Community"))
    if district_id is None:
        raise FieldRefused("district_id", _("District: choose one."))
    given = dict(counts or {})
    check_population(given)
    values: dict[str, Any] = {
        "name": clean,
        "district_id": district_id,
        "kind": CommunityKind(kind),
        "area": AreaType(area),
    }
    values.update({field: int(given.get(field, 0)) for field, _title in COUNTS})
    return values


def district_values(name: str, kind: DistrictKind = DistrictKind.district) -> dict[str, Any]:
    return {"name": check_name(name, _("District"), "district"), "kind": DistrictKind(kind)}


def _next_number(codes: Iterable[str], prefix: str) -> int:
    numbers = [
        int(code[len(prefix) :])
        for code in codes
        if code.startswith(prefix) and code[len(prefix) :].isdigit()
    ]
    return max(numbers, default=0) + 1


def next_district_code(
    session: Session, municipality_id: uuid.UUID, taken: Iterable[str] = ()
) -> str:
    """The next free code; ``taken`` adds codes given out but not saved yet."""
    codes = session.scalars(
        select(District.code).where(District.municipality_id == municipality_id)
    ).all()
    return f"D{_next_number([*codes, *taken], 'D')}"


def next_community_code(
    session: Session, district_id: uuid.UUID, taken: Iterable[str] = ()
) -> str:
    """The next free code in the district; ``taken`` as in :func:`next_district_code`."""
    district = session.get(District, district_id)
    if district is None:
        raise FieldRefused("district_id", _("District: choose one."))
    prefix = f"{district.code}-"
    codes = session.scalars(select(Community.code).where(Community.code.startswith(prefix)))
    return f"{prefix}{_next_number([*codes, *taken], prefix):02d}"


def add_district(store: Store, municipality_id: uuid.UUID, values: Mapping[str, Any]) -> uuid.UUID:
    """Create a district with the next code (one transaction); return its id."""
    refuse_row("district", values)
    with store.session() as session:
        district = District(
            municipality_id=municipality_id,
            code=next_district_code(session, municipality_id),
            **values,
        )
        session.add(district)
        session.flush()
        return district.id


def add_community(store: Store, values: Mapping[str, Any]) -> uuid.UUID:
    """Create a community checked by :func:`community_values`, with the next code."""
    refuse_row("community", values)
    with store.session() as session:
        community = Community(
            code=next_community_code(session, values["district_id"]), **values
        )
        session.add(community)
        session.flush()
        return community.id
