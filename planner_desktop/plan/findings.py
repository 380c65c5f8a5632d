"""What a check reports: a finding that names the record to open to fix it."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from enum import StrEnum


class Severity(StrEnum):
    """``error``: the plan is not viable or not coherent as it stands (``check`` exits 1).
    ``warning``: a gap a person should look at; the plan can still go ahead."""

    error = "error"
    warning = "warning"


@dataclass(frozen=True)
class Finding:
    """One problem found by a check.

    ``table`` and ``record_id`` name the record where the problem is fixed (a table name of
    the store and the record's id), so that the window can jump there.
    """

    severity: Severity
    code: str
    message: str
    table: str
    record_id: uuid.UUID

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.error

    def line(self) -> str:
        """The one line the command prints: ``ERROR code: message``."""
        return f"{self.severity.value.upper()} {self.code}: {self.message}"


def one_line(text: str | None, limit: int = 80) -> str:
    """A record's text squeezed onto one line and shortened for a message."""
    flat = " ".join((text or "").split())
    return flat if len(flat) <= limit else flat[: limit - 1].rstrip() + "…"


def label(code: str | None, name: str | None) -> str:
    """``CODE «name»`` as records are named in messages."""
    name_part = one_line(name)
    if code and name_part:
        return f"{code} «{name_part}»"
    return code or f"«{name_part}»"
