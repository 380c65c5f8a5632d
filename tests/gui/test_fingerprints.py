"""Issue 13: the key fingerprint reads the same wherever a person compares it: the export
window of the laptop shows it whole, grouped as the office's trust question shows it (and
as ``session export`` prints it), and the files' table names the laptop by its facilitator."""

from __future__ import annotations

import re
import uuid

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from planner_desktop.domain.provenance import Provenance
from planner_desktop.exchange.session import Scope, export_session
from planner_desktop.exchange.signing import fingerprint, fingerprint_lines, public_key_hex
from planner_desktop.i18n import _
from planner_desktop.store.database import open_store
from planner_desktop.ui.exchange.export_dialog import ExportDialog
from planner_desktop.ui.exchange.files_model import WHO
from tests.exchange.builders import new_laptop, populate
from tests.gui.test_exchange_wizard import start_wizard

pytestmark = pytest.mark.gui
GROUPS = re.compile(r"^[0-9a-f]{4}( [0-9a-f]{4}){3}$")


def test_the_export_window_and_the_trust_question_show_the_same_whole_fingerprint(
    qtbot, tmp_path, monkeypatch
):
    laptop = new_laptop(tmp_path / "taller")
    populate(laptop.store, communities=1)
    whole = fingerprint(public_key_hex(laptop.key))

    export_window = ExportDialog(laptop.store, laptop.key, "Rosa Mamani")
    qtbot.addWidget(export_window)
    shown = export_window.findChild(type(export_window.message), "exportKey").text()
    lines = shown.splitlines()
    assert lines == fingerprint_lines(whole)
    assert len(lines) == 4 and all(GROUPS.match(line) for line in lines)

    (tmp_path / "usb").mkdir()
    path = tmp_path / "usb" / "taller.cumbre"
    export_session(
        laptop.store,
        path,
        scope=Scope(kind="everything"),
        key=laptop.key,
        facilitator="Rosa Mamani",
    )
    laptop.close()
    office = open_store(tmp_path / "oficina.sqlite", Provenance(uuid.uuid4(), "Equipo técnico"))
    try:
        wizard = start_wizard(qtbot, office, path.parent, monkeypatch)
        page = wizard.check_page
        assert page.model.index(0, WHO).data() == _("laptop of {facilitator}").format(
            facilitator="Rosa Mamani"
        )
        asked: list[str] = []

        def question(_parent, _title, text, *_args, **_kwargs):
            asked.append(text)
            return QMessageBox.StandardButton.No

        monkeypatch.setattr(QMessageBox, "question", staticmethod(question))
        page.table.selectRow(0)
        qtbot.mouseClick(page.trust_button, Qt.MouseButton.LeftButton)
        assert len(asked) == 1
        assert "\n".join(lines) in asked[0]
        wizard.reject()
    finally:
        office.close()
