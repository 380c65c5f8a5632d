"""Country templates of a new municipality, as data (issue 12, point 1); no Qt."""

from __future__ import annotations

import pytest

from planner_desktop.domain import templates
from planner_desktop.domain.enums import CommunityKind, DistrictKind
from planner_desktop.domain.setup import create_municipality
from planner_desktop.domain.territory import Municipality
from tests.helpers import new_store


@pytest.fixture
def store(tmp_path):
    store = new_store(tmp_path / "t.sqlite")
    yield store
    store.close()


def test_bolivia_is_offered_first_and_is_the_default():
    assert [t.country for t in templates.TEMPLATES] == ["Bolivia", "Colombia", "Argentina"]
    assert templates.DEFAULT is templates.BOLIVIA
    assert templates.template("co") is templates.COLOMBIA
    with pytest.raises(ValueError, match="xx"):
        templates.template("xx")


@pytest.mark.parametrize("template", templates.TEMPLATES, ids=lambda t: t.code)
def test_every_template_is_complete(template):
    assert len(template.currency) == 3 and template.currency.isupper()
    assert 1 <= template.fiscal_year_start <= 12
    assert {kind for kind, _name in template.district_levels} == set(DistrictKind)
    assert {kind for kind, _name in template.community_levels} == set(CommunityKind)
    for pairs in (template.dimensions, template.sectors):
        codes = [code for code, _name in pairs]
        assert len(codes) == len(set(codes)) and all(name for _code, name in pairs)
    assert len(template.dimensions) >= 4 and len(template.sectors) >= 10


def test_levels_are_named_in_each_country():
    assert templates.BOLIVIA.district_name(DistrictKind.canton) == "Cantón"
    assert templates.COLOMBIA.district_name(DistrictKind.district) == "Comuna"
    assert templates.COLOMBIA.district_name(DistrictKind.canton) == "Corregimiento"
    assert templates.COLOMBIA.community_name(CommunityKind.community) == "Vereda"
    assert templates.ARGENTINA.community_name(CommunityKind.neighbourhood) == "Barrio"


def test_a_municipality_finds_its_template_by_country():
    assert templates.template_for(" colombia ") is templates.COLOMBIA
    assert templates.template_for("Argentina") is templates.ARGENTINA
    assert templates.template_for("Perú") is templates.BOLIVIA, "unknown: the default"


def test_the_template_sets_currency_country_dimensions_and_sectors(store):
    with store.session() as session:
        municipality_id = create_municipality(
            session, name="Jardín", template=templates.COLOMBIA, districts=["Comuna 1"]
        ).id
    with store.session() as session:
        saved = session.get(Municipality, municipality_id)
        assert (saved.country, saved.currency) == ("Colombia", "COP")
        assert [d.name for d in saved.dimensions] == [
            name for _code, name in templates.COLOMBIA.dimensions
        ]
        assert {s.code for s in saved.sectors} == {c for c, _n in templates.COLOMBIA.sectors}
        assert [d.code for d in saved.districts] == ["D1"]


def test_what_is_typed_wins_over_the_template(store):
    with store.session() as session:
        municipality = create_municipality(
            session, name="Tandil", template=templates.ARGENTINA, currency="usd",
            fiscal_year_start=7,
        )
        assert (municipality.country, municipality.currency) == ("Argentina", "USD")
        assert municipality.fiscal_year_start == 7
