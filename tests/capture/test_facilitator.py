"""The facilitator's name: checked as typed, stamped on the records created from then on."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from planner_desktop.capture.facilitator import MAX_LENGTH, parse_facilitator
from planner_desktop.capture.validation import Invalid
from planner_desktop.domain.territory import Municipality


def test_a_name_is_trimmed_and_bounded():
    assert parse_facilitator("  Rosa Quispe ") == "Rosa Quispe"
    assert parse_facilitator("R" * MAX_LENGTH) == "R" * MAX_LENGTH
    for bad in ("", "   ", "R" * (MAX_LENGTH + 1), "Rosa\tQuispe", "Rosa\nQuispe", "a\x00b"):
        with pytest.raises(Invalid):
            parse_facilitator(bad)


def test_a_new_name_stamps_new_records_only(store):
    with store.session() as session:
        session.add(Municipality(name="Antes"))
    store.set_facilitator("Rosa Quispe")
    with store.session() as session:
        session.add(Municipality(name="Después"))
    with store.session() as session:
        stamped = dict(session.execute(
            select(Municipality.name, Municipality.facilitator)).all())
    assert stamped["Después"] == "Rosa Quispe"
    assert stamped["Antes"] != "Rosa Quispe", "a record saved before keeps its name"
    assert store.provenance.facilitator == "Rosa Quispe"
