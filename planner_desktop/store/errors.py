"""Errors of the store, importable without loading the database machinery."""


class StoreError(Exception):
    """The database cannot be opened; the message is one line for a person."""


class ServerUpgradeNeeded(StoreError):
    """A shared server's schema is older than this program's and nobody confirmed the
    update (see :func:`planner_desktop.store.database.open_store`). The message is the
    command line's; a window builds its own question from ``where``, ``found`` and
    ``needed``."""

    def __init__(self, message: str, *, where: str, found: str, needed: str) -> None:
        super().__init__(message)
        self.where = where
        self.found = found
        self.needed = needed
