"""The PDM: the plan with its levels and values, its tree of elements (ejes → objetivos →
políticas → lineamientos → programas), SDG alignment, and the funding sources with their
yearly ceilings."""

from __future__ import annotations

import unicodedata
import uuid
from collections import Counter
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from planner_desktop.demo.context import Context, SourceInfo, at
from planner_desktop.demo.plan_texts import (
    DEFAULT_VALUE_SENTENCE,
    OBJECTIVE_PROBLEMS,
    PLAN_SDGS,
    VALUE_SENTENCES,
)
from planner_desktop.domain.enums import FundingKind, PlanTemplate
from planner_desktop.domain.models import (
    FundingSource,
    Plan,
    PlanElement,
    PlanLevel,
    PlanValue,
    SdgLink,
    SourceCeiling,
)
from planner_desktop.domain.plan_templates import shape

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


def make_plan(ctx: Context) -> None:
    """The plan with its five levels, its values, and the SDGs the whole plan serves."""
    municipality = ctx.sources.municipality
    writer, who = ctx.writer, ctx.facilitators[0]
    when = at(STRATEGY_DAY)
    template = shape(PlanTemplate.bolivia_pdm)
    ctx.plan_id = writer.synced(
        Plan,
        when,
        who,
        municipality_id=ctx.municipality_id,
        template=template.template,
        title=template.title,
        start_year=ctx.plan_start,
        end_year=ctx.plan_end,
        vision=municipality["vision"],
        mission=municipality["mission"],
    )
    for depth, name in enumerate(template.levels, start=1):
        writer.synced(PlanLevel, when, who, plan_id=ctx.plan_id, depth=depth, name=name)
    for position, value in enumerate(municipality["values"], start=1):
        writer.synced(
            PlanValue,
            when,
            who,
            plan_id=ctx.plan_id,
            name=value,
            sentence=VALUE_SENTENCES.get(value, DEFAULT_VALUE_SENTENCE.format(value=value)),
            position=position,
        )
    for sdg, target in PLAN_SDGS:
        writer.synced(
            SdgLink, when, who, plan_id=ctx.plan_id, element_id=None, sdg=sdg, target=target
        )


def make_frame(ctx: Context) -> None:
    """The tree: eje (1) → objetivo (2) → política (3) → lineamiento (4) → programa (5)."""
    writer, who = ctx.writer, ctx.facilitators[0]
    when = at(STRATEGY_DAY, 10)
    sectors_by_code = {sector.code: sector for sector in ctx.sectors}
    programs_by_sector = {s["code"]: s["programs"] for s in ctx.sources.sectors["sectors"]}
    programme_number = 0
    for position, axis in enumerate(ctx.sources.strategy["axes"], start=1):
        axis_id = _element(ctx, when, None, 1, axis["code"], axis["name"], position=position)
        ctx.axes.append((axis["code"], axis_id, list(axis["sectors"])))
        objective = axis["objective"]
        objective_id = _element(
            ctx,
            when,
            axis_id,
            2,
            objective["code"],
            objective["text"],
            problem=objective.get("problem") or OBJECTIVE_PROBLEMS.get(objective["code"], ""),
        )
        for sdg in objective["sdgs"]:
            writer.synced(
                SdgLink,
                when,
                who,
                plan_id=None,
                element_id=objective_id,
                sdg=int(sdg),
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
                programme_number += 1
                programme_id = _element(
                    ctx,
                    when,
                    best_match(f"{name} {sector.name}", guidelines),
                    5,
                    f"PR{programme_number:02d}",
                    name,
                    position=programme_number,
                    sector_id=sector.id,
                    unit_id=sector.unit_id,
                )
                sector.programmes.append((programme_id, name))
                writer.synced(
                    SdgLink,
                    when,
                    who,
                    plan_id=None,
                    element_id=programme_id,
                    sdg=int(ctx.rng.choice(objective["sdgs"])),
                    target="",
                )


def name_programme_problems(ctx: Context) -> None:
    """Each programme answers a problem the communities raised for its sector's demands:
    the most frequent one first (a sector whose demands name no problem keeps none)."""
    pairs: list[tuple[uuid.UUID, str]] = []
    for sector in ctx.sectors:
        raised = Counter(
            demand.finding[1]
            for community in ctx.communities
            for demand in community.demands
            if demand.sector_code == sector.code and demand.finding is not None
        )
        problems = [text for text, _count in raised.most_common(len(sector.programmes))]
        for index, (programme_id, _name) in enumerate(sector.programmes):
            if problems:
                pairs.append((programme_id, problems[index % len(problems)]))
    ctx.writer.update_many(PlanElement, "problem", pairs)


def _element(
    ctx: Context,
    when: datetime,
    parent_id: uuid.UUID | None,
    depth: int,
    code: str,
    name: str,
    **values: Any,
) -> uuid.UUID:
    values.setdefault("position", 0)
    return ctx.writer.synced(
        PlanElement,
        when,
        ctx.facilitators[0],
        plan_id=ctx.plan_id,
        parent_id=parent_id,
        depth=depth,
        code=code,
        name=name,
        **values,
    )


def _make_policies(
    ctx: Context, objective_id: uuid.UUID, policies: list[dict[str, Any]], when: datetime
) -> list[tuple[uuid.UUID, str]]:
    """Políticas and their lineamientos; returns the lineamientos with a matching text."""
    guidelines: list[tuple[uuid.UUID, str]] = []
    for number, policy in enumerate(policies, start=1):
        policy_id = _element(
            ctx, when, objective_id, 3, policy["code"], policy["name"], position=number
        )
        for position, guideline in enumerate(policy["lineamientos"], start=1):
            guideline_id = _element(
                ctx,
                when,
                policy_id,
                4,
                guideline["code"],
                guideline["name"],
                position=position,
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
            FundingSource,
            when,
            who,
            municipality_id=ctx.municipality_id,
            code=source["code"],
            name=source["name"],
            kind=kind,
            funder=source["funder"],
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
