"""Deleting a record: dependents named, tombstones that travel, undo (issue 12, point 5)."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from planner_desktop.capture import deletion, demands, records
from planner_desktop.domain.demands import Demand
from planner_desktop.domain.diagnosis import Finding, SelfDiagnosis


def _demand_for(store, place):
    with store.session() as s:
        values = demands.from_finding(s, place.finding, place.sector)
    return records.create(store, Demand, values)


def test_a_record_with_dependents_is_refused_naming_them_and_nothing_changes(store, place):
    _demand_for(store, place)
    with store.session() as s:
        found = deletion.dependents(s, SelfDiagnosis, place.diagnosis)
    assert [(d.table, d.count) for d in found] == [("finding", 1)]
    with pytest.raises(deletion.DependentsExist, match="Finding: 1"):
        deletion.delete(store, SelfDiagnosis, place.diagnosis)
    with store.session() as s:
        assert s.get(SelfDiagnosis, place.diagnosis).deleted_at is None
        assert s.get(Finding, place.finding).deleted_at is None


def test_deleting_with_dependents_tombstones_the_chain_and_restore_undoes_exactly_it(store, place):
    demand_id = _demand_for(store, place)
    with store.session() as s:
        before = {row.id: row.version_id for row in s.scalars(select(Finding)).all()}
    done = deletion.delete(store, SelfDiagnosis, place.diagnosis, with_dependents=True)
    assert [(m.__tablename__, i) for m, i in done.records] == [
        ("self_diagnosis", place.diagnosis),
        ("finding", place.finding),
        ("demand", demand_id),
    ]
    with store.session() as s:
        finding = s.get(Finding, place.finding)
        assert finding.deleted_at is not None
        assert finding.version_id != before[place.finding]  # a new version travels
        assert s.get(Demand, demand_id).deleted_at is not None
        assert deletion.dependents(s, SelfDiagnosis, place.diagnosis) == []
    deletion.restore(store, done)
    with store.session() as s:
        assert s.get(SelfDiagnosis, place.diagnosis).deleted_at is None
        assert s.get(Finding, place.finding).deleted_at is None
        assert s.get(Demand, demand_id).deleted_at is None


def test_a_tombstoned_dependent_no_longer_holds_its_parent(store, place):
    deletion.delete(store, Finding, place.finding)
    deletion.delete(store, SelfDiagnosis, place.diagnosis)
    with store.session() as s:
        assert s.get(SelfDiagnosis, place.diagnosis).deleted_at is not None
