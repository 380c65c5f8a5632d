"""How the conflict window writes a field's value, reads one typed back, and names a record
and the laptop of a version (no widget here)."""

from __future__ import annotations

import json
import uuid
from enum import StrEnum
from typing import Any

from planner_desktop.domain import labels
from planner_desktop.exchange.conflict_reading import ConflictReading, shown_values
from planner_desktop.exchange.labels import table_title
from planner_desktop.exchange.laptops import Laptop, when
from planner_desktop.exchange.readable import ValueKind, name_of, typed, value_kind
from planner_desktop.exchange.session import Conflict, ConflictVersion
from planner_desktop.i18n import _
from planner_desktop.reports import numbers
from planner_desktop.ui import formatting


def shown(value: Any) -> str:
    """A plain value of a field nobody described (not a column of its table)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return _("Yes") if value else _("No")
    if isinstance(value, dict | list):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def readable(reading: ConflictReading, name: str, plain: Any) -> str:
    """A plain value of ``name`` as a person knows it, in the window's language."""
    if plain is None:
        return ""
    kind = value_kind(reading.table, name)
    value = typed(reading.table, name, plain)
    if kind is ValueKind.reference:
        found = reading.references.name(value)
        return found if found is not None else _("a record not in this database")
    if kind is ValueKind.label and isinstance(value, StrEnum):
        return labels.label(value)
    if kind is ValueKind.money and not isinstance(value, str):
        return formatting.money(value)
    if kind is ValueKind.number and isinstance(value, int):
        return formatting.number(value)
    if kind is ValueKind.decimal and isinstance(value, int | float):
        return numbers.decimal(value, 12)
    if kind is ValueKind.date and not isinstance(value, str):
        return formatting.short_date(value)
    if kind is ValueKind.moment and not isinstance(value, str):
        return formatting.date_time(when(value))
    return shown(value)


def parse(text: str, samples: list[Any]) -> Any:
    """The value typed for a field, of the same kind as its versions' values.

    Raises :class:`ValueError` when the text is not of that kind.
    """
    text = text.strip()
    known = [s for s in samples if s is not None]
    if not text and len(known) < len(samples):
        return None
    if known and all(isinstance(s, bool) for s in known):
        if text.lower() in (_("yes"), "yes", "true", "1"):
            return True
        if text.lower() in (_("no"), "no", "false", "0"):
            return False
        raise ValueError(text)
    if known and all(isinstance(s, int) for s in known):
        return int(text)
    if known and all(isinstance(s, float) for s in known):
        return float(text)
    if known and all(isinstance(s, dict | list) for s in known):
        return json.loads(text)
    return text


def record_label(conflict: Conflict, names: dict[uuid.UUID, str] | None = None) -> str:
    """The record in conflict as a person names it (``names`` from
    :func:`~planner_desktop.exchange.conflict_reading.record_names`)."""
    label = (names or {}).get(conflict.id) or name_of(shown_values(conflict))
    return label if label else table_title(conflict.table)


def laptop_of(reading: ConflictReading | None, version: ConflictVersion) -> Laptop:
    origin = reading.origins.get(version.version_id) if reading else None
    laptop = origin.laptop if origin else None
    return laptop or Laptop(version.device_id)
