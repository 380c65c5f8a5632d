"""A strip of photos under an acta, a self-diagnosis (mapa parlante) or a round (tally
sheet): attach, see thumbnails, open one larger, caption, delete (undo works).

The photo file is taken in (decoded, stripped, downscaled) and the thumbnails are made
in background jobs, never on the GUI thread; the writes go through the undo commands of
:mod:`planner_desktop.ui.photo_commands`. "Keep the photo's place" is unchecked by default
and unchecked again after each photo.
"""

from __future__ import annotations

import io
import uuid
from pathlib import Path
from typing import Any

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QIcon, QPixmap, QUndoStack
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from planner_desktop.capture.validation import Invalid
from planner_desktop.domain.enums import PhotoKind
from planner_desktop.domain.evidence import Photo
from planner_desktop.evidence import photos
from planner_desktop.i18n import _
from planner_desktop.store.database import Store
from planner_desktop.ui import jobs
from planner_desktop.ui.changes import hub_for
from planner_desktop.ui.commands import EditRecord
from planner_desktop.ui.file_dialogs import open_file
from planner_desktop.ui.photo_commands import AttachPhoto, DeletePhoto

THUMBNAIL_SIDE = 120
PHOTO_FILES = "*.jpg *.jpeg *.JPG *.JPEG *.png *.PNG *.heic *.HEIC *.heif *.HEIF"


def _one_line(error: BaseException) -> str:
    from planner_desktop.evidence.ingest import PhotoRefused

    if isinstance(error, (PhotoRefused, Invalid)):
        return str(error)
    return jobs.error_text(error)


def _thumbnails(store: Store, owner: photos.Owner | None) -> list[tuple[Any, bytes, str]]:
    """(row, small JPEG, QR verdict line) per live photo of ``owner`` (in a worker)."""
    if owner is None:
        return []
    from PIL import Image

    with store.session() as session:
        rows = photos.list_photos(session, owner)
        pictures = [photos.read_picture(session, row.id)[1] for row in rows]
    result = []
    for row, data in zip(rows, pictures, strict=True):
        image = Image.open(io.BytesIO(data))
        image.draft("RGB", (THUMBNAIL_SIDE * 2, THUMBNAIL_SIDE * 2))
        small = image.convert("RGB")
        small.thumbnail((THUMBNAIL_SIDE, THUMBNAIL_SIDE))
        out = io.BytesIO()
        small.save(out, "JPEG", quality=80)
        result.append(
            (row, out.getvalue(), _qr_line(store, row) if owner.kind is PhotoKind.acta else "")
        )
    return result


def _qr_line(store: Store, row: photos.PhotoRow) -> str:
    if not row.qr_text:
        return _("No QR found in this photo")
    from planner_desktop.reports.acta_check import check_acta, verdict_line

    return verdict_line(check_acta(store, row.qr_text))


class PhotoStrip(QWidget):
    """The photos of one owner; :meth:`set_owner` chooses it (None: nothing to show)."""

    def __init__(
        self,
        store: Store,
        undo_stack: QUndoStack,
        kind: PhotoKind,
        title: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName(f"photoStrip_{kind.value}")
        self.store = store
        self.undo_stack = undo_stack
        self.hub = hub_for(undo_stack, store)
        self.kind = kind
        self.record_id: uuid.UUID | None = None
        """The owner; for an acta, the event (its acta is found or started on attach)."""
        self.rows: dict[uuid.UUID, photos.PhotoRow] = {}
        self.attach_button = QPushButton(_("Attach photo…"))
        self.attach_button.setObjectName("attachPhoto")
        self.keep_place = QCheckBox(_("Keep the photo's place"))
        self.keep_place.setObjectName("keepPhotoPlace")
        self.keep_place.setToolTip(
            _("Store the GPS position the camera wrote; otherwise no place leaves the laptop")
        )
        self.list = QListWidget()
        self.list.setObjectName("photoList")
        self.list.setViewMode(QListWidget.ViewMode.IconMode)
        self.list.setIconSize(QSize(THUMBNAIL_SIDE, THUMBNAIL_SIDE))
        self.list.setFlow(QListWidget.Flow.LeftToRight)
        self.list.setWrapping(False)
        self.list.setFixedHeight(THUMBNAIL_SIDE + 40)
        self.caption = QLineEdit()
        self.caption.setObjectName("photoCaption")
        self.caption.setPlaceholderText(_("Caption of the chosen photo"))
        self.caption.setMaxLength(200)
        self.open_button = QPushButton(_("Open"))
        self.delete_button = QPushButton(_("Delete photo"))
        self.delete_button.setObjectName("deletePhoto")
        self.message = QLabel()
        self.message.setObjectName("photoMessage")
        self.message.setWordWrap(True)
        buttons = QHBoxLayout()
        for widget in (self.attach_button, self.keep_place):
            buttons.addWidget(widget)
        buttons.addStretch(1)
        details = QHBoxLayout()
        details.addWidget(self.caption, 1)
        details.addWidget(self.open_button)
        details.addWidget(self.delete_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        heading = QLabel(title)
        heading.setObjectName("photoStripTitle")
        layout.addWidget(heading)
        layout.addLayout(buttons)
        layout.addWidget(self.list)
        layout.addLayout(details)
        layout.addWidget(self.message)
        self.attach_button.clicked.connect(self.choose_file)
        self.open_button.clicked.connect(self.open_current)
        self.delete_button.clicked.connect(self.delete_current)
        self.caption.editingFinished.connect(self._caption_edited)
        self.list.currentItemChanged.connect(lambda *_args: self._chosen())
        self.list.itemDoubleClicked.connect(lambda _item: self.open_current())
        self.hub.sig_changed.connect(self._table_changed)
        self.set_owner(None)

    # --- the owner ---------------------------------------------------------------------

    def set_owner(self, record_id: uuid.UUID | None) -> None:
        self.record_id = record_id
        self.attach_button.setEnabled(record_id is not None)
        self.reload()

    def _owner(self) -> photos.Owner | None:
        """The owner as stored (an event's acta, when it has one); None if none yet."""
        if self.record_id is None:
            return None
        if self.kind is not PhotoKind.acta:
            return photos.Owner(self.kind, self.record_id)
        with self.store.session() as session:
            acta_id, new = photos.acta_of(session, self.record_id)
        return None if new else photos.Owner(self.kind, acta_id)

    def _table_changed(self, table: str, _serial: int) -> None:
        if table == "photo":
            self.reload()

    def reload(self) -> None:
        try:
            owner = self._owner()
        except Invalid:
            owner = None
        store = self.store
        jobs.run_job(
            self,
            lambda _context: _thumbnails(store, owner),
            on_done=self._show,
            on_error=lambda error: self.message.setText(_one_line(error)),
            writes=False,
        )

    def _show(self, found: list[tuple[photos.PhotoRow, bytes, str]]) -> None:
        chosen = self.current_photo()
        self.list.blockSignals(True)
        self.list.clear()
        self.rows = {}
        for row, thumbnail, qr_line in found:
            pixmap = QPixmap()
            pixmap.loadFromData(thumbnail)
            item = QListWidgetItem(QIcon(pixmap), row.caption or "")
            item.setData(Qt.ItemDataRole.UserRole, row.id)
            item.setData(Qt.ItemDataRole.UserRole + 1, qr_line)
            item.setToolTip(qr_line or row.caption)
            self.list.addItem(item)
            self.rows[row.id] = row
            if row.id == chosen:
                self.list.setCurrentItem(item)
        self.list.blockSignals(False)
        self._chosen()

    def current_photo(self) -> uuid.UUID | None:
        item = self.list.currentItem()
        return None if item is None else item.data(Qt.ItemDataRole.UserRole)

    def _chosen(self) -> None:
        photo_id = self.current_photo()
        row = self.rows.get(photo_id) if photo_id is not None else None
        for widget in (self.caption, self.open_button, self.delete_button):
            widget.setEnabled(row is not None)
        self.caption.setText(row.caption if row else "")
        item = self.list.currentItem()
        qr_line = item.data(Qt.ItemDataRole.UserRole + 1) if item is not None else ""
        self.message.setText(qr_line or "")

    # --- writes ------------------------------------------------------------------------

    def choose_file(self) -> None:
        if self.record_id is None:
            return
        path = open_file(
            self,
            _("Attach photo"),
            str(Path.home()),
            _("Photos ({patterns})").format(patterns=PHOTO_FILES),
        )
        if path:
            self.attach_file(Path(path))

    def attach_file(self, path: Path) -> None:
        """Take ``path`` in (in a worker), then attach it through the undo stack."""
        from planner_desktop.evidence.ingest import ingest_file

        keep, read_qr = self.keep_place.isChecked(), self.kind is PhotoKind.acta
        self.keep_place.setChecked(False)
        self.message.setText(_("Reading {name}…").format(name=path.name))
        jobs.run_job(
            self,
            lambda _context: ingest_file(path, keep_location=keep, read_qr=read_qr),
            on_done=self._attach,
            on_error=lambda error: self.message.setText(_one_line(error)),
            writes=False,
        )

    def _attach(self, picture: Any) -> None:
        if self.record_id is None:
            return
        new_acta = None
        owner_id = self.record_id
        try:
            if self.kind is PhotoKind.acta:
                with self.store.session() as session:
                    owner_id, new = photos.acta_of(session, self.record_id)
                new_acta = new or None
        except Invalid as error:
            self.message.setText(str(error))
            return
        self.message.clear()
        owner = photos.Owner(self.kind, owner_id)
        self.undo_stack.push(
            AttachPhoto(self.hub, _("Attach a photo"), picture, owner, new_acta=new_acta)
        )

    def _caption_edited(self) -> None:
        photo_id = self.current_photo()
        row = self.rows.get(photo_id) if photo_id is not None else None
        text = " ".join(self.caption.text().split())
        if row is None or text == row.caption:
            return
        self.undo_stack.push(
            EditRecord(
                self.hub,
                _("Photo caption"),
                Photo,
                row.id,
                {"caption": text},
                {"caption": row.caption},
            )
        )

    def delete_current(self) -> None:
        photo_id = self.current_photo()
        if photo_id is not None:
            self.undo_stack.push(DeletePhoto(self.hub, _("Delete a photo"), photo_id))

    def open_current(self) -> None:
        photo_id = self.current_photo()
        if photo_id is None:
            return
        with self.store.session() as session:
            _media, data = photos.read_picture(session, photo_id)
        PhotoViewer(data, self.rows[photo_id].caption, self).open()


class PhotoViewer(QDialog):
    """One photo, larger (scrolls when bigger than the screen)."""

    def __init__(self, data: bytes, caption: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("photoViewer")
        self.setWindowTitle(caption or _("Photo"))
        pixmap = QPixmap()
        pixmap.loadFromData(data)
        picture = QLabel()
        picture.setPixmap(pixmap)
        scroll = QScrollArea()
        scroll.setWidget(picture)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll)
        self.resize(min(pixmap.width() + 40, 1200), min(pixmap.height() + 40, 900))


def round_event(store: Store, round_id: uuid.UUID | None) -> uuid.UUID | None:
    """The event of a prioritisation round (its acta's), or None."""
    if round_id is None:
        return None
    from planner_desktop.domain.prioritization import PrioritizationRound

    with store.session() as session:
        found = session.get(PrioritizationRound, round_id)
        return None if found is None else found.event_id
