"""The import wizard's first step: the session files or folders to import."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
    QWizardPage,
)

from planner_desktop.i18n import _
from planner_desktop.ui.exchange.checks import held_paths, session_files
from planner_desktop.ui.file_dialogs import existing_folder, open_files

if TYPE_CHECKING:
    from planner_desktop.store.database import Store


class ChoosePage(QWizardPage):
    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.setTitle(_("Choose the session files"))
        self.setSubTitle(
            _("Pick .cumbre files or a folder: every .cumbre file in it will be checked.")
        )
        self.files = QListWidget()
        self.files.setObjectName("chosenFiles")
        self.files.setSelectionMode(QListWidget.SelectionMode.ExtendedSelection)
        self.note = QLabel()
        self.note.setObjectName("chooseNote")
        self.note.setWordWrap(True)
        self.add_files_button = QPushButton(_("Add files…"))
        self.add_files_button.setObjectName("addFiles")
        self.add_files_button.clicked.connect(self.ask_files)
        self.add_folder_button = QPushButton(_("Add folder…"))
        self.add_folder_button.setObjectName("addFolder")
        self.add_folder_button.clicked.connect(self.ask_folder)
        self.remove_button = QPushButton(_("Remove"))
        self.remove_button.setObjectName("removeFiles")
        self.remove_button.clicked.connect(self.remove_selected)
        self.add_held_button = QPushButton()
        self.add_held_button.setObjectName("addHeld")
        self.add_held_button.setToolTip(
            _("Files an earlier import held because nobody had trusted their laptop yet")
        )
        self.add_held_button.clicked.connect(self.add_held)
        buttons = QHBoxLayout()
        for button in (
            self.add_files_button,
            self.add_folder_button,
            self.add_held_button,
            self.remove_button,
        ):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(self.files, 1)
        layout.addWidget(self.note)
        self._paths: list[Path] = []
        self.last_folder = str(Path.home())

    def initializePage(self) -> None:
        held = len(session_files(held_paths(self.store)))
        self.add_held_button.setText(_("Add held files ({n})").format(n=held))
        self.add_held_button.setEnabled(held > 0)

    def add_held(self) -> None:
        self.add_paths(held_paths(self.store))

    def paths(self) -> list[Path]:
        return list(self._paths)

    def add_paths(self, chosen: list[Path]) -> int:
        """Add files, and the session files of folders; returns how many were new."""
        known = set(self._paths)
        new = [p for p in session_files(chosen) if p not in known]
        for path in new:
            self._paths.append(path)
            self.files.addItem(str(path))
        if new:
            self.last_folder = str(new[-1].parent)
        self.note.setText(
            _("No new session files there.")
            if not new
            else _("{n} files chosen.").format(n=len(self._paths))
        )
        self.completeChanged.emit()
        return len(new)

    def ask_files(self) -> None:
        names = open_files(self, _("Import session files"), self.last_folder,
                           _("Session files (*.cumbre);;All files (*)"))
        if names:
            self.add_paths([Path(n) for n in names])

    def ask_folder(self) -> None:
        folder = existing_folder(self, _("Folder of session files"), self.last_folder)
        if folder:
            self.add_paths([Path(folder)])

    def remove_selected(self) -> None:
        rows = sorted((self.files.row(item) for item in self.files.selectedItems()), reverse=True)
        for row in rows:
            self.files.takeItem(row)
            del self._paths[row]
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        return bool(self._paths)
