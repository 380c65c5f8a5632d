"""The whole demo municipality, step by step, in one transaction."""

from __future__ import annotations

import random

from sqlalchemy.orm import Session

from planner_desktop.demo import actors, annual, diagnosis, profiles, strategy, territory
from planner_desktop.demo import sources as demo_sources
from planner_desktop.demo.annexes import make_annexes
from planner_desktop.demo.context import Context
from planner_desktop.demo.indicators import make_element_indicators
from planner_desktop.demo.structure import make_units
from planner_desktop.demo.workshops import run_communities, run_meetings
from planner_desktop.demo.writer import ProgressFn, Writer


def generate(
    session: Session,
    *,
    seed: int = 1,
    scale: int = 1,
    progress: ProgressFn | None = None,
) -> dict[str, int]:
    """Fill an empty database with a realistic demo municipality; returns rows per table.

    The same seed gives the same data, down to ids and times. ``scale`` multiplies the
    communities and the demands per community. The session must not stamp provenance
    (``Store.raw_session()``): every identity field is set here.
    """
    if scale < 1:
        raise ValueError("scale must be at least 1")
    rng = random.Random(seed)
    sources = demo_sources.load()
    ctx = Context(
        rng=rng,
        writer=Writer(session, rng),
        sources=sources,
        scale=scale,
        progress=progress,
        facilitators=[f["name"] for f in sources.events["facilitators"]],
    )
    ctx.report("territory", 0)
    territory.make_municipality(ctx)
    territory.make_configuration(ctx)
    territory.make_territory(ctx)
    make_units(ctx)
    strategy.make_plan(ctx)
    strategy.make_frame(ctx)
    strategy.make_funding(ctx)
    actors.make_organizations(ctx)
    actors.make_officials(ctx)
    diagnosis.make_assessment(ctx)
    ctx.report("communities", 10)
    run_communities(ctx)
    ctx.report("meetings", 80)
    run_meetings(ctx)
    ctx.report("plan", 90)
    strategy.name_programme_problems(ctx)
    plan_profiles = profiles.make_profiles(ctx)
    make_element_indicators(ctx, profiles.funded_from(plan_profiles))
    annual.make_poa(ctx, plan_profiles)
    make_annexes(ctx)
    ctx.writer.flush()
    ctx.report("done", 100)
    return ctx.writer.counts()
