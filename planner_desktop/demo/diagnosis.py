"""Community self-diagnosis (findings of every kind in every dimension) and the
institutional self-assessment."""

from __future__ import annotations

from datetime import date

from planner_desktop.demo.context import CommunityInfo, Context, at
from planner_desktop.domain.enums import FindingKind, Group
from planner_desktop.domain.models import Finding, InstitutionalScore, SelfDiagnosis

FINDING_GROUPS = (Group.mixed, Group.mixed, Group.women, Group.men, Group.youth, Group.elders)
ASSESSMENT_DAY = date(2026, 3, 20)
ASSESSMENT_YEARS = (2023, 2024, 2025)


def make_self_diagnosis(ctx: Context, community: CommunityInfo) -> None:
    """One self-diagnosis at the community workshop; findings ranked within each kind."""
    assert community.workshop_id is not None
    rng, writer = ctx.rng, ctx.writer
    who = community.district.facilitator
    day = community.workshop_day
    diagnosis_id = writer.synced(
        SelfDiagnosis,
        at(day, 90),
        who,
        community_id=community.id,
        event_id=community.workshop_id,
        date=day,
        notes=(
            f"Autodiagnóstico comunal de {community.name} elaborado en plenaria y por grupos "
            "de mujeres, hombres, jóvenes y personas adultas mayores."
        ),
    )
    per_kind: dict[FindingKind, list[tuple[str, dict[str, str]]]] = {k: [] for k in FindingKind}
    for dimension in ctx.sources.diagnosis["dimensions"]:
        code = dimension["code"]
        for kind in FindingKind:
            options = dimension["findings"].get(kind.value, [])
            if not options:
                continue
            for chosen in rng.sample(options, min(len(options), rng.randint(1, 2))):
                per_kind[kind].append((code, chosen))
    minute = 100
    for kind in FindingKind:
        entries = per_kind[kind]
        rng.shuffle(entries)
        for rank, (code, chosen) in enumerate(entries, start=1):
            minute += 1
            finding_id = writer.synced(
                Finding,
                at(day, minute),
                who,
                self_diagnosis_id=diagnosis_id,
                dimension_id=ctx.dimensions[code],
                kind=kind,
                description=chosen["description"],
                cause=chosen.get("cause", ""),
                effect=chosen.get("effect", ""),
                raising_group=rng.choice(FINDING_GROUPS),
                rank=rank,
            )
            if kind is FindingKind.problem:
                community.problems.setdefault(code, []).append(
                    (
                        finding_id,
                        chosen["description"],
                        chosen.get("cause", ""),
                        chosen.get("effect", ""),
                    )
                )


def make_institutional_scores(ctx: Context) -> None:
    """A percentage per area for two or three past years, improving slowly."""
    rng = ctx.rng
    for area in ctx.sources.diagnosis["self_assessment"]["areas"]:
        years = ASSESSMENT_YEARS[-rng.randint(2, 3):]
        value = rng.randint(25, 70)
        for year in years:
            ctx.writer.synced(
                InstitutionalScore,
                at(ASSESSMENT_DAY, 30),
                ctx.facilitators[0],
                municipality_id=ctx.municipality_id,
                area=area["name"],
                year=year,
                percentage=value,
            )
            value = max(0, min(100, value + rng.randint(-5, 12)))
