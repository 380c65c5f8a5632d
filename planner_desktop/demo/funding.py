"""Funding splits of a project and their five-year schedule within the source ceilings."""

from __future__ import annotations

import random
from decimal import Decimal

from planner_desktop.demo.context import Context
from planner_desktop.domain.enums import FundingKind

COFINANCED_FROM = 800_000
"""Projects above this cost (Bs) often get a co-financier."""

FUNDING_PARTNERS = (FundingKind.departmental, FundingKind.national_fund, FundingKind.external)
"""Sources that co-finance a project next to the municipal transfers."""

Allocation = dict[tuple[int, int], int]
"""(source index in ``ctx.funding``, year) → amount in Bs."""


def _round100(value: float) -> int:
    return int(round(value, -2))


class Budget:
    """What each source can still give each year of the plan."""

    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx
        self.sources = ctx.funding
        self.left: dict[tuple[int, int], Decimal] = {
            (index, year): amount
            for index, source in enumerate(ctx.funding)
            for year, amount in source.ceilings.items()
        }
        kinds = [source.kind for source in ctx.funding]
        self.municipal = [i for i, k in enumerate(kinds) if k is FundingKind.national_transfer]
        self.community = [i for i, k in enumerate(kinds) if k is FundingKind.community]
        self.cofinanciers = [i for i, k in enumerate(kinds) if k in FUNDING_PARTNERS]

    def split(self, rng: random.Random, cost: int) -> list[tuple[int, int]]:
        """Planned shares (source index, amount) that add up to ``cost`` exactly."""
        parts: list[tuple[int, int]] = []
        rest = cost
        if self.community:
            amount = _round100(cost * rng.uniform(0.05, 0.12))
            parts.append((self.community[0], amount))
            rest -= amount
        if self.cofinanciers and cost >= COFINANCED_FROM and rng.random() < 0.6:
            amount = _round100(cost * rng.uniform(0.3, 0.5))
            parts.append((rng.choice(self.cofinanciers), amount))
            rest -= amount
        municipal = self.municipal or [0]
        if len(municipal) > 1 and rng.random() < 0.5:
            amount = _round100(rest * rng.uniform(0.3, 0.6))
            parts.append((municipal[1], amount))
            rest -= amount
        parts.append((municipal[0], rest))
        return [(index, amount) for index, amount in parts if amount > 0]

    def schedule(self, parts: list[tuple[int, int]], years: list[int]) -> Allocation:
        """Spread each share over ``years`` (40/60 over two), never above a ceiling.

        What does not fit moves to a later year, then to the municipal sources.
        """
        weights = [1.0] if len(years) == 1 else [0.4, 0.6]
        allocation: Allocation = {}
        for index, amount in parts:
            planned = [_round100(amount * w) for w in weights[:-1]]
            planned.append(amount - sum(planned))
            for year, want in zip(years, planned, strict=True):
                leftover = self._take(allocation, index, year, want)
                later = [y for y in self.years if y >= year]
                for fallback in [index, *self.municipal, *range(len(self.sources))]:
                    for fallback_year in later:
                        if leftover <= 0:
                            break
                        leftover = self._take(allocation, fallback, fallback_year, leftover)
                if leftover > 0:
                    raise ValueError("the demo plan does not fit in the funding ceilings")
        return allocation

    @property
    def years(self) -> list[int]:
        return list(range(self.ctx.plan_start, self.ctx.plan_end + 1))

    def _take(self, allocation: Allocation, index: int, year: int, amount: int) -> int:
        """Allocate as much of ``amount`` as fits; returns what is left over."""
        room = int(self.left.get((index, year), Decimal(0)))
        given = min(room, amount)
        if given > 0:
            self.left[(index, year)] -= given
            allocation[(index, year)] = allocation.get((index, year), 0) + given
        return amount - given

    def is_community(self, index: int) -> bool:
        return self.sources[index].kind is FundingKind.community
