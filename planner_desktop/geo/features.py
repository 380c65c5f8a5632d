"""What every reader gives: a layer's features (attributes and a shapely geometry) and the
reference system its coordinates are in; the one refusal of a geometry file; the limits
that keep a hostile file from exhausting memory."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from planner_desktop.i18n import _

if TYPE_CHECKING:
    from pyproj import CRS
    from shapely.geometry.base import BaseGeometry

MAX_FILE_BYTES = 200_000_000
"""Largest geometry file read (a GeoJSON is read whole, so it is held to a quarter)."""
MAX_JSON_BYTES = 50_000_000
MAX_FEATURES = 100_000
"""Most features in one layer (a municipality has a few thousand places at most)."""
MAX_FILE_POINTS = 5_000_000
"""Most positions read from one file, all features together."""
MAX_FEATURE_BYTES = 16_000_000
"""Largest encoded shape of one feature (WKB or JSON) before it is read."""


class GeoRefused(Exception):
    """A geometry file was refused: the message is one line naming the file."""


def refused(path: Path | str, reason: str) -> GeoRefused:
    return GeoRefused(_("{file}: {reason}").format(file=Path(path).name, reason=reason))


@dataclass(frozen=True)
class Feature:
    number: int
    """Its place in the layer, from 1."""
    attributes: dict[str, str]
    """Every attribute as text (empty for a missing value)."""
    geometry: BaseGeometry | None
    """None when the feature has no shape."""


@dataclass
class Layer:
    """One layer of a geometry file, as read (coordinates still in ``crs``)."""

    path: Path
    name: str
    fields: tuple[str, ...]
    crs: CRS | None
    """None: the file does not say (taken as WGS 84 when every coordinate fits it)."""
    features: list[Feature] = field(default_factory=list)


class PointBudget:
    """Counts the positions read from one file and refuses it past the limit."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.count = 0

    def spend(self, geometry: BaseGeometry | None, number: int) -> None:
        if geometry is None:
            return
        import shapely

        self.count += int(shapely.get_num_coordinates(geometry))
        if self.count > MAX_FILE_POINTS:
            raise refused(
                self.path,
                _("more than {n} points in all (at feature {number}): split the file or "
                  "simplify its shapes first").format(n=MAX_FILE_POINTS, number=number),
            )


def check_size(path: Path, limit: int = MAX_FILE_BYTES) -> None:
    if not path.is_file():
        raise refused(path, _("there is no such file"))
    size = path.stat().st_size
    if size == 0:
        raise refused(path, _("the file is empty"))
    if size > limit:
        raise refused(
            path, _("the file is larger than {n} MB").format(n=limit // 1_000_000)
        )


def text_value(value: Any) -> str:
    """An attribute as text: numbers without a useless ``.0``, nothing for a missing one."""
    if value is None or isinstance(value, bytes | bytearray | memoryview):
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return " ".join(str(value).split())
