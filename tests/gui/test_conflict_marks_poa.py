"""An operation of a POA in an unresolved conflict is marked on the POA page as the demand
list and the communities table mark theirs (merged from two laptops' session files that
edit the same operation from the same version)."""

from __future__ import annotations

import uuid
from datetime import date

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from sqlalchemy import select

from planner_desktop.domain.annual import Operation
from planner_desktop.domain.enums import Phase
from planner_desktop.domain.provenance import Provenance
from planner_desktop.exchange.conflicts import list_conflicts
from planner_desktop.exchange.session import Scope, export_session, merge_files
from planner_desktop.exchange.trust import TrustPolicy
from planner_desktop.store.database import open_store
from tests.gui.test_conflict_marks import row_marked
from tests.gui.test_exchange_views import laptop
from tests.gui.test_window import click_phase, open_window

pytestmark = pytest.mark.gui


@pytest.fixture
def merged(demo_db, demo_copy, tmp_path):
    """The demo as the office's database after merging two laptops' files that each edit
    the first operation of the latest POA."""
    hq = open_store(demo_copy, Provenance(uuid.uuid4(), "Equipo técnico"))
    with hq.session() as session:
        operation = session.scalars(
            select(Operation).where(Operation.deleted_at.is_(None)).order_by(Operation.code)
        ).first()
        operation_id, plan_id = operation.id, operation.annual_plan_id
    files = []
    for name in ("a", "b"):
        store = laptop(demo_db, tmp_path / name)
        with store.session() as session:
            session.get(Operation, operation_id).responsible = f"Responsable {name}"
        out = tmp_path / f"{name}.cumbre"
        export_session(store, out, scope=Scope(kind="dates", date_from=date.today()),
                       key=Ed25519PrivateKey.generate())
        store.close()
        files.append(out)
    merge_files(hq, files, trust=TrustPolicy(trust_new=True))
    assert "operation" in {c.table for c in list_conflicts(hq)}
    hq.close()
    return demo_copy, operation_id, plan_id


def test_an_operation_in_conflict_is_marked_on_the_poa_page(qtbot, settings, merged):
    path, operation_id, plan_id = merged
    window = open_window(qtbot, settings, path)
    click_phase(qtbot, window, Phase.poa)
    page = window.pages[Phase.poa]
    qtbot.waitUntil(lambda: page.editor.plan_id is not None, timeout=5000)
    page.plans_view.selectRow(page.plans.row_of(plan_id))
    qtbot.waitUntil(lambda: page.editor.plan_id == plan_id, timeout=3000)
    operations = page.operations
    row = operations.row_of(operation_id)
    assert row >= 0 and row_marked(operations, row)
    assert not row_marked(operations, 1 if row == 0 else 0)
