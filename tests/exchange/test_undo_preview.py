"""Issue 13: before an import is undone the window asks with what it would remove; the
preview counts exactly what the undo then does, and changes nothing itself."""

from __future__ import annotations

import pytest

from planner_desktop.domain import models as m
from planner_desktop.exchange.undo import UndoError, preview_undo, undo_batch
from tests.exchange.builders import edit, merge, populate
from tests.helpers import dump_text


def test_the_preview_counts_what_the_undo_does_and_changes_nothing(make_laptop, make_store):
    laptop = make_laptop("taller")
    populate(laptop.store, communities=2)
    office = make_store("oficina")
    [report] = merge(office, laptop.export())
    before = dump_text(office)
    preview = preview_undo(office, report.batch_id)
    assert dump_text(office) == before
    assert preview.removed_by_table["demand"] == 2
    assert preview.removed_by_table["community"] == 2
    assert preview.removed == sum(preview.removed_by_table.values()) == report.counts.added
    assert undo_batch(office, report.batch_id) == preview


def test_the_preview_refuses_as_the_undo_would(make_laptop, make_store):
    laptop = make_laptop("taller")
    ids = populate(laptop.store, communities=1)
    office = make_store("oficina")
    [report] = merge(office, laptop.export())
    edit(office, m.Demand, ids["demand0"], description="Editada en la oficina")
    before = dump_text(office)
    with pytest.raises(UndoError, match="edited since"):
        preview_undo(office, report.batch_id)
    assert dump_text(office) == before
