"""Session files in a shape this version no longer reads (DESIGN §4: older files are read,
as long as their records still fit the tables).

Schema 0007 turned the fixed strategic frame into the plan tree: the tables
``strategic_frame``, ``axis``, ``objective``, ``policy``, ``program`` and
``institutional_score`` are gone, and profiles, operations, indicators, management
objectives and SDG links point at an element instead of a programme or objective (and an
organisation's role is an actor role). A file written before that carries records in the
old shape; translating them would mean placing elements in a tree the receiving database
may not have, so such a file is refused, in one line naming it, and the laptop that wrote
it exports again once it runs this version (its database is migrated when it opens).
Files from before 0007 that carry none of those tables (a workshop's attendance,
diagnosis, demands and rounds) are read as before.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache
from pathlib import Path

from planner_desktop.exchange.errors import SessionFileError
from planner_desktop.exchange.labels import table_title
from planner_desktop.i18n import _
from planner_desktop.store.schema import RECORDS_REVISION, SCHEMA_HEAD

PLAN_TREE = "0007_plan_tree"

RETIRED_TABLES = frozenset(
    {"strategic_frame", "axis", "objective", "policy", "program", "institutional_score"}
)
"""Tables that no longer exist (a part of one is refused whatever the file's revision)."""

RESHAPED_TABLES = frozenset(
    {
        "organization",
        "project_profile",
        "operation",
        "indicator",
        "management_objective",
        "sdg_link",
    }
)
"""Tables whose records changed shape in 0007 (refused in files written before it)."""


def older_shape(path: Path, table: str) -> SessionFileError:
    return SessionFileError(
        path,
        _(
            "it was written by an older Planner Desktop and holds records of {table} in a "
            "shape this version no longer reads: export the session again on the laptop "
            "that wrote it, once it runs this version"
        ).format(table=table_title(table)),
    )


@cache
def _before_plan_tree() -> frozenset[str]:
    from planner_desktop.store.migrate import revisions_before

    return frozenset(revisions_before(PLAN_TREE))


def check_shapes(path: Path, revision: str, tables: Iterable[str]) -> None:
    """Refuse a file written before 0007 that carries records of a reshaped table."""
    if revision in (RECORDS_REVISION, SCHEMA_HEAD) or revision not in _before_plan_tree():
        return
    for table in sorted(set(tables) & RESHAPED_TABLES):
        raise older_shape(path, table)
