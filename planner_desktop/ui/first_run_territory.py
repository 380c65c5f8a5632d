"""The last page of a new municipality: its districts and communities, typed or imported.

The municipality exists when this page is shown (the page before commits it), so each
district or community is saved when it is added, and the communities spreadsheet is
imported by the window's own spreadsheet dialog. The list under the form shows what is
saved. Everything can be changed or deleted later on the Preparación page.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWizardPage,
)
from sqlalchemy import select

from planner_desktop.capture import territory
from planner_desktop.capture.territory import FieldRefused
from planner_desktop.domain.summaries import current_municipality, live
from planner_desktop.domain.templates import DEFAULT, CountryTemplate, template_for
from planner_desktop.domain.territory import District
from planner_desktop.i18n import _, ngettext
from planner_desktop.plan.ordering import bytewise
from planner_desktop.ui import jobs
from planner_desktop.ui.community_form import CommunityForm
from planner_desktop.ui.models import territory as territory_table
from planner_desktop.ui.models.table import QueryTableModel
from planner_desktop.ui.pages.base import fit_columns, table_view
from planner_desktop.ui.spreadsheet import refusal_line

if TYPE_CHECKING:
    from planner_desktop.store.database import Store


def read_districts(store: Store) -> list[tuple[uuid.UUID, str]]:
    with store.session() as session:
        rows = session.execute(
            select(District.id, District.name).where(live(District)).order_by(
                bytewise(District.code), District.id
            )
        )
        return [(district_id, name) for district_id, name in rows]


class ReturnRuns(QObject):
    """Enter in a field runs ``action`` instead of pressing the wizard's Finish button."""

    def __init__(self, action: Callable[[], None], parent: QObject) -> None:
        super().__init__(parent)
        self.action = action

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            isinstance(event, QKeyEvent)
            and event.type() == QEvent.Type.KeyPress
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        ):
            self.action()
            return True
        return False


class TerritoryPage(QWizardPage):
    """Districts and communities of the municipality just created."""

    def __init__(self, store: Store) -> None:
        super().__init__()
        self.store = store
        self.municipality_id: uuid.UUID | None = None
        self.template: CountryTemplate = DEFAULT
        self.job: jobs.Job | None = None
        self.setTitle(_("Districts and communities"))
        self.setSubTitle(
            _(
                "Each one is saved when added. Population by sex and by age group must add "
                "up to the same total."
            )
        )
        self.district_name = QLineEdit()
        self.district_name.setObjectName("newDistrictName")
        self.add_district_button = QPushButton(_("Add d&istrict"))
        self.add_district_button.setObjectName("addDistrict")
        self.district_error = refusal_line("districtError")
        self.form = CommunityForm([], DEFAULT)
        self.add_button = QPushButton(_("&Add community"))
        self.add_button.setObjectName("addCommunity")
        self.import_button = QPushButton(_("Import from &spreadsheet…"))
        self.import_button.setObjectName("importCommunities")
        self.template_button = QPushButton(_("Blank &template…"))
        self.template_button.setObjectName("communitiesTemplate")
        self.list = QueryTableModel(store, territory_table.communities())
        self.view = table_view(self.list, name="wizardCommunities")
        self.count = QLabel()
        self.count.setObjectName("communitiesCount")

        district_row = QHBoxLayout()
        district_row.addWidget(QLabel(_("New district:")))
        district_row.addWidget(self.district_name, 1)
        district_row.addWidget(self.add_district_button)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addStretch(1)
        buttons.addWidget(self.template_button)
        buttons.addWidget(self.import_button)
        self.layout_ = QVBoxLayout(self)
        self.layout_.addLayout(district_row)
        self.layout_.addWidget(self.district_error)
        self.layout_.addWidget(self.form)
        self.layout_.addLayout(buttons)
        self.layout_.addWidget(self.count)
        self.layout_.addWidget(self.view, 1)

        self.add_district_button.clicked.connect(self.add_district)
        self.district_name.installEventFilter(ReturnRuns(self.add_district, self))
        self.district_name.textEdited.connect(lambda _text: self.district_error.setText(""))
        self.add_button.clicked.connect(self.add_community)
        self.import_button.clicked.connect(lambda: self._spreadsheet(importing=True))
        self.template_button.clicked.connect(lambda: self._spreadsheet(importing=False))

    def initializePage(self) -> None:
        with self.store.session() as session:
            municipality = current_municipality(session)
            if municipality is not None:
                self.municipality_id = municipality.id
                self.template = template_for(municipality.country)
        fresh = CommunityForm(read_districts(self.store), self.template)
        adds = ReturnRuns(self.add_community, fresh)
        for edit in (fresh.name, *fresh.counts.values()):
            edit.installEventFilter(adds)
        self.layout_.replaceWidget(self.form, fresh)
        self.form.deleteLater()
        self.form = fresh
        fresh.show()
        self.reload()
        self.form.name.setFocus()

    def reload(self) -> None:
        self.form.set_districts(read_districts(self.store))
        self.list.reload()
        fit_columns(self.view)
        total = self.list.total
        self.count.setText(
            ngettext("{n} community saved.", "{n} communities saved.", total).format(n=total)
        )

    def _busy(self) -> bool:
        return self.job is not None and self.job.running

    def add_district(self) -> None:
        if self._busy() or self.municipality_id is None:
            return
        try:
            values = territory.district_values(self.district_name.text())
        except FieldRefused as refused:
            self.district_error.setText(str(refused))
            self.district_name.setFocus()
            return
        store, municipality_id = self.store, self.municipality_id
        self._run(lambda: territory.add_district(store, municipality_id, values),
                  self._district_added)

    def _district_added(self, _id: Any) -> None:
        self.district_name.clear()
        self.reload()
        self.form.district.setCurrentIndex(self.form.district.count() - 1)

    def add_community(self) -> None:
        if self._busy():
            return
        values = self.form.values()
        if values is None:
            return
        store = self.store
        self._run(lambda: territory.add_community(store, values), self._community_added)

    def _community_added(self, _id: Any) -> None:
        self.form.clear()
        self.reload()

    def _run(self, write: Any, done: Any) -> None:
        self.job = jobs.run_job(
            self,
            lambda _context: write(),
            on_done=done,
            on_error=lambda error: self.form.error.setText(jobs.error_text(error)),
            cancellable=False,
        )

    def _spreadsheet(self, *, importing: bool) -> None:
        from planner_desktop.ui.printing.spreadsheet_dialog import SpreadsheetDialog

        dialog = SpreadsheetDialog(self.store, importing=importing, parent=self)
        dialog.kind.setCurrentIndex(dialog.kind.findData("communities" if importing
                                                         else "template"))
        dialog.finished.connect(lambda _result: self._spreadsheet_closed(dialog))
        dialog.open()

    def _spreadsheet_closed(self, dialog: QDialog) -> None:
        if getattr(dialog, "changed", False):
            self.reload()
        dialog.deleteLater()

    def nextId(self) -> int:
        return -1
