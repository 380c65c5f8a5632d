"""Which records are in an unresolved conflict, so that every list and document showing
them can say so.

A record edited on two laptops from the same version keeps both versions until a person
resolves the conflict (:mod:`planner_desktop.exchange.conflicts`); meanwhile its row holds
one of them, the provisional winner. Whatever shows such a row marks it, so nobody reads
one side's value as settled. No Qt here.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from typing import Any

from sqlalchemy import ColumnElement, select
from sqlalchemy.orm import Session

from planner_desktop.i18n import _
from planner_desktop.store.ledger import merge_conflict


def conflicted_ids(session: Session, table: str) -> set[uuid.UUID]:
    """The ids of the records of ``table`` with an unresolved conflict."""
    return set(session.scalars(
        select(merge_conflict.c.record_id).where(
            merge_conflict.c.table_name == table, merge_conflict.c.resolved_at.is_(None))
    ))


def in_conflict(column: Any, table: str) -> ColumnElement[bool]:
    """A condition: the id in ``column`` is of a record of ``table`` in conflict."""
    return column.in_(  # type: ignore[no-any-return]
        select(merge_conflict.c.record_id).where(
            merge_conflict.c.table_name == table, merge_conflict.c.resolved_at.is_(None))
    )


def any_conflict(session: Session, tables: Iterable[str]) -> bool:
    """Whether a record of any of ``tables`` is in an unresolved conflict."""
    return session.scalar(
        select(merge_conflict.c.id).where(
            merge_conflict.c.table_name.in_(list(tables)),
            merge_conflict.c.resolved_at.is_(None)).limit(1)
    ) is not None


def marked(text: str) -> str:
    """``text`` followed by the printed mark of a record in conflict."""
    return f"{text} [{_('in conflict')}]"


def explanation() -> str:
    """What the mark means, in one line for a person."""
    return _("In conflict: this record was edited on two laptops and both versions are "
             "kept; what is shown is one of them until someone resolves the conflict "
             "(File › Conflicts…).")


def printed_note() -> str:
    """The line a printed document carries when it shows a record in conflict."""
    return _("Marked [in conflict]: edited on two laptops and not resolved yet; the value "
             "printed is one of the two versions. Resolve the conflicts (File › "
             "Conflicts…) before this document is signed or approved.")
