"""The window's question before it updates a shared server's schema.

A database on the planning office's PostgreSQL server is shared by every computer of the
office, and this program does not back it up (a desktop cannot copy a server's files, and
the server's backups are the database administrator's job; see
:func:`planner_desktop.store.database.open_store`). So an older server database is never
updated silently: the person is told so and chooses.
"""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QWidget

from planner_desktop.i18n import _
from planner_desktop.store.errors import ServerUpgradeNeeded


def upgrade_question(parent: QWidget, error: ServerUpgradeNeeded) -> QMessageBox:
    """The question (not shown yet): update the server's schema, or leave it."""
    box = QMessageBox(parent)
    box.setObjectName("serverUpgradeQuestion")
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(_("Update the shared database?"))
    box.setText(
        _(
            "The shared database {where} has schema {found}; this version of Planner Desktop"
            " needs {needed}."
        ).format(where=error.where, found=error.found, needed=error.needed)
    )
    box.setInformativeText(
        _(
            "Updating it changes the database for every computer of the office, and older"
            " versions of the program will no longer open it. Planner Desktop does not back"
            " up a server: that is the job of the office's database administrator. Go on"
            " only once a backup of the server exists."
        )
    )
    update = box.addButton(_("&Update the database"), QMessageBox.ButtonRole.AcceptRole)
    update.setObjectName("updateDatabase")
    cancel = box.addButton(_("&Leave it as it is"), QMessageBox.ButtonRole.RejectRole)
    cancel.setObjectName("leaveDatabase")
    box.setDefaultButton(cancel)
    box.setEscapeButton(cancel)
    return box


def ask_upgrade(parent: QWidget, error: ServerUpgradeNeeded) -> bool:
    """True when the person chose to update the server's schema."""
    box = upgrade_question(parent, error)
    box.exec()
    chosen = box.clickedButton()
    return chosen is not None and chosen.objectName() == "updateDatabase"
