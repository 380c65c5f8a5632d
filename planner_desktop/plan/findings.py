"""What a check reports: a finding that names the record to open to fix it.

The severity scale (the same words on screen, on the command line and in the code):

``error``
    The plan is not coherent or not viable as it stands (money above a ceiling, an
    operation that cannot be followed back to the PDM, progress dated in the future…).
    An error **blocks approval**: a POA is not approved while the checks find one
    (:mod:`planner_desktop.plan.approval`), and ``planner-desktop check`` exits 1.
``warning``
    A gap a person should look at (a priority that nothing answers yet, a programme with
    no problem stated…); the plan can still be approved.
``note``
    Information, nothing to do now: work in progress that the checks keep in view (a
    draft profile not complete yet, a programmed project that the POA draft does not
    carry yet).
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from enum import StrEnum


class Severity(StrEnum):
    """See the module docstring for what each level means."""

    error = "error"
    warning = "warning"
    note = "note"

    @property
    def rank(self) -> int:
        """0 for errors, 1 for warnings, 2 for notes: the order findings are listed in."""
        return SEVERITY_ORDER.index(self)


SEVERITY_ORDER = (Severity.error, Severity.warning, Severity.note)


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
