"""One acta photo shown full size in a scrollable window, with the verdict it gave."""

from __future__ import annotations

import uuid
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from planner_desktop.i18n import _

if TYPE_CHECKING:
    from planner_desktop.store.database import Store


class PhotoViewer(QDialog):
    """Reads the stored picture (a few megabytes at most) and shows it."""

    def __init__(self, store: Store, photo_id: uuid.UUID, title: str, reason: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("actaPhotoViewer")
        self.setWindowTitle(_("Photo of the acta – {event}").format(event=title))
        self.resize(900, 700)
        from planner_desktop.evidence.photos import read_picture

        with store.session() as session:
            _media, data = read_picture(session, photo_id)
        self.pixmap = QPixmap()
        self.pixmap.loadFromData(data)
        self.picture = QLabel()
        self.picture.setObjectName("actaPhoto")
        self.picture.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.picture.setPixmap(self.pixmap)
        scroll = QScrollArea()
        scroll.setWidget(self.picture)
        scroll.setWidgetResizable(True)
        self.reason = QLabel(reason)
        self.reason.setObjectName("actaPhotoReason")
        self.reason.setWordWrap(True)
        self.reason.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.reason)
        layout.addWidget(buttons)
