"""The Core-only copy of the travelling tables (:mod:`planner_desktop.store.core_tables`)
is the one the domain models declare, column for column (issue 17, point 2).

The module is generated from the models; when a model changes, this test fails and
``python tests/test_core_tables.py`` writes the module again.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
MODULE = ROOT / "planner_desktop" / "store" / "core_tables.py"

HEADER = '''\
"""The tables whose rows travel between laptops, as SQLAlchemy Core tables only: what a
command that reads or checks rows needs (``check``, ``session verify``) without importing
the domain models or configuring any ORM mapper.

Generated from the domain models by ``python tests/test_core_tables.py``, and compared
with them by that test: do not edit by hand. Columns carry their names, types,
nullability, primary keys and foreign keys; defaults, indexes and constraints stay in the
models and the migrations.
"""

# ruff: noqa: E501
# fmt: off

from __future__ import annotations

from sqlalchemy import (
    Boolean,
    Column,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    Uuid,
)

from planner_desktop.domain import enums
from planner_desktop.domain.column_types import NAMING_CONVENTION, Hundredths, Money, enum_type

metadata = MetaData(naming_convention=NAMING_CONVENTION)
'''


def _type(column: Any) -> str:
    from sqlalchemy import Enum, String

    from planner_desktop.domain.column_types import Hundredths, Money

    kind = column.type
    if isinstance(kind, Money | Hundredths):
        return f"{type(kind).__name__}()"
    if isinstance(kind, Enum):
        assert kind.enum_class is not None
        return f"enum_type(enums.{kind.enum_class.__name__})"
    if isinstance(kind, String) and type(kind).__name__ == "String" and kind.length:
        return f"String({kind.length})"
    return f"{type(kind).__name__}()"


def _column(column: Any) -> str:
    parts = [f'"{column.name}"', _type(column)]
    for fk in sorted(column.foreign_keys, key=lambda f: f.target_fullname):
        ondelete = f', ondelete="{fk.ondelete}"' if fk.ondelete else ""
        parts.append(f'ForeignKey("{fk.target_fullname}"{ondelete})')
    if column.primary_key:
        parts.append("primary_key=True")
    parts.append(f"nullable={column.nullable}")
    return f"    Column({', '.join(parts)}),"


def render() -> str:
    """The module's text, from the domain models."""
    from planner_desktop.domain.base import Appended
    from planner_desktop.domain.models import Base
    from planner_desktop.exchange.dump import planning_tables

    lines = [HEADER]
    for table in planning_tables():
        lines.append(f'\n{table.name} = Table(\n    "{table.name}",\n    metadata,')
        lines.extend(_column(column) for column in table.columns)
        lines.append(")\n")
    appended = sorted(
        mapper.local_table.name  # type: ignore[attr-defined]
        for mapper in Base.registry.mappers
        if issubclass(mapper.class_, Appended)
    )
    lines.append(
        "\nAPPENDED = frozenset({\n"
        + "".join(f'    "{name}",\n' for name in appended)
        + "})\n"
        + '"""The append-only tables (votes, tallies, attendance): never edited."""\n'
    )
    return "\n".join(lines).replace("\n\n\n\n", "\n\n\n")


def test_module_is_generated_from_the_models() -> None:
    assert MODULE.read_text(encoding="utf-8") == render(), (
        "the domain models changed: run python tests/test_core_tables.py"
    )


def test_same_columns_types_and_keys_as_the_models() -> None:
    """Beyond the text: each Core column's type renders as the model's, so a type option
    the generator does not spell out (a time zone, a length) cannot differ unseen."""
    from planner_desktop.domain.models import Base
    from planner_desktop.exchange.dump import planning_tables
    from planner_desktop.store import core_tables

    models = {table.name: table for table in planning_tables()}
    assert set(core_tables.metadata.tables) == set(models)
    for name, core in core_tables.metadata.tables.items():
        model = models[name]
        assert [c.name for c in core.columns] == [c.name for c in model.columns], name
        for ours, theirs in zip(core.columns, model.columns, strict=True):
            where = f"{name}.{ours.name}"
            assert repr(ours.type) == repr(theirs.type), where
            assert ours.nullable == theirs.nullable, where
            assert ours.primary_key == theirs.primary_key, where
            assert {fk.target_fullname for fk in ours.foreign_keys} == {
                fk.target_fullname for fk in theirs.foreign_keys
            }, where
    order = [t.name for t in Base.metadata.sorted_tables if t.name in models]
    assert [t.name for t in core_tables.metadata.sorted_tables] == order


def test_importing_it_loads_no_model_and_no_orm() -> None:
    import subprocess

    script = (
        "import sys\n"
        "import planner_desktop.store.core_tables\n"
        "bad = [m for m in sys.modules if m == 'sqlalchemy.orm' or m.startswith("
        "('planner_desktop.domain.models', 'planner_desktop.domain.base'))]\n"
        "print(bad)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert done.stdout.strip() == "[]"


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    MODULE.write_text(render(), encoding="utf-8")
    print(f"wrote {MODULE.relative_to(ROOT)}")
