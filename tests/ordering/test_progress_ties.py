"""Issue 15: the progress report printed rows of the same date in whatever order the
database returned them, so SQLite and PostgreSQL printed different documents (and a
different "latest" progress). Ties on the date are broken by the time of recording, then
by the record's id; the follow-up (the window's table) reads the same order."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

from pypdf import PdfReader

from planner_desktop.domain.follow_up import Progress
from planner_desktop.plan.follow import progress_history, project_follow_up
from planner_desktop.reports.common import ReportOptions
from planner_desktop.reports.registry import write_report
from tests.ordering.progress_data import FIRST, SECOND, progress_store


def _text(store, folder: Path) -> str:
    out = folder / "progress.pdf"
    with store.raw_session() as session:
        write_report("progress", session, ReportOptions(generated=date(2027, 4, 1)), out)
    return re.sub(r"\s+", " ", " ".join(p.extract_text() for p in PdfReader(out).pages))


def test_the_history_lists_records_of_one_day_by_their_id(tmp_path):
    store = progress_store(tmp_path)
    text = _text(store, tmp_path)
    store.close()
    history = text[text.index("Every progress record") :]
    assert history.index("primero") < history.index("segundo") < history.index("puente")


def test_the_latest_progress_of_a_project_is_the_last_of_its_day_by_id(tmp_path):
    store = progress_store(tmp_path)
    text = _text(store, tmp_path)
    store.close()
    latest = text[text.index("Latest progress") : text.index("Every progress record")]
    assert "60 %" in latest, "the record with the greater id is the latest one"
    assert "40 %" not in latest


def test_the_follow_up_reads_the_same_order(tmp_path):
    store = progress_store(tmp_path)
    with store.session() as session:
        profile_id = session.get(Progress, FIRST).profile_id
        history = progress_history(session, profile_ids=[profile_id])[profile_id]
        follow = {row.code: row for row in project_follow_up(session)}
    store.close()
    assert [point.id for point in history] == [FIRST, SECOND]
    assert follow["PRY-A"].latest is not None and follow["PRY-A"].latest.id == SECOND
