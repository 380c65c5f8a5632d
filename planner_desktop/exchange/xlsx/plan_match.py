"""Which record each row of the plan workbook is, and writing a row onto its record.

A row is matched, in this order (see :mod:`planner_desktop.exchange.xlsx.plan_spec`):

1. by its *Id*, to a live record of the current plan or municipality;
2. an *Id* naming a record deleted since the file was written: the row is skipped;
3. by its key (a code or name, compared without case or accents), to a live record no
   row took in step 1; the first such row takes it;
4. otherwise the row is a new record (with a new id).

Writing compares each value with the stored one read by the same rule as the cell
(:func:`same`), and sets only those that differ: a row equal to its record leaves it
untouched (no new version), a changed cell changes that field alone.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Hashable, Iterable
from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from planner_desktop.capture.validation import Invalid
from planner_desktop.domain.base import Synced
from planner_desktop.exchange.xlsx.errors import Where, refuse
from planner_desktop.exchange.xlsx.plan_cells import Row, SheetRows
from planner_desktop.exchange.xlsx.plan_readers import READERS
from planner_desktop.exchange.xlsx.plan_spec import Cell
from planner_desktop.i18n import _
from planner_desktop.plan.frame import folded

V = TypeVar("V")
W = TypeVar("W")


@dataclass(eq=False)
class Target:
    """What one row becomes: ``record`` to update, or a new record with ``id``."""

    row: Row
    record: Any | None
    id: uuid.UUID
    fields: dict[str, Any] = field(default_factory=dict)
    cells: dict[str, Cell] = field(default_factory=dict)
    extra: dict[str, Any] = field(default_factory=dict)
    """What is written besides the record's fields (an element's tags, a source's
    ceilings…)."""

    @property
    def is_new(self) -> bool:
        return self.record is None

    def set(self, name: str, value: Any, cell: Cell | None = None) -> None:
        """The value ``name`` is to have; ``cell`` the rule the stored text is read by."""
        self.fields[name] = value
        if cell is not None:
            self.cells[name] = cell

    def offer(self, name: str, value: Any, cell: Cell | None = None, column: str = "") -> None:
        """Set ``name`` when the sheet has its column (``column``, by default ``name``) or
        the record is new: a column left out of the sheet leaves the field alone."""
        if self.is_new or self.row.has(column or name):
            self.set(name, value, cell)

    def final(self, name: str) -> Any:
        """The value after the import: the row's, or else the stored one."""
        if name in self.fields:
            return self.fields[name]
        return getattr(self.record, name, None)


@dataclass
class Matched:
    """A sheet matched against what is stored."""

    targets: list[Target]
    untouched: list[Any]
    """Live records no row took: they stay as they are."""


def key_text(text: str | None) -> str:
    return folded(" ".join((text or "").split()))


def match(
    session: Session,
    sheet: SheetRows | None,
    model: type[Synced],
    existing: Iterable[Any],
    row_key: Callable[[Row], Hashable | None],
    record_key: Callable[[Any], Hashable | None],
) -> Matched:
    """Match every row of ``sheet`` to one of ``existing`` (see the module docstring)."""
    live = list(existing)
    if sheet is None:
        return Matched([], live)
    by_id = {record.id: record for record in live}
    taken: set[uuid.UUID] = set()
    seen: dict[uuid.UUID, int] = {}
    pending: list[Row] = []
    targets: dict[int, Target] = {}
    for row in sheet.rows:
        given = row.values.get("id")
        if given is None:
            pending.append(row)
            continue
        if given in seen:
            raise refuse(row.at("id"), _("the same Id is in row {row}").format(row=seen[given]))
        seen[given] = row.number
        if given in by_id:
            targets[row.number] = Target(row, by_id[given], given)
            taken.add(given)
            continue
        stored = session.get(model, given)
        if stored is not None and stored.deleted_at is not None:
            continue
        pending.append(row)
    by_key: dict[Hashable, list[Any]] = {}
    for record in live:
        if record.id not in taken:
            by_key.setdefault(record_key(record), []).append(record)
    for row in pending:
        key = row_key(row)
        found = by_key.get(key) if key is not None else None
        if found:
            record = found.pop(0)
            targets[row.number] = Target(row, record, record.id)
            taken.add(record.id)
        else:
            targets[row.number] = Target(row, None, uuid.uuid4())
    ordered = [targets[row.number] for row in sheet.rows if row.number in targets]
    return Matched(ordered, [record for record in live if record.id not in taken])


class Keys(Generic[V]):
    """The records other sheets name by key (a code, a name), after the import.

    A key names the record that has it after the import; failing that, the record that
    had it before (a row that changes an element's code leaves the other rows naming it
    by its former code right: one edited cell changes one thing).
    """

    def __init__(self) -> None:
        self.final: dict[Hashable, V] = {}
        self.former: dict[Hashable, V] = {}

    def get(self, key: Hashable) -> V | None:
        if key in self.final:
            return self.final[key]
        return self.former.get(key)

    def __contains__(self, key: Hashable) -> bool:
        return key in self.final or key in self.former

    def __getitem__(self, key: Hashable) -> V:
        found = self.get(key)
        if found is None:
            raise KeyError(key)
        return found

    def map(self, change: Callable[[V], W]) -> Keys[W]:
        out: Keys[W] = Keys()
        out.final = {key: change(item) for key, item in self.final.items()}
        out.former = {key: change(item) for key, item in self.former.items()}
        return out


def unique(
    matched: Matched,
    key: Callable[[Target], Hashable | None],
    stored_key: Callable[[Any], Hashable | None],
    column: str,
    message: Callable[[Target, Target | None], str],
) -> Keys[Any]:
    """Refuse two records with one key after the import; the records by key.

    ``message(target, other)`` says why (``other`` None: a record not in the sheet).
    """
    found: Keys[Any] = Keys()
    final = found.final
    for record in matched.untouched:
        final.setdefault(stored_key(record), record)
    for target in matched.targets:
        value = key(target)
        if value is None:
            continue
        other = final.get(value)
        if other is not None:
            raise refuse(
                target.row.at(column), message(target, other if isinstance(other, Target) else None)
            )
        final[value] = target
    for target in matched.targets:
        if target.record is not None:
            before = stored_key(target.record)
            if before is not None and before != key(target):
                found.former.setdefault(before, target)
    return found


def same(stored: Any, value: Any, cell: Cell | None) -> bool:
    """Whether ``value`` (read from a cell) is what is stored, both read by one rule."""
    if stored == value:
        return True
    if cell is None or not isinstance(stored, str) or not isinstance(value, str):
        return False
    try:
        return bool(READERS[cell](stored, None) == value)
    except Invalid:
        return False


def write(session: Session, model: type[Synced], target: Target, **fixed: Any) -> str:
    """Add the new record or change the fields that differ: ``"added"``, ``"changed"`` or
    ``"unchanged"``. ``fixed`` are fields of a new record only (its plan, its position)."""
    if target.record is None:
        record = model(id=target.id, **fixed, **target.fields)  # type: ignore[call-arg]
        session.add(record)
        target.record = record
        return "added"
    changed = False
    for name, value in target.fields.items():
        if not same(getattr(target.record, name), value, target.cells.get(name)):
            setattr(target.record, name, value)
            changed = True
    return "changed" if changed else "unchanged"


def next_position(session: Session, model: type[Any], **parents: Any) -> int:
    """The position after the last of a list (tombstoned ones included, as the window)."""
    query = select(func.max(model.position))
    for name, value in parents.items():
        column = getattr(model, name)
        query = query.where(column.is_(None) if value is None else column == value)
    last = session.scalar(query)
    return 0 if last is None else int(last) + 1


def refuse_at(where: Where, error: Exception) -> Exception:
    """A refusal of a value by a rule of the program, at the cell ``where``."""
    text = str(error)
    head, sep, tail = text.partition(": ")
    if sep and where.header and head.casefold() == where.header.casefold():
        text = tail
    return refuse(where, text)


def put(
    session: Session,
    model: type[Any],
    keys: dict[str, Any],
    values: dict[str, Any],
    *,
    empty: bool = False,
    delete_empty: bool = True,
) -> str:
    """Write the one record of ``keys`` (a pair unique in the store, tombstones included:
    a level, a target, a ceiling, a score, a role, a tag) as the window does.

    ``empty`` says the cell holds nothing: no record is added for it, and a live one is
    tombstoned (``delete_empty``) or given ``values`` (a score not evaluated, an empty
    role). A tombstoned record is brought back rather than a second one added.
    """
    record = session.scalars(select(model).filter_by(**keys)).first()
    live = record is not None and record.deleted_at is None
    if empty and not live:
        return "unchanged"
    if empty and delete_empty:
        from planner_desktop.domain.provenance import mark_deleted

        assert record is not None
        mark_deleted(record)
        return "changed"
    if record is None:
        session.add(model(**keys, **values))
        return "added"
    outcome = "changed" if live else "added"
    if not live:
        record.deleted_at = None
    differs = {
        name: value
        for name, value in values.items()
        if not same(getattr(record, name), value, Cell.TEXT)
    }
    for name, value in differs.items():
        setattr(record, name, value)
    return outcome if differs or not live else "unchanged"
