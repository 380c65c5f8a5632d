"""A new municipality from the first-run wizard: districts, dimensions, sectors, bad input."""

import pytest
from sqlalchemy import func, select

from planner_desktop.domain.models import Dimension, District, Municipality, Sector
from planner_desktop.domain.setup import (
    STANDARD_DIMENSIONS,
    STANDARD_SECTORS,
    create_municipality,
)
from planner_desktop.i18n import current_language, set_language
from tests.helpers import TEST_DEVICE, new_store


@pytest.fixture(autouse=True)
def english():
    """The messages are checked in English, whatever the catalogues hold."""
    before = current_language()
    set_language("en")
    yield
    set_language(before)


@pytest.fixture
def store(tmp_path):
    store = new_store(tmp_path / "t.sqlite")
    yield store
    store.close()


@pytest.fixture(scope="module")
def empty_store(tmp_path_factory):
    """One database for every refused input: a refusal writes nothing, so it stays empty."""
    store = new_store(tmp_path_factory.mktemp("setup") / "t.sqlite")
    yield store
    store.close()


def count(store, model):
    with store.session() as session:
        return session.scalar(select(func.count()).select_from(model))


def test_creates_municipality_with_districts_dimensions_and_sectors(store):
    with store.session() as session:
        municipality = create_municipality(
            session,
            name="  Villa  Tunari ",
            currency="bob",
            fiscal_year_start=1,
            districts=["Distrito 1 – Centro", "Distrito 2 – Ñancahuazú"],
            department="Cochabamba",
            province="Chapare",
        )
        municipality_id = municipality.id
    with store.session() as session:
        saved = session.get(Municipality, municipality_id)
        assert saved is not None
        assert saved.name == "Villa Tunari"
        assert saved.currency == "BOB"
        assert saved.country == "Bolivia"
        assert (saved.department, saved.province) == ("Cochabamba", "Chapare")
        assert saved.device_id == TEST_DEVICE
        assert saved.version_id is not None and saved.base_version_id is None
        assert [(d.code, d.name) for d in saved.districts] == [
            ("D1", "Distrito 1 – Centro"),
            ("D2", "Distrito 2 – Ñancahuazú"),
        ]
        assert [d.name for d in saved.dimensions] == [name for _, name in STANDARD_DIMENSIONS]
        assert len(saved.dimensions) == 5
        assert {s.code for s in saved.sectors} == {code for code, _ in STANDARD_SECTORS}
        assert "Educación" in {s.name for s in saved.sectors}


def test_districts_are_optional_and_month_is_kept(store):
    with store.session() as session:
        municipality = create_municipality(session, name="Tiquipaya", fiscal_year_start=4)
        assert municipality.fiscal_year_start == 4
        assert municipality.districts == []
    assert count(store, District) == 0
    assert count(store, Dimension) == 5
    assert count(store, Sector) == len(STANDARD_SECTORS)


def test_standard_names_are_spanish():
    names = [name for _, name in STANDARD_DIMENSIONS + STANDARD_SECTORS]
    assert "Físico-natural" in names
    assert "Económico-productiva" in names
    assert all(name and name[0].isupper() for name in names)


@pytest.mark.parametrize(
    ("changes", "words"),
    [
        ({"name": ""}, "name"),
        ({"name": "   "}, "name"),
        ({"name": "x" * 201}, "longer"),
        ({"currency": ""}, "currency"),
        ({"currency": "BO"}, "currency"),
        ({"currency": "BOBS"}, "currency"),
        ({"currency": "B0B"}, "currency"),
        ({"currency": "B$B"}, "currency"),
        ({"fiscal_year_start": 0}, "month"),
        ({"fiscal_year_start": 13}, "month"),
        ({"fiscal_year_start": "1"}, "month"),
        ({"fiscal_year_start": True}, "month"),
        ({"districts": ["Centro", ""]}, "district 2"),
        ({"districts": ["Centro", "   "]}, "district 2"),
        ({"districts": ["Centro", "Norte", "centro"]}, "twice"),
        ({"districts": ["Centro", " Centro "]}, "twice"),
        ({"districts": "Centro"}, "list"),
        ({"districts": ["x" * 201]}, "longer"),
    ],
)
def test_bad_input_is_refused_with_one_line_and_nothing_written(empty_store, changes, words):
    store = empty_store
    values = {"name": "Sacaba", "currency": "BOB", "fiscal_year_start": 1, "districts": ["A"]}
    values.update(changes)
    with pytest.raises(ValueError, match=words) as raised, store.session() as session:
        create_municipality(session, **values)
    message = str(raised.value)
    assert message and "\n" not in message
    assert count(store, Municipality) == 0
    assert count(store, District) == 0
