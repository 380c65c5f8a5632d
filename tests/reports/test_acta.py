"""The acta: agenda, attendance totals from the database, priorities, and its QR payload."""

from __future__ import annotations

import hashlib
import json
import random
import uuid

import pytest
from sqlalchemy import select, text

from planner_desktop.domain.events import Attendance
from planner_desktop.domain.prioritization import RoundResult
from planner_desktop.reports.results_hash import (
    ResultLine,
    event_payload,
    load_results,
    parse_payload,
    qr_payload,
    results_hash,
    verify_payload,
)
from tests.helpers import TEST_DEVICE, as_uuid
from tests.reports.conftest import print_report


@pytest.fixture(scope="module")
def workshop(demo):
    with demo.engine.connect() as conn:
        event_id = conn.execute(
            text(
                "SELECT e.id FROM event e JOIN prioritization_round r ON r.event_id = e.id "
                "WHERE r.reconciliation_note <> '' ORDER BY e.date LIMIT 1"
            )
        ).scalar()
    return as_uuid(event_id)


def _totals(store, event_id):
    """Women, men and all present, counted straight from the tables."""
    sql = (
        "SELECT p.sex, count(*) FROM attendance a JOIN person p ON p.id = a.person_id "
        "WHERE a.event_id = :e AND a.retracts_id IS NULL AND a.id NOT IN "
        "(SELECT retracts_id FROM attendance WHERE retracts_id IS NOT NULL) GROUP BY p.sex"
    )
    with store.engine.connect() as conn:
        counts = dict(conn.execute(text(sql), {"e": event_id.hex}).all())
    return counts.get("female", 0), counts.get("male", 0), sum(counts.values())


def _expected_hash(store, event_id):
    """The documented canonical form, rebuilt independently from the raw tables."""
    sql = (
        'SELECT r.round_id, r."group", r.rank, i.code, i.demand_id, r.score, r.priority_class '
        "FROM round_result r JOIN round_item i ON i.id = r.item_id "
        "JOIN prioritization_round p ON p.id = r.round_id "
        "WHERE p.event_id = :e AND r.deleted_at IS NULL AND p.deleted_at IS NULL "
        "AND i.deleted_at IS NULL"
    )
    with store.engine.connect() as conn:
        rows = conn.execute(text(sql), {"e": event_id.hex}).all()
    results = sorted(
        [
            str(as_uuid(rnd)),
            group,
            rank,
            code,
            str(as_uuid(demand)),
            f"{score:.4f}",
            klass or "",
        ]
        for rnd, group, rank, code, demand, score, klass in rows
    )
    canonical = json.dumps(
        {"event": str(event_id), "results": results, "v": 1},
        ensure_ascii=False,
        separators=(",", ":"),
        sort_keys=True,
    )
    return hashlib.sha256(canonical.encode()).hexdigest(), len(rows)


def test_acta_prints_agenda_attendance_totals_priorities_and_signatures(demo, workshop, tmp_path):
    printed = print_report(demo, "acta", tmp_path, event=str(workshop))
    women, men, present = _totals(demo, workshop)
    assert present > 0
    for words in (
        "Agenda",
        "Attendance by sex and age group",
        "Priorities",
        "Agreed priorities",
        "Signatures",
        "Representative of the Comité de Vigilancia",
        "Tally:",
    ):
        assert printed.has(words), words
    assert printed.has(f"Total {women} {men} 0 {present}")
    with demo.engine.connect() as conn:
        note = conn.execute(
            text("SELECT reconciliation_note FROM prioritization_round WHERE event_id = :e"),
            {"e": workshop.hex},
        ).scalar()
        first = conn.execute(
            text(
                "SELECT d.description FROM round_result r "
                "JOIN round_item i ON i.id = r.item_id JOIN demand d ON d.id = i.demand_id "
                "JOIN prioritization_round p ON p.id = r.round_id "
                "WHERE p.event_id = :e AND r.\"group\" = 'agreed' AND r.rank = 1"
            ),
            {"e": workshop.hex},
        ).scalar()
    assert printed.has(note)
    assert printed.has(first)


def test_the_qr_payload_carries_the_event_and_the_hash_of_its_results(demo, workshop, tmp_path):
    expected, count = _expected_hash(demo, workshop)
    assert count > 0
    with demo.raw_session() as session:
        payload = event_payload(session, workshop)
    assert payload == qr_payload(workshop, expected)
    assert parse_payload(payload) == (workshop, expected)
    printed = print_report(demo, "acta", tmp_path, event=str(workshop))
    assert printed.has(payload)


def test_hash_ignores_order_and_sees_any_change():
    round_id, demand = uuid.uuid4(), uuid.uuid4()
    lines = [
        ResultLine(
            round_id=round_id,
            group=g,
            item_code=c,
            demand_id=demand,
            rank=r,
            score=float(10 - r),
            priority_class="A" if g == "agreed" else None,
        )
        for g in ("agreed", "women")
        for r, c in ((1, "A"), (2, "B"))
    ]
    event = uuid.uuid4()
    shuffled = lines[:]
    random.Random(3).shuffle(shuffled)
    assert results_hash(event, lines) == results_hash(event, shuffled)
    changed = [
        *lines[:-1],
        ResultLine(
            round_id=round_id,
            group="women",
            item_code="B",
            demand_id=demand,
            rank=2,
            score=7.0,
            priority_class=None,
        ),
    ]
    assert results_hash(event, changed) != results_hash(event, lines)
    assert results_hash(uuid.uuid4(), lines) != results_hash(event, lines)


OTHER_VERSION = f"PDACTA2;session={uuid.uuid4()};sha256={'0' * 64}"


@pytest.mark.parametrize("garbage", ["", "hello", "PDACTA1;session=x;sha256=y", OTHER_VERSION])
def test_parse_payload_refuses_what_is_not_an_acta_code(garbage):
    with pytest.raises(ValueError):
        parse_payload(garbage)


def test_verification_fails_after_a_result_changes_and_retractions_leave_totals(
    demo, workshop, tmp_path
):
    with demo.raw_session() as session:
        payload = event_payload(session, workshop)
        assert verify_payload(session, payload) is True
        assert verify_payload(session, qr_payload(uuid.uuid4(), "0" * 64)) is None
        before = len(load_results(session, workshop))
    women, men, present = _totals(demo, workshop)
    with demo.raw_session() as session:
        row = session.execute(
            text(
                "SELECT r.id FROM round_result r JOIN prioritization_round p ON p.id = r.round_id "
                "WHERE p.event_id = :e AND r.\"group\" = 'agreed' ORDER BY r.rank LIMIT 1"
            ),
            {"e": workshop.hex},
        ).scalar()
        agreed = session.get(RoundResult, as_uuid(row))
        agreed.score += 1
        first = session.scalars(
            select(Attendance)
            .where(Attendance.event_id == workshop)
            .order_by(Attendance.created_at)
        ).first()
        session.add(
            Attendance(
                device_id=TEST_DEVICE,
                event_id=workshop,
                person_id=first.person_id,
                retracts_id=first.id,
            )
        )
    with demo.raw_session() as session:
        assert verify_payload(session, payload) is False
        assert len(load_results(session, workshop)) == before
    women2, men2, present2 = _totals(demo, workshop)
    assert present2 == present - 1 and women2 + men2 == women + men - 1
    printed = print_report(demo, "acta", tmp_path, event=str(workshop))
    assert printed.has(f"Total {women2} {men2} 0 {present2}")
