"""What the import of a plan workbook knows while it matches rows, and the writes it
queues: nothing is written until every sheet has been matched and checked."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy.orm import Session

from planner_desktop.exchange.xlsx.plan_load import Loaded
from planner_desktop.exchange.xlsx.plan_match import Keys
from planner_desktop.exchange.xlsx.plan_read import Book


@dataclass
class Counts:
    """Records added, changed and left unchanged by the import."""

    added: int = 0
    changed: int = 0
    unchanged: int = 0

    def count(self, outcome: str) -> None:
        setattr(self, outcome, getattr(self, outcome) + 1)


Step = Callable[[Session, Counts], None]


@dataclass(frozen=True)
class ElementRef:
    """An element as it will be after the import: its id and level."""

    id: uuid.UUID
    depth: int


@dataclass
class Context:
    """The import under way: the file, what is stored, the keys other sheets name."""

    session: Session
    book: Book
    loaded: Loaded | None
    town_id: uuid.UUID | None = None
    """None until a new municipality is written (the first step)."""
    plan_id: uuid.UUID | None = None
    """None until a new plan is written (the first step)."""
    levels: int = 0
    """How many levels the plan has after the import."""
    sectors: dict[str, str] = field(default_factory=dict)
    """Folded sector code → its code, for the sectors an element may name."""
    elements: Keys[ElementRef] = field(default_factory=Keys)
    units: Keys[uuid.UUID] = field(default_factory=Keys)
    dimensions: Keys[uuid.UUID] = field(default_factory=Keys)
    organizations: Keys[uuid.UUID] = field(default_factory=Keys)
    steps: list[Step] = field(default_factory=list)

    def then(self, step: Step) -> None:
        """Queue a write, done in order once everything has been checked."""
        self.steps.append(step)

    def stored(self, name: str) -> list[Any]:
        """The live records ``name`` of :class:`Loaded` (none in an empty database)."""
        return list(getattr(self.loaded, name)) if self.loaded is not None else []

    @property
    def town(self) -> uuid.UUID:
        assert self.town_id is not None, "the municipality is written first"
        return self.town_id

    @property
    def plan(self) -> uuid.UUID:
        assert self.plan_id is not None, "the plan is written first"
        return self.plan_id
