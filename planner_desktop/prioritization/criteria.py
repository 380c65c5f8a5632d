"""Weighted criteria matrix: weights summing to 100 %, a rating per item and criterion."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from types import MappingProxyType

from planner_desktop.i18n import _
from planner_desktop.prioritization.errors import PrioritizationError
from planner_desktop.prioritization.ranking import Ranking, check_items, check_known, order

WEIGHT_TOLERANCE = 1e-6


@dataclass(frozen=True)
class CriterionSpec:
    """A criterion (beneficiaries, urgency, cost, alignment with the plan…).

    The scale is oriented so that a higher rating is always better: for cost, the
    cheapest demand gets the highest rating.
    """

    name: str
    weight: float
    scale_min: int = 1
    scale_max: int = 5


@dataclass(frozen=True)
class Rating:
    code: str
    criterion: str
    value: float


def check_criteria(criteria: Sequence[CriterionSpec]) -> None:
    """Refuse weights that do not sum to 100 %, a negative weight, a bad scale."""
    names: set[str] = set()
    for criterion in criteria:
        if criterion.name in names:
            raise PrioritizationError(
                _("criterion {name} appears twice").format(name=criterion.name)
            )
        names.add(criterion.name)
        if criterion.weight < 0:
            raise PrioritizationError(
                _("criterion {name}: a negative weight").format(name=criterion.name)
            )
        if criterion.scale_max <= criterion.scale_min:
            raise PrioritizationError(
                _("criterion {name}: the scale must go from a lower to a higher rating").format(
                    name=criterion.name
                )
            )
    total = sum(criterion.weight for criterion in criteria)
    if abs(total - 100) > WEIGHT_TOLERANCE:
        raise PrioritizationError(
            _("the weights of the criteria sum to {total:g} %, not 100 %").format(total=total)
        )


def weighted_matrix(
    items: Sequence[str],
    criteria: Sequence[CriterionSpec],
    ratings: Sequence[Rating],
    group: str = "mixed",
) -> Ranking:
    """Weighted score from 0 to 100: Σ weight × (rating − min) / (max − min).

    Tie rule: higher score first; then the higher rating on the heaviest criterion
    (then the next heaviest, criteria of equal weight in the order given); then the
    item code. Refused: weights not summing to 100 %, a rating outside its scale, an
    item rated twice on a criterion, a missing rating (naming item and criterion).
    """
    items = check_items(items)
    check_criteria(criteria)
    by_name = {criterion.name: criterion for criterion in criteria}
    value: dict[tuple[str, str], float] = {}
    known = frozenset(items)
    for rating in ratings:

        def where(rating: Rating = rating) -> str:
            return _("rating of {code} on {name}").format(code=rating.code, name=rating.criterion)

        check_known(rating.code, known, where)
        criterion = by_name.get(rating.criterion)
        if criterion is None:
            raise PrioritizationError(
                _("{where}: no such criterion in this round").format(where=where())
            )
        if not criterion.scale_min <= rating.value <= criterion.scale_max:
            raise PrioritizationError(
                _("{where}: {value:g} is outside the scale {low}–{high}").format(
                    where=where(), value=rating.value, low=criterion.scale_min,
                    high=criterion.scale_max,
                )
            )
        if (rating.code, rating.criterion) in value:
            raise PrioritizationError(_("{where}: rated twice").format(where=where()))
        value[(rating.code, rating.criterion)] = rating.value
    score: dict[str, float] = {}
    for code in items:
        total = 0.0
        for criterion in criteria:
            rated = value.get((code, criterion.name))
            if rated is None:
                raise PrioritizationError(
                    _("{code} has no rating on {name}").format(code=code, name=criterion.name)
                )
            span = criterion.scale_max - criterion.scale_min
            total += criterion.weight * (rated - criterion.scale_min) / span
        score[code] = round(total, 9)
    heaviest = sorted(
        range(len(criteria)), key=lambda index: (-criteria[index].weight, index)
    )

    def tie_key(code: str) -> tuple[float, ...]:
        return tuple(-value[(code, criteria[index].name)] for index in heaviest)

    return Ranking(
        method="criteria",
        group=group,
        items=order(items, score, tie_key),
        inputs=MappingProxyType(
            {"items": items, "criteria": tuple(criteria), "ratings": tuple(ratings),
             "group": group}
        ),
        function=weighted_matrix,
    )
