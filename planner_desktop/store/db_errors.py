"""One line for a person from a database error: the one translator (DESIGN §7; no Qt).

:func:`describe` turns an error of the database (SQLAlchemy's wrapper, or the driver's own
``sqlite3`` or ``psycopg`` error) into one translated line that names what matters and
never quotes SQL, parameters or values, which may hold a person's name:

- a **constraint** the database enforces names the kind of record, the field and the rule
  broken in words (the rules of :mod:`planner_desktop.domain.rules` word the ranges), found
  from the constraint's name (SQLite's message, PostgreSQL's diagnostics) and the schema's
  naming convention (``ck_<table>_<name>``, see :mod:`planner_desktop.domain.base`); a
  missing reference is said to be one only when the failure is one;
- a database that is **read-only, busy, full, damaged, not a database**, a disk error, a
  server gone, a permission denied or a read-only server transaction gets a line of its
  own naming the database file or the server (never its password).

The database named is the one given as ``where``, else the one open now (each store
registers itself with :func:`remember` when it opens and :func:`forget` when it closes),
else the last one opened.
Anything that is not a database error gives None.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import Any

from planner_desktop.i18n import _
from planner_desktop.store import redact

_open: list[str] = []
_last: list[str] = []

# SQLite's primary result codes (https://sqlite.org/rescode.html).
SQLITE_PERM, SQLITE_BUSY, SQLITE_LOCKED, SQLITE_READONLY = 3, 5, 6, 8
SQLITE_IOERR, SQLITE_CORRUPT, SQLITE_FULL, SQLITE_CANTOPEN = 10, 11, 13, 14
SQLITE_CONSTRAINT, SQLITE_NOTADB = 19, 26
_STATE_CODES = (
    SQLITE_PERM, SQLITE_BUSY, SQLITE_LOCKED, SQLITE_READONLY, SQLITE_IOERR, SQLITE_CORRUPT,
    SQLITE_FULL, SQLITE_CANTOPEN, SQLITE_NOTADB,
)  # fmt: skip

_STATEMENT_TABLE = re.compile(
    r"^\s*(?:INSERT\s+(?:OR\s+\w+\s+)?INTO|UPDATE(?:\s+OR\s+\w+)?|DELETE\s+FROM)\s+\"?(\w+)\"?",
    re.IGNORECASE,
)


def remember(where: str | Path) -> None:
    """``where`` (a file, or a server URL already stripped of its password) is open now."""
    _open.append(str(where))
    _last[:] = [str(where)]


def forget(where: str | Path) -> None:
    """``where`` is closed (the last time it was remembered)."""
    text = str(where)
    for index in range(len(_open) - 1, -1, -1):
        if _open[index] == text:
            del _open[index]
            return


def _current() -> str | None:
    """The database open now; else the last one opened (an error is often told after its
    store was closed on the way out)."""
    if _open:
        return _open[-1]
    return _last[0] if _last else None


def describe(exc: BaseException, where: str | Path | None = None) -> str | None:
    """One translated line for the database error ``exc``, or None when it is not one."""
    orig, statement = _unwrap(exc)
    if orig is None:
        return None
    place = redact.scrub(str(where)) if where is not None else _current()
    if isinstance(orig, sqlite3.Error):
        return _sqlite_line(orig, statement, place)
    sqlstate = getattr(orig, "sqlstate", None)
    if _is_psycopg(orig):
        return _server_line(orig, sqlstate, statement, place)
    return _generic(place)


_SERVER_STATES = ("25006", "42501", "55P03", "55006", "57014", "40001", "40P01", "3D000")
_SERVER_STATE_CLASSES = ("08", "28", "53", "57P")


def is_state(exc: BaseException) -> bool:
    """True when ``exc`` tells the state of the database (read-only, busy, full, damaged,
    gone, a permission refused), neither a mistake of the program nor a refused value."""
    orig, _statement = _unwrap(exc)
    if orig is None:
        return False
    if isinstance(orig, sqlite3.Error):
        code = getattr(orig, "sqlite_errorcode", None)
        primary = code & 0xFF if isinstance(code, int) else _code_from_message(str(orig))
        return primary not in (None, SQLITE_CONSTRAINT) and primary in _STATE_CODES
    state = getattr(orig, "sqlstate", None) or ""
    return state in _SERVER_STATES or state.startswith(_SERVER_STATE_CLASSES)


def _unwrap(exc: BaseException) -> tuple[BaseException | None, str | None]:
    """The driver's error behind ``exc`` and the statement's text (to classify, never shown)."""
    from sqlalchemy.exc import DBAPIError

    if isinstance(exc, DBAPIError):
        orig = exc.orig if isinstance(exc.orig, BaseException) else exc
        return orig, exc.statement
    if isinstance(exc, sqlite3.Error) or _is_psycopg(exc):
        return exc, None
    return None, None


def _is_psycopg(exc: BaseException) -> bool:
    return any(kind.__module__.startswith("psycopg") for kind in type(exc).__mro__)


def _generic(place: str | None) -> str:
    if place is None:
        return _("the database reported an error; nothing was changed")
    return _("the database {db} reported an error; nothing was changed").format(db=place)


# --- SQLite ---------------------------------------------------------------------------


def _sqlite_line(error: sqlite3.Error, statement: str | None, place: str | None) -> str:
    code = getattr(error, "sqlite_errorcode", None)
    message = str(error)
    primary = code & 0xFF if isinstance(code, int) else _code_from_message(message)
    if primary == SQLITE_CONSTRAINT or isinstance(error, sqlite3.IntegrityError):
        return _sqlite_constraint(message, statement)
    db = place or _("(this database)")
    lines: dict[int, Callable[[], str]] = {
        SQLITE_READONLY: lambda: _(
            "the database {db} is read-only: check the permissions of the file and of its folder"
        ).format(db=db),
        SQLITE_CANTOPEN: lambda: _(
            "the database {db} cannot be opened: check that its folder exists and can be written to"
        ).format(db=db),
        SQLITE_BUSY: lambda: _busy(db),
        SQLITE_LOCKED: lambda: _busy(db),
        SQLITE_FULL: lambda: _(
            "the database {db} cannot grow: the disk is full; free some space and try again"
        ).format(db=db),
        SQLITE_IOERR: lambda: _io_line(db, code),
        SQLITE_CORRUPT: lambda: _("the database {db} is damaged; restore it from a backup").format(
            db=db
        ),
        SQLITE_NOTADB: lambda: _(
            "{path} is not a Planner Desktop database (not an SQLite file)"
        ).format(path=db),
        SQLITE_PERM: lambda: _("the database {db} cannot be accessed: permission denied").format(
            db=db
        ),
    }
    line = lines.get(primary) if primary is not None else None
    return line() if line is not None else _generic(place)


SQLITE_IOERR_WRITE, SQLITE_IOERR_FSYNC = 778, 1034


def _io_line(db: str, code: int | None) -> str:
    if code in (SQLITE_IOERR_WRITE, SQLITE_IOERR_FSYNC):
        return _(
            "the database {db} could not be written: the disk is full, too small for it or "
            "failing"
        ).format(db=db)
    return _("the database {db} could not be read or written (a disk error)").format(db=db)


def _busy(db: str) -> str:
    return _(
        "the database {db} is busy: another program is writing to it; try again when it "
        "has finished"
    ).format(db=db)


_MESSAGES = (
    ("readonly database", SQLITE_READONLY),
    ("database is locked", SQLITE_BUSY),
    ("database table is locked", SQLITE_LOCKED),
    ("database or disk is full", SQLITE_FULL),
    ("disk i/o error", SQLITE_IOERR),
    ("malformed", SQLITE_CORRUPT),
    ("file is not a database", SQLITE_NOTADB),
    ("unable to open database file", SQLITE_CANTOPEN),
    ("constraint failed", SQLITE_CONSTRAINT),
)


def _code_from_message(message: str) -> int | None:
    lowered = message.lower()
    for words, code in _MESSAGES:
        if words in lowered:
            return code
    return None


def _sqlite_constraint(message: str, statement: str | None) -> str:
    kind, _sep, detail = message.partition(" constraint failed")
    detail = detail.lstrip(": ").strip()
    kind = kind.strip().upper()
    if kind == "CHECK":
        return _check_line(detail)
    if kind == "NOT NULL":
        table, columns = _qualified(detail)
        if table is not None and columns:
            return _refused(table, _field(table, columns[0]), _("must not be empty"))
    if kind in ("UNIQUE", "PRIMARY KEY"):
        table, columns = _qualified(detail)
        if table is not None:
            return _duplicate(table, columns)
    if kind == "FOREIGN KEY":
        return _reference_line(_statement_table(statement), _statement_verb(statement), None)
    return _rule_broken(_statement_table(statement))


def _qualified(detail: str) -> tuple[str | None, list[str]]:
    """``t.a, t.b`` (SQLite's list of a constraint's columns) as the table and columns."""
    parts = [item.strip().split(".", 1) for item in detail.split(",") if item.strip()]
    if not parts or any(len(part) != 2 for part in parts):
        return None, []
    return parts[0][0], [part[1] for part in parts]


def _statement_table(statement: str | None) -> str | None:
    found = _STATEMENT_TABLE.match(statement or "")
    return found.group(1) if found else None


def _statement_verb(statement: str | None) -> str | None:
    words = (statement or "").split(None, 1)
    return words[0].upper() if words else None


# --- PostgreSQL ---------------------------------------------------------------------


def _server_line(
    error: BaseException, sqlstate: str | None, statement: str | None, place: str | None
) -> str:
    server = place or _("(the server)")
    state = sqlstate or ""
    if state.startswith("23"):
        return _server_constraint(error, state, statement)
    if state.startswith("22"):
        return _bad_value(_statement_table(statement), state)
    if state in ("40001", "40P01", "55P03", "55006", "57014"):
        return _busy(server)
    if state == "25006":
        return _(
            "the server {db} accepts no changes now (a read-only server or connection)"
        ).format(db=server)
    if state == "42501":
        return _(
            "the server {db} denied permission for this change; ask the office's database "
            "administrator"
        ).format(db=server)
    if state == "53100":
        return _("the server {db} cannot store more: its disk is full").format(db=server)
    if state.startswith("53"):
        return _("the server {db} ran out of resources; try again later").format(db=server)
    if state.startswith("28"):
        return _("the server {db} refused the user name or the password").format(db=server)
    if state == "3D000":
        return _("the server {db} has no such database").format(db=server)
    if state.startswith(("08", "57P")) or not state:
        return _(
            "the server {db} cannot be reached or closed the connection; check the network "
            "and try again"
        ).format(db=server)
    return _generic(place)


def _server_constraint(error: BaseException, state: str, statement: str | None) -> str:
    diag = getattr(error, "diag", None)
    name = getattr(diag, "constraint_name", None) or ""
    table = getattr(diag, "table_name", None) or _statement_table(statement)
    column = getattr(diag, "column_name", None)
    if state == "23514":
        return _check_line(name)
    if state == "23502" and table and column:
        return _refused(table, _field(table, column), _("must not be empty"))
    if state == "23505":
        found = _unique_columns(name)
        if found is not None:
            return _duplicate(found[0], list(found[1]))
        if table:
            return _duplicate(table, [])
    if state == "23503":
        target = _foreign_target(name)
        verb = _statement_verb(statement)
        if verb == "DELETE":
            return _reference_line(_statement_table(statement), verb, None)
        return _reference_line(target[0] if target else table, verb, target)
    return _rule_broken(table)


# --- the schema's constraints -----------------------------------------------------------


def _tables() -> Any:
    from planner_desktop.domain import models  # noqa: F401 - registers every table
    from planner_desktop.domain.base import Base

    return Base.metadata.tables.values()


@cache
def _constraints() -> dict[str, tuple[str, Any]]:
    """Every named constraint of the schema: its name (also as PostgreSQL cuts it to 63
    characters) to its table and the constraint."""
    found: dict[str, tuple[str, Any]] = {}
    for table in _tables():
        for constraint in table.constraints:
            if isinstance(constraint.name, str):
                found[constraint.name] = (table.name, constraint)
                found.setdefault(constraint.name[:63], (table.name, constraint))
    return found


def _unique_columns(name: str) -> tuple[str, tuple[str, ...]] | None:
    entry = _constraints().get(name)
    if entry is None:
        return None
    table, constraint = entry
    return table, tuple(column.name for column in constraint.columns)


def _foreign_target(name: str) -> tuple[str, str, str] | None:
    """The referring table, its column and the referred table of a foreign key."""
    from sqlalchemy import ForeignKeyConstraint

    entry = _constraints().get(name)
    if entry is None or not isinstance(entry[1], ForeignKeyConstraint):
        return None
    constraint = entry[1]
    column = next(iter(constraint.columns)).name
    return entry[0], column, constraint.referred_table.name


def _order(later: str, earlier: str) -> Callable[[str], str]:
    return lambda table: _("{later} must not be before {earlier}").format(
        later=_field(table, later), earlier=_field(table, earlier)
    )


def _either(first: str, second: str) -> Callable[[str], str]:
    return lambda table: _("it must belong to {first} or to {second}, and to one only").format(
        first=_field(table, first), second=_field(table, second)
    )


def _relations() -> dict[str, Callable[[str], str]]:
    """The checks that tie two fields together, by name, with their rule in words."""
    return {
        "ck_municipality_plan_period": _order("plan_end_year", "plan_start_year"),
        "ck_plan_period": _order("end_year", "start_year"),
        "ck_work_activity_dates": _order("end_date", "start_date"),
        "ck_pact_dates": _order("end_date", "start_date"),
        "ck_criterion_scale": lambda table: _("{high} must be greater than {low}").format(
            high=_field(table, "scale_max"), low=_field(table, "scale_min")
        ),
        "ck_assessment_score_scored": lambda table: _(
            "{field} must be given when the state is scored, and only then"
        ).format(field=_field(table, "percentage")),
        "ck_sdg_link_plan_or_element": _either("plan_id", "element_id"),
        "ck_progress_has_target": lambda table: _(
            "it must belong to {first}, to {second} or to both"
        ).format(first=_field(table, "profile_id"), second=_field(table, "operation_id")),
        "ck_photo_one_owner": lambda table: _(
            "it must belong to one acta, one self-diagnosis or one round, as its type says"
        ),
        "ck_photo_has_size": lambda table: _(
            "{width}, {height} and {size} must be more than 0"
        ).format(
            width=_field(table, "width"),
            height=_field(table, "height"),
            size=_field(table, "size"),
        ),
        "ck_photo_place_whole_or_absent": lambda table: _(
            "{first} and {second} go together: both or neither"
        ).format(first=_field(table, "latitude"), second=_field(table, "longitude")),
    }


def check_rule(name: str) -> tuple[str, str | None, str] | None:
    """The table, the field (None for a rule on several fields) and the rule in words of
    the schema's check constraint ``name``; None for a name the schema does not have."""
    entry = _constraints().get(name)
    if entry is None:
        return None
    table, constraint = entry
    relation = _relations().get(constraint.name)
    if relation is not None:
        return table, None, relation(table)
    columns = _check_columns(constraint)
    if len(columns) != 1:
        return None
    column = columns[0]
    return table, column, _column_rule(table, constraint.table.c[column])


def _check_columns(constraint: Any) -> list[str]:
    """The columns a check constraint reads (those its text names, for a check written as
    text; the enum's column for an enum's check)."""
    if len(constraint.columns):
        return [column.name for column in constraint.columns]
    words = set(re.findall(r"\w+", str(constraint.sqltext)))
    return [column.name for column in constraint.table.columns if column.name in words]


def _column_rule(table: str, column: Any) -> str:
    from sqlalchemy import Enum

    if isinstance(column.type, Enum):
        return _("must be one of its listed choices")
    from planner_desktop.domain import rules

    rule = rules.rule_for(table, column.name)
    low, high = rule.bounds()
    sample = low - 1 if low is not None else high + 1
    return rule.problem(sample) or _("breaks a rule of the database")


def _check_line(name: str) -> str:
    found = check_rule(name)
    if found is None:
        return _rule_broken(_name_table(name))
    table, column, rule = found
    if column is None:
        return _("{record} refused by the database: {rule}").format(
            record=_record(table), rule=rule
        )
    return _refused(table, _field(table, column), rule)


def _name_table(name: str) -> str | None:
    """The table in a constraint's name (``ck_<table>_...``) when the schema has it."""
    names = {table.name for table in _tables()}
    body = name[3:] if name.startswith("ck_") else ""
    candidates = [table for table in names if body.startswith(table + "_")]
    return max(candidates, key=len) if candidates else None


# --- lines -----------------------------------------------------------------------------


def _record(table: str) -> str:
    from planner_desktop.exchange.labels import table_title

    return table_title(table)


def _field(table: str, column: str) -> str:
    from planner_desktop.domain.rules import field_title

    return field_title(table, column)


def _refused(table: str, field: str, rule: str) -> str:
    return _("{record} refused by the database: {field} {rule}").format(
        record=_record(table), field=field, rule=rule
    )


def _duplicate(table: str, columns: list[str]) -> str:
    if not columns:
        return _(
            "{record} refused by the database: another record already has the same key"
        ).format(record=_record(table))
    fields = ", ".join(_field(table, column) for column in columns)
    return _(
        "{record} refused by the database: another record already has the same {fields}"
    ).format(record=_record(table), fields=fields)


def _reference_line(
    table: str | None, verb: str | None, target: tuple[str, str, str] | None
) -> str:
    if verb == "DELETE" and table is not None:
        return _("{record} cannot be removed: other records still refer to it").format(
            record=_record(table)
        )
    if table is None:
        return _("the database refused the change: a record would refer to one that is not in it")
    if target is not None and verb != "DELETE":
        return _("{record} refused by the database: its {field} is not in the database").format(
            record=_record(table), field=_field(table, target[1])
        )
    return _(
        "{record} refused by the database: it refers to a record that is not in the database"
    ).format(record=_record(table))


def _bad_value(table: str | None, state: str) -> str:
    if state == "22001":
        problem = _("a text is longer than its field allows")
    elif state == "22003":
        problem = _("a number is too large for its field")
    else:
        problem = _("a value does not fit its field")
    if table is None:
        return _("the database refused the change: {problem}").format(problem=problem)
    return _("{record} refused by the database: {problem}").format(
        record=_record(table), problem=problem
    )


def _rule_broken(table: str | None) -> str:
    if table is None:
        return _("the database refused the change: it breaks one of the database's rules")
    return _("{record} refused by the database: it breaks one of the database's rules").format(
        record=_record(table)
    )
