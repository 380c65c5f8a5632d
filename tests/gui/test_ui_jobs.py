"""The background job helper: results, progress, errors and cancelling reach the main thread."""

from __future__ import annotations

import itertools
import threading
import time

import pytest

from planner_desktop.ui import jobs

pytestmark = pytest.mark.gui


def test_result_arrives_on_the_main_thread(qtbot):
    seen = {}

    def work(context):
        seen["worker"] = threading.current_thread()
        return 6 * 7

    def done(result):
        seen["result"] = result
        seen["callback"] = threading.current_thread()

    job = jobs.run_job(None, work, on_done=done, writes=False)
    with qtbot.waitSignal(job.sig_finished, timeout=5000):
        pass
    assert seen["result"] == 42 == job.result
    assert seen["worker"] is not threading.main_thread()
    assert seen["callback"] is threading.main_thread()
    assert not job.running


def test_progress_is_reported_in_order(qtbot):
    steps = []

    def work(context):
        for done in range(1, 4):
            context.progress(done, 3, f"step {done}")
        return "ok"

    job = jobs.run_job(None, work, on_done=lambda _r: None, on_progress=lambda *a: steps.append(a))
    with qtbot.waitSignal(job.sig_done, timeout=5000):
        pass
    assert steps == [(1, 3, "step 1"), (2, 3, "step 2"), (3, 3, "step 3")]


def test_an_error_goes_to_on_error(qtbot, message_boxes):
    errors = []

    def work(context):
        raise ValueError("the district name is repeated")

    job = jobs.run_job(None, work, on_done=lambda _r: None, on_error=errors.append)
    with qtbot.waitSignal(job.sig_failed, timeout=5000):
        pass
    assert [str(e) for e in errors] == ["the district name is repeated"]
    assert message_boxes.shown == []


def test_an_error_without_on_error_is_shown_to_the_person(qtbot, message_boxes):
    def work(context):
        raise OSError("disk full\nsecond line is not shown")

    job = jobs.run_job(None, work, on_done=lambda _r: pytest.fail("must not succeed"))
    with qtbot.waitSignal(job.sig_finished, timeout=5000):
        pass
    assert message_boxes.texts("critical") == ["disk full"]
    assert isinstance(job.error, OSError)


def test_cancel_stops_a_job_that_checks(qtbot):
    started = threading.Event()
    cancelled = []

    def work(context):
        started.set()
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            context.check()
            time.sleep(0.005)
        return "ran to the end"

    job = jobs.run_job(
        None,
        work,
        on_done=lambda _r: pytest.fail("a cancelled job must not report success"),
        on_cancelled=lambda: cancelled.append(True),
        writes=False,
    )
    assert started.wait(5)
    with qtbot.waitSignal(job.sig_cancelled, timeout=5000):
        job.cancel()
    assert cancelled == [True]
    assert job.cancel_requested and not job.running


def test_a_job_that_cannot_be_cancelled_ignores_cancel(qtbot):
    release = threading.Event()

    def work(context):
        release.wait(5)
        return context.cancelled

    job = jobs.run_job(None, work, on_done=lambda _r: None, cancellable=False, writes=False)
    job.cancel()
    release.set()
    with qtbot.waitSignal(job.sig_done, timeout=5000) as blocker:
        pass
    assert blocker.args == [False]


def test_database_writes_run_one_at_a_time(qtbot):
    assert jobs.pool(writes=True).maxThreadCount() == 1
    spans = []
    lock = threading.Lock()

    def write(context):
        start = time.monotonic()
        time.sleep(0.05)
        with lock:
            spans.append((start, time.monotonic()))

    running = [jobs.run_job(None, write, on_done=lambda _r: None) for _n in range(3)]
    qtbot.waitUntil(lambda: not any(job.running for job in running), timeout=5000)
    spans.sort()
    assert len(spans) == 3
    for (_s1, end), (start, _e2) in itertools.pairwise(spans):
        assert start >= end


def test_outcome_of_a_job_whose_owner_was_closed_is_dropped(qtbot):
    from PySide6.QtWidgets import QWidget

    owner = QWidget()
    release = threading.Event()
    job = jobs.run_job(owner, lambda _c: release.wait(5), on_done=lambda _r: None, writes=False)
    owner.deleteLater()
    qtbot.wait(20)
    release.set()
    assert jobs.wait_for_all(5000)
    qtbot.wait(20)
    del job
