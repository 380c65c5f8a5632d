"""Diagnosis dimensions of a municipality: a new one gets a unique code and the last place."""

from __future__ import annotations

import re
import unicodedata
import uuid
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from planner_desktop.capture.rule_checks import one_line, refuse_row
from planner_desktop.capture.validation import Invalid, validate_required
from planner_desktop.domain.territory import Dimension


def _slug(name: str) -> str:
    plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "_", plain.lower()).strip("_")[:30] or "dimension"


def new_dimension(session: Session, municipality_id: uuid.UUID, name: str) -> dict[str, Any]:
    """Values of a new dimension named ``name`` (checked; nothing is written)."""
    reason = validate_required(name)
    if reason:
        raise Invalid(reason)
    codes = set(
        session.scalars(select(Dimension.code).where(Dimension.municipality_id == municipality_id))
    )
    base = code = _slug(name)
    n = 2
    while code in codes:
        code, n = f"{base}_{n}", n + 1
    last = session.scalar(
        select(func.max(Dimension.position)).where(Dimension.municipality_id == municipality_id)
    )
    values = {
        "id": uuid.uuid4(),
        "municipality_id": municipality_id,
        "code": code,
        "name": one_line(name),
        "position": (last or 0) + 1,
    }
    refuse_row("dimension", values)
    return values
