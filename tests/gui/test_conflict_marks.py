"""Issue 13: a record in an unresolved conflict is marked wherever it shows, so nobody
reads one side's value as settled: the demand list and the communities table (merged
from two laptops' session files that edit the same demand and community)."""

from __future__ import annotations

import uuid

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from PySide6.QtCore import Qt
from sqlalchemy import select

from planner_desktop.domain import models as m
from planner_desktop.domain.enums import Phase
from planner_desktop.domain.provenance import Provenance
from planner_desktop.exchange.conflict_marks import explanation
from planner_desktop.exchange.conflicts import list_conflicts
from planner_desktop.exchange.session import Scope, export_session, merge_files
from planner_desktop.exchange.trust import TrustPolicy
from planner_desktop.store.database import open_store
from planner_desktop.ui.models.territory import NAME
from tests.gui.test_exchange_views import laptop
from tests.gui.test_window import click_phase, open_window

pytestmark = pytest.mark.gui


@pytest.fixture
def merged(demo_db, demo_copy, tmp_path):
    """The demo as the office's database after merging two laptops' files that each edit
    the first demand and its community from the same version."""
    hq = open_store(demo_copy, Provenance(uuid.uuid4(), "Equipo técnico"))
    with hq.session() as session:
        demand = session.scalars(select(m.Demand).order_by(m.Demand.code)).first()
        demand_id, community_id = demand.id, demand.community_id
    files = []
    for name, women in (("a", 101), ("b", 99)):
        store = laptop(demo_db, tmp_path / name)
        with store.session() as session:
            session.get(m.Demand, demand_id).description = f"Agua potable ({name})"
            session.get(m.Community, community_id).population_women = women
        out = tmp_path / f"{name}.cumbre"
        export_session(store, out, scope=Scope(kind="community", community_id=community_id),
                       key=Ed25519PrivateKey.generate())
        store.close()
        files.append(out)
    merge_files(hq, files, trust=TrustPolicy(trust_new=True))
    assert {c.table for c in list_conflicts(hq)} >= {"demand", "community"}
    hq.close()
    return demo_copy, demand_id, community_id


def row_marked(model, row: int) -> bool:
    index = model.index(row, 0)
    tip = model.index(row, 1).data(Qt.ItemDataRole.ToolTipRole) or ""
    return (index.data(Qt.ItemDataRole.DecorationRole) is not None
            and model.index(row, 1).data(Qt.ItemDataRole.BackgroundRole) is not None
            and tip == explanation())


def test_a_record_in_conflict_is_marked_in_the_lists(qtbot, settings, merged):
    path, demand_id, community_id = merged
    window = open_window(qtbot, settings, path)

    click_phase(qtbot, window, Phase.preparation)
    communities = window.pages[Phase.preparation].communities
    row = communities.row_of(community_id)
    assert row >= 0 and row_marked(communities, row)
    other = 1 if row == 0 else 0
    assert not row_marked(communities, other)
    assert communities.index(row, NAME).data(Qt.ItemDataRole.DecorationRole) is not None

    click_phase(qtbot, window, Phase.prioritization)
    demands = window.pages[Phase.prioritization].demands_panel.model
    qtbot.waitUntil(lambda: demands.rowCount() > 0, timeout=5000)
    row = demands.row_of(demand_id)
    assert row >= 0 and row_marked(demands, row)
    assert not row_marked(demands, 1 if row == 0 else 0)
