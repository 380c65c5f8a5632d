"""Issue 13, point 7: the import log names the laptop (by its facilitator), not the start of a
device id, and undoing an import first asks, saying what it would remove."""

from __future__ import annotations

import re
import shutil
import uuid

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from sqlalchemy import func, select

from planner_desktop.domain import models as m
from planner_desktop.domain.provenance import Provenance
from planner_desktop.exchange.session import import_log
from planner_desktop.i18n import _, ngettext
from planner_desktop.store.database import open_store
from planner_desktop.ui.exchange.log_view import ImportLogDialog
from tests.exchange.builders import export_all, merge, new_laptop, populate

pytestmark = pytest.mark.gui
LAPTOP = 3


@pytest.fixture(scope="module")
def session_files(tmp_path_factory):
    """A base file from one laptop, and a second laptop's file that adds two demands."""
    folder = tmp_path_factory.mktemp("log")
    base = new_laptop(folder / "base")
    ids = populate(base.store, communities=1)
    base_file = export_all(base, "Ana Quispe", "sesion-base.cumbre")
    other = new_laptop(folder / "otra")
    merge(other.store, base_file)
    with other.store.session() as s:
        for n in (1, 2):
            s.add(
                m.Demand(
                    community_id=ids["community0"],
                    code=f"NUEVA-{n}",
                    sector_id=ids["sector"],
                    description=f"Demanda nueva {n}",
                )
            )
    added_file = export_all(other, "Rosa Mamani", "sesion-otra.cumbre")
    base.close()
    other.close()
    empty = folder / "empty.sqlite"
    open_store(empty, Provenance(uuid.uuid4())).close()
    return [base_file, added_file], empty


@pytest.fixture
def office(session_files, tmp_path):
    files, empty = session_files
    shutil.copyfile(empty, tmp_path / "oficina.sqlite")
    hq = open_store(tmp_path / "oficina.sqlite", Provenance(uuid.uuid4(), "Equipo técnico"))
    assert all(r.status == "merged" for r in merge(hq, *files))
    yield hq
    hq.close()


def open_log(qtbot, store) -> ImportLogDialog:
    dialog = ImportLogDialog(store)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def row_of_file(dialog: ImportLogDialog, name: str) -> int:
    return next(n for n, b in enumerate(dialog.model.batches) if b.file_name == name)


def demands(store) -> int:
    with store.session() as s:
        return s.scalar(select(func.count()).select_from(m.Demand))


def test_the_log_names_each_laptop_by_its_facilitator(qtbot, office):
    dialog = open_log(qtbot, office)
    shown = {
        dialog.model.index(r, 1).data(): dialog.model.index(r, LAPTOP).data()
        for r in range(dialog.model.rowCount())
    }
    assert shown == {
        "sesion-base.cumbre": _("laptop of {facilitator}").format(facilitator="Ana Quispe"),
        "sesion-otra.cumbre": _("laptop of {facilitator}").format(facilitator="Rosa Mamani"),
    }
    assert not any(re.fullmatch(r"[0-9a-f]{8}", text) for text in shown.values())


def test_undoing_an_import_asks_first_naming_what_goes(qtbot, office, message_boxes, monkeypatch):
    before = demands(office)
    dialog = open_log(qtbot, office)
    dialog.table.selectRow(row_of_file(dialog, "sesion-otra.cumbre"))

    answers = [QMessageBox.StandardButton.Cancel]

    def answer(_parent, title, text, *_args):
        message_boxes.shown.append(("question", title, text))
        return answers.pop(0)

    monkeypatch.setattr(QMessageBox, "question", staticmethod(answer))
    qtbot.mouseClick(dialog.undo_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(message_boxes.shown) == 1, timeout=10000)
    qtbot.waitUntil(lambda: dialog.job is None, timeout=10000)
    question = message_boxes.texts("question")[0]
    batch = dialog.model.batch(row_of_file(dialog, "sesion-otra.cumbre"))
    removed = ngettext(
        "{n} record will be removed ({tables}).", "{n} records will be removed ({tables}).", 2
    ).format(n=2, tables=f"{_('Demand')}: 2")
    assert removed in question
    assert "sesion-otra.cumbre" in question
    assert _("laptop of {facilitator}").format(facilitator="Rosa Mamani") in question
    assert demands(office) == before, "cancelled: nothing removed"
    assert batch.undone_at is None and import_log(office)[0].undone_at is None
    assert dialog.undo_button.isEnabled()

    answers.append(QMessageBox.StandardButton.Ok)
    qtbot.mouseClick(dialog.undo_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.changed, timeout=10000)
    qtbot.waitUntil(lambda: dialog.job is None, timeout=10000)
    assert len(message_boxes.texts("question")) == 2
    assert demands(office) == before - 2
    undone = dialog.model.batch(row_of_file(dialog, "sesion-otra.cumbre"))
    assert undone.undone_at is not None


def test_an_import_that_cannot_be_undone_is_refused_without_asking(qtbot, office, message_boxes):
    with office.session() as s:
        added = s.scalars(select(m.Demand).where(m.Demand.code == "NUEVA-1")).one()
        added.description = "Editada en la oficina"
    dialog = open_log(qtbot, office)
    dialog.table.selectRow(row_of_file(dialog, "sesion-otra.cumbre"))
    qtbot.mouseClick(dialog.undo_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.job is None, timeout=10000)
    assert message_boxes.shown == []
    assert dialog.message.text() and "\n" not in dialog.message.text()
    assert all(b.undone_at is None for b in import_log(office))
