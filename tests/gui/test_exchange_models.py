"""The conflict view's models on their own, without a view (issue 4)."""

from __future__ import annotations

import uuid
from datetime import datetime

import pytest

from planner_desktop.exchange.session import Conflict, ConflictVersion
from planner_desktop.ui.exchange.conflict_model import ConflictFieldsModel, parse, record_label

pytestmark = pytest.mark.gui


def version(provisional: bool, **values: object) -> ConflictVersion:
    base = {"id": "x", "version_id": "v", "code": "D-1", "active": True, "note": None}
    return ConflictVersion(
        conflict_row=1,
        version_id=uuid.uuid4(),
        device_id=uuid.uuid4(),
        updated_at=datetime(2026, 3, 1, 12, 0),
        values={**base, **values},
        provisional=provisional,
    )


@pytest.fixture
def conflict() -> Conflict:
    return Conflict(
        uuid.uuid4(),
        "demand",
        [
            version(False, description="Agua", count=3),
            version(True, description="Riego", count=4),
        ],
    )


def test_differing_fields_come_first_and_identity_is_not_offered(conflict):
    model = ConflictFieldsModel()
    model.set_conflict(conflict)
    assert model.fields[:2] == ["description", "count"], "the table's columns first"
    assert "id" not in model.fields and "version_id" not in model.fields
    assert model.chosen_values() == {}
    assert record_label(conflict) == "D-1 · Riego"


def test_picking_and_typing_build_the_chosen_values(conflict):
    model = ConflictFieldsModel()
    model.set_conflict(conflict)
    result = model.result_column
    model.pick(model.fields.index("description"), 0)
    assert model.index(model.fields.index("description"), result).data() == "Agua"
    count = model.fields.index("count")
    assert model.setData(model.index(count, result), "7")
    assert not model.setData(model.index(count, result), "siete")
    assert model.chosen_values() == {"description": "Agua", "count": 7}
    model.pick_all(1)
    assert model.chosen_values() == {}


def test_typed_text_takes_the_kind_of_the_versions_values():
    assert parse("12", [1, 2]) == 12
    assert parse("sí", [True, False]) is True
    assert parse("", ["a", None]) is None
    assert parse("texto", ["a", "b"]) == "texto"
    with pytest.raises(ValueError):
        parse("quizá", [True, False])
