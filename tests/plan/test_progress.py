"""Progress typed for a project or an operation (issue 6): each value checked, refused with
the field named, physical progress going back needs a corrective measure, an amount above
the budget only warned about."""

import uuid
from datetime import date
from decimal import Decimal

import pytest
from sqlalchemy import select

from planner_desktop.capture.validation import Invalid
from planner_desktop.domain.annual import AnnualPlan, Operation
from planner_desktop.domain.follow_up import Progress
from planner_desktop.domain.projects import ProjectProfile
from planner_desktop.plan import check_execution, progress
from planner_desktop.plan.follow import operation_follow_up
from planner_desktop.plan.progress import ProgressRefused, Subject


def _operation(session):
    return session.scalars(select(Operation).join(AnnualPlan).where(
        Operation.deleted_at.is_(None), Operation.cancelled.is_(False),
        Operation.budget > 0).order_by(Operation.code)).first()


def _subject(budget="1000.00"):
    return Subject("operation", uuid.uuid4(), "OP-1", "x",
                   Decimal(budget), date(2027, 1, 1), date(2027, 12, 31), 2027)


def test_percent_amount_and_target_parsers():
    assert progress.parse_percent("45,5 %") == 45.5
    assert progress.parse_percent("0") == 0.0
    for bad in ("101", "-1", "mucho", ""):
        with pytest.raises(Invalid):
            progress.parse_percent(bad)
    assert progress.parse_executed("1.250,50") == Decimal("1250.50")
    assert progress.parse_executed("") == Decimal("0.00")
    for bad in ("-5", "diez", "1.2.3x"):
        with pytest.raises(Invalid):
            progress.parse_executed(bad)
    assert progress.parse_achieved("85 %") == "85 %"
    assert progress.parse_achieved("") == ""
    with pytest.raises(Invalid):
        progress.parse_achieved("alto")


def test_the_date_must_fall_in_the_fiscal_year_or_the_plan_period():
    subject = _subject()
    # month first in English
    assert progress.parse_progress_date(subject, "3/15/2027") == date(2027, 3, 15)
    with pytest.raises(Invalid, match="outside the fiscal year 2027"):
        progress.parse_progress_date(subject, "2026-12-31")
    with pytest.raises(Invalid):
        progress.parse_progress_date(subject, "")
    project = Subject("project_profile", subject.id, "PRY-1", "x", Decimal(0),
                      date(2026, 1, 1), date(2030, 12, 31))
    assert progress.date_refusal(project, date(2030, 5, 1)) is None
    assert "plan period 2026–2030" in progress.date_refusal(project, date(2031, 1, 1))


def test_a_date_after_today_is_refused(monkeypatch):
    """The day the checks call today: progress after it has not happened yet."""
    monkeypatch.setattr(check_execution, "today", lambda: date(2027, 6, 30))
    subject = _subject()
    assert progress.parse_progress_date(subject, "2027-06-30") == date(2027, 6, 30)
    with pytest.raises(Invalid, match=r"^after today$"):
        progress.parse_progress_date(subject, "2027-07-01")


def test_check_entry_refuses_a_date_after_today_naming_the_date(store, monkeypatch):
    with store.session() as session:
        subject = progress.subject_of(session, "operation", _operation(session).id)
        year = subject.fiscal_year
        monkeypatch.setattr(check_execution, "today", lambda: date(year, 3, 1))
        typed = {"date": f"{year}-03-02", "physical_percent": "10"}
        with pytest.raises(ProgressRefused) as refused:
            progress.check_entry(session, subject, typed)
        assert (refused.value.field, refused.value.reason) == ("date", "after today")
        assert progress.check_entry(session, subject, {**typed, "date": f"{year}-03-01"})


def test_going_back_needs_a_note_and_over_budget_is_a_warning():
    assert progress.backwards_refusal(None, 10.0, "") is None
    assert progress.backwards_refusal(40.0, 50.0, "") is None
    assert "from 40 % to 30 %" in progress.backwards_refusal(40.0, 30.0, " ")
    assert progress.backwards_refusal(40.0, 30.0, "obra dañada por lluvias") is None
    subject = _subject("1000")
    assert progress.over_budget_warning(subject, Decimal("1000")) is None
    assert "above the budget" in progress.over_budget_warning(subject, Decimal("1000.01"))


def test_check_entry_names_the_refused_field(store):
    with store.session() as session:
        operation = _operation(session)
        subject = progress.subject_of(session, "operation", operation.id)
        year = subject.fiscal_year
        good = {"date": f"{year}-06-30", "physical_percent": "40", "financial_executed": "100",
                "target_achieved": "", "results": "", "corrective_measures": ""}
        values = progress.check_entry(session, subject, good)
        assert values["physical_percent"] == 40.0
        assert values["financial_executed"] == Decimal("100.00")
        for field, bad in (("date", f"{year + 1}-01-01"), ("physical_percent", "140"),
                           ("financial_executed", "-3"), ("target_achieved", "bien")):
            with pytest.raises(ProgressRefused) as refused:
                progress.check_entry(session, subject, {**good, field: bad})
            assert refused.value.field == field
        session.add(Progress(**progress.new_progress(subject, values)))
        session.flush()
        back = {**good, "date": f"{year}-07-31", "physical_percent": "20"}
        with pytest.raises(ProgressRefused) as refused:
            progress.check_entry(session, subject, back)
        assert refused.value.field == "corrective_measures"
        assert progress.check_entry(
            session, subject, {**back, "corrective_measures": "se rehace el muro"})
        earlier = {**back, "date": f"{year}-01-31"}
        assert progress.check_entry(session, subject, earlier), "nothing before it"


def test_subject_of_a_project_and_of_an_operation(store):
    with store.session() as session:
        operation = _operation(session)
        subject = progress.subject_of(session, "operation", operation.id)
        assert subject.budget == operation.budget and subject.key()["operation_id"]
        profile = session.scalars(select(ProjectProfile).where(
            ProjectProfile.deleted_at.is_(None))).first()
        project = progress.subject_of(session, "project_profile", profile.id)
        assert project.first == date(2026, 1, 1) and project.last == date(2030, 12, 31)
        assert project.key() == {"profile_id": profile.id, "operation_id": None}
        assert progress.subject_of(session, "demand", profile.id) is None


def test_a_new_record_is_the_latest_of_the_follow_up(store):
    with store.session() as session:
        operation = _operation(session)
        subject = progress.subject_of(session, "operation", operation.id)
        values = progress.check_entry(session, subject, {
            "date": f"{subject.fiscal_year}-12-31", "physical_percent": "100",
            "financial_executed": str(operation.budget), "corrective_measures": "cerrada"})
        made = progress.new_progress(subject, values)
        session.add(Progress(**made))
        session.flush()
        item = next(f for f in operation_follow_up(session) if f.id == operation.id)
        assert item.latest.id == made["id"]
        assert item.physical_percent == 100.0 and item.financial_percent == Decimal("100.0")
