"""Every entity of the planning cycle, in one import."""

from planner_desktop.domain.actors import Organization, Person
from planner_desktop.domain.annual import AnnualPlan, ManagementObjective, Operation, PlanAdjustment
from planner_desktop.domain.base import Appended, Base, Synced
from planner_desktop.domain.demands import Demand, DemandGroup
from planner_desktop.domain.diagnosis import Finding, InstitutionalScore, SelfDiagnosis
from planner_desktop.domain.events import Attendance, Event, EventCommunity
from planner_desktop.domain.follow_up import Minutes, Progress
from planner_desktop.domain.prioritization import (
    Criterion,
    PairwiseChoice,
    PrioritizationRound,
    RoundItem,
    RoundResult,
    Score,
    Vote,
)
from planner_desktop.domain.projects import (
    Component,
    FundingSource,
    Indicator,
    IndicatorTarget,
    MultiYearProgramming,
    ProfileCommunity,
    ProfileDemand,
    ProfileFunding,
    ProjectProfile,
    SourceCeiling,
)
from planner_desktop.domain.strategy import (
    Axis,
    Objective,
    Policy,
    Program,
    SdgLink,
    StrategicFrame,
)
from planner_desktop.domain.territory import Community, Dimension, District, Municipality, Sector

__all__ = [
    "AnnualPlan",
    "Appended",
    "Attendance",
    "Axis",
    "Base",
    "Community",
    "Component",
    "Criterion",
    "Demand",
    "DemandGroup",
    "Dimension",
    "District",
    "Event",
    "EventCommunity",
    "Finding",
    "FundingSource",
    "Indicator",
    "IndicatorTarget",
    "InstitutionalScore",
    "ManagementObjective",
    "Minutes",
    "MultiYearProgramming",
    "Municipality",
    "Objective",
    "Operation",
    "Organization",
    "PairwiseChoice",
    "Person",
    "PlanAdjustment",
    "Policy",
    "PrioritizationRound",
    "ProfileCommunity",
    "ProfileDemand",
    "ProfileFunding",
    "Program",
    "Progress",
    "ProjectProfile",
    "RoundItem",
    "RoundResult",
    "Score",
    "SdgLink",
    "Sector",
    "SelfDiagnosis",
    "SourceCeiling",
    "StrategicFrame",
    "Synced",
    "Vote",
]
