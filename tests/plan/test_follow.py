"""Physical and financial progress, degree of compliance, results against resources."""

from datetime import date
from decimal import Decimal

from sqlalchemy import select

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
