"""The menu bar of the main window: Archivo, Editar, Ver, Ayuda.

Shortcuts are given with ``setShortcuts`` (a list or a standard key): PySide6 resolves
``setShortcut`` against an overload taking one of Qt's namespace enums, which builds that
whole namespace (~16 ms) before the window's first frame.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QActionGroup, QKeySequence, QUndoStack
from PySide6.QtWidgets import QMenuBar, QWidget

from planner_desktop.i18n import LANGUAGES, _
from planner_desktop.ui.icons import LazyIcons


@dataclass(frozen=True)
class MenuHandlers:
    """What the menus do; the window supplies each one."""

    open_database: Callable[[], None]
    new_database: Callable[[], None]
    quit: Callable[[], object]
    set_language: Callable[[str], None]
    set_large_font: Callable[[bool], None]
    about: Callable[[], None]
    facilitator: Callable[[], None]


@dataclass(frozen=True)
class MenuActions:
    open_database: QAction
    new_database: QAction
    quit: QAction
    undo: QAction
    redo: QAction
    facilitator: QAction
    languages: dict[str, QAction]
    large_font: QAction
    about: QAction
    owned: tuple[QObject, ...]

    def discard(self) -> None:
        """Delete these menus and actions (before the menus are built again)."""
        for item in self.owned:
            item.deleteLater()


def build_menus(
    bar: QMenuBar,
    owner: QWidget,
    *,
    handlers: MenuHandlers,
    undo_stack: QUndoStack,
    icons: LazyIcons,
    language: str,
    large_font: bool,
    panels: list[QAction],
) -> MenuActions:
    """Fill ``bar`` with the menus, in the current language."""
    bar.clear()

    file_menu = bar.addMenu(_("&File"))
    file_menu.setObjectName("menu_file")
    open_database = QAction(_("&Open database…"), owner)
    open_database.setShortcuts(QKeySequence.StandardKey.Open)
    open_database.triggered.connect(lambda: handlers.open_database())
    icons.set(open_database, "mdi6.folder-open-outline")
    new_database = QAction(_("&New database…"), owner)
    new_database.setShortcuts(QKeySequence.StandardKey.New)
    new_database.triggered.connect(lambda: handlers.new_database())
    icons.set(new_database, "mdi6.database-plus-outline")
    quit_action = QAction(_("&Quit"), owner)
    quit_action.setShortcuts(QKeySequence.StandardKey.Quit)
    quit_action.setMenuRole(QAction.MenuRole.QuitRole)
    quit_action.triggered.connect(lambda: handlers.quit())
    icons.set(quit_action, "mdi6.exit-to-app")
    file_menu.addAction(open_database)
    file_menu.addAction(new_database)
    file_menu.addSeparator()
    file_menu.addAction(quit_action)

    edit_menu = bar.addMenu(_("&Edit"))
    edit_menu.setObjectName("menu_edit")
    undo = undo_stack.createUndoAction(owner, _("&Undo"))
    undo.setShortcuts(QKeySequence.StandardKey.Undo)
    icons.set(undo, "mdi6.undo")
    redo = undo_stack.createRedoAction(owner, _("&Redo"))
    redo.setShortcuts([QKeySequence("Ctrl+Y"), QKeySequence("Ctrl+Shift+Z")])
    icons.set(redo, "mdi6.redo")
    edit_menu.addAction(undo)
    edit_menu.addAction(redo)
    edit_menu.addSeparator()
    facilitator = QAction(_("&Facilitator…"), owner)
    facilitator.setObjectName("action_facilitator")
    facilitator.triggered.connect(lambda: handlers.facilitator())
    icons.set(facilitator, "mdi6.account-edit-outline")
    edit_menu.addAction(facilitator)

    view_menu = bar.addMenu(_("&View"))
    view_menu.setObjectName("menu_view")
    language_menu = view_menu.addMenu(_("&Language"))
    icons.set(language_menu.menuAction(), "mdi6.translate")
    group = QActionGroup(owner)
    group.setExclusive(True)
    languages: dict[str, QAction] = {}
    for code, name in LANGUAGES.items():
        action = QAction(name, owner)  # each language is named in itself
        action.setCheckable(True)
        action.setChecked(code == language)
        action.setObjectName(f"language_{code}")
        action.triggered.connect(lambda _checked=False, c=code: handlers.set_language(c))
        group.addAction(action)
        language_menu.addAction(action)
        languages[code] = action
    large = QAction(_("Large &font (projector)"), owner)
    large.setCheckable(True)
    large.setChecked(large_font)
    large.setShortcuts([QKeySequence("Ctrl+Shift+L")])
    large.toggled.connect(lambda on: handlers.set_large_font(on))
    icons.set(large, "mdi6.format-font-size-increase")
    view_menu.addAction(large)
    view_menu.addSeparator()
    for panel in panels:
        view_menu.addAction(panel)

    help_menu = bar.addMenu(_("&Help"))
    help_menu.setObjectName("menu_help")
    about = QAction(_("&About Planner Desktop"), owner)
    about.setMenuRole(QAction.MenuRole.AboutRole)
    about.triggered.connect(lambda: handlers.about())
    icons.set(about, "mdi6.information-outline")
    help_menu.addAction(about)

    owned = (
        file_menu,
        edit_menu,
        view_menu,
        help_menu,
        group,
        open_database,
        new_database,
        quit_action,
        undo,
        redo,
        facilitator,
        large,
        about,
        *languages.values(),
    )
    return MenuActions(
        open_database=open_database,
        new_database=new_database,
        quit=quit_action,
        undo=undo,
        redo=redo,
        facilitator=facilitator,
        languages=languages,
        large_font=large,
        about=about,
        owned=owned,
    )
