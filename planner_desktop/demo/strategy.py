"""The PDM's strategic frame (axes → objectives → policies → lineamientos → programmes),
SDG alignment, and the funding sources with their yearly ceilings."""

from __future__ import annotations

import unicodedata
import uuid
from datetime import date
from decimal import Decimal
from typing import Any

from planner_desktop.demo.context import Context, SourceInfo, at
from planner_desktop.domain.enums import FundingKind, PolicyKind
from planner_desktop.domain.models import (
    Axis,
    FundingSource,
    Objective,
    Policy,
    Program,
    SdgLink,
    SourceCeiling,
    StrategicFrame,
)

STRATEGY_DAY = date(2026, 6, 22)
CEILING_GROWTH = 0.03

FUNDING_KINDS = {
    "transferencia": FundingKind.national_transfer,
    "propio": FundingKind.own_revenue,
    "cofinanciamiento": FundingKind.national_fund,
    "concurrencia": FundingKind.departmental,
    "credito": FundingKind.national_fund,
    "donacion": FundingKind.external,
    "contraparte": FundingKind.community,
}

_IGNORED_WORDS = frozenset({"programa", "para", "todas", "todos", "desde", "entre", "sobre"})


def _words(text: str) -> frozenset[str]:
    plain = unicodedata.normalize("NFKD", text.lower())
    plain = "".join(ch for ch in plain if not unicodedata.combining(ch))
    cleaned = "".join(ch if ch.isalnum() else " " for ch in plain)
    return frozenset(
        word[:6] for word in cleaned.split() if len(word) >= 5 and word not in _IGNORED_WORDS
    )


def best_match(text: str, options: list[tuple[uuid.UUID, str]]) -> uuid.UUID:
    """The option whose text shares most words with ``text`` (the first one on a tie)."""
    wanted = _words(text)
    best_id, best_score = options[0][0], -1
    for option_id, option in options:
        score = len(wanted & _words(option))
        if score > best_score:
            best_id, best_score = option_id, score
    return best_id


def make_frame(ctx: Context) -> None:
    municipality = ctx.sources.municipality
    strategy = ctx.sources.strategy
    writer, who = ctx.writer, ctx.facilitators[0]
    when = at(STRATEGY_DAY)
    frame_id = writer.synced(
        StrategicFrame,
        when,
        who,
        municipality_id=ctx.municipality_id,
        start_year=ctx.plan_start,
        end_year=ctx.plan_end,
        vision=municipality["vision"],
        mission=municipality["mission"],
        values="\n".join(municipality["values"]),
    )
    sectors_by_code = {sector.code: sector for sector in ctx.sectors}
    programs_by_sector = {s["code"]: s["programs"] for s in ctx.sources.sectors["sectors"]}
    program_number = 0
    for position, axis in enumerate(strategy["axes"], start=1):
        axis_id = writer.synced(
            Axis, when, who, frame_id=frame_id, code=axis["code"], name=axis["name"],
            position=position,
        )
        objective = axis["objective"]
        objective_id = writer.synced(
            Objective, when, who, axis_id=axis_id, code=objective["code"],
            name=objective["text"], problem=objective.get("problem", ""),
        )
        for sdg in objective["sdgs"]:
            writer.synced(
                SdgLink, when, who, objective_id=objective_id, program_id=None, sdg=int(sdg),
                target="",
            )
        ctx.objectives.append((axis["code"], objective_id, list(axis["sectors"])))
        guidelines = _make_policies(ctx, objective_id, axis["policies"], when)
        for sector_code in axis["sectors"]:
            sector = sectors_by_code.get(sector_code)
            if sector is None:
                continue
            sector.objective_id = objective_id
            sector.axis_code = axis["code"]
            for name in programs_by_sector.get(sector_code, []):
                program_number += 1
                program_id = writer.synced(
                    Program,
                    when,
                    who,
                    policy_id=best_match(f"{name} {sector.name}", guidelines),
                    sector_id=sector.id,
                    code=f"PR{program_number:02d}",
                    name=name,
                    problem="",
                )
                sector.programs.append((program_id, name))
                writer.synced(
                    SdgLink, when, who, objective_id=None, program_id=program_id,
                    sdg=int(ctx.rng.choice(objective["sdgs"])), target="",
                )


def _make_policies(
    ctx: Context, objective_id: uuid.UUID, policies: list[dict[str, Any]], when: Any
) -> list[tuple[uuid.UUID, str]]:
    """Políticas and their lineamientos; returns the lineamientos with a matching text."""
    writer, who = ctx.writer, ctx.facilitators[0]
    guidelines: list[tuple[uuid.UUID, str]] = []
    for policy in policies:
        policy_id = writer.synced(
            Policy, when, who, objective_id=objective_id, parent_id=None,
            kind=PolicyKind.policy, code=policy["code"], name=policy["name"],
        )
        for guideline in policy["lineamientos"]:
            guideline_id = writer.synced(
                Policy, when, who, objective_id=objective_id, parent_id=policy_id,
                kind=PolicyKind.guideline, code=guideline["code"], name=guideline["name"],
            )
            guidelines.append((guideline_id, f"{guideline['name']} {policy['name']}"))
    return guidelines


def make_funding(ctx: Context) -> None:
    """Funding sources and a ceiling per plan year (growing a little, times the scale)."""
    writer, who = ctx.writer, ctx.facilitators[0]
    when = at(STRATEGY_DAY, 30)
    for source in ctx.sources.strategy["funding_sources"]:
        kind = FUNDING_KINDS.get(source["kind"], FundingKind.national_transfer)
        source_id = writer.synced(
            FundingSource, when, who, municipality_id=ctx.municipality_id,
            code=source["code"], name=source["name"], kind=kind, funder=source["funder"],
        )
        info = SourceInfo(
            id=source_id,
            code=source["code"],
            name=source["name"],
            funder=source["funder"],
            kind=kind,
        )
        base = float(source["yearly_ceiling_bs"]) * ctx.scale
        for year in range(ctx.plan_start, ctx.plan_end + 1):
            amount = int(round(base * (1 + CEILING_GROWTH) ** (year - ctx.plan_start), -3))
            info.ceilings[year] = Decimal(amount)
            writer.synced(
                SourceCeiling, when, who, source_id=source_id, year=year, amount=Decimal(amount)
            )
        ctx.funding.append(info)
