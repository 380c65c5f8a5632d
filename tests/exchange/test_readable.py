"""Issue 13: every field of the records that travel has a title in the interface language,
and values typed as they are shown read back into the stored form (no Qt)."""

from __future__ import annotations

import pytest

from planner_desktop.exchange.conflicts import FIXED_FIELDS
from planner_desktop.exchange.field_labels import field_title, has_title
from planner_desktop.exchange.labels import TABLES
from planner_desktop.exchange.readable import ValueKind, name_of, value_kind
from planner_desktop.exchange.records import table_specs
from planner_desktop.exchange.typed_input import Refused, plain_from_text
from planner_desktop.i18n import set_language


@pytest.fixture(autouse=True)
def english():
    set_language("en")
    yield
    set_language("es")


def test_every_travelling_field_and_table_has_a_title():
    untitled = [
        f"{name}.{column}"
        for name, spec in table_specs().items()
        for column in spec.columns
        if column not in FIXED_FIELDS and not has_title(name, column)
    ]
    assert untitled == []
    assert set(table_specs()) <= set(TABLES)


def test_titles_are_the_words_of_the_forms():
    assert field_title("community", "population_women") == "Women"
    assert field_title("community", "district_id") == "District"
    assert field_title("operation", "source_id") == "Funding source"
    assert field_title("project_profile", "element_id") == "Element of the plan"
    assert field_title("assessment_score", "area_id") == "Self-assessment area"
    set_language("es")
    assert field_title("community", "population_women") == "Mujeres"
    assert field_title("demand", "estimated_cost") == "Costo estimado"


def test_kinds_follow_the_columns():
    assert value_kind("community", "kind") is ValueKind.label
    assert value_kind("community", "district_id") is ValueKind.reference
    assert value_kind("community", "population_women") is ValueKind.number
    assert value_kind("annual_plan", "fiscal_year") is ValueKind.whole
    assert value_kind("operation", "budget") is ValueKind.money
    assert value_kind("event", "date") is ValueKind.date
    assert value_kind("operation", "cancelled") is ValueKind.flag


def test_names_of_records():
    assert name_of({"code": "D-1", "description": "Riego"}) == "D-1 · Riego"
    assert name_of({"code": "D2", "name": "Norte"}, with_code=False) == "Norte"
    assert name_of({"first_names": "Ana", "last_names": "Quispe"}) == "Ana Quispe"


def test_typed_text_reads_back_as_stored():
    none: dict[str, str] = {}
    assert plain_from_text("community", "kind", "Neighbourhood", names=none, optional=False) == (
        "neighbourhood"
    )
    assert (
        plain_from_text("community", "population_women", "1,250", names=none, optional=False)
        == 1250
    )
    assert plain_from_text("demand", "estimated_cost", "2,500.5", names=none, optional=True) == (
        "2500.50"
    )
    assert plain_from_text("event", "date", "3/31/2026", names=none, optional=True) == "2026-03-31"
    assert plain_from_text("demand", "estimated_cost", "", names=none, optional=True) is None
    names = {"6f1c0a44-0000-4000-8000-000000000001": "Distrito Norte"}
    assert plain_from_text(
        "community", "district_id", "distrito norte", names=names, optional=False
    ) == ("6f1c0a44-0000-4000-8000-000000000001")
    with pytest.raises(Refused, match="choose one of: Distrito Norte"):
        plain_from_text("community", "district_id", "Sur", names=names, optional=False)
    with pytest.raises(Refused, match="Type a whole number"):
        plain_from_text("community", "population_women", "1.5", names=none, optional=False)
    with pytest.raises(Refused, match="type a date as 3/31/2026"):
        plain_from_text("event", "date", "31 de marzo", names=none, optional=True)


@pytest.mark.parametrize(
    ("table", "field", "typed", "reason"),
    [
        ("community", "population_women", "100000000000000000000", "from 0 to 10,000,000"),
        ("person", "birth_year", "99999", "a year from 1900 to"),
        ("event", "date", "1/1/9999", "later than any record can be"),
        ("demand", "estimated_cost", "900,000,000,000", "from 0 to 100,000,000,000"),
        ("community", "name", "Uno\x07Dos", "control character"),
    ],
)
def test_a_typed_result_outside_the_rules_is_refused(table, field, typed, reason):
    """Issue 16: the conflict window takes a typed result only within the field's rule."""
    with pytest.raises(Refused, match=reason):
        plain_from_text(table, field, typed, names={}, optional=True)
