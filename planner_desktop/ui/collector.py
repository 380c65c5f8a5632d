"""Python's cyclic garbage collected on the window's thread only.

Python collects reference cycles in whichever thread happens to allocate when a threshold
is passed. When that is a background job's thread and the cycle holds a Qt object (a page
or a panel rebuilt a moment ago), the object is destroyed outside the window's thread,
which can crash the program. So automatic collection is switched off while the window
runs, and :class:`MainThreadCollector` collects on the window's thread instead, as often
as Python would have (the same thresholds, checked on a timer).
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer

CHECK_MS = 500


class MainThreadCollector(QObject):
    """Switches automatic collection off; collects on this object's thread by timer."""

    def __init__(self, parent: QObject | None = None, interval_ms: int = CHECK_MS) -> None:
        super().__init__(parent)
        self.thresholds = gc.get_threshold()
        self.was_enabled = gc.isenabled()
        gc.disable()
        self.timer = QTimer(self)
        self.timer.timeout.connect(self.check)
        self.timer.start(interval_ms)

    def check(self) -> None:
        """Collect the generations Python would have collected by now."""
        young, middle, old = gc.get_count()
        first, second, third = self.thresholds
        if young <= first:
            return
        generation = 0
        if middle > second:
            generation = 2 if old > third else 1
        gc.collect(generation)

    def stop(self) -> None:
        """Give collection back to Python (and collect once, here)."""
        self.timer.stop()
        gc.collect()
        if self.was_enabled:
            gc.enable()
