"""Errors of the store, importable without loading the database machinery."""


class StoreError(Exception):
    """The database cannot be opened; the message is one line for a person."""
