"""Fixtures for the session-file tests: databases copied from one migrated template."""

from __future__ import annotations

import shutil
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from planner_desktop.domain.provenance import Provenance
from planner_desktop.store.database import Store, open_store
from tests.exchange.builders import Laptop, new_key

StoreFactory = Callable[..., Store]


@pytest.fixture(scope="session")
def template_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("template") / "empty.sqlite"
    open_store(path, Provenance(uuid.uuid4())).close()
    return path


def copy_store(template: Path, path: Path, device: uuid.UUID | None = None) -> Store:
    path.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(template, path)
    return open_store(path, Provenance(device or uuid.uuid4(), "Facilitadora"))


@pytest.fixture
def make_store(template_db: Path, tmp_path: Path) -> Iterator[StoreFactory]:
    opened: list[Store] = []

    def make(name: str = "db", device: uuid.UUID | None = None) -> Store:
        store = copy_store(template_db, tmp_path / f"{name}-{len(opened)}.sqlite", device)
        opened.append(store)
        return store

    yield make
    for store in opened:
        store.close()


@pytest.fixture
def make_laptop(template_db: Path, tmp_path: Path) -> Iterator[Callable[[str], Laptop]]:
    laptops: list[Laptop] = []

    def make(name: str) -> Laptop:
        folder = tmp_path / name
        folder.mkdir()
        laptop = Laptop(copy_store(template_db, folder / "db.sqlite"), new_key(), folder)
        laptops.append(laptop)
        return laptop

    yield make
    for laptop in laptops:
        laptop.close()
