"""Classes of a figure for a map's legend: quantiles.

The values that are not None are sorted (``v[0] ≤ … ≤ v[n-1]``). For ``k`` classes the
upper limit of class ``i`` (1-based) is ``v[ceil(i·n/k) - 1]``: each class holds about
the same number of places. Equal limits are merged, so there are never more classes than
distinct values (one value everywhere gives one class). A value belongs to the first
class whose upper limit it does not exceed: upper limits are included, lower ones
excluded (the first class starts at the smallest value, included). When every value is
a whole number (a count) a label starts at the previous limit plus one.

Quantiles rather than natural breaks: they are computed exactly and at once for thousands
of places, can be checked by hand, and keep every shade of the legend in use.
"""

from __future__ import annotations

import bisect
import math
from collections.abc import Iterable
from dataclasses import dataclass

from planner_desktop.reports.numbers import decimal


@dataclass(frozen=True)
class Classes:
    lowest: float
    """The smallest value (the first class's lower limit, included)."""
    limits: tuple[float, ...]
    """The upper limit of each class (included), ascending."""
    places: int = 0
    """Decimals the labels show."""
    whole: bool = False
    """Every value is a whole number (a count): a class's label starts at the previous
    limit plus one (``3 – 4``), not at the excluded limit."""

    def __len__(self) -> int:
        return len(self.limits)

    def index(self, value: float | None) -> int | None:
        """The class of ``value`` (0 is the lowest); None for None. A value outside the
        range falls in the nearest class."""
        if value is None or not self.limits:
            return None
        return min(bisect.bisect_left(self.limits, value), len(self.limits) - 1)

    @property
    def labels(self) -> list[str]:
        """Each class's range in the interface language's number format: ``0 – 2,5``,
        ``2,5 – 7`` (a class of one value shows that value alone)."""
        out: list[str] = []
        low = self.lowest
        for high in self.limits:
            if low >= high:
                out.append(decimal(high, self.places))
            else:
                out.append(f"{decimal(low, self.places)} – {decimal(high, self.places)}")
            low = high + 1 if self.whole else high
        return out


def classify(values: Iterable[float | None], count: int = 5, places: int = 0) -> Classes:
    """Quantile classes of the values (None left out); ``places``: decimals of the labels.
    No value at all gives no class."""
    found = sorted(v for v in values if v is not None)
    if not found or count < 1:
        return Classes(0.0, (), places, True)
    n = len(found)
    limits: list[float] = []
    for i in range(1, count + 1):
        limit = found[math.ceil(i * n / count) - 1]
        if not limits or limit > limits[-1]:
            limits.append(limit)
    whole = all(float(v).is_integer() for v in found)
    return Classes(found[0], tuple(limits), places, whole)
