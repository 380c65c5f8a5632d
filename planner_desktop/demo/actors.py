"""Organizations of every level, their roles by phase, and the persons who take part."""

from __future__ import annotations

import random
from typing import Any

from planner_desktop.demo.context import (
    REFERENCE_YEAR,
    SETUP_DAY,
    CommunityInfo,
    Context,
    OrgInfo,
    PersonInfo,
    at,
)
from planner_desktop.demo.names import gendered
from planner_desktop.demo.plan_texts import LATER_ROLES, PLANNING_ROLES
from planner_desktop.domain.enums import ActorPhase, AgeGroup, OrganizationKind, Sex
from planner_desktop.domain.models import ActorRole, Organization, Person

KIND_MAP = {
    "otb": OrganizationKind.otb,
    "sindicato_agrario": OrganizationKind.union,
    "junta_vecinal": OrganizationKind.otb,
    "club_madres": OrganizationKind.womens_organization,
    "organizacion_mujeres": OrganizationKind.womens_organization,
    "asociacion_productores": OrganizationKind.producers_association,
    "asociacion_regantes": OrganizationKind.producers_association,
    "artesanos": OrganizationKind.producers_association,
    "junta_escolar": OrganizationKind.functional_group,
    "comite_agua": OrganizationKind.functional_group,
    "comite_salud": OrganizationKind.functional_group,
    "jovenes": OrganizationKind.youth_organization,
    "adultos_mayores": OrganizationKind.elders_organization,
    "subcentral_sindical": OrganizationKind.union,
    "subcentral_mujeres": OrganizationKind.womens_organization,
    "consejo_educativo": OrganizationKind.functional_group,
    "asociacion_juntas_vecinales": OrganizationKind.other,
    "consejo_ayllus": OrganizationKind.other,
    "gobierno_municipal": OrganizationKind.institution,
    "concejo_municipal": OrganizationKind.council,
    "comite_vigilancia": OrganizationKind.vigilance_committee,
    "federacion_campesina": OrganizationKind.union,
    "central_campesina": OrganizationKind.union,
    "central_mujeres": OrganizationKind.womens_organization,
    "consejo_juventud": OrganizationKind.youth_organization,
    "asociacion_adultos_mayores": OrganizationKind.elders_organization,
    "transporte": OrganizationKind.union,
    "ong": OrganizationKind.ngo,
}

_AGES = {AgeGroup.youth: (16, 28), AgeGroup.adult: (29, 59), AgeGroup.elder: (60, 86)}


def _org(
    ctx: Context,
    pattern: str,
    kind_code: str,
    roles: list[str],
    *,
    phases: tuple[ActorPhase, ...] = (),
    **where: Any,
) -> OrgInfo:
    source = ctx.sources
    name = pattern.format(
        community=where.pop("community_name", ""),
        district_short=where.pop("district_short", ""),
        product=ctx.rng.choice(source.organizations["products"]),
        municipality=ctx.municipality_name,
        province=source.municipality["province"],
        town=ctx.town,
    )
    fallback = OrganizationKind.other if "community_id" in where else OrganizationKind.institution
    kind = KIND_MAP.get(kind_code, fallback)
    when = at(SETUP_DAY, 20)
    org_id = ctx.writer.synced(
        Organization,
        when,
        ctx.facilitators[0],
        municipality_id=ctx.municipality_id,
        community_id=where.get("community_id"),
        name=name,
        kind=kind,
    )
    for phase in phases:
        role = PLANNING_ROLES[kind] if phase is ActorPhase.planning else None
        role = role or LATER_ROLES.get(kind, {}).get(phase)
        if role:
            ctx.writer.synced(
                ActorRole,
                when,
                ctx.facilitators[0],
                organization_id=org_id,
                phase=phase,
                role=role,
            )
    return OrgInfo(id=org_id, kind=kind, roles=list(roles), name=name)


def make_organizations(ctx: Context) -> None:
    """Municipal and district organizations, institutions, and each community's own."""
    rng, source = ctx.rng, ctx.sources.organizations
    every_phase = tuple(ActorPhase)
    for entry in source["municipal_level"]:
        ctx.organizations.append(
            _org(ctx, entry["name"], entry["kind"], entry["roles"], phases=every_phase)
        )
    for entry in source.get("institutions", []):
        ctx.organizations.append(
            _org(ctx, entry["name"], entry["kind"], entry["roles"], phases=every_phase)
        )
    for district in ctx.districts:
        for entry in source["district_level"]:
            urban_only = bool(entry.get("urban_only"))
            if urban_only != district.urban and not entry["kind"].startswith("consejo"):
                continue
            pattern = rng.choice(entry["name_patterns"])
            district.organizations.append(
                _org(
                    ctx,
                    pattern,
                    entry["kind"],
                    entry["roles"],
                    phases=(ActorPhase.planning,),
                    district_short=district.short_name,
                )
            )
        for community in district.communities:
            area = "urban" if community.urban else "rural"
            for entry in source["community_level"]:
                if area not in entry["applies_to"] or rng.random() >= entry["probability"]:
                    continue
                community.organizations.append(
                    _org(
                        ctx,
                        rng.choice(entry["name_patterns"]),
                        entry["kind"],
                        entry["roles"],
                        community_name=community.name,
                        community_id=community.id,
                    )
                )


def _age_group(rng: random.Random) -> AgeGroup:
    draw = rng.random()
    if draw < 0.22:
        return AgeGroup.youth
    if draw < 0.82:
        return AgeGroup.adult
    return AgeGroup.elder


def _eligible(org: OrgInfo, person: PersonInfo) -> bool:
    if org.kind is OrganizationKind.womens_organization:
        return person.sex is Sex.female
    if org.kind is OrganizationKind.youth_organization:
        return person.age_group is AgeGroup.youth
    if org.kind is OrganizationKind.elders_organization:
        return person.age_group is AgeGroup.elder
    return person.age_group is not AgeGroup.youth or org.kind is OrganizationKind.functional_group


def _write_person(
    ctx: Context,
    person: PersonInfo,
    *,
    community: CommunityInfo | None,
    org: OrgInfo | None,
    role: str,
    surnames: list[str],
    facilitator: str,
) -> None:
    rng, names = ctx.rng, ctx.person_names
    assert names is not None
    person.organization_id = org.id if org is not None else None
    low, high = _AGES[person.age_group]
    ctx.writer.synced(
        Person,
        at(SETUP_DAY if community is None else community.workshop_day, 0),
        facilitator,
        id=person.id,
        municipality_id=ctx.municipality_id,
        first_names=names.first(rng, person.sex),
        last_names=names.last(rng, surnames),
        id_number=ctx.id_numbers.make(rng) if rng.random() < 0.6 else None,
        sex=person.sex,
        birth_year=REFERENCE_YEAR - rng.randint(low, high),
        age_group=person.age_group,
        community_id=community.id if community is not None else None,
        organization_id=org.id if org is not None else None,
        role=gendered(role, person.sex),
    )


def make_community_people(ctx: Context, community: CommunityInfo, count: int) -> None:
    """The persons who attend the community workshop, officers of its organizations first."""
    rng = ctx.rng
    women_share = rng.uniform(0.42, 0.6)
    people = [
        PersonInfo(
            id=ctx.writer.new_id(),
            sex=Sex.female if rng.random() < women_share else Sex.male,
            age_group=_age_group(rng),
        )
        for _ in range(count)
    ]
    assigned: dict[int, tuple[OrgInfo, str]] = {}
    for org in community.organizations:
        officers = 2 if org.kind is OrganizationKind.otb else rng.randint(1, 2)
        for role in org.roles[:officers]:
            for index, person in enumerate(people):
                if index not in assigned and _eligible(org, person):
                    assigned[index] = (org, role)
                    if org.kind is OrganizationKind.otb:
                        community.leaders.append(person)
                    break
    member_role = "Vecino/a" if community.urban else "Comunario/a"
    base_org = community.organizations[0] if community.organizations else None
    for index, person in enumerate(people):
        member_of: OrgInfo | None = base_org if rng.random() < 0.5 else None
        member_of, role = assigned.get(index, (member_of, member_role))
        _write_person(
            ctx,
            person,
            community=community,
            org=member_of,
            role=role,
            surnames=community.surnames,
            facilitator=community.district.facilitator,
        )
    community.attendees = list(people)
    if not community.leaders:
        community.leaders = people[:2]


def make_officials(ctx: Context) -> None:
    """Officers of municipal and district organizations, and institutional staff."""
    rng = ctx.rng
    assert ctx.person_names is not None
    surnames = ctx.person_names.surnames
    for org in ctx.organizations:
        if org.kind is OrganizationKind.council:
            roles = org.roles[:3] + [org.roles[-1]] * rng.randint(2, 4)
        elif org.kind is OrganizationKind.vigilance_committee:
            roles = org.roles[:3] + [org.roles[-1]] * max(0, len(ctx.districts) - 3)
        else:
            roles = org.roles[: rng.randint(2, 3)]
        for role in roles:
            person = _official(rng, ctx, org)
            _write_person(
                ctx,
                person,
                community=None,
                org=org,
                role=role,
                surnames=surnames,
                facilitator=ctx.facilitators[0],
            )
            ctx.officials.append(person)
    for district in ctx.districts:
        for org in district.organizations:
            for role in org.roles[:2]:
                person = _official(rng, ctx, org)
                home = rng.choice(district.communities)
                _write_person(
                    ctx,
                    person,
                    community=home,
                    org=org,
                    role=role,
                    surnames=home.surnames,
                    facilitator=district.facilitator,
                )
                district.officials.append(person)


def _official(rng: random.Random, ctx: Context, org: OrgInfo) -> PersonInfo:
    if org.kind is OrganizationKind.womens_organization:
        sex = Sex.female
    else:
        sex = Sex.female if rng.random() < 0.4 else Sex.male
    if org.kind is OrganizationKind.youth_organization:
        age = AgeGroup.youth
    elif org.kind is OrganizationKind.elders_organization:
        age = AgeGroup.elder
    else:
        age = AgeGroup.adult
    return PersonInfo(id=ctx.writer.new_id(), sex=sex, age_group=age)
