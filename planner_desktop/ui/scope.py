"""The part of the territory the pages look at (no Qt, no database)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import uuid


@dataclass(frozen=True)
class Scope:
    """The whole municipality, a district or a community, as chosen in the territory tree."""

    level: str = "municipality"
    id: uuid.UUID | None = None
    name: str = ""

    @property
    def district_id(self) -> uuid.UUID | None:
        return self.id if self.level == "district" else None

    @property
    def community_id(self) -> uuid.UUID | None:
        return self.id if self.level == "community" else None


MUNICIPALITY = Scope()
