"""Shapefile layers, read with pyshp: the .shp (shapes), .shx (their index), .dbf
(attributes) and, when present, .prj (the reference system, as WKT) and .cpg (the text
encoding of the attributes; without one, UTF-8 is tried and then Latin-1)."""

from __future__ import annotations

import codecs
import struct
from contextlib import ExitStack
from pathlib import Path
from typing import Any

from planner_desktop.geo.features import (
    MAX_FEATURES,
    Feature,
    Layer,
    PointBudget,
    check_size,
    refused,
    text_value,
)
from planner_desktop.i18n import _


def sibling(path: Path, extension: str) -> Path | None:
    """The file next to ``path`` with ``extension`` (any letter case), or None."""
    for candidate in (path.with_suffix(extension), path.with_suffix(extension.upper())):
        if candidate.is_file():
            return candidate
    folder = path.parent
    wanted = (path.stem + extension).casefold()
    for candidate in folder.glob(path.stem + ".*"):
        if candidate.name.casefold() == wanted:
            return candidate
    return None


def read_layer(path: Path) -> Layer:
    check_size(path)
    dbf = sibling(path, ".dbf")
    if dbf is None:
        raise refused(path, _(
            "its .dbf file is missing: a Shapefile is the .shp, .shx and .dbf files "
            "together, in one folder"))
    crs = _reference(path)
    encoding = _encoding(path)
    try:
        return _read(path, dbf, crs, encoding or "utf-8")
    except UnicodeDecodeError:
        if encoding is not None:
            reason = _("its attributes are not in the encoding its .cpg names")
            raise refused(path, reason) from None
        return _read(path, dbf, crs, "latin-1")


def _read(path: Path, dbf: Path, crs: Any, encoding: str) -> Layer:
    import shapefile
    from shapely.geometry import shape

    shx = sibling(path, ".shx")
    layer = Layer(path, path.stem, (), crs)
    budget = PointBudget(path)
    with ExitStack() as files:
        shp_file = files.enter_context(path.open("rb"))
        dbf_file = files.enter_context(dbf.open("rb"))
        shx_file = files.enter_context(shx.open("rb")) if shx else None
        try:
            reader = shapefile.Reader(
                shp=shp_file, dbf=dbf_file, shx=shx_file, encoding=encoding
            )
            layer.fields = tuple(str(f[0]) for f in reader.fields[1:])
            if reader.numRecords is not None and reader.numRecords > MAX_FEATURES:
                raise refused(path, _("more than {n} features").format(n=MAX_FEATURES))
            for number, item in enumerate(reader.iterShapeRecords(), start=1):
                if number > MAX_FEATURES:
                    raise refused(path, _("more than {n} features").format(n=MAX_FEATURES))
                geometry = None
                if item.shape.shapeType != shapefile.NULL and item.shape.points:
                    geometry = shape(item.shape.__geo_interface__)
                    geometry = None if geometry.is_empty else geometry
                budget.spend(geometry, number)
                values = item.record.as_dict()
                attributes = {name: text_value(values.get(name)) for name in layer.fields}
                layer.features.append(Feature(number, attributes, geometry))
        except UnicodeDecodeError:
            raise
        except (shapefile.ShapefileException, struct.error, ValueError, IndexError,
                EOFError, OSError, TypeError, AttributeError):
            raise refused(path, _(
                "the Shapefile is damaged or cut short (its .shp, .shx and .dbf do not "
                "agree)")) from None
    if not layer.features:
        raise refused(path, _("the Shapefile has no features"))
    return layer


def _reference(path: Path) -> Any:
    from pyproj import CRS
    from pyproj.exceptions import CRSError

    prj = sibling(path, ".prj")
    if prj is None:
        return None
    text = prj.read_bytes()[:100_000].decode("latin-1").strip()
    try:
        return CRS.from_wkt(text)
    except CRSError:
        try:
            return CRS.from_user_input(text)
        except CRSError:
            raise refused(prj, _(
                "its reference system cannot be read: save the layer in WGS 84 (EPSG:4326) "
                "or a UTM zone first")) from None


def _encoding(path: Path) -> str | None:
    cpg = sibling(path, ".cpg")
    if cpg is None:
        return None
    name = cpg.read_bytes()[:100].decode("ascii", "replace").strip()
    candidates = [name, f"cp{name}" if name.isdigit() else name]
    if name.upper().startswith("ANSI "):
        candidates.append(f"cp{name[5:]}")
    for candidate in candidates:
        try:
            return codecs.lookup(candidate).name
        except LookupError:
            continue
    return None
