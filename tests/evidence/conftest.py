"""A small municipality with an event, a self-diagnosis and a round to attach photos to."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from sqlalchemy import select

from planner_desktop.domain import models as m
from planner_desktop.store.database import Store
from tests.exchange.builders import populate
from tests.helpers import new_store


@dataclass(frozen=True)
class Owners:
    event: uuid.UUID
    diagnosis: uuid.UUID
    round: uuid.UUID


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    store = new_store(tmp_path / "photos.sqlite")
    yield store
    store.close()


def owners_of(store: Store) -> Owners:
    populate(store, communities=1)
    with store.session() as session:
        return Owners(
            event=session.scalars(select(m.Event.id)).one(),
            diagnosis=session.scalars(select(m.SelfDiagnosis.id)).one(),
            round=session.scalars(select(m.PrioritizationRound.id)).one(),
        )


@pytest.fixture
def owners(store: Store) -> Owners:
    return owners_of(store)
