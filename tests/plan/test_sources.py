"""Funding sources made, changed and deleted by a person from an empty database (issue 14),
and their ceilings per year of the plan period: every bad value refused naming its field,
with nothing written."""

from decimal import Decimal

import pytest
from sqlalchemy import func, select

from planner_desktop.capture import deletion
from planner_desktop.capture.territory import FieldRefused
from planner_desktop.domain.annual import AnnualPlan, Operation
from planner_desktop.domain.enums import FundingKind, OperationType
from planner_desktop.domain.plan import Plan
from planner_desktop.domain.projects import (
    FundingSource,
    MultiYearProgramming,
    ProfileFunding,
    ProjectProfile,
    SourceCeiling,
)
from planner_desktop.domain.provenance import mark_deleted
from planner_desktop.domain.setup import create_municipality
from planner_desktop.i18n import current_language, set_language
from planner_desktop.plan import source_ceilings, sources
from tests.helpers import TEST_DEVICE, new_store


@pytest.fixture(autouse=True)
def english():
    before = current_language()
    set_language("en")
    yield
    set_language(before)


@pytest.fixture
def store(empty_target):
    """An empty database with one municipality and nothing planned (overrides the demo)."""
    opened = new_store(empty_target)
    yield opened
    opened.close()


@pytest.fixture
def town(store):
    with store.session() as session:
        return create_municipality(session, name="Villa Tunari").id


def add(store, town, **fields):
    with store.session() as session:
        return sources.add_source(session, town, **fields)


def refused(store, call, *args, **kwargs):
    """The refusal of ``call`` in its own transaction (rolled back: nothing written)."""
    with pytest.raises(FieldRefused) as caught, store.session() as session:
        call(session, *args, **kwargs)
    return caught.value


def count(store, model, *where):
    with store.session() as session:
        return session.scalar(select(func.count()).select_from(model).where(*where))


def test_a_source_is_added_listed_and_stamped(store, town):
    idh = add(
        store,
        town,
        code=" IDH ",
        name="Impuesto  Directo a los Hidrocarburos",
        kind=FundingKind.national_transfer,
        funder="TGN",
    )
    first = add(store, town)
    with store.session() as session:
        lines = sources.live_sources(session, town)
        saved = session.get(FundingSource, idh)
        assert (saved.device_id, saved.facilitator) == (TEST_DEVICE, "Facilitadora de prueba")
        assert saved.version_id is not None
    assert [(s.code, s.name, s.kind, s.funder) for s in lines] == [
        ("F-01", "New funding source", FundingKind.national_transfer, ""),
        ("IDH", "Impuesto Directo a los Hidrocarburos", FundingKind.national_transfer, "TGN"),
    ]
    assert lines[0].id == first


def test_a_duplicate_code_and_bad_values_are_refused_naming_the_field(store, town):
    add(store, town, code="IDH", name="IDH")
    cases = [
        ({"code": "idh", "name": "Otra"}, "code", "Code: idh is the code of another source."),
        ({"code": "", "name": "Otra"}, "code", "Code: write a code."),
        ({"code": "X" * 21, "name": "Otra"}, "code", "Code: at most 20 characters."),
        ({"code": "PROP", "name": "  "}, "name", "Name: write a name."),
        ({"code": "PROP", "name": "Propios", "kind": "loan"}, "kind", "Kind: choose one of"),
        ({"code": "PROP", "name": "Propios", "funder": "F" * 201}, "funder", "Funder: at most"),
    ]
    for fields, field, message in cases:
        error = refused(store, sources.add_source, town, **fields)
        assert isinstance(error, ValueError)
        assert (error.field, str(error)[: len(message)]) == (field, message)
    assert count(store, FundingSource) == 1, "nothing written"
    by_label = add(store, town, code="COOP", name="Cooperación", kind="External cooperation")
    with store.session() as session:
        assert session.get(FundingSource, by_label).kind is FundingKind.external


def test_every_field_is_edited_and_the_previous_values_returned(store, town):
    source = add(store, town, code="PROP", name="Propios")
    add(store, town, code="IDH", name="IDH")
    changes = {
        "code": "REC-PROP",
        "name": "Recursos propios",
        "kind": "own_revenue",
        "funder": "Gobierno Autónomo Municipal",
    }
    with store.session() as session:
        previous = sources.update_source(session, source, changes)
    assert previous == {
        "code": "PROP",
        "name": "Propios",
        "kind": FundingKind.national_transfer,
        "funder": "",
    }
    with store.session() as session:
        saved = session.get(FundingSource, source)
        assert (saved.code, saved.name, saved.kind, saved.funder) == (
            "REC-PROP",
            "Recursos propios",
            FundingKind.own_revenue,
            "Gobierno Autónomo Municipal",
        )
        assert saved.base_version_id is not None, "an edit is a new version"
    error = refused(store, sources.update_source, source, {"name": "Otro", "code": "Idh"})
    assert error.field == "code"
    with store.session() as session:
        assert session.get(FundingSource, source).name == "Recursos propios", "nothing written"


def test_a_used_source_is_not_deleted_and_an_unused_one_is_with_its_ceilings(store, town):
    used = add(store, town, code="IDH", name="IDH")
    with store.session() as session:
        profile = ProjectProfile(municipality_id=town, code="PRY-001", name="Camino")
        poa = AnnualPlan(municipality_id=town, fiscal_year=2027)
        session.add_all([profile, poa])
        session.flush()
        cell = MultiYearProgramming(
            profile_id=profile.id, year=2027, source_id=used, amount=Decimal(1000)
        )
        share = ProfileFunding(profile_id=profile.id, source_id=used, amount=Decimal(1000))
        operation = Operation(
            annual_plan_id=poa.id,
            code="OP-1",
            name="Camino",
            type=OperationType.investment,
            source_id=used,
        )
        session.add_all([cell, share, operation])
        session.flush()
        uses = [cell.id, share.id, operation.id]
    error = refused(store, sources.delete_source, used)
    message = str(error)
    assert message.startswith("Funding source IDH cannot be deleted; it is used by: ")
    for part in ("Multi-year programming: 1", "Funding of a project profile: 1", "Operation: 1"):
        assert part in message
    assert count(store, FundingSource, FundingSource.deleted_at.is_(None)) == 1
    for model, record_id in ((MultiYearProgramming, uses[0]), (ProfileFunding, uses[1])):
        with store.session() as session:
            mark_deleted(session.get(model, record_id))
        with store.session() as session:
            assert sources.delete_refusal(session, used) is not None, "the operation uses it"
    with store.session() as session:
        session.get(Operation, uses[2]).source_id = None
        source_ceilings.set_source_ceiling(session, used, 2027, "50000")
    with store.session() as session:
        done = sources.delete_source(session, used)
    assert count(store, FundingSource, FundingSource.deleted_at.is_(None)) == 0
    assert count(store, SourceCeiling, SourceCeiling.deleted_at.is_(None)) == 0
    deletion.restore(store, done)
    with store.session() as session:
        assert [s.code for s in sources.live_sources(session, town)] == ["IDH"]
        assert source_ceilings.ceilings(session, used) == {2027: Decimal(50000)}


def test_the_code_of_a_deleted_source_is_not_given_again(store, town):
    gone = add(store, town)
    with store.session() as session:
        sources.delete_source(session, gone)
    error = refused(store, sources.add_source, town, code="F-01", name="Otra")
    assert str(error) == "Code: F-01 belonged to a deleted source; choose another code."
    with store.session() as session:
        assert sources.next_code(session, town) == "F-02"
        assert sources.next_code(session, town, taken=["F-02"]) == "F-03"


def test_ceilings_of_the_plan_period_are_set_cleared_and_refused(store, town):
    source = add(store, town, code="IDH", name="IDH")
    with store.session() as session:
        assert source_ceilings.ceiling_years(session, source) == [2026, 2027, 2028, 2029, 2030]
        assert source_ceilings.set_source_ceiling(session, source, 2027, "1.250.000,50") is None
        assert source_ceilings.set_source_ceiling(session, source, 2028, Decimal(900)) is None
    with store.session() as session:
        assert source_ceilings.ceilings(session, source) == {
            2027: Decimal("1250000.50"),
            2028: Decimal(900),
        }
        assert source_ceilings.set_source_ceiling(session, source, 2028, "") == Decimal(900)
    cases = [
        (2027, "-5", "Ceiling 2027: an amount cannot be negative"),
        (2027, "mucho", "Ceiling 2027: the amount is not a number"),
        (2027, "10.5555", "Ceiling 2027: an amount has at most two decimals (cents)"),
        (2031, "100", "Ceiling 2031: 2031 is outside the plan period 2026–2030"),
    ]
    for year, typed, message in cases:
        error = refused(store, source_ceilings.set_source_ceiling, source, year, typed)
        assert (error.field, str(error)) == ("ceiling", message)
    with store.session() as session:
        assert source_ceilings.ceilings(session, source) == {2027: Decimal("1250000.50")}
        session.add(Plan(municipality_id=town, start_year=2031, end_year=2035))
    with store.session() as session:
        assert source_ceilings.plan_years(session, town) == [2031, 2032, 2033, 2034, 2035]
        assert source_ceilings.ceiling_years(session, source) == [2027, *range(2031, 2036)], (
            "a ceiling left outside a new period is shown, to be cleared"
        )
        source_ceilings.set_source_ceiling(session, source, 2031, "100")
        source_ceilings.set_source_ceiling(session, source, 2027, None)
    with store.session() as session:
        assert source_ceilings.ceilings(session, source) == {2031: Decimal(100)}
