"""Undoable photo writes (issue 18, point 4): attach and delete (caption edits are
:class:`~planner_desktop.ui.commands.EditRecord` on the photo)."""

from __future__ import annotations

import uuid
from typing import Any

from planner_desktop.evidence import photos
from planner_desktop.evidence.ingest import StoredPicture
from planner_desktop.store.database import Store
from planner_desktop.ui.changes import ChangeHub
from planner_desktop.ui.commands import StoreCommand


class AttachPhoto(StoreCommand):
    """Attach a picture already taken in; undo tombstones the photo, redo lifts it."""

    tables = ("photo", "minutes")

    def __init__(
        self,
        hub: ChangeHub,
        text: str,
        picture: StoredPicture,
        owner: photos.Owner,
        new_acta: dict[str, Any] | None = None,
    ) -> None:
        super().__init__(hub, text)
        self.picture = picture
        self.owner = owner
        self.new_acta = new_acta
        self.photo_id = uuid.uuid4()
        self.already_shown = False
        """The owner showed this picture already: attaching was a no-op, and so is undo."""

    def apply(self, store: Store) -> None:
        found = photos.attach(
            store, self.picture, self.owner, photo_id=self.photo_id, new_acta=self.new_acta
        )
        self.already_shown = found != self.photo_id

    def revert(self, store: Store) -> None:
        if not self.already_shown:
            photos.delete(store, self.photo_id)


class DeletePhoto(StoreCommand):
    """Tombstone a photo; undo brings it back (its picture was kept)."""

    tables = ("photo",)

    def __init__(self, hub: ChangeHub, text: str, photo_id: uuid.UUID) -> None:
        super().__init__(hub, text)
        self.photo_id = photo_id

    def apply(self, store: Store) -> None:
        photos.delete(store, self.photo_id)

    def revert(self, store: Store) -> None:
        photos.restore(store, self.photo_id)
