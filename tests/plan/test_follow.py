"""Physical and financial progress, degree of compliance, results against resources."""

from datetime import UTC, date, datetime
from decimal import Decimal

from sqlalchemy import select

from planner_desktop.domain.annual import Operation
from planner_desktop.domain.follow_up import Progress
from planner_desktop.plan.follow import compliance, operation_follow_up, project_follow_up


def test_compliance_of_numeric_targets():
    assert compliance("100 %", "70 %") == Decimal("70.0")
    assert compliance("8", "10") == Decimal("125.0")
    assert compliance("alta", "10") is None
    assert compliance("0", "1") is None
    assert compliance("12", "") is None


def test_operation_follow_up_uses_the_latest_record_by_date(store):
    with store.session() as session:
        followed = [f for f in operation_follow_up(session) if f.latest is not None]
        item = followed[0]
        session.add(Progress(operation_id=item.id, date=date(2027, 12, 20),
                             physical_percent=90.0, financial_executed=item.budget / 2,
                             target_achieved="90 %"))
        session.add(Progress(operation_id=item.id, date=date(2027, 1, 20),
                             physical_percent=1.0, financial_executed=Decimal(1)))
        session.flush()
        again = next(f for f in operation_follow_up(session) if f.id == item.id)
    assert again.latest.date == date(2027, 12, 20)
    assert again.physical_percent == 90.0
    assert again.financial_percent == Decimal("50.0")
    assert again.compliance == Decimal("90.0")
    assert again.results_vs_resources == Decimal("1.80")


def test_operation_without_progress(store):
    with store.session() as session:
        idle = [f for f in operation_follow_up(session) if f.latest is None]
    assert idle
    assert idle[0].physical_percent == 0.0 and idle[0].executed == 0
    assert idle[0].compliance is None and idle[0].results_vs_resources is None


def test_project_follow_up_own_progress_or_its_operations(store):
    with store.session() as session:
        projects = {p.id: p for p in project_follow_up(session)}
        own = set(session.scalars(select(Progress.profile_id)
                                  .where(Progress.profile_id.is_not(None))))
        operations = operation_follow_up(session)
    done = projects[next(iter(own))]
    assert done.latest is not None and done.physical_percent == 100.0
    assert done.financial_percent == Decimal("100.0")
    derived = [p for p in projects.values() if p.latest is None and p.executed > 0]
    assert derived, "projects in the POA take their progress from their operations"
    assert sum(p.executed for p in derived) <= sum(o.executed for o in operations)
    assert all(0 <= p.physical_percent <= 100 for p in projects.values())


def test_project_compliance_against_its_result_indicator_of_the_year(store):
    from planner_desktop.domain.enums import IndicatorLevel
    from planner_desktop.domain.projects import Indicator, IndicatorTarget

    with store.session() as session:
        project = project_follow_up(session)[0]
        for old in session.scalars(select(Indicator).where(Indicator.profile_id == project.id)):
            old.deleted_at = datetime.now(UTC)  # only the indicators below count
        product = Indicator(profile_id=project.id, name="A product", level=IndicatorLevel.product)
        result = Indicator(profile_id=project.id, name="Z result", level=IndicatorLevel.result)
        session.add_all([product, result])
        session.flush()
        session.add_all([
            IndicatorTarget(indicator_id=product.id, year=2027, target="10"),
            IndicatorTarget(indicator_id=result.id, year=2027, target="200"),
            IndicatorTarget(indicator_id=result.id, year=2028, target="400"),
        ])
        session.add(Progress(profile_id=project.id, date=date(2040, 6, 30),
                             physical_percent=99.0, financial_executed=Decimal(1),
                             target_achieved="150"))
        session.add(Progress(profile_id=project.id, date=date(2040, 1, 30),
                             physical_percent=10.0, financial_executed=Decimal(1),
                             target_achieved="50"))
        session.flush()
        # 2040 has no target of its own: the last year's (400) is the measure.
        later = next(p for p in project_follow_up(session) if p.id == project.id)
        assert later.target == "400" and later.compliance == Decimal("37.5")
        session.add(Progress(profile_id=project.id, date=date(2041, 1, 1),
                             physical_percent=99.0, financial_executed=Decimal(1),
                             target_achieved="200"))
        session.add(IndicatorTarget(indicator_id=result.id, year=2041, target="250"))
        session.flush()
        again = next(p for p in project_follow_up(session) if p.id == project.id)
    assert again.target == "250" and again.compliance == Decimal("80.0")


def test_project_followed_through_its_operations_weighs_their_compliance(store):
    with store.session() as session:
        projects = {p.id: p for p in project_follow_up(session)}
        links = dict(session.execute(
            select(Operation.id, Operation.profile_id).where(Operation.profile_id.is_not(None))
        ).all())
        operations = operation_follow_up(session)
    for project in projects.values():
        if project.latest is not None:
            continue
        parts = [
            o for o in operations if links.get(o.id) == project.id and o.compliance is not None
        ]
        if not parts:
            assert project.compliance is None
            continue
        weight = sum(o.budget for o in parts)
        expected = sum(o.budget * o.compliance for o in parts) / weight
        assert project.compliance == expected.quantize(Decimal("0.1"))
        assert min(o.compliance for o in parts) <= project.compliance <= max(
            o.compliance for o in parts
        )
    assert any(p.latest is None and p.compliance is not None for p in projects.values())
