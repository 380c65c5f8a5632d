"""What the checks and totals share: the plan period and the strategic chain of a programme."""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from sqlalchemy import Select, select
from sqlalchemy.orm import Session

from planner_desktop.domain.projects import MultiYearProgramming, ProjectProfile
from planner_desktop.domain.strategy import Axis, Objective, Policy, Program
from planner_desktop.domain.summaries import current_frame, live

__all__ = ["PlanPeriod", "live", "plan_period", "program_chain", "programmed_profiles"]


@dataclass(frozen=True)
class PlanPeriod:
    """The years of the PDM (its strategic frame), both ends included."""

    frame_id: uuid.UUID
    start: int
    end: int

    def contains(self, year: int) -> bool:
        return self.start <= year <= self.end

    @property
    def years(self) -> list[int]:
        return list(range(self.start, self.end + 1))


def plan_period(session: Session) -> PlanPeriod | None:
    frame = current_frame(session)
    if frame is None:
        return None
    return PlanPeriod(frame.id, frame.start_year, frame.end_year)


def program_chain() -> Select[uuid.UUID, uuid.UUID, uuid.UUID, uuid.UUID, uuid.UUID]:
    """Live programmes with their live policy, objective and axis.

    Columns ``program_id, policy_id, objective_id, axis_id, frame_id``; a programme whose
    policy, objective or axis is missing or tombstoned is not in it.
    """
    return (
        select(
            Program.id.label("program_id"),
            Policy.id.label("policy_id"),
            Objective.id.label("objective_id"),
            Axis.id.label("axis_id"),
            Axis.frame_id.label("frame_id"),
        )
        .join(Policy, Program.policy_id == Policy.id)
        .join(Objective, Policy.objective_id == Objective.id)
        .join(Axis, Objective.axis_id == Axis.id)
        .where(live(Program), live(Policy), live(Objective), live(Axis))
    )


def programmed_profiles() -> Select[uuid.UUID]:
    """Ids of live profiles with money in the five-year programming: those *in the plan*."""
    return (
        select(MultiYearProgramming.profile_id)
        .join(ProjectProfile, MultiYearProgramming.profile_id == ProjectProfile.id)
        .where(live(MultiYearProgramming), live(ProjectProfile), MultiYearProgramming.amount > 0)
        .distinct()
    )
