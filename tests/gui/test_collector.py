"""Cycles are collected on the window's thread, not by whichever thread allocates."""

from __future__ import annotations

import gc

import pytest

from planner_desktop.ui.collector import MainThreadCollector

pytestmark = pytest.mark.gui


class Node:
    def __init__(self) -> None:
        self.me = self  # a reference cycle: only the cyclic collector frees it


def test_collection_waits_for_the_window_thread_and_comes_back(qtbot):
    collector = MainThreadCollector(interval_ms=10)
    try:
        assert not gc.isenabled(), "no automatic collection in any thread"
        gc.collect()
        for _ in range(gc.get_threshold()[0] * 3):
            Node()
        assert gc.get_count()[0] > gc.get_threshold()[0], "nothing collected on its own"
        qtbot.waitUntil(lambda: gc.get_count()[0] < gc.get_threshold()[0], timeout=2000)
    finally:
        collector.stop()
