"""The findings model of the checks panel, without a view (issues 6 and 13): repeated
findings of one rule are one row with a count that opens to the list."""

from __future__ import annotations

import uuid

import pytest
from PySide6.QtCore import QModelIndex, Qt

from planner_desktop.plan.findings import Finding, Severity
from planner_desktop.ui.plan.checks_panel import FINDING_ROLE, GROUP_ROLE, FindingsModel

pytestmark = pytest.mark.gui


def _finding(severity, code, message, table="demand"):
    return Finding(severity, code, message, table, uuid.uuid4())


def test_a_lone_finding_shows_its_message_rule_icon_and_record(qapp):
    error = _finding(Severity.error, "ceiling-exceeded", "too much in 2027", "source_ceiling")
    note = _finding(Severity.note, "profile-without-cost", "no cost", "project_profile")
    model = FindingsModel()
    model.set_findings([note, error])
    assert model.rowCount() == 2 and model.columnCount() == 2
    assert model.index(0, 0).data() == "too much in 2027"
    assert model.index(0, 1).data() == "Programación por encima del techo presupuestario" \
        or model.index(0, 1).data() == "Programming above the ceiling"
    assert model.index(0, 0).data(FINDING_ROLE) is error
    assert model.index(1, 0).data(FINDING_ROLE) is note
    assert model.rowCount(model.index(0, 0)) == 0
    assert not model.index(0, 0).data(Qt.ItemDataRole.DecorationRole).isNull()
    assert model.index(0, 1).data(Qt.ItemDataRole.DecorationRole) is None
    assert model.for_records({note.record_id}) == [note]
    model.set_findings([])
    assert model.rowCount() == 0


def test_findings_of_one_rule_are_one_row_with_a_count(qapp):
    many = [_finding(Severity.warning, "priority-a-without-profile", f"demand D-{n}")
            for n in range(199)]
    model = FindingsModel()
    model.set_findings([*many, _finding(Severity.warning, "axis-without-budget", "E5")])
    assert model.rowCount() == 2
    group = model.index(0, 0)
    assert group.data() in {"199 prioridades sin perfil de proyecto",
                            "199 priorities without a project profile"}
    assert group.data(FINDING_ROLE) is None
    assert group.data(GROUP_ROLE).findings == many
    assert model.rowCount(group) == 199
    child = model.index(5, 0, group)
    assert child.data() == "demand D-5" and child.data(FINDING_ROLE) is many[5]
    assert child.parent() == group and model.rowCount(child) == 0
    assert model.index(5, 1, group).data() is None
    assert model.parent(group) == QModelIndex()
    assert model.index_of(many[7].record_id) == model.index(7, 0, group)
    assert model.index(1, 0).data() == "E5"
