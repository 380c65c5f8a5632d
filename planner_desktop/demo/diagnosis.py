"""Community self-diagnosis (findings of every kind in every dimension) and the
institutional self-assessment."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from planner_desktop.demo.context import CommunityInfo, Context, at
from planner_desktop.domain.enums import FindingKind, Group, ScoreState
from planner_desktop.domain.models import AssessmentArea, AssessmentScore, Finding, SelfDiagnosis

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


def make_assessment(ctx: Context) -> None:
    """The self-assessment areas and a score per area and year, improving slowly.

    Scores have two decimals (86,50 %); one area was not evaluated in the first year and
    another does not apply to the municipality that year.
    """
    rng, writer, who = ctx.rng, ctx.writer, ctx.facilitators[0]
    when = at(ASSESSMENT_DAY, 30)
    areas = ctx.sources.diagnosis["self_assessment"]["areas"]
    not_evaluated = len(areas) - 2
    not_applicable = len(areas) - 1
    for position, area in enumerate(areas, start=1):
        area_id = writer.synced(
            AssessmentArea,
            when,
            who,
            municipality_id=ctx.municipality_id,
            name=area["name"],
            position=position,
        )
        value = Decimal(rng.randint(2500, 7000)) / 100
        for year in ASSESSMENT_YEARS:
            state = ScoreState.scored
            if year == ASSESSMENT_YEARS[0] and position - 1 == not_evaluated:
                state = ScoreState.not_evaluated
            elif year == ASSESSMENT_YEARS[0] and position - 1 == not_applicable:
                state = ScoreState.not_applicable
            writer.synced(
                AssessmentScore,
                when,
                who,
                area_id=area_id,
                year=year,
                state=state,
                percentage=value if state is ScoreState.scored else None,
            )
            step = Decimal(rng.randint(-500, 1200)) / 100
            value = max(Decimal(0), min(Decimal(100), value + step))
