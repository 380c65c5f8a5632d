"""The findings model of the checks panel, without a view (issue 6)."""

from __future__ import annotations

import uuid

import pytest
from PySide6.QtCore import Qt

from planner_desktop.plan.findings import Finding, Severity
from planner_desktop.ui.plan.checks_panel import FINDING_ROLE, FindingsModel

pytestmark = pytest.mark.gui


def test_findings_show_message_code_icon_and_record(qapp):
    error = Finding(Severity.error, "ceiling-exceeded", "too much in 2027", "source_ceiling",
                    uuid.uuid4())
    warning = Finding(Severity.warning, "no-ceiling", "no ceiling", "funding_source",
                      uuid.uuid4())
    model = FindingsModel()
    model.set_findings([error, warning])
    assert model.rowCount() == 2 and model.columnCount() == 2
    assert model.index(0, 0).data() == "too much in 2027"
    assert model.index(1, 1).data() == "no-ceiling"
    assert model.index(0, 0).data(FINDING_ROLE) is error
    assert not model.index(0, 0).data(Qt.ItemDataRole.DecorationRole).isNull()
    assert model.index(0, 1).data(Qt.ItemDataRole.DecorationRole) is None
    assert model.for_records({warning.record_id}) == [warning]
    model.set_findings([])
    assert model.rowCount() == 0
