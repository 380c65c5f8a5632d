"""The main window: navigation by phase, the pages, the territory, menus and status bar.

The window appears before the database is opened: opening (and a migration, if needed)
runs as a background job, then the visible page is built. Other pages are built the first
time they are shown.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QPalette, QShowEvent, QUndoStack
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from planner_desktop import APP_NAME, i18n
from planner_desktop.domain.enums import Phase
from planner_desktop.i18n import _
from planner_desktop.ui import window_state
from planner_desktop.ui.icons import LazyIcons
from planner_desktop.ui.language import apply_language
from planner_desktop.ui.menus import MenuActions, MenuHandlers, build_menus
from planner_desktop.ui.navigation import NavigationBar
from planner_desktop.ui.scope import MUNICIPALITY, Scope
from planner_desktop.ui.territory_dock import TerritoryDock

if TYPE_CHECKING:
    from PySide6.QtGui import QFont

    from planner_desktop.settings import Settings
    from planner_desktop.store.database import Store
    from planner_desktop.ui.jobs import Job
    from planner_desktop.ui.map_page import MapPage
    from planner_desktop.ui.pages.base import Page

log = logging.getLogger(__name__)

LARGE_FONT_FACTOR = 1.5


class MainWindow(QMainWindow):
    sig_store_changed = Signal()
    """A database was opened and its first page is shown."""
    sig_page_changed = Signal(object)
    """The visible phase page changed (its :class:`Phase`)."""
    sig_language_changed = Signal(str)
    sig_first_shown = Signal()
    sig_closed = Signal(int)
    """The window was closed, with the program's exit code (1 after a fatal error)."""

    def __init__(self, settings: Settings) -> None:
        super().__init__()
        self.setObjectName("mainWindow")
        self.settings = settings
        self.store: Store | None = None
        self.municipality_name = ""
        self.exit_code = 0
        self.undo_stack = QUndoStack(self)
        self.icons = LazyIcons()
        self.scope: Scope = MUNICIPALITY
        self.pages: dict[Phase, Page] = {}
        self.map_page: MapPage | None = None
        self.showing_map = False
        self._shown_once = False
        self._territory_hub: QObject | None = None
        self._base_font: QFont | None = None
        """The program's font before projector mode, read when the mode is first used
        (reading it builds QFont's nine enums, which the first frame does not need)."""
        if settings.get("large_font"):
            self._apply_font(True)
        try:
            self.phase = Phase(settings.get("last_page"))
        except ValueError:
            self.phase = Phase.preparation

        self.stack = QStackedWidget()
        self.loading = QLabel()
        self.loading.setObjectName("loading")
        quiet = self.loading.palette()
        quiet.setColor(QPalette.ColorRole.WindowText, quiet.color(QPalette.ColorRole.Dark))
        self.loading.setPalette(quiet)
        self.loading_page = centered(self.loading)
        self.stack.addWidget(self.loading_page)
        self.setCentralWidget(self.stack)

        self.navigation = NavigationBar(self.icons, self)
        self.navigation.sig_phase_chosen.connect(self.show_phase)
        self.navigation.sig_map_chosen.connect(self.show_map)
        self.navigation.select(self.phase)
        self.territory = TerritoryDock(self)
        self.territory.sig_scope_changed.connect(self.set_scope)

        self.db_label = QLabel()
        self.db_label.setObjectName("databaseLabel")
        self.municipality_label = QLabel()
        self.municipality_label.setObjectName("municipalityLabel")
        self.statusBar().addWidget(self.municipality_label, 1)
        from planner_desktop.ui.errors import ErrorLine

        self.error_line = ErrorLine(self)
        self.statusBar().addWidget(self.error_line, 2)
        from planner_desktop.ui.current_event import CurrentEventBar

        self.current_event_bar = CurrentEventBar(self)
        self.statusBar().addPermanentWidget(self.current_event_bar)
        self.statusBar().addPermanentWidget(self.db_label)

        self.menus: MenuActions | None = None
        self._build_menus()
        self._maximize_on_show = window_state.place(
            self, settings, self.navigation, self.territory
        )
        self._retranslate_chrome()

    # --- database ----------------------------------------------------------------------

    def open_database(
        self, target: str | Path | None, *, must_exist: bool = False, upgrade_server: bool = False
    ) -> Job:
        """Open ``target`` (None: the user's database) in the background, then show it.

        An older shared server is updated only with ``upgrade_server``; without it the
        person is asked first (:func:`planner_desktop.ui.main_window_server.ask_upgrade`).
        """
        from planner_desktop.ui import jobs

        self.statusBar().showMessage(_("Opening the database…"))
        return jobs.run_job(
            self,
            lambda _context: _open_store(
                target, must_exist=must_exist, settings=self.settings, upgrade=upgrade_server
            ),
            on_done=self._opened,
            on_error=lambda error: self._open_failed(error, target, must_exist=must_exist),
            cancellable=False,
            writes=True,  # opening may create or migrate the schema
        )

    def _opened(self, result: tuple[Store, bool]) -> None:
        store, empty = result
        self.set_store(store)
        if empty:
            self.offer_first_run()

    def _open_failed(
        self, error: BaseException, target: str | Path | None, *, must_exist: bool
    ) -> None:
        from planner_desktop.store.errors import ServerUpgradeNeeded
        from planner_desktop.ui import jobs

        self.statusBar().clearMessage()
        self.icons.load()
        if isinstance(error, ServerUpgradeNeeded):
            from planner_desktop.ui.main_window_server import ask_upgrade

            if ask_upgrade(self, error):
                self.open_database(target, must_exist=must_exist, upgrade_server=True)
                return
        else:
            from PySide6.QtWidgets import QMessageBox

            QMessageBox.critical(self, _("Cannot open the database"), jobs.error_text(error))
        if self.store is None:
            self.exit_code = 1
            self.close()

    def set_store(self, store: Store) -> None:
        """Show ``store``: the territory, the status bar and the current page."""
        old = self.store
        self._drop_pages()
        self.undo_stack.clear()
        self.store = store
        self.scope = MUNICIPALITY
        if old is not None and old is not store:
            old.close()
        if store.path is not None:
            self.settings.set("last_database", str(store.path))
        self._read_municipality()
        self.territory.set_store(store)
        from planner_desktop.ui.changes import hub_for

        hub = hub_for(self.undo_stack, store)
        if hub is not self._territory_hub:
            hub.sig_changed.connect(self._territory_changed)
            hub.sig_changed.connect(self._events_changed)
            self._territory_hub = hub
        self._follow_current_event(store)
        self.statusBar().clearMessage()
        self._update_status()
        self._show_current()
        self.sig_store_changed.emit()
        if not self.icons.loaded:
            QTimer.singleShot(0, self.icons.load)

    def _territory_changed(self, table: str, _serial: int) -> None:
        """A saved change to the territory: show new names and populations at once."""
        if table in ("municipality", "district", "community") and self.store is not None:
            self.territory.refresh()
            if table == "municipality":
                self._read_municipality()
                self._update_status()

    def _follow_current_event(self, store: Store) -> None:
        """Make the event last chosen on ``store`` current again, and remember new choices."""
        from planner_desktop.ui.current_event import current_event_for, recall

        holder = current_event_for(self.undo_stack, store)
        if self.current_event_bar.holder is not holder:
            holder.set(recall(self.settings, store))
            holder.sig_current_event_changed.connect(self._current_event_chosen)
        self.current_event_bar.attach(holder)

    def _current_event_chosen(self, event_id: object) -> None:
        from planner_desktop.ui.current_event import remember

        if self.store is None:
            return
        remember(self.settings, self.store, event_id)  # type: ignore[arg-type]
        try:
            self.settings.save()
        except OSError as error:
            log.warning("cannot save the settings: %s", error.strerror)

    def _events_changed(self, table: str, _serial: int) -> None:
        if table in ("event", "event_community", "community"):
            self.current_event_bar.reload()

    def _read_municipality(self) -> None:
        from planner_desktop.domain.summaries import current_municipality
        from planner_desktop.ui.language import apply_country

        assert self.store is not None
        with self.store.session() as session:
            municipality = current_municipality(session)
            self.municipality_name = municipality.name if municipality else ""
            apply_country(municipality.country if municipality else None)

    def offer_first_run(self) -> None:
        """The database holds no municipality: offer the demo or a new municipality."""
        from planner_desktop.ui.first_run import FirstRunWizard

        assert self.store is not None
        wizard = FirstRunWizard(self.store, self)
        wizard.setObjectName("firstRunWizard")
        wizard.accepted.connect(lambda: self.set_store(self.store) if self.store else None)
        wizard.open()

    def choose_database(self) -> None:
        from planner_desktop.ui import dialogs

        path = dialogs.choose_database(self, self.settings)
        if path:
            self.open_database(path, must_exist=True)

    def new_database(self) -> None:
        from planner_desktop.ui import dialogs

        path = dialogs.choose_new_database(self, self.settings)
        if path:
            self.open_database(path)

    # --- pages -------------------------------------------------------------------------

    def _show_current(self) -> None:
        if self.showing_map:
            self.show_map()
        else:
            self.show_phase(self.phase)

    def show_map(self) -> None:
        """Show the map of the territory, building it on first use."""
        self.showing_map = True
        self.navigation.select_map()
        if self.store is None:
            return
        if self.map_page is None:
            from planner_desktop.ui.map_page import attach_map

            self.map_page = attach_map(self)
        self.stack.setCurrentWidget(self.map_page)

    def show_phase(self, phase: Phase) -> None:
        """Show the page of ``phase``, building it on first use."""
        self.phase = phase
        self.showing_map = False
        self.navigation.select(phase)
        if self.store is None:
            return
        page = self.pages.get(phase)
        if page is None:
            page = self._build_page(phase)
        self.stack.setCurrentWidget(page)
        self.sig_page_changed.emit(phase)

    def current_page(self) -> Page | None:
        return self.pages.get(self.phase) if self.store is not None else None

    def _build_page(self, phase: Phase) -> Page:
        from planner_desktop.ui.pages import create_page
        from planner_desktop.ui.pages.base import PageContext

        assert self.store is not None
        from PySide6.QtCore import Qt

        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            page = create_page(phase, PageContext(self.store, self.undo_stack), self.scope)
        finally:
            QApplication.restoreOverrideCursor()
        self.pages[phase] = page
        self.stack.addWidget(page)
        jump = getattr(page, "sig_jump", None)
        if jump is not None:
            jump.connect(self.jump_to)
        return page

    def jump_to(self, table: str, record_id: object) -> bool:
        """Show the page of a record (a check's finding, a link of a trace) and select it."""
        from planner_desktop.ui.plan.jump import jump

        return jump(self, table, record_id)  # type: ignore[arg-type]

    def _drop_pages(self) -> None:
        for page in self.pages.values():
            self.stack.removeWidget(page)
            page.deleteLater()
        self.pages.clear()
        if self.map_page is not None:
            self.stack.removeWidget(self.map_page)
            self.map_page.deleteLater()
            self.map_page = None
        self.stack.setCurrentWidget(self.loading_page)

    def set_scope(self, scope: Scope) -> None:
        self.scope = scope
        for page in self.pages.values():
            page.set_scope(scope)

    # --- language and font -------------------------------------------------------------

    def set_language(self, lang: str) -> None:
        """Switch every visible text to ``lang`` at once and remember the choice."""
        if lang == i18n.current_language():
            return
        apply_language(lang)
        self.settings.set("language", lang)
        self._save_settings()
        self._rebuild()
        self.sig_language_changed.emit(lang)

    def set_large_font(self, on: bool) -> None:
        """Projector mode: the whole program's text one and a half times larger."""
        self.settings.set("large_font", on)
        self._apply_font(on)
        self._rebuild()

    def _apply_font(self, on: bool) -> None:
        from PySide6.QtGui import QFont

        if self._base_font is None:
            self._base_font = QFont(QApplication.font())
        base = self._base_font
        font = QFont(base)
        if on:
            size = base.pointSizeF()
            if size > 0:
                font.setPointSizeF(size * LARGE_FONT_FACTOR)
            else:
                font.setPixelSize(round(base.pixelSize() * LARGE_FONT_FACTOR))
        QApplication.setFont(font)
        navigation = getattr(self, "navigation", None)  # None while the window is built
        if navigation is not None:
            # A widget styled by a sheet keeps its font until the sheet is applied again.
            navigation.setStyleSheet(navigation.styleSheet())

    def _rebuild(self) -> None:
        """Build menus and pages again, in the current language, keeping the page shown."""
        self._build_menus()
        self._retranslate_chrome()
        self.territory.view.viewport().update()
        if self.store is not None:
            self._drop_pages()
            self._show_current()

    def _build_menus(self) -> None:
        if self.menus is not None:
            self.menus.discard()
        self.menus = build_menus(
            self.menuBar(),
            self,
            handlers=MenuHandlers(
                open_database=self.choose_database,
                new_database=self.new_database,
                quit=self.close,
                set_language=self.set_language,
                set_large_font=self.set_large_font,
                about=self._about,
                facilitator=self.edit_facilitator,
            ),
            undo_stack=self.undo_stack,
            icons=self.icons,
            language=i18n.current_language(),
            large_font=self.settings.get("large_font"),
            panels=[self.territory.toggleViewAction()],
        )
        from planner_desktop.ui.exchange import actions as exchange_actions

        exchange_actions.install(self)
        from planner_desktop.ui.printing import actions as printing_actions

        printing_actions.install(self)
        from planner_desktop.ui import acta_proofs_menu

        acta_proofs_menu.install(self)
        from planner_desktop.ui import geometry_import_menu

        geometry_import_menu.install(self)

    def edit_facilitator(self) -> None:
        from planner_desktop.ui.facilitator_dialog import edit_facilitator

        edit_facilitator(self)

    def _about(self) -> None:
        from planner_desktop.ui import dialogs

        dialogs.about(self)

    def _retranslate_chrome(self) -> None:
        self.navigation.retranslate()
        self.territory.retranslate()
        self.loading.setText(_("Opening the database…"))
        self.current_event_bar.retranslate()
        self._update_status()

    def _update_status(self) -> None:
        title = APP_NAME
        if self.municipality_name:
            title = f"{self.municipality_name} — {APP_NAME}"
        self.setWindowTitle(title)
        if self.store is None:
            self.db_label.setText("")
            self.municipality_label.setText("")
            return
        where = self.store.path.name if self.store.path is not None else self.store.url
        self.db_label.setText(_("Database: {name}").format(name=where))
        self.db_label.setToolTip(str(self.store.path or self.store.url))
        self.municipality_label.setText(
            _("Municipality: {name}").format(name=self.municipality_name)
            if self.municipality_name
            else _("No municipality yet")
        )

    # --- window state ------------------------------------------------------------------

    def _save_settings(self) -> None:
        window_state.save(self, self.settings)
        self.settings.set("last_page", self.phase.value)
        try:
            self.settings.save()
        except OSError as error:
            log.warning("cannot save the settings: %s", error.strerror)

    def setVisible(self, visible: bool) -> None:
        """A first start on a laptop screen shows the window maximised: by
        ``showMaximized``, which names none of Qt's window-state enums (see
        :func:`planner_desktop.ui.window_state.place`)."""
        if visible and self._maximize_on_show:
            self._maximize_on_show = False
            self.showMaximized()  # sets the state, then comes back here to show
            return
        super().setVisible(visible)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._shown_once:
            self._shown_once = True
            self.sig_first_shown.emit()

    def closeEvent(self, event: QCloseEvent) -> None:
        self._save_settings()
        self.shutdown()
        super().closeEvent(event)
        self.sig_closed.emit(self.exit_code)

    def shutdown(self) -> None:
        """Let background jobs end, then close the database."""
        from planner_desktop.ui import jobs

        jobs.wait_for_all()
        if self.store is not None:
            self._drop_pages()
            self.store.close()


def centered(label: QLabel) -> QWidget:
    """``label`` in the middle of a page (by stretches: naming Qt's alignment flags before
    the first frame would build every enum of Qt's namespace, ~16 ms of start-up)."""
    page = QWidget()
    rows = QVBoxLayout(page)
    middle = QHBoxLayout()
    middle.addStretch(1)
    middle.addWidget(label)
    middle.addStretch(1)
    rows.addStretch(1)
    rows.addLayout(middle)
    rows.addStretch(1)
    return page


def _open_store(
    target: str | Path | None, *, must_exist: bool, settings: Settings, upgrade: bool = False
) -> tuple[Any, bool]:
    """In a worker: open the database and load what the first page needs."""
    from sqlalchemy.orm import configure_mappers

    from planner_desktop.context import open_database

    store = open_database(
        target, must_exist=must_exist, settings=settings, daily_backup=True, upgrade_server=upgrade
    )
    import planner_desktop.domain.summaries
    import planner_desktop.ui.queries
    import planner_desktop.ui.trees  # noqa: F401 - imported off the main thread

    configure_mappers()
    return store, store.is_empty()
