"""The merge's fast paths behave exactly like the slow ones they replace (issue 4)."""

from __future__ import annotations

import hashlib
import uuid
from collections.abc import Callable
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from sqlalchemy import DateTime, Uuid, insert, select
from sqlalchemy.dialects import sqlite

from planner_desktop.exchange import bulk, verify
from planner_desktop.exchange import container as container_module
from planner_desktop.exchange import merge as merge_module
from planner_desktop.exchange.bulk import insert_rows
from planner_desktop.exchange.container import Container
from planner_desktop.exchange.errors import SessionFileError
from planner_desktop.exchange.merge import merge_files
from planner_desktop.exchange.records import dependency_order, table_specs
from planner_desktop.exchange.trust import TrustPolicy
from planner_desktop.exchange.undo import undo_batch
from planner_desktop.store.ledger import version_edge
from tests.exchange import tamper
from tests.exchange.builders import merge, populate
from tests.helpers import dump_text

LIMIT = 9
"""A longest line small enough to test, longer than every chunk (as MAX_LINE_BYTES is)."""


class _Part(Container):
    """A container whose one part arrives in the given chunks."""

    def __init__(self, chunks: list[bytes]) -> None:
        self.path = Path("part.cumbre")
        self._chunks = chunks

    def chunks(self, name: str) -> list[bytes]:  # type: ignore[override]
        return self._chunks


def _outcome(call: Callable[[], int]) -> tuple[str, object]:
    try:
        return "ok", call()
    except SessionFileError as exc:
        return "refused", str(exc)


@given(st.lists(st.lists(st.sampled_from([b"a", b"bb", b"\n", b"{}"]), max_size=8), max_size=8))
def test_counting_lines_agrees_with_reading_them(pieces):
    part = _Part([b"".join(chunk)[: LIMIT - 1] for chunk in pieces])
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(verify, "MAX_LINE_BYTES", LIMIT)
        patch.setattr(container_module, "MAX_LINE_BYTES", LIMIT)
        digests = hashlib.sha256(), hashlib.sha256()
        counted = _outcome(lambda: verify.count_lines(part, "p", digests[0]))
        read = _outcome(lambda: sum(1 for _line in part.lines("p", digests[1])))
    assert counted == read == _expected(b"".join(part.chunks("p")))
    assert digests[0].digest() == digests[1].digest()


def _expected(data: bytes) -> tuple[str, object]:
    """What reading ``data`` line by line must give, worked out on the whole of it."""
    lines = data.split(b"\n")
    last = lines.pop()
    if any(len(line) > LIMIT for line in [*lines, last]):
        return "refused", "part.cumbre: a line of p is too long"
    if last:
        return "refused", "part.cumbre: the last line of p is cut short"
    return "ok", len(lines)


def test_bulk_insert_stores_what_core_stores(make_laptop, make_store):
    laptop = make_laptop("a")
    populate(laptop.store)
    fast, core = make_store("fast"), make_store("core")
    specs = table_specs()
    with laptop.store.engine.connect() as source:
        tables = {
            name: [dict(row._mapping) for row in source.execute(select(spec.table))]
            for name, spec in specs.items()
        }
    edges = [{"record_id": uuid.uuid4(), "version_id": uuid.uuid4(), "parent_id": uuid.uuid4()}]
    with fast.engine.begin() as a, core.engine.begin() as b:
        for name in dependency_order():
            if tables[name]:
                insert_rows(a, specs[name].table, tables[name])
                b.execute(insert(specs[name].table), tables[name])
        insert_rows(a, version_edge, edges)
        b.execute(insert(version_edge), edges)
    assert dump_text(fast) == dump_text(core) == dump_text(laptop.store)
    with fast.engine.connect() as a, core.engine.connect() as b:
        for name in [*dependency_order(), "version_edge"]:
            sql = f'SELECT * FROM "{name}" ORDER BY 1, 2'
            assert a.exec_driver_sql(sql).all() == b.exec_driver_sql(sql).all(), name


def test_a_file_merged_again_is_recognised_without_reading_its_parts(make_laptop, make_store):
    laptop = make_laptop("a")
    populate(laptop.store)
    path = laptop.export()
    hq = make_store("hq")
    [first] = merge(hq, path)
    read: list[str] = []
    original = verify.read_part

    def spy(container, manifest, name, **options):
        read.append(name)
        original(container, manifest, name, **options)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(verify, "read_part", spy)
        [again] = merge(hq, path)
        assert again.status == "already" and again.batch_id == first.batch_id
        assert again.counts.unchanged == first.counts.added
        assert read == []
        undo_batch(hq, first.batch_id)
        [third] = merge(hq, path)
    assert third.status == "merged" and third.counts.added == first.counts.added
    assert read  # an undone file is read through again


def test_a_file_undone_between_check_and_merge_is_still_read_through(make_laptop, make_store):
    """Had its earlier import been undone after the check, its parts are checked after all."""
    laptop = make_laptop("a")
    populate(laptop.store)
    path = laptop.export()

    def lie(head):
        head["parts"]["records/demand.jsonl"]["records"] += 1

    liar = tamper.rebuild(path, laptop.folder / "liar.cumbre", laptop.key, manifest=lie)
    hq = make_store("hq")
    answers = iter([1])  # merged before when checked, not any more in the transaction
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(merge_module, "_earlier_batch", lambda _conn, _sha: next(answers, None))
        before = dump_text(hq)
        [report] = merge_files(hq, [liar], trust=TrustPolicy(trust_new=True))
    assert report.status == "refused", report.line()
    assert "records" in report.reason and "demand" in report.reason
    assert dump_text(hq) == before


TIMES = [
    datetime(2024, 5, 6, 7, 8, 9),
    datetime(2024, 5, 6, 7, 8, 9, 13),
    datetime(999, 1, 2, 3, 4, 5, 999_999),
    datetime(2024, 5, 6, 7, 8, 9, 500, tzinfo=UTC),
    date(2024, 5, 6),
    None,
]


@pytest.mark.parametrize(
    ("kind", "values"),
    [
        (DateTime(), TIMES),
        (Uuid(), [uuid.uuid4(), uuid.UUID(int=0), uuid.UUID(int=2**128 - 1), None]),
        (Uuid(as_uuid=False), [str(uuid.uuid4()), uuid.uuid4().hex, None]),
    ],
)
def test_column_conversions_write_what_the_type_writes(kind, values):
    """Issue 17: the bulk insert's column-at-a-time conversions give, value for value,
    what the column type's own bind processor gives on SQLite."""
    dialect = sqlite.dialect()
    impl = kind.dialect_impl(dialect)
    processor = impl.bind_processor(dialect)
    convert = bulk._column_converter(impl, dialect)
    assert processor is not None and convert is not None
    assert convert(list(values)) == [processor(value) for value in values]
