"""File › Import territory shapes…: districts' and communities' shapes or points from a
GeoPackage, Shapefile or GeoJSON file, previewed before anything is written.

The dialog reads the file when it is chosen (and again when the layer changes), matches it
whenever the level or the fields change, and shows the preview the command prints:
matched, not in the database, not in the file, ambiguous (never written), unusable.
*Import* pushes one undoable step (:class:`ImportGeometry`) that writes every changed
geometry in one transaction on the write worker; Ctrl+Z puts the previous ones back.
"""

from __future__ import annotations

import uuid
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from planner_desktop.geo.features import GeoRefused
from planner_desktop.i18n import _, ngettext
from planner_desktop.store.database import Store
from planner_desktop.ui.changes import ChangeHub, hub_for
from planner_desktop.ui.commands import StoreCommand
from planner_desktop.ui.file_dialogs import open_file
from planner_desktop.ui.spreadsheet import refusal_line

if TYPE_CHECKING:
    from planner_desktop.geo.matching import Preview
    from planner_desktop.geo.reading import ShapeFile
    from planner_desktop.ui.main_window import MainWindow

FILTERS = "{shapes} (*.gpkg *.shp *.geojson *.json)"


class ImportGeometry(StoreCommand):
    """Set the geometry of several districts or communities as one step; undo writes the
    geometries they had."""

    def __init__(
        self,
        hub: ChangeHub,
        text: str,
        level: str,
        geometries: dict[uuid.UUID, str | None],
        previous: dict[uuid.UUID, str | None],
    ) -> None:
        super().__init__(hub, text)
        self.level = level
        self.geometries = geometries
        self.previous = previous
        self.tables = (level,)

    def apply(self, store: Store) -> None:
        from planner_desktop.geo.writing import write_geometries

        write_geometries(store, self.level, self.geometries)

    def revert(self, store: Store) -> None:
        from planner_desktop.geo.writing import write_geometries

        write_geometries(store, self.level, self.previous)


class GeometryImportDialog(QDialog):
    def __init__(self, store: Store, undo_stack: QUndoStack, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("geometryImport")
        self.setWindowTitle(_("Import territory shapes"))
        self.store = store
        self.undo_stack = undo_stack
        self.shapes: ShapeFile | None = None
        self.preview: Preview | None = None
        self.path = QLineEdit()
        self.path.setObjectName("geometryFile")
        self.path.setReadOnly(True)
        choose = QPushButton(_("&Choose…"))
        choose.setObjectName("chooseGeometryFile")
        choose.clicked.connect(self.choose_file)
        row = QHBoxLayout()
        row.addWidget(self.path, 1)
        row.addWidget(choose)
        self.layer = QComboBox()
        self.layer.setObjectName("geometryLayer")
        self.level = QComboBox()
        self.level.setObjectName("geometryLevel")
        for text, value in ((_("Whichever matches more"), None), (_("Districts"), "district"),
                            (_("Communities"), "community")):
            self.level.addItem(text, value)
        self.code_field = QComboBox()
        self.code_field.setObjectName("geometryCodeField")
        self.name_field = QComboBox()
        self.name_field.setObjectName("geometryNameField")
        form = QFormLayout()
        form.addRow(_("&File:"), row)
        form.addRow(_("La&yer:"), self.layer)
        form.addRow(_("&Shapes of:"), self.level)
        form.addRow(_("C&ode field:"), self.code_field)
        form.addRow(_("&Name field:"), self.name_field)
        self.summary = QLabel()
        self.summary.setObjectName("geometrySummary")
        self.summary.setWordWrap(True)
        self.details = QPlainTextEdit()
        self.details.setObjectName("geometryPreview")
        self.details.setReadOnly(True)
        self.refusal = refusal_line("geometryRefusal")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.import_button = self.buttons.addButton(
            _("&Import"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.import_button.setObjectName("importGeometry")
        self.import_button.setEnabled(False)
        self.buttons.accepted.connect(self.confirm)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.summary)
        layout.addWidget(self.details, 1)
        layout.addWidget(self.refusal)
        layout.addWidget(self.buttons)
        self.resize(640, 520)
        self.layer.activated.connect(lambda _row: self._read())
        for combo in (self.level, self.code_field, self.name_field):
            combo.activated.connect(lambda _row: self._match())

    def choose_file(self) -> None:
        chosen = open_file(self, _("Import territory shapes"), "",
                           FILTERS.format(shapes=_("Territory shapes")))
        if chosen:
            self.set_file(Path(chosen))

    def set_file(self, path: Path) -> None:
        """Read ``path``'s layers and show the preview of its first one."""
        from planner_desktop.geo.reading import layer_names

        self.path.setText(str(path))
        self.layer.clear()
        try:
            names = layer_names(path)
        except GeoRefused as refused:
            self._refuse(str(refused))
            return
        self.layer.addItems(names)
        self._read()

    def _read(self) -> None:
        from planner_desktop.geo.matching import CODE_FIELDS, NAME_FIELDS, guess_field
        from planner_desktop.geo.reading import read_shapes

        try:
            self.shapes = read_shapes(Path(self.path.text()), self.layer.currentText() or None)
        except GeoRefused as refused:
            self._refuse(str(refused))
            return
        fields = self.shapes.fields
        for combo, known in ((self.code_field, CODE_FIELDS), (self.name_field, NAME_FIELDS)):
            combo.clear()
            combo.addItem(_("(none)"), None)
            for name in fields:
                combo.addItem(name, name)
            guessed = guess_field(fields, known)
            combo.setCurrentIndex(fields.index(guessed) + 1 if guessed is not None else 0)
        self._match()

    def _match(self) -> None:
        from planner_desktop.geo.matching import match
        from planner_desktop.geo.preview_text import preview_lines

        if self.shapes is None:
            return
        codes, names = self.code_field.currentData(), self.name_field.currentData()
        if codes is None and names is None:
            self._refuse(_("Choose the field with codes or the one with names."))
            return
        try:
            with self.store.session() as session:
                self.preview = match(session, self.shapes, self.level.currentData(),
                                     codes, names)  # fmt: skip
        except GeoRefused as refused:
            self._refuse(str(refused))
            return
        preview = self.preview
        self.refusal.setText("")
        lines = list(preview_lines(preview))
        self.summary.setText("\n".join(lines[:3]))
        self.details.setPlainText("\n".join(lines[3:]))
        self.import_button.setEnabled(bool(preview.changes))

    def _refuse(self, line: str) -> None:
        self.preview = None
        self.refusal.setText(line)
        self.summary.setText("")
        self.details.setPlainText("")
        self.import_button.setEnabled(False)

    def confirm(self) -> None:
        """Write the matched geometries as one undoable step, then close."""
        preview = self.preview
        if preview is None or not preview.changes:
            return
        changes = preview.changes
        geometries = {m.place.id: m.shape.text for m in changes}
        previous = {m.place.id: m.place.geometry for m in changes}
        text = ngettext("Import {n} shape", "Import {n} shapes", len(changes)).format(
            n=len(changes))
        hub = hub_for(self.undo_stack, self.store)
        self.undo_stack.push(ImportGeometry(hub, text, preview.level, geometries, previous))
        self.accept()


def open_geometry_import(window: MainWindow) -> GeometryImportDialog | None:
    if window.store is None:
        return None
    dialog = GeometryImportDialog(window.store, window.undo_stack, window)
    dialog.finished.connect(lambda _result: dialog.deleteLater())
    dialog.open()
    return dialog
