"""A small dialog to add and rename the diagnosis dimensions of the municipality."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLineEdit, QVBoxLayout, QWidget
from sqlalchemy import select

from planner_desktop.capture.dimensions import new_dimension
from planner_desktop.capture.validation import Invalid, parse_required_text
from planner_desktop.domain.summaries import current_municipality, live
from planner_desktop.domain.territory import Dimension
from planner_desktop.i18n import N_, _
from planner_desktop.plan.ordering import bytewise
from planner_desktop.ui.changes import hub_for
from planner_desktop.ui.columns import Column, Kind
from planner_desktop.ui.commands import CreateRecord
from planner_desktop.ui.models.editable import EditableQueryModel
from planner_desktop.ui.models.editing import FieldSpec
from planner_desktop.ui.pages.base import PageContext
from planner_desktop.ui.queries import TableQuery
from planner_desktop.ui.spreadsheet import refusal_line, spreadsheet_view


def dimensions_query() -> TableQuery:
    return TableQuery(
        columns=(Column(N_("Position"), Kind.number), Column(N_("Dimension"), stretch=True)),
        ids=select(Dimension.id)
        .where(live(Dimension))
        .order_by(Dimension.position, bytewise(Dimension.code), Dimension.id),
        rows=lambda keys: select(Dimension.id, Dimension.position, Dimension.name).where(
            Dimension.id.in_(keys)
        ),
    )


class DimensionsDialog(QDialog):
    """Rename a dimension by typing over its name; add one at the end. Undoable."""

    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("dimensionsDialog")
        self.setWindowTitle(_("Diagnosis dimensions"))
        self.context = context
        self.hub = hub_for(context.undo_stack, context.store)
        self.model = EditableQueryModel(
            context.store,
            dimensions_query(),
            Dimension,
            {1: FieldSpec("name", parse_required_text, N_("Dimension"))},
            self,
        )
        self.model.attach(self.hub, context.undo_stack)
        self.model.reload()
        self.view = spreadsheet_view(self.model, name="dimensions")
        self.refusal = refusal_line()
        self.model.sig_refused.connect(self.refusal.setText)
        self.new_name = QLineEdit()
        self.new_name.setObjectName("newDimension")
        self.new_name.setPlaceholderText(_("New dimension: type its name and press Enter"))
        self.new_name.returnPressed.connect(self.add)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.refusal)
        layout.addWidget(self.new_name)
        layout.addWidget(buttons)
        self.resize(420, 320)

    def add(self) -> bool:
        with self.context.store.session() as session:
            municipality = current_municipality(session)
            if municipality is None:
                return False
            try:
                values = new_dimension(session, municipality.id, self.new_name.text())
            except Invalid as error:
                self.refusal.setText(error.reason)
                return False
        self.refusal.clear()
        self.new_name.clear()
        command = CreateRecord(
            self.hub, _("New dimension"), Dimension, values, last_among=("municipality_id",)
        )
        self.context.undo_stack.push(command)
        return True
