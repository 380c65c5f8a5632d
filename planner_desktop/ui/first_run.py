"""The first-run wizard: a demo municipality to explore, or a new municipality to plan.

A new municipality takes two pages: its name and country template (which fills in the
currency and gives the dimensions, sectors and names of territorial levels), created when
the first page is committed; then its districts and communities
(:mod:`planner_desktop.ui.first_run_territory`), each saved as it is added.

Everything can be done from the keyboard: the choice is two radio buttons, the form moves
with Tab, and a mistake is shown beside its field instead of in a message box.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QProgressBar,
    QRadioButton,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from planner_desktop.domain.templates import DEFAULT, TEMPLATES, template
from planner_desktop.i18n import _
from planner_desktop.ui import jobs
from planner_desktop.ui.first_run_territory import TerritoryPage

if TYPE_CHECKING:
    from planner_desktop.store.database import Store

CHOICE, DEMO, NEW, TERRITORY = range(4)
ERROR_STYLE = "color: #b00020;"


class ChoicePage(QWizardPage):
    def __init__(self) -> None:
        super().__init__()
        self.setTitle(_("Welcome to Planner Desktop"))
        self.setSubTitle(_("This database is empty. How do you want to start?"))
        self.demo = QRadioButton(_("&Demo municipality: explore a complete planning cycle"))
        self.demo.setObjectName("choiceDemo")
        self.new = QRadioButton(_("New &municipality: start planning your own"))
        self.new.setObjectName("choiceNew")
        self.new.setChecked(True)
        group = QButtonGroup(self)
        group.addButton(self.demo)
        group.addButton(self.new)
        hint = QLabel(
            _(
                "The demo is a fictional municipality with its communities, workshops, "
                "prioritizations, PDM and POA. You can create your own municipality later "
                "in a new database (File → New database)."
            )
        )
        hint.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.new)
        layout.addWidget(self.demo)
        layout.addSpacing(12)
        layout.addWidget(hint)
        layout.addStretch(1)

    def nextId(self) -> int:
        return DEMO if self.demo.isChecked() else NEW


class DemoPage(QWizardPage):
    """Generates the demo municipality in a background job, with its progress."""

    def __init__(self, store: Store) -> None:
        super().__init__()
        self.store = store
        self.job: jobs.Job | None = None
        self.done = False
        self.setTitle(_("Demo municipality"))
        self.setSubTitle(_("Creating a complete fictional municipality; this takes a moment."))
        self.bar = QProgressBar()
        self.bar.setObjectName("demoProgress")
        self.bar.setRange(0, 100)
        self.status = QLabel()
        self.status.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.bar)
        layout.addWidget(self.status)
        layout.addStretch(1)

    def initializePage(self) -> None:
        if self.done or (self.job is not None and self.job.running):
            return
        self.status.setText(_("Creating the demo municipality…"))
        self.bar.setValue(0)
        self.job = jobs.run_job(
            self,
            self._generate,
            on_done=self._generated,
            on_error=self._failed,
            on_progress=lambda done, total, _text: self.bar.setValue(
                round(100 * done / total) if total else 0
            ),
            on_cancelled=lambda: self.status.setText(_("Cancelled.")),
        )

    def _generate(self, context: jobs.JobContext) -> dict[str, int]:
        from planner_desktop.demo import generate

        def progress(stage: str, percent: int) -> None:
            context.check()
            context.progress(percent, 100, stage)

        with self.store.raw_session() as session:
            return generate(session, seed=1, scale=1, progress=progress)

    def _generated(self, _counts: Any) -> None:
        self.done = True
        self.bar.setValue(100)
        self.status.setText(_("The demo municipality is ready."))
        self.completeChanged.emit()

    def _failed(self, error: BaseException) -> None:
        self.status.setText(jobs.error_text(error))
        self.status.setStyleSheet(ERROR_STYLE)

    def cleanupPage(self) -> None:
        if self.job is not None:
            self.job.cancel()

    def isComplete(self) -> bool:
        return self.done

    def nextId(self) -> int:
        return -1


class NewMunicipalityPage(QWizardPage):
    """The form of a new municipality; ``create_municipality`` runs as a database job."""

    def __init__(self, store: Store) -> None:
        super().__init__()
        self.store = store
        self.created = False
        self.job: jobs.Job | None = None
        self.setTitle(_("New municipality"))
        self.setSubTitle(_("Districts and communities come on the next page."))
        self.setCommitPage(True)
        self.setButtonText(QWizard.WizardButton.CommitButton, _("Create &municipality"))

        self.name = QLineEdit()
        self.name.setObjectName("municipalityName")
        self.name_error = _error_label("nameError")
        self.template = QComboBox()
        self.template.setObjectName("countryTemplate")
        for found in TEMPLATES:
            self.template.addItem(found.country, found.code)
        self.country = QLineEdit(DEFAULT.country)
        self.country.setObjectName("country")
        self.department = QLineEdit()
        self.department.setObjectName("department")
        self.province = QLineEdit()
        self.province.setObjectName("province")
        self.currency = QLineEdit(DEFAULT.currency)
        self.currency.setObjectName("currency")
        self.currency.setMaxLength(3)
        self.currency.setMaximumWidth(80)
        self.currency_error = _error_label("currencyError")
        self.fiscal_start = QComboBox()
        self.fiscal_start.setObjectName("fiscalYearStart")
        locale = QLocale()
        for month in range(1, 13):
            self.fiscal_start.addItem(locale.standaloneMonthName(month).capitalize(), month)
        self.districts = QPlainTextEdit()
        self.districts.setObjectName("districts")
        self.districts.setTabChangesFocus(True)
        self.districts.setPlaceholderText(_("Distrito 1 – Centro\nDistrito 2 – Norte"))
        self.error = _error_label("formError")

        form = QFormLayout()
        form.addRow(_("&Name of the municipality:"), _with_error(self.name, self.name_error))
        form.addRow(_("Country &template:"), self.template)
        form.addRow(_("&Country:"), self.country)
        form.addRow(_("Dep&artment:"), self.department)
        form.addRow(_("P&rovince:"), self.province)
        form.addRow(_("C&urrency:"), _with_error(self.currency, self.currency_error))
        form.addRow(_("Fiscal &year starts in:"), self.fiscal_start)
        form.addRow(_("&Districts (one per line):"), self.districts)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        self.name.textEdited.connect(lambda _text: self.name_error.hide())
        self.currency.textEdited.connect(lambda _text: self.currency_error.hide())
        self.template.currentIndexChanged.connect(self._template_chosen)

    def _template_chosen(self, _index: int) -> None:
        """The template's defaults replace the previous template's (what was typed stays)."""
        chosen = template(str(self.template.currentData()))
        for field, value in ((self.country, chosen.country), (self.currency, chosen.currency)):
            if not field.isModified():
                field.setText(value)
        self.currency_error.hide()
        if self.fiscal_start.currentData() is not None:
            self.fiscal_start.setCurrentIndex(chosen.fiscal_year_start - 1)

    def nextId(self) -> int:
        return TERRITORY

    def district_names(self) -> list[str]:
        return [line.strip() for line in self.districts.toPlainText().splitlines() if line.strip()]

    def _check_fields(self) -> bool:
        ok = True
        if not self.name.text().strip():
            _show_error(self.name_error, _("Write the name of the municipality."))
            self.name.setFocus()
            ok = False
        currency = self.currency.text().strip()
        if len(currency) != 3 or not currency.isalpha():
            _show_error(self.currency_error, _("Three letters, such as BOB."))
            if ok:
                self.currency.setFocus()
            ok = False
        return ok

    def validatePage(self) -> bool:
        if self.created:
            return True
        self.error.hide()
        if not self._check_fields() or (self.job is not None and self.job.running):
            return False
        chosen = template(str(self.template.currentData()))
        values = {
            "name": self.name.text().strip(),
            "template": chosen,
            "country": self.country.text().strip() or chosen.country,
            "currency": self.currency.text().strip().upper(),
            "fiscal_year_start": int(self.fiscal_start.currentData()),
            "districts": tuple(self.district_names()),
            "department": self.department.text().strip(),
            "province": self.province.text().strip(),
        }
        self.job = jobs.run_job(
            self,
            lambda _context: self._create(values),
            on_done=self._created,
            on_error=self._refused,
            cancellable=False,
        )
        return False

    def _create(self, values: dict[str, Any]) -> str:
        from planner_desktop.domain.setup import create_municipality

        with self.store.session() as session:
            return create_municipality(session, **values).name

    def _created(self, _name: str) -> None:
        self.created = True
        wizard = self.wizard()
        if wizard is not None:
            wizard.next()

    def _refused(self, error: BaseException) -> None:
        _show_error(self.error, jobs.error_text(error))


class FirstRunWizard(QWizard):
    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Planner Desktop — first start"))
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, False)
        self.choice = ChoicePage()
        self.demo = DemoPage(store)
        self.new = NewMunicipalityPage(store)
        self.territory = TerritoryPage(store)
        self.setPage(CHOICE, self.choice)
        self.setPage(DEMO, self.demo)
        self.setPage(NEW, self.new)
        self.setPage(TERRITORY, self.territory)
        self.setStartId(CHOICE)
        self.resize(760, 640)

    def reject(self) -> None:
        """Closing after the municipality was created keeps it: the window shows it."""
        if self.new.created:
            self.accept()
            return
        if self.demo.job is not None:
            self.demo.job.cancel()
        super().reject()


def _error_label(name: str) -> QLabel:
    label = QLabel()
    label.setObjectName(name)
    label.setStyleSheet(ERROR_STYLE)
    label.setWordWrap(True)
    label.hide()
    return label


def _show_error(label: QLabel, text: str) -> None:
    label.setText(text)
    label.show()


def _with_error(field: QWidget, error: QLabel) -> QWidget:
    box = QWidget()
    layout = QHBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(field, 1)
    layout.addWidget(error, 1)
    layout.setAlignment(error, Qt.AlignmentFlag.AlignVCenter)
    box.setFocusProxy(field)
    return box
