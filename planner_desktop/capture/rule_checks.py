"""The one set of value rules (:mod:`planner_desktop.domain.rules`) applied to what a
person types, before anything is written (no Qt).

Every capture function that writes a record passes the row through :func:`refuse_row`,
so a form that forgets a check is still caught: the refusal is :class:`FieldRefused`, whose
``field`` names the column and whose text is ``"<field title>: <reason>"``, the reason in
the same words ``session verify`` and ``session merge`` use. Nothing is written then.

:func:`checking_writes` is the net under every other check: while it is on (in the thread
that turned it on), every record a session is about to flush, new or changed, is checked
the same way, whatever function wrote it; the first value that breaks its rule stops the
flush with :class:`FieldRefused` and the transaction writes nothing.

Typed text is first made one line the way the capture always did (tabs, line breaks and
runs of spaces become one space, the ends trimmed); any other control character (a NUL
byte pasted from a broken document) is refused by the rule, never silently dropped.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from typing import Any

from sqlalchemy import event, inspect
from sqlalchemy.orm import Session

from planner_desktop.capture.validation import Invalid
from planner_desktop.domain import rules
from planner_desktop.i18n import _

_WHITESPACE = re.compile(r"[\t\n\r\v\f\x1c-\x1f\x85\u2028\u2029 ]+")


class FieldRefused(Invalid):
    """A typed row was refused; ``field`` is the field to correct."""

    def __init__(self, field: str, reason: str) -> None:
        super().__init__(reason)
        self.field = field


def rule_of(table: str, column: str) -> rules.Rule | None:
    """The rule of ``table.column``, or None for a column the rules leave to the schema
    (ids, flags, choices)."""
    try:
        return rules.rule_for(table, column)
    except KeyError:
        return None


def problem(table: str, column: str, value: Any) -> str | None:
    """Why ``value`` cannot be stored in ``table.column`` (the rule's words), or None."""
    rule = rule_of(table, column)
    return None if rule is None else rule.problem(value)


def refusal(table: str, column: str, reason: str) -> FieldRefused:
    """The refusal of ``table.column`` for ``reason``: ``"<field title>: <reason>"``."""
    title = rules.field_title(table, column)
    return FieldRefused(column, _("{field}: {reason}").format(field=title, reason=reason))


def refuse_row(table: str, row: Mapping[str, Any]) -> None:
    """Refuse (:class:`FieldRefused`) the first value of ``row`` that breaks its rule."""
    found = rules.check_row(table, row)
    if found is not None:
        column, reason = found
        raise refusal(table, column, reason)


def refuse_value(table: str, column: str, value: Any) -> Any:
    """``value`` when it passes the rule of ``table.column``; else :class:`FieldRefused`."""
    reason = problem(table, column, value)
    if reason is not None:
        raise refusal(table, column, reason)
    return value


def one_line(text: str) -> str:
    """Typed text on one line: whitespace runs become one space, the ends trimmed. Other
    control characters stay, for the rule to refuse."""
    return _WHITESPACE.sub(" ", text).strip()


def typed_line(table: str, column: str, text: Any) -> str:
    """A one-line text typed for ``table.column``, as stored, or :class:`FieldRefused`."""
    return str(refuse_value(table, column, one_line(str(text or ""))))


def parse_whole(text: Any, empty: int | None = 0) -> int | None:
    """A whole number typed as text (``1.500`` or ``1 500`` as well), not yet judged by
    any rule; an empty cell is ``empty``. Not a number: :class:`Invalid`."""
    typed = one_line(str(text if text is not None else ""))
    cleaned = typed.replace(" ", "").replace(".", "").replace(",", "")
    if not cleaned:
        return empty
    digits = cleaned.removeprefix("-")
    if digits.isascii() and digits.isdigit():
        return int(cleaned)
    raise Invalid(_("Type a whole number"))


def bounds(table: str, column: str) -> tuple[Any, Any]:
    """The lowest and highest value ``table.column`` accepts now (None: no bound), for a
    spin box's or a date edit's range."""
    rule = rule_of(table, column)
    return (None, None) if rule is None else rule.bounds()


def max_length(table: str, column: str) -> int:
    """The most characters ``table.column`` holds (a line edit's maximum length)."""
    rule = rule_of(table, column)
    return rules.MAX_TEXT if rule is None else rule.length


_checking = threading.local()


@contextmanager
def checking_writes() -> Iterator[None]:
    """Check every record flushed in this thread against the rules until the block ends
    (see the module's text)."""
    before = getattr(_checking, "on", False)
    _checking.on = True
    try:
        yield
    finally:
        _checking.on = before


def pending_row(obj: Any, new: bool) -> dict[str, Any]:
    """The values a flush would write for ``obj``: all of a new record's, only the changed
    ones of a record read before."""
    state = inspect(obj)
    row: dict[str, Any] = {}
    for attr in state.mapper.column_attrs:
        if new or state.attrs[attr.key].history.has_changes():
            row[attr.columns[0].name] = getattr(obj, attr.key)
    return row


def refuse_pending(session: Session) -> None:
    """Refuse (:class:`FieldRefused`) the first value about to be flushed that breaks its
    rule (records of tables without rules pass)."""
    for new, objects in ((True, list(session.new)), (False, list(session.dirty))):
        for obj in objects:
            table = getattr(obj, "__tablename__", None)
            if table is not None and (new or session.is_modified(obj)):
                refuse_row(str(table), pending_row(obj, new))


@event.listens_for(Session, "before_flush")
def _before_flush(session: Session, _context: Any, _instances: Any) -> None:
    if getattr(_checking, "on", False):
        refuse_pending(session)
