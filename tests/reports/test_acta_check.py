"""Issue 13, point 2: the acta check's verdict, the same in the window and headless."""

from __future__ import annotations

import uuid
from datetime import datetime, timedelta

import pytest
from sqlalchemy import select, text

from planner_desktop.domain.events import Event
from planner_desktop.domain.prioritization import PrioritizationRound, RoundResult
from planner_desktop.locales import short_date
from planner_desktop.reports.acta_check import Verdict, check_acta, verdict_line
from planner_desktop.reports.results_hash import event_payload, parse_payload, qr_payload
from tests.helpers import as_uuid


@pytest.fixture(scope="module")
def workshop(demo):
    with demo.engine.connect() as conn:
        event_id = conn.execute(
            text(
                "SELECT e.id FROM event e JOIN prioritization_round r ON r.event_id = e.id "
                "ORDER BY e.date LIMIT 1"
            )
        ).scalar()
    return as_uuid(event_id)


def first_result(session, event_id):
    return session.scalars(
        select(RoundResult)
        .join(PrioritizationRound, RoundResult.round_id == PrioritizationRound.id)
        .where(PrioritizationRound.event_id == event_id)
        .order_by(RoundResult.rank, RoundResult.id)
    ).first()


def test_unknown_and_unreadable_codes_are_told_apart(demo):
    stranger = uuid.uuid4()
    unknown = check_acta(demo, qr_payload(stranger, "0" * 64))
    assert unknown.verdict is Verdict.unknown and unknown.session_id == stranger
    assert verdict_line(unknown).startswith("Does not match: no event") and str(stranger) in (
        verdict_line(unknown)
    )
    for garbage in ("", "PDACTA1;session=abc", "hola"):
        check = check_acta(demo, garbage)
        assert check.verdict is Verdict.malformed
        assert verdict_line(check).startswith("Unreadable")


def test_a_scanner_s_text_reads_as_the_printed_one():
    """Case, surrounding control keys and separators typed in another keyboard layout."""
    session, digest = uuid.uuid4(), "ab" * 32
    printed = qr_payload(session, digest)
    garbled = printed.replace(";", "ñ").replace("=", "¿").replace("-", "'").upper()
    assert parse_payload("\x02" + garbled + "\r\n") == parse_payload(printed) == (session, digest)


def test_the_verdict_names_what_differs(demo, workshop):
    with demo.session() as session:
        payload = event_payload(session, workshop)
        event = session.get(Event, workshop)
        title, day = event.title, event.date
    check = check_acta(demo, payload)
    assert check.verdict is Verdict.matches and check.ok
    assert verdict_line(check) == (
        f"Matches: the results of {title} ({short_date(day)}) are the ones signed on the acta"
    )

    with demo.raw_session() as session:  # changed by hand: no newer version left behind
        first_result(session, workshop).score += 1
    check = check_acta(demo, payload)
    assert check.verdict is Verdict.changed and not check.ok
    assert check.differences == (
        "the fingerprint of the results differs, and no round records a change after the signing",
    )

    later = datetime.combine(day, datetime.min.time()) + timedelta(days=3, hours=10)
    with demo.raw_session() as session:  # recomputed three days after the workshop
        result = first_result(session, workshop)
        result.updated_at = later
        round_title = session.get(PrioritizationRound, result.round_id).title
    check = check_acta(demo, payload)
    assert check.differences == (
        f"the results of round «{round_title}» changed on {short_date(later.date())}",
    )
    assert verdict_line(check) == (
        f"Does not match: {title} ({short_date(day)}): {check.differences[0]}"
    )

    with demo.raw_session() as session:
        session.get(PrioritizationRound, result.round_id).deleted_at = later
    check = check_acta(demo, payload)
    assert f"round «{round_title}» was deleted on {short_date(later.date())}" in (check.differences)
