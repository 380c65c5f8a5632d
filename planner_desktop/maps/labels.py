"""Labels that do not collide: greedy by priority, several positions around each anchor.

Candidates are taken by priority (highest first; ties in the order given). For each, the
positions are tried in order (a point's label: right, left, above, below, then the four
corners; a shape's: centred on its anchor first) and the first whose box overlaps no
label already placed, and stays inside ``frame`` when one is given, is kept; a candidate
with no free position is left out. Boxes are kept in a grid of cells as wide as the
widest label and as high as the highest, so a test looks at the few boxes near it:
placing 2,000 labels is quick.

Units are the drawing's own (points or pixels); the rule does not depend on which way
``y`` grows, but the names *above* and *below* assume ``y`` up.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Hashable, Iterable
from dataclasses import dataclass

Box = tuple[float, float, float, float]
"""``(x0, y0, x1, y1)`` with ``x0 ≤ x1`` and ``y0 ≤ y1``."""


@dataclass(frozen=True)
class Candidate:
    key: Hashable
    text: str
    x: float
    y: float
    """The anchor: a point, or the spot inside a shape the label belongs to."""
    width: float
    height: float
    priority: float = 0.0
    gap: float = 2.0
    """Distance from the anchor to the label's box (the point symbol's radius and more)."""
    centred: bool = False
    """A shape's label: try the box centred on the anchor first."""


@dataclass(frozen=True)
class Placed:
    key: Hashable
    text: str
    box: Box

    @property
    def x(self) -> float:
        """Left edge."""
        return self.box[0]

    @property
    def y(self) -> float:
        """Bottom edge (with ``y`` up)."""
        return self.box[1]


def _positions(c: Candidate) -> list[Box]:
    w, h, g = c.width, c.height, c.gap
    x, y = c.x, c.y
    right = (x + g, y - h / 2)
    left = (x - g - w, y - h / 2)
    above = (x - w / 2, y + g)
    below = (x - w / 2, y - g - h)
    corners = [(x + g, y + g), (x - g - w, y + g), (x + g, y - g - h), (x - g - w, y - g - h)]
    spots = [right, left, above, below, *corners]
    if c.centred:
        spots.insert(0, (x - w / 2, y - h / 2))
    return [(sx, sy, sx + w, sy + h) for sx, sy in spots]


def _overlaps(a: Box, b: Box) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def _inside(box: Box, frame: Box) -> bool:
    return frame[0] <= box[0] and frame[1] <= box[1] and box[2] <= frame[2] and box[3] <= frame[3]


def place_labels(
    candidates: Iterable[Candidate], frame: Box | None = None, obstacles: Iterable[Box] = ()
) -> list[Placed]:
    """The labels that fit, in the order they were placed (highest priority first).
    ``obstacles``: boxes no label may cover (a legend, a scale bar)."""
    ordered = sorted(enumerate(candidates), key=lambda pair: (-pair[1].priority, pair[0]))
    if not ordered:
        return []
    cell_w = max(c.width for _i, c in ordered) or 1.0
    cell_h = max(c.height for _i, c in ordered) or 1.0
    grid: dict[tuple[int, int], list[Box]] = defaultdict(list)

    def cells(box: Box) -> list[tuple[int, int]]:
        x0, y0 = math.floor(box[0] / cell_w), math.floor(box[1] / cell_h)
        x1, y1 = math.floor(box[2] / cell_w), math.floor(box[3] / cell_h)
        return [(i, j) for i in range(x0, x1 + 1) for j in range(y0, y1 + 1)]

    def free(box: Box) -> bool:
        return not any(_overlaps(box, other) for k in cells(box) for other in grid[k])

    def keep(box: Box) -> None:
        for k in cells(box):
            grid[k].append(box)

    for box in obstacles:
        keep(box)
    placed: list[Placed] = []
    for _i, candidate in ordered:
        for box in _positions(candidate):
            if (frame is None or _inside(box, frame)) and free(box):
                keep(box)
                placed.append(Placed(candidate.key, candidate.text, box))
                break
    return placed
