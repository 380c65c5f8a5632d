"""What the plan draft adds so that a community can find its own demands in it: each
community's agreed priorities with the project that answers each (or why none does), and
the projects the programming leaves out, with why."""

from __future__ import annotations

from itertools import groupby

from reportlab.lib.units import cm
from reportlab.platypus import Flowable
from sqlalchemy import select
from sqlalchemy.orm import Session

from planner_desktop.domain.enums import Recommendation
from planner_desktop.domain.figures import counted_programming
from planner_desktop.domain.projects import MultiYearProgramming, ProjectProfile
from planner_desktop.domain.summaries import live
from planner_desktop.i18n import _
from planner_desktop.plan.answers import AgreedPriority, CommunityPriorities
from planner_desktop.plan.ordering import bytewise
from planner_desktop.reports.contents import Contents, Sections
from planner_desktop.reports.layout import gap, para
from planner_desktop.reports.tables import scaled, table


def _rows(priority: AgreedPriority) -> list[list[str]]:
    """One row per project that answers the priority (one row with the reason if none)."""
    klass = priority.priority_class.value if priority.priority_class else "—"
    first = [priority.rank, klass, priority.demand]
    if not priority.answers:
        return [[*first, "—", priority.reason]]
    return [
        [*(first if n == 0 else ["", "", ""]), answer.project, answer.standing]
        for n, answer in enumerate(priority.answers)
    ]


def _community_title(community: CommunityPriorities) -> str:
    rounds = community.rounds
    if len(rounds) <= 1:
        return community.community
    return _("{community} (rounds: {rounds})").format(
        community=community.community, rounds="; ".join(rounds)
    )


def priorities_section(
    communities: list[CommunityPriorities], sections: Sections, toc: Contents, width: float
) -> list[Flowable]:
    """Per district, per community one table whose title row (the community) repeats
    with the header on every page it runs onto, then its agreed priorities in their
    agreed order, each with its project and where it stands; nothing when no community
    has agreed priorities."""
    if not communities:
        return []
    out: list[Flowable] = [
        sections.section(_("Community priorities and the projects that answer them")),
        para(
            _(
                "Each community's agreed priorities, in the order its prioritisation agreed, "
                "with the project that answers each and where that project stands in this "
                "plan, or why no project answers it yet."
            )
        ),
    ]
    header = [
        _("Rank"),
        _("Class"),
        _("Demand"),
        _("Project that answers it"),
        _("Where it stands"),
    ]
    widths = scaled((1.4, 1.4, 10.8, 7.3, 4.3), width)
    for (_code, district), group in groupby(
        communities, key=lambda c: (c.district_code, c.district)
    ):
        out.append(toc.heading(district, 2))
        for community in group:
            rows = [[_community_title(community), "", "", "", ""]]
            for priority in community.priorities:
                rows += _rows(priority)
            out += [table(header, rows, widths, titles=[0], repeat_rows=2), gap(0.2 * cm)]
    return out


def left_out_of_programming(session: Session, width: float) -> list[Flowable]:
    """The live project profiles with no row counted in the five-year programming, each
    with why: recommended to be dropped, postponed, programmed only from a funding source
    that was deleted, or not programmed yet. Nothing when there is no project at all."""
    counted = select(MultiYearProgramming.profile_id).where(counted_programming())
    with_rows = set(
        session.scalars(select(MultiYearProgramming.profile_id).where(live(MultiYearProgramming)))
    )
    profiles = session.execute(
        select(
            ProjectProfile.id,
            ProjectProfile.code,
            ProjectProfile.name,
            ProjectProfile.recommendation,
        )
        .where(live(ProjectProfile), ProjectProfile.id.not_in(counted))
        .order_by(bytewise(ProjectProfile.code), ProjectProfile.id)
    ).all()
    if not profiles:
        if session.scalar(select(ProjectProfile.id).where(live(ProjectProfile)).limit(1)):
            return [para(_("Every project profile is in the programming."), "small")]
        return []
    rows = []
    for profile_id, code, name, recommendation in profiles:
        if recommendation is Recommendation.drop:
            why = _("recommended to be dropped: its programming is not counted")
        elif profile_id in with_rows:
            why = _("programmed only from a funding source that was deleted")
        elif recommendation is Recommendation.postpone:
            why = _("postponed, not programmed")
        else:
            why = _("no programming yet")
        rows.append([code, name, why])
    return [
        para(_("Project profiles not in the programming, and why"), "h2"),
        table(
            [_("Code"), _("Project"), _("Why it is not in the programming")],
            rows,
            scaled((1.6, 9, 6), width),
        ),
    ]
