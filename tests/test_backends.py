"""SQLite and PostgreSQL hold and print the same thing (issue 15, points 5 and 6).

The demo municipality is made on both, two laptops' session files (a conflict, a deletion,
a new demand) are merged into both, and then the canonical dump must be the same byte for
byte and every printed document the same text, page by page: a query whose order is not
total, or that one database reads differently, shows up here.
"""

from __future__ import annotations

import difflib
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader
from sqlalchemy import select

from planner_desktop.demo import generate
from planner_desktop.domain import models as m
from planner_desktop.domain.enums import EventKind
from planner_desktop.exchange.conflicts import list_conflicts
from planner_desktop.exchange.export import export_session
from planner_desktop.exchange.manifest import Scope
from planner_desktop.reports.common import ReportOptions
from planner_desktop.reports.registry import MODULES, write_report
from planner_desktop.store.database import Store
from tests.exchange.builders import delete, edit, merge, new_key
from tests.exchange.conftest import copy_store
from tests.helpers import dump_text, new_store
from tests.postgres_server import Databases, PostgresServer

LAPTOPS = (uuid.UUID(int=0xA), uuid.UUID(int=0xB))


@dataclass
class Pair:
    """The same planning data on both backends."""

    sqlite: Store
    postgresql: Store

    def both(self) -> tuple[Store, Store]:
        return self.sqlite, self.postgresql


def _session_files(databases: Databases, demo: Path, folder: Path) -> list[Path]:
    """Two laptops with copies of the demo: both edit one demand from the same version (a
    conflict), one also adds a demand, the other deletes one; each exports everything."""
    store = new_store(demo)
    with store.session() as session:
        first, second = session.scalars(select(m.Demand).order_by(m.Demand.code).limit(2))
        ids = first.id, first.community_id, first.sector_id, second.id
    store.close()
    files = []
    for device in LAPTOPS:
        laptop = copy_store(databases, demo, f"laptop-{device.int}", device)
        edit(laptop, m.Demand, ids[0], description=f"Tanque de agua (laptop {device.int})")
        if device == LAPTOPS[0]:
            with laptop.session() as session:
                new = m.Demand(community_id=ids[1], sector_id=ids[2], code="NEW-1",
                               description="Puente peatonal", estimated_cost=Decimal("1000.50"))
                session.add(new)  # fmt: skip
        else:
            delete(laptop, m.Demand, ids[3])
        out = folder / f"laptop-{device.int}.cumbre"
        export_session(laptop, out, scope=Scope(kind="everything"), key=new_key(),
                       facilitator="Facilitadora")  # fmt: skip
        laptop.close()
        files.append(out)
    return files


@pytest.fixture(scope="module")
def pair(
    postgres_server: PostgresServer, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Pair]:
    """The demo (seed 1) made on each backend, with two laptops' files merged into both."""
    folder = tmp_path_factory.mktemp("backends")
    on_sqlite = Databases("sqlite", folder, None)
    on_server = Databases("postgresql", folder, postgres_server)
    stores = []
    for databases in (on_sqlite, on_server):
        store = new_store(databases.fresh("demo"))
        with store.raw_session() as session:
            generate(session, seed=1)
        stores.append(store)
    made = Pair(*stores)
    assert made.sqlite.path is not None
    files = _session_files(on_sqlite, made.sqlite.path, folder)
    for store in made.both():
        reports = merge(store, *files)
        assert [r.status for r in reports] == ["merged", "merged"], [r.line() for r in reports]
    yield made
    for store in made.both():
        store.close()
    on_server.close()


def test_the_dump_is_the_same_byte_for_byte(pair):
    sqlite, postgresql = (dump_text(store) for store in pair.both())
    assert "Puente peatonal" in sqlite and "Tanque de agua (laptop 1" in sqlite  # merged
    if sqlite != postgresql:
        diff = difflib.unified_diff(
            sqlite.splitlines(), postgresql.splitlines(), "sqlite", "postgresql", lineterm="", n=1
        )
        pytest.fail("\n".join(list(diff)[:40]), pytrace=False)


def test_the_conflicts_are_the_same(pair):
    found = [
        sorted((c.table, str(c.id), sorted(str(v.version_id) for v in c.versions))
               for c in list_conflicts(store))
        for store in pair.both()
    ]  # fmt: skip
    assert found[0] and found[0] == found[1]


def _choices(store: Store) -> dict[str, list[dict[str, Any]]]:
    """The options every kind is printed with: every event that is not a community
    workshop, four community workshops and the one whose demands the laptops changed;
    eight communities and that one; every project and year (ids are the same on both)."""
    with store.session() as session:
        first, *_ = session.scalars(select(m.Demand).order_by(m.Demand.code).limit(1))
        touched_event, touched_community = first.event_id, first.community_id
        events = session.execute(select(m.Event.id, m.Event.kind).order_by(m.Event.id)).all()
        workshops = [i for i, kind in events if kind == EventKind.community_workshop]
        chosen = {i for i, kind in events if kind != EventKind.community_workshop}
        chosen |= {*workshops[:4], *([touched_event] if touched_event else [])}
        rounds = set(session.scalars(select(m.PrioritizationRound.event_id)))
        communities = list(session.scalars(select(m.Community.id).order_by(m.Community.id)))
        places = {*communities[:8], touched_community}
        profiles = list(session.scalars(select(m.ProjectProfile.id)))
        years = sorted(set(session.scalars(select(m.AnnualPlan.fiscal_year))))
    about_events = [{"event": str(i)} for i in sorted(chosen)]
    with_rounds = [{"event": str(i)} for i in sorted(chosen & rounds)]
    return {
        "attendance-sheet": [{}, *about_events],
        "diagnosis-form": [{"community": str(i)} for i in sorted(places)],
        "ballot": with_rounds,
        "tally-sheet": with_rounds,
        "pairwise-chart": with_rounds,
        "acta": about_events,
        "profile": [{"project": str(i)} for i in sorted(profiles)],
        "diagnosis": [{}],
        "pdm": [{}],
        "poa": [{}, *({"year": y} for y in years)],
        "progress": [{}, *({"year": y} for y in years)],
        "self-assessment": [{}],
        "actors": [{}],
        "acta-proofs": [{}],
    }


def _text(store: Store, kind: str, options: dict[str, Any], out: Path) -> list[str]:
    from planner_desktop.reports.common import ReportRefused

    try:
        with store.raw_session() as session:
            write_report(kind, session, ReportOptions(generated=date(2026, 11, 2), **options), out)
    except ReportRefused as refused:
        return [f"refused: {refused}"]
    return [page.extract_text() or "" for page in PdfReader(out).pages]


@pytest.mark.parametrize("kind", sorted(MODULES))
def test_every_document_prints_the_same_text(pair, kind, tmp_path):
    choices = _choices(pair.sqlite)[kind]
    assert choices, kind
    printed = 0
    for n, options in enumerate(choices):
        sqlite = _text(pair.sqlite, kind, options, tmp_path / f"{n}-sqlite.pdf")
        postgresql = _text(pair.postgresql, kind, options, tmp_path / f"{n}-postgresql.pdf")
        assert len(sqlite) == len(postgresql), (kind, options)
        for page, (one, other) in enumerate(zip(sqlite, postgresql, strict=True), start=1):
            if one != other:
                diff = difflib.unified_diff(one.splitlines(), other.splitlines(), "sqlite",
                                            "postgresql", lineterm="", n=1)  # fmt: skip
                pytest.fail(f"{kind} {options} page {page}:\n" + "\n".join(list(diff)[:30]),
                            pytrace=False)  # fmt: skip
        printed += not sqlite[0].startswith("refused: ")
    assert printed, f"no {kind} was printed"

