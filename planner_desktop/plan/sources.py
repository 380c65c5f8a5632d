"""Funding sources typed by a person: add, change, delete, and their ceilings per year.

A source has a code (1 to 20 characters, unique among the municipality's live sources,
compared without regard to case), a name (required, at most 200 characters), a kind (one
of :class:`~planner_desktop.domain.enums.FundingKind`, given as the enum, its code or its
translated label) and a funder (free text, may be empty). Every bad value raises
:class:`~planner_desktop.capture.territory.FieldRefused` (a :class:`ValueError`) whose
``field`` names the field and whose text is one translated line naming it too; nothing is
written then.

A code once used stays with its record, tombstoned ones included (the store keeps one row
per municipality and code): typing the code of a deleted source is refused, and the codes
offered for new sources (``F-01``, ``F-02``…) skip every code ever used.

A source is deleted (a tombstone, with its ceilings) only when nothing uses it: no live
five-year programming, project funding or POA operation; otherwise
:func:`delete_source` refuses in one line naming what uses it. Its ceilings per year are
in :mod:`planner_desktop.plan.source_ceilings`. Every function works in the caller's
session; the caller owns the transaction.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from planner_desktop.capture import deletion
from planner_desktop.capture.territory import FieldRefused
from planner_desktop.capture.validation import clean_text
from planner_desktop.domain import labels
from planner_desktop.domain.enums import FundingKind
from planner_desktop.domain.projects import FundingSource, SourceCeiling
from planner_desktop.domain.provenance import mark_deleted
from planner_desktop.i18n import N_, _
from planner_desktop.plan.ordering import bytewise

CODE_MAX = 20
NAME_MAX = 200
FUNDER_MAX = 200
NEW_CODE_PREFIX = "F-"
FIELDS: dict[str, str] = {
    "code": N_("Code"),
    "name": N_("Name"),
    "kind": N_("Kind"),
    "funder": N_("Funder"),
}
"""The fields a person types, with their (untranslated) titles."""
USES = ("multi_year_programming", "profile_funding", "operation")
"""The tables whose live records keep a source from being deleted."""
_NUMBER = re.compile(r"(\d+)$")


@dataclass(frozen=True)
class SourceLine:
    """One live source as the window lists it."""

    id: uuid.UUID
    code: str
    name: str
    kind: FundingKind
    funder: str

    def value(self, field: str) -> Any:
        return getattr(self, field)


def _title(field: str) -> str:
    return _(FIELDS[field])


def _text(field: str, value: Any, limit: int, *, required: bool) -> str:
    text = clean_text(str(value)) if value is not None else ""
    if required and not text:
        message = _("{field}: write a code.") if field == "code" else _("{field}: write a name.")
        raise FieldRefused(field, message.format(field=_title(field)))
    if len(text) > limit:
        message = _("{field}: at most {limit} characters.")
        raise FieldRefused(field, message.format(field=_title(field), limit=limit))
    return text


def kind_choices() -> list[tuple[FundingKind, str]]:
    """Every kind with its translated label, in the order of the enum."""
    return [(kind, labels.label(kind)) for kind in FundingKind]


def _kind(value: Any) -> FundingKind:
    if isinstance(value, FundingKind):
        return value
    text = clean_text(str(value or "")).casefold()
    for kind, label in kind_choices():
        if text in (kind.value, label.casefold()):
            return kind
    raise FieldRefused(
        "kind",
        _("{field}: choose one of {choices}.").format(
            field=_title("kind"), choices=", ".join(label for _k, label in kind_choices())
        ),
    )


def check_field(field: str, value: Any) -> Any:
    """``value`` of ``field`` as stored, or :class:`FieldRefused` naming the field."""
    if field == "code":
        return _text("code", value, CODE_MAX, required=True)
    if field == "name":
        return _text("name", value, NAME_MAX, required=True)
    if field == "kind":
        return _kind(value)
    if field == "funder":
        return _text("funder", value, FUNDER_MAX, required=False)
    raise FieldRefused(field, _("{field}: not a field of a funding source.").format(field=field))


def _codes(session: Session, municipality_id: uuid.UUID) -> list[tuple[uuid.UUID, str, bool]]:
    """(id, code, live) of every source of the municipality, tombstoned ones too."""
    rows = session.execute(
        select(FundingSource.id, FundingSource.code, FundingSource.deleted_at.is_(None)).where(
            FundingSource.municipality_id == municipality_id
        )
    )
    return [(source_id, code, bool(alive)) for source_id, code, alive in rows]


def _check_code_free(
    session: Session, municipality_id: uuid.UUID, code: str, source_id: uuid.UUID | None
) -> None:
    for other_id, other_code, alive in _codes(session, municipality_id):
        if other_id == source_id:
            continue
        if alive and other_code.casefold() == code.casefold():
            raise FieldRefused(
                "code",
                _("{field}: {code} is the code of another source.").format(
                    field=_title("code"), code=code
                ),
            )
        if not alive and other_code == code:
            raise FieldRefused(
                "code",
                _("{field}: {code} belonged to a deleted source; choose another code.").format(
                    field=_title("code"), code=code
                ),
            )


def next_code(session: Session, municipality_id: uuid.UUID, taken: Iterable[str] = ()) -> str:
    """The next ``F-NN`` never used in the municipality (``taken``: given but not saved)."""
    codes = [code for _id, code, _alive in _codes(session, municipality_id)]
    highest = 0
    for code in (*codes, *taken):
        match = _NUMBER.search(code) if code.startswith(NEW_CODE_PREFIX) else None
        if match and code == f"{NEW_CODE_PREFIX}{match.group(1)}":
            highest = max(highest, int(match.group(1)))
    return f"{NEW_CODE_PREFIX}{highest + 1:02d}"


def live_sources(session: Session, municipality_id: uuid.UUID) -> list[SourceLine]:
    """The municipality's live sources, by code."""
    rows = session.scalars(
        select(FundingSource)
        .where(FundingSource.municipality_id == municipality_id, FundingSource.deleted_at.is_(None))
        .order_by(
            bytewise(func.upper(FundingSource.code)), FundingSource.created_at, FundingSource.id
        )
    )
    return [SourceLine(s.id, s.code, s.name, s.kind, s.funder) for s in rows]


def new_source_values(
    session: Session,
    municipality_id: uuid.UUID,
    *,
    code: Any = None,
    name: Any = None,
    kind: Any = FundingKind.national_transfer,
    funder: Any = "",
) -> dict[str, Any]:
    """The checked values of a new source, its id chosen (no code: the next free one; no
    name: "New funding source"); :class:`FieldRefused` for a bad value."""
    values = {
        "code": next_code(session, municipality_id) if code is None else code,
        "name": _("New funding source") if name is None else name,
        "kind": kind,
        "funder": funder,
    }
    checked = {field: check_field(field, value) for field, value in values.items()}
    _check_code_free(session, municipality_id, checked["code"], None)
    return {"id": uuid.uuid4(), "municipality_id": municipality_id, **checked}


def add_source(session: Session, municipality_id: uuid.UUID, **fields: Any) -> uuid.UUID:
    """Add a source (fields as :func:`new_source_values`); its id."""
    values = new_source_values(session, municipality_id, **fields)
    session.add(FundingSource(**values))
    session.flush()
    return values["id"]  # type: ignore[no-any-return]


def live_source(session: Session, source_id: uuid.UUID) -> FundingSource:
    """The source, or :class:`LookupError` when it is gone (deleted meanwhile)."""
    source = session.get(FundingSource, source_id)
    if source is None or source.deleted_at is not None:
        raise LookupError(_("The funding source no longer exists."))
    return source


def check_changes(
    session: Session, source_id: uuid.UUID, changes: Mapping[str, Any]
) -> dict[str, Any]:
    """``changes`` as they would be stored, or :class:`FieldRefused` for the first bad one."""
    source = live_source(session, source_id)
    checked = {field: check_field(field, value) for field, value in changes.items()}
    if "code" in checked and checked["code"] != source.code:
        _check_code_free(session, source.municipality_id, checked["code"], source_id)
    return checked


def update_source(
    session: Session, source_id: uuid.UUID, changes: Mapping[str, Any]
) -> dict[str, Any]:
    """Write checked ``changes`` to a live source; return the values they replaced."""
    checked = check_changes(session, source_id, changes)
    source = live_source(session, source_id)
    previous = {field: getattr(source, field) for field in checked}
    for field, value in checked.items():
        setattr(source, field, value)
    session.flush()
    return previous


def delete_refusal(session: Session, source_id: uuid.UUID) -> str | None:
    """Why the source cannot be deleted (one line naming what uses it), or None."""
    source = live_source(session, source_id)
    found = [
        found
        for found in deletion.dependents(session, FundingSource, source_id)
        if found.table in USES
    ]
    if not found:
        return None
    return _("Funding source {code} cannot be deleted; it is used by: {list}.").format(
        code=source.code, list=deletion.describe(found)
    )


def delete_source(session: Session, source_id: uuid.UUID) -> deletion.Deletion:
    """Tombstone an unused source and its live ceilings (what
    :func:`planner_desktop.capture.deletion.restore` brings back); :class:`ValueError`
    naming what uses it otherwise, with nothing written."""
    reason = delete_refusal(session, source_id)
    if reason:
        raise FieldRefused("code", reason)
    done = deletion.Deletion()
    source = live_source(session, source_id)
    mark_deleted(source)
    done.records.append((FundingSource, source_id))
    for ceiling in session.scalars(
        select(SourceCeiling).where(
            SourceCeiling.source_id == source_id, SourceCeiling.deleted_at.is_(None)
        )
    ):
        mark_deleted(ceiling)
        done.records.append((SourceCeiling, ceiling.id))
    session.flush()
    return done
