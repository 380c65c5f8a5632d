"""Budget-aware selection: the ranked list cut by a budget ceiling."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal

from planner_desktop.i18n import _
from planner_desktop.prioritization.errors import PrioritizationError


@dataclass(frozen=True)
class BudgetSelection:
    """Which items of a ranked order fit the ceiling; keeps the order, costs and ceiling."""

    ranking: tuple[str, ...]
    costs: Mapping[str, Decimal]
    ceiling: Decimal
    selected: tuple[str, ...]
    skipped: tuple[str, ...]
    spent: Decimal

    @property
    def remaining(self) -> Decimal:
        return self.ceiling - self.spent

    def recompute(self) -> BudgetSelection:
        return greedy_budget(self.ranking, self.costs, self.ceiling)


def greedy_budget(
    ranking: Sequence[str], costs: Mapping[str, Decimal], ceiling: Decimal
) -> BudgetSelection:
    """Walk the ranked codes from the top and take every item whose cost still fits.

    An item that does not fit is skipped and the walk goes on, so a cheaper item
    further down can still be funded; the order of the ranking is the only tie rule.
    Refused: a negative ceiling, an item with no cost or a negative cost.
    """
    if ceiling < 0:
        raise PrioritizationError(_("the budget ceiling is negative"))
    for code in ranking:
        cost = costs.get(code)
        if cost is None:
            raise PrioritizationError(_("{code} has no estimated cost").format(code=code))
        if cost < 0:
            raise PrioritizationError(_("{code} has a negative cost").format(code=code))
    selected: list[str] = []
    skipped: list[str] = []
    spent = Decimal(0)
    for code in ranking:
        if spent + costs[code] <= ceiling:
            selected.append(code)
            spent += costs[code]
        else:
            skipped.append(code)
    return BudgetSelection(
        ranking=tuple(ranking),
        costs=dict(costs),
        ceiling=ceiling,
        selected=tuple(selected),
        skipped=tuple(skipped),
        spent=spent,
    )
