"""The pages of a written PDF, shown one under the other in the print dialog."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import QFrame, QLabel, QScrollArea, QVBoxLayout, QWidget

from planner_desktop.i18n import _
from planner_desktop.reports.preview import PagePicture

PAGE_WIDTH = 560
"""Pixels a page is drawn wide."""


class PreviewPages(QScrollArea):
    """Each page as a picture with a thin frame, as on paper; empty until pages are shown."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("printPreview")
        self.setWidgetResizable(True)
        self.setMinimumHeight(360)
        self.pages: list[QLabel] = []
        self._holder = QWidget()
        self._layout = QVBoxLayout(self._holder)
        self._layout.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self._layout.setSpacing(12)
        self.setWidget(self._holder)
        self.note = QLabel()
        self.note.setObjectName("printPreviewNote")

    def clear(self) -> None:
        for label in self.pages:
            label.deleteLater()
        self.pages = []
        self.note.clear()

    def show_pages(self, pictures: list[PagePicture], total: int) -> None:
        self.clear()
        for number, picture in enumerate(pictures, start=1):
            image = QImage(picture.rgb, picture.width, picture.height, picture.stride,
                           QImage.Format.Format_RGB888).copy()
            label = QLabel()
            label.setObjectName(f"previewPage{number}")
            label.setPixmap(QPixmap.fromImage(image))
            label.setFrameShape(QFrame.Shape.Box)
            label.setToolTip(_("Page {number} of {total}").format(number=number, total=total))
            self._layout.addWidget(label)
            self.pages.append(label)
        if len(pictures) < total:
            self.note.setText(_("The first {shown} of {total} pages; open the document to see "
                                "them all.").format(shown=len(pictures), total=total))
