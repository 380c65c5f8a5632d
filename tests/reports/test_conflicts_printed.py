"""Issue 13: a printed POA or PDM marks every record in an unresolved conflict (and says
what the mark means), so an official never reads one laptop's value as the settled one."""

from __future__ import annotations

import uuid
from collections.abc import Iterator

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from sqlalchemy import select

from planner_desktop.domain import models as m
from planner_desktop.domain.provenance import Provenance
from planner_desktop.exchange.conflict_marks import marked, printed_note
from planner_desktop.exchange.conflicts import list_conflicts
from planner_desktop.exchange.session import Scope, export_session, merge_files
from planner_desktop.exchange.trust import TrustPolicy
from planner_desktop.store.database import Store, open_store
from tests.helpers import new_store
from tests.postgres_server import Databases, Target
from tests.reports.conftest import print_report


@pytest.fixture(scope="module")
def disputed(
    demo: Store,
    demo_template: Target,
    module_databases: Databases,
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[tuple]:
    """The demo merged with two laptops' files that each changed the name of one POA
    operation and the women of one community, from the same versions."""
    folder = tmp_path_factory.mktemp("disputed")
    hq_target = module_databases.copy(demo_template, "hq")
    with demo.session() as session:
        operation = session.scalars(
            select(m.Operation).where(m.Operation.cancelled.is_(False)).order_by(m.Operation.code)
        ).first()
        community = session.scalars(select(m.Community).order_by(m.Community.name)).first()
        ids = operation.id, operation.code, community.id, community.name
    files = []
    for name in ("a", "b"):
        laptop_target = module_databases.copy(demo_template, name)
        laptop = open_store(laptop_target, Provenance(uuid.uuid4(), name))
        with laptop.session() as session:
            session.get(m.Operation, ids[0]).name = f"Operación editada en {name}"
            session.get(m.Community, ids[2]).population_women += 1 if name == "a" else 2
        files.append(folder / f"{name}.cumbre")
        export_session(
            laptop, files[-1], scope=Scope(kind="everything"), key=Ed25519PrivateKey.generate()
        )
        laptop.close()
    hq = new_store(hq_target)
    merge_files(hq, files, trust=TrustPolicy(trust_new=True))
    assert {c.table for c in list_conflicts(hq)} >= {"operation", "community"}
    yield hq, ids
    hq.close()


def test_the_printed_poa_marks_an_operation_in_conflict(disputed, tmp_path):
    hq, (operation_id, code, _community_id, _name) = disputed
    with hq.session() as session:
        operation = session.get(m.Operation, operation_id)
        shown, year = (
            f"{code} {operation.name}",
            session.get(m.AnnualPlan, operation.annual_plan_id).fiscal_year,
        )
    printed = print_report(hq, "poa", tmp_path, year=year)
    assert printed.has(marked(shown))
    assert printed.has(printed_note())


def test_a_poa_with_no_conflict_prints_no_mark(demo, tmp_path):
    printed = print_report(demo, "poa", tmp_path)
    assert not printed.has(printed_note())


def test_the_printed_pdm_marks_the_district_of_a_community_in_conflict(disputed, tmp_path):
    hq, (_operation_id, _code, community_id, _name) = disputed
    with hq.session() as session:
        district = session.get(m.Community, community_id).district
        others = session.scalars(select(m.District.name).where(m.District.id != district.id)).all()
        name = district.name
    printed = print_report(hq, "pdm", tmp_path)
    assert printed.has(marked(name)) and printed.has(printed_note())
    assert not any(printed.has(marked(other)) for other in others)
