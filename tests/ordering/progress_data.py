"""A small database for ordering and format tests: a municipality, two project profiles and
progress records that tie on their date, written in an order that differs from the order
they must be read in (the id breaks the tie)."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

from planner_desktop.domain.enums import OperationType
from planner_desktop.domain.follow_up import Progress
from planner_desktop.domain.projects import ProjectProfile
from planner_desktop.domain.setup import create_municipality
from planner_desktop.store.database import Store
from tests.helpers import new_store

DAY = date(2027, 3, 5)
"""The day every progress record is dated (5 March: day and month differ in every locale)."""
AMOUNT = Decimal("1234567.50")
"""What the first profile executed by then."""
MOMENT = datetime(2027, 3, 5, 12, 0)
FIRST = uuid.UUID("00000000-0000-4000-8000-00000000000a")
SECOND = uuid.UUID("00000000-0000-4000-8000-00000000000b")


def progress_store(folder: Path, country: str = "Bolivia") -> Store:
    """Profiles ``PRY-B`` and ``PRY-A`` (written in that order); progress on :data:`DAY`
    of ``PRY-A``: ``SECOND`` written before ``FIRST``, both at the same moment."""
    store = new_store(folder / f"progress-{country}.sqlite")
    with store.session() as session:
        town = create_municipality(session, name="Villa Orden", country=country)
        session.flush()
        later = ProjectProfile(
            municipality_id=town.id, code="PRY-B", name="Puente", type=OperationType.investment
        )
        first = ProjectProfile(
            municipality_id=town.id, code="PRY-A", name="Agua", type=OperationType.investment
        )
        session.add_all([later, first])
        session.flush()
        for key, physical, note in ((SECOND, 60.0, "segundo"), (FIRST, 40.0, "primero")):
            session.add(
                Progress(
                    id=key,
                    profile_id=first.id,
                    date=DAY,
                    physical_percent=physical,
                    financial_executed=AMOUNT,
                    results=note,
                    created_at=MOMENT,
                    updated_at=MOMENT,
                )
            )
        session.add(
            Progress(
                profile_id=later.id,
                date=DAY,
                physical_percent=10.0,
                financial_executed=Decimal(0),
                results="puente",
                created_at=MOMENT,
                updated_at=MOMENT,
            )
        )
    return store
