"""What the demo steps share: the random source, the writer, and what earlier steps made."""

from __future__ import annotations

import random
import uuid
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from typing import Any

from planner_desktop.demo.names import IdNumbers, PersonNames, PlaceNames
from planner_desktop.demo.sources import Sources
from planner_desktop.demo.writer import ProgressFn, Writer
from planner_desktop.domain.enums import (
    AgeGroup,
    DemandStatus,
    FundingKind,
    Group,
    OrganizationKind,
    PriorityClass,
    Sex,
)

SETUP_DAY = date(2026, 2, 2)
FIRST_WORKSHOP = date(2026, 3, 2)
LAST_WORKSHOP = date(2026, 5, 29)
REFERENCE_YEAR = 2026


def at(day: date, minutes: int = 0) -> datetime:
    """A stored time on ``day``: 09:00 plus ``minutes`` (every demo time is derived)."""
    return datetime.combine(day, time(9, 0)) + timedelta(minutes=minutes)


FindingRef = tuple[uuid.UUID, str, str, str]
"""A problem finding: id, description, cause, effect."""


@dataclass
class PersonInfo:
    id: uuid.UUID
    sex: Sex
    age_group: AgeGroup
    organization_id: uuid.UUID | None = None

    @property
    def group(self) -> Group:
        """The group a person votes with in a round (youth and elders vote apart)."""
        if self.age_group is AgeGroup.youth:
            return Group.youth
        if self.age_group is AgeGroup.elder:
            return Group.elders
        return Group.women if self.sex is Sex.female else Group.men


@dataclass
class OrgInfo:
    id: uuid.UUID
    kind: OrganizationKind
    roles: list[str]
    name: str


@dataclass
class DemandInfo:
    id: uuid.UUID
    code: str
    sector_code: str
    description: str
    raising_group: Group
    cost: int
    women: int
    men: int
    kind: str = "inversion"
    finding: FindingRef | None = None
    other: CommunityInfo | None = None
    status: DemandStatus = DemandStatus.demand
    rank: int | None = None
    score: float = 0.0
    priority_class: PriorityClass | None = None


@dataclass
class CommunityInfo:
    id: uuid.UUID
    code: str
    name: str
    district: DistrictInfo
    urban: bool
    women: int = 0
    men: int = 0
    families: int = 0
    surnames: list[str] = field(default_factory=list)
    attendees: list[PersonInfo] = field(default_factory=list)
    leaders: list[PersonInfo] = field(default_factory=list)
    organizations: list[OrgInfo] = field(default_factory=list)
    workshop_id: uuid.UUID | None = None
    workshop_day: date = FIRST_WORKSHOP
    problems: dict[str, list[FindingRef]] = field(default_factory=dict)
    demands: list[DemandInfo] = field(default_factory=list)


@dataclass
class DistrictInfo:
    id: uuid.UUID
    code: str
    name: str
    short_name: str
    urban: bool
    capital: str
    facilitator: str
    communities: list[CommunityInfo] = field(default_factory=list)
    organizations: list[OrgInfo] = field(default_factory=list)
    officials: list[PersonInfo] = field(default_factory=list)


@dataclass
class SectorInfo:
    id: uuid.UUID
    code: str
    name: str
    dimension: str
    templates: list[dict[str, Any]]
    programmes: list[tuple[uuid.UUID, str]] = field(default_factory=list)
    """Elements of the plan's deepest level in this sector: (id, name)."""
    objective_id: uuid.UUID | None = None
    """The element (depth 2) whose axis holds this sector."""
    axis_code: str = ""
    unit_id: uuid.UUID | None = None
    """The organisational unit that executes this sector's projects."""
    unit_name: str = "Dirección de Planificación"


@dataclass
class SourceInfo:
    id: uuid.UUID
    code: str
    name: str
    funder: str
    kind: FundingKind
    ceilings: dict[int, Decimal] = field(default_factory=dict)


@dataclass
class Context:
    """State of one generation run; steps read what earlier steps put here."""

    rng: random.Random
    writer: Writer
    sources: Sources
    scale: int
    progress: ProgressFn | None = None
    facilitators: list[str] = field(default_factory=list)
    municipality_id: uuid.UUID = field(default_factory=lambda: uuid.UUID(int=0))
    municipality_name: str = ""
    official_name: str = ""
    town: str = ""
    person_names: PersonNames | None = None
    place_names: PlaceNames | None = None
    id_numbers: IdNumbers = field(default_factory=IdNumbers)
    districts: list[DistrictInfo] = field(default_factory=list)
    dimensions: dict[str, uuid.UUID] = field(default_factory=dict)
    sectors: list[SectorInfo] = field(default_factory=list)
    funding: list[SourceInfo] = field(default_factory=list)
    plan_id: uuid.UUID = field(default_factory=lambda: uuid.UUID(int=0))
    axes: list[tuple[str, uuid.UUID, list[str]]] = field(default_factory=list)
    """Top-level elements: (code, id, sector codes)."""
    objectives: list[tuple[str, uuid.UUID, list[str]]] = field(default_factory=list)
    """Depth-2 elements: (axis code, id, sector codes)."""
    units: dict[str, uuid.UUID] = field(default_factory=dict)
    """Organisational units by name."""
    organizations: list[OrgInfo] = field(default_factory=list)
    officials: list[PersonInfo] = field(default_factory=list)
    plan_start: int = 2026
    plan_end: int = 2030

    @property
    def communities(self) -> list[CommunityInfo]:
        return [c for d in self.districts for c in d.communities]

    def report(self, stage: str, percent: int) -> None:
        if self.progress is not None:
            self.progress(stage, percent)

    def sector(self, code: str) -> SectorInfo:
        for sector in self.sectors:
            if sector.code == code:
                return sector
        raise KeyError(code)
