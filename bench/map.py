"""The map view at 2,000 communities: first draw and a recolour, against bare drawing.

Makes a municipality of ``--communities`` communities in ``--districts`` districts (every
district a 48-vertex polygon; one community in four a 16-vertex polygon, the others
points; random populations and 0-8 demands each), then measures in one process, offscreen,
alternating, ``--rounds`` times each (medians):

* ``first draw`` what the map page does when first shown: read the places (SQLAlchemy,
  shapely), project them and build their painter paths, build the scene (one item per
  place), fit it in a 1,100 × 680 view, place the names, and paint the view to an image;
* ``bare draw``  the floor of the same work: ``sqlite3`` reads the geometry text, ``json``
  parses it, the same projection arithmetic in plain Python builds the same painter paths,
  and a ``QPainter`` fills and strokes them on a 1,100 × 680 image (no scene, no names);
* ``recolour``   a figure chosen on the drawn map: its values read (demands per 1,000
  people, per community and district), quantile classes, every brush set, the names placed
  again and the view painted;
* ``bare recolour`` one ``sqlite3`` GROUP BY of the demands and the same paths painted
  again on an image with new brushes.

Aims (issue 18): first draw under ~1 s, recolour under ~100 ms at 2,000 communities.

    QT_QPA_PLATFORM=offscreen python bench/map.py [--communities 2000] [--rounds 5]
"""

from __future__ import annotations

import argparse
import json
import math
import os
import random
import sqlite3
import statistics
import sys
import tempfile
import time
import uuid
from collections.abc import Callable
from functools import partial
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QPointF  # noqa: E402
from PySide6.QtGui import QColor, QImage, QPainter, QPainterPath, QPen, QPolygonF  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

SIZE = (1100, 680)
FIRST_DRAW_AIM_MS = 1000.0
RECOLOUR_AIM_MS = 100.0
LON0, LAT0 = -66.3, -17.3


def ring(cx: float, cy: float, r: float, n: int, rnd: random.Random) -> list[list[float]]:
    points = [
        [round(cx + r * (0.8 + 0.2 * rnd.random()) * math.cos(2 * math.pi * k / n), 6),
         round(cy + r * (0.8 + 0.2 * rnd.random()) * math.sin(2 * math.pi * k / n), 6)]
        for k in range(n)
    ]
    return [*points, points[0]]


def compact(geometry: dict[str, object]) -> str:
    return json.dumps(geometry, separators=(",", ":"))


def make_database(path: Path, communities: int, districts: int, seed: int = 1) -> uuid.UUID:
    from planner_desktop.context import open_database
    from planner_desktop.domain.demands import Demand
    from planner_desktop.domain.territory import Community, District, Municipality, Sector

    rnd = random.Random(seed)
    store = open_database(path)
    try:
        with store.session() as session:
            town = Municipality(name="Municipio de prueba")
            sector = Sector(code="s1", name="Agua potable")
            town.sectors.append(sector)
            session.add(town)
            session.flush()
            columns = math.ceil(math.sqrt(districts))
            size = 0.25
            per_district = math.ceil(communities / districts)
            made = 0
            for d in range(districts):
                cx = LON0 + (d % columns) * size
                cy = LAT0 - (d // columns) * size
                district = District(
                    municipality_id=town.id, code=f"D{d + 1:02}", name=f"Distrito {d + 1}",
                    geometry=compact({"type": "Polygon",
                                      "coordinates": [ring(cx, cy, size * 0.55, 48, rnd)]}),
                )
                session.add(district)
                session.flush()
                for c in range(min(per_district, communities - made)):
                    x = cx + rnd.uniform(-0.3, 0.3) * size
                    y = cy + rnd.uniform(-0.3, 0.3) * size
                    geometry: dict[str, object]
                    if c % 4 == 0:
                        geometry = {"type": "Polygon",
                                    "coordinates": [ring(x, y, size * 0.03, 16, rnd)]}
                    else:
                        geometry = {"type": "Point", "coordinates": [round(x, 6), round(y, 6)]}
                    community = Community(
                        district_id=district.id, code=f"C{made + 1:04}",
                        name=f"Comunidad {made + 1}", geometry=compact(geometry),
                        population_women=rnd.randint(20, 600),
                        population_men=rnd.randint(20, 600),
                    )
                    session.add(community)
                    session.flush()
                    for n in range(rnd.randint(0, 8)):
                        session.add(Demand(community_id=community.id, code=f"{made}-{n}",
                                           sector_id=sector.id, description="Demanda"))
                    made += 1
            return town.id
    finally:
        store.close()


# --- the floor: sqlite3, json, QPainterPath, QPainter ---------------------------------------


def bare_paths(db: Path) -> list[tuple[str, QPainterPath | QPointF]]:
    connection = sqlite3.connect(db)
    try:
        rows = connection.execute(
            "SELECT 'district', geometry FROM district WHERE geometry IS NOT NULL "
            "UNION ALL SELECT 'community', geometry FROM community WHERE geometry IS NOT NULL"
        ).fetchall()
    finally:
        connection.close()
    kx = math.cos(math.radians(LAT0)) * 111.195
    found: list[tuple[str, QPainterPath | QPointF]] = []
    for kind, text in rows:
        geometry = json.loads(text)
        if geometry["type"] == "Point":
            lon, lat = geometry["coordinates"]
            found.append((kind, QPointF((lon - LON0) * kx, -(lat - LAT0) * 111.195)))
            continue
        path = QPainterPath()
        for line in geometry["coordinates"]:
            path.addPolygon(QPolygonF([QPointF((lon - LON0) * kx, -(lat - LAT0) * 111.195)
                                       for lon, lat in line]))
        found.append((kind, path))
    return found


def bare_paint(shapes: list[tuple[str, QPainterPath | QPointF]], colours: list[QColor]) -> QImage:
    image = QImage(*SIZE, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(QColor("white"))
    bounds = None
    for _kind, shape in shapes:
        if isinstance(shape, QPainterPath):
            rect = shape.boundingRect()
            bounds = rect if bounds is None else bounds.united(rect)
    assert bounds is not None
    scale = min(SIZE[0] / bounds.width(), SIZE[1] / bounds.height())
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.scale(scale, scale)
    painter.translate(-bounds.left(), -bounds.top())
    pen = QPen(QColor("#555555"), 0)
    pen.setCosmetic(True)
    painter.setPen(pen)
    for n, (_kind, shape) in enumerate(shapes):
        painter.setBrush(colours[n % len(colours)])
        if isinstance(shape, QPainterPath):
            painter.drawPath(shape)
        else:
            painter.drawEllipse(shape, 5 / scale, 5 / scale)
    painter.end()
    return image


def bare_counts(db: Path) -> dict[str, int]:
    connection = sqlite3.connect(db)
    try:
        return dict(connection.execute(
            "SELECT community_id, count(*) FROM demand WHERE deleted_at IS NULL "
            "GROUP BY community_id"
        ).fetchall())
    finally:
        connection.close()


# --- the map ---------------------------------------------------------------------------------


class Map:
    def __init__(self, store: object, municipality_id: uuid.UUID) -> None:
        from planner_desktop.ui.map_scene import MapScene
        from planner_desktop.ui.map_view import MapView

        self.store = store
        self.municipality_id = municipality_id
        self.scene = MapScene()
        self.view = MapView(self.scene)
        self.view.resize(*SIZE)
        self.view.show()
        self.shapes: list[object] = []

    def paint(self) -> QImage:
        return self.view.viewport().grab().toImage()

    def first_draw(self) -> QImage:
        from planner_desktop.ui.map_data import read_map

        data = read_map(self.store)  # type: ignore[arg-type]
        self.shapes = data.shapes  # type: ignore[assignment]
        self.scene.set_shapes(data.shapes)
        self.view.fit()
        self.view.labels.place(self.view, self.scene.shapes, {})
        return self.paint()

    def recolour(self, figure: object) -> QImage:
        from planner_desktop.ui.map_data import colouring, read_values

        values = read_values(self.store, self.municipality_id, figure)  # type: ignore[arg-type]
        found = colouring(self.shapes, values, figure)  # type: ignore[arg-type]
        self.scene.recolour(found.colours)
        priorities = {k: v for k, v in values.items() if v is not None}
        self.view.labels.place(self.view, self.scene.shapes, priorities)
        return self.paint()


def timed(work: Callable[[], object]) -> float:
    """Milliseconds of ``work``, which ends by painting to an image; the events it left
    (a second paint of the shown view) are handled after the clock stops."""
    started = time.perf_counter()
    work()
    elapsed = (time.perf_counter() - started) * 1000
    QApplication.processEvents()
    return elapsed


def main() -> None:
    from planner_desktop.ui.map_view import keep_none_alive

    keep_none_alive()  # before the bare drawing too (see its docstring)
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--communities", type=int, default=2000)
    parser.add_argument("--districts", type=int, default=20)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    app = QApplication.instance() or QApplication(sys.argv[:1])
    from planner_desktop.context import open_database
    from planner_desktop.maps.figures import Figure

    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "map.sqlite"
        print(f"making {args.communities} communities in {args.districts} districts…",
              flush=True)
        municipality_id = make_database(db, args.communities, args.districts)
        store = open_database(db, must_exist=True)
        try:
            ramp = [QColor(c) for c in ("#ffffcc", "#a1dab4", "#41b6c4", "#2c7fb8", "#253494")]
            other = list(reversed(ramp))
            figures = [Figure.demands_per_thousand, Figure.top_priority]
            times: dict[str, list[float]] = {k: [] for k in
                                             ("first", "bare", "recolour", "bare recolour")}
            shown = Map(store, municipality_id)
            bare_shapes = bare_paths(db)
            for _warm in range(2):  # imports, caches and the first paint
                shown.first_draw()
                shown.recolour(figures[0])
                bare_paint(bare_paths(db), ramp)
            for n in range(args.rounds):
                times["bare"].append(timed(lambda: bare_paint(bare_paths(db), ramp)))
                fresh = Map(store, municipality_id)
                times["first"].append(timed(fresh.first_draw))
                figure = figures[n % 2]
                times["recolour"].append(timed(partial(fresh.recolour, figure)))
                times["bare recolour"].append(
                    timed(lambda: (bare_counts(db), bare_paint(bare_shapes, other)))
                )
                fresh.view.close()
                fresh.view.deleteLater()
            drawn = len(shown.scene.items_by_id)
            labels = len(shown.view.labels.placed)
        finally:
            store.close()
    median = {k: statistics.median(v) for k, v in times.items()}
    print(f"{drawn} places drawn ({args.communities} communities), {labels} names shown; "
          f"medians of {args.rounds}, ms")
    print(f"{'':16} {'map ms':>8} {'bare ms':>8} {'ratio':>6}   aim")
    for key, bare, aim in (("first", "bare", FIRST_DRAW_AIM_MS),
                           ("recolour", "bare recolour", RECOLOUR_AIM_MS)):
        value = median[key]
        verdict = "meets" if value <= aim else f"misses ({value / aim:.2f}× the aim)"
        name = "first draw" if key == "first" else "recolour"
        print(f"{name:16} {value:8.0f} {median[bare]:8.0f} {value / median[bare]:5.2f}×   "
              f"≤ {aim:.0f} ms: {verdict}")
    del app


if __name__ == "__main__":
    main()
