"""Fixtures for the session-file tests: databases copied from one migrated template, on
each backend (SQLite files, PostgreSQL databases of the run's server)."""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from planner_desktop.domain.provenance import Provenance
from planner_desktop.store.database import Store, open_store
from tests.exchange.builders import Laptop, new_key
from tests.postgres_server import Databases, Target

StoreFactory = Callable[..., Store]


@pytest.fixture(scope="session")
def template_db(session_databases: Databases) -> Target:
    target = session_databases.fresh("exchange_template")
    open_store(target, Provenance(uuid.uuid4())).close()
    return target


def copy_store(
    databases: Databases, template: Target, name: str = "db", device: uuid.UUID | None = None
) -> Store:
    """A store on a new copy of ``template``, as a laptop of ``device`` (a new one if None)."""
    return open_store(
        databases.copy(template, name), Provenance(device or uuid.uuid4(), "Facilitadora")
    )


@pytest.fixture
def make_store(template_db: Target, databases: Databases) -> Iterator[StoreFactory]:
    opened: list[Store] = []

    def make(name: str = "db", device: uuid.UUID | None = None) -> Store:
        store = copy_store(databases, template_db, name, device)
        opened.append(store)
        return store

    yield make
    for store in opened:
        store.close()


@pytest.fixture
def make_laptop(
    template_db: Target, databases: Databases, tmp_path: Path
) -> Iterator[Callable[[str], Laptop]]:
    laptops: list[Laptop] = []

    def make(name: str) -> Laptop:
        folder = tmp_path / name
        folder.mkdir()
        laptop = Laptop(copy_store(databases, template_db, name), new_key(), folder)
        laptops.append(laptop)
        return laptop

    yield make
    for laptop in laptops:
        laptop.close()
