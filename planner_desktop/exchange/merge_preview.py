"""What merging a list of files would do, each file counted after the ones before it.

The files are merged for real, in order, into a copy of the database that is deleted
afterwards, so two files carrying the same records, or two computers' records with the
same key, show in the preview as they will in the merge; the database itself is neither
changed nor locked meanwhile. Files can be added to a preview later (after a person trusts
another laptop): they are counted after those already previewed, and merging the files in
:attr:`MergePreview.order` gives the counts shown (the result does not depend on the
order; only which file is counted as adding a record does).

A database on a server is not copied: each file is then previewed alone against it.
"""

from __future__ import annotations

import shutil
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

from sqlalchemy import event, func, select

from planner_desktop.exchange.merge import MergeReport, Progress, merge_files, plan_merge
from planner_desktop.exchange.trust import TrustPolicy
from planner_desktop.store.database import Store, open_store
from planner_desktop.store.dialect import backup_file
from planner_desktop.store.ledger import import_batch

PREFIX = "planner-merge-preview-"
STALE_SECONDS = 24 * 3600


def remove_stale_copies(folder: Path | None = None) -> None:
    """Delete previews' copies a program that stopped abruptly left behind (they hold a
    whole database, people's names included). A day old: another window may be using a
    newer one."""
    folder = folder or Path(tempfile.gettempdir())
    limit = time.time() - STALE_SECONDS
    for leftover in folder.glob(f"{PREFIX}*"):
        try:
            if leftover.is_dir() and leftover.stat().st_mtime < limit:
                shutil.rmtree(leftover, ignore_errors=True)
        except OSError:
            continue


def _without_sync(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA synchronous=OFF")
    cursor.close()


class MergePreview:
    """Not thread-safe: use it from one thread (or one worker) at a time."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.order: list[Path] = []
        """The files previewed, in the order they were counted."""
        self._folder: Path | None = None
        self._copy: Store | None = None
        self._batches: dict[int, Path] = {}
        """The copy's import batches → the file each previewed."""
        self._first_batch = 0
        """The copy's first batch number (those before are the database's own)."""

    def add(
        self,
        paths: Sequence[Path],
        trust: TrustPolicy,
        progress: Progress | None = None,
        cancelled: Callable[[], bool] | None = None,
    ) -> list[MergeReport]:
        """Preview ``paths`` after the files already previewed; one report per path.

        A preview cancelled or failed part-way starts afresh next time (the copy would
        hold files it does not list)."""
        trust = replace(trust, keys=dict(trust.keys))  # what the copy learns stays there
        if self.store.path is None:
            reports = []
            for index, path in enumerate(paths, start=1):
                reports.append(plan_merge(self.store, path, trust=trust))
                if progress is not None:
                    progress(index, len(paths), path)
        else:
            try:
                reports = merge_files(
                    self._opened(), paths, trust=trust, progress=progress, cancelled=cancelled
                )
            except BaseException:
                self.close()
                raise
            for report in reports:
                self._relabel(report)
        if any(r.status == "cancelled" for r in reports):
            self.close()
        else:
            self.order.extend(r.path for r in reports)
        return reports

    def _opened(self) -> Store:
        if self._copy is None:
            source = self.store.path
            assert source is not None
            remove_stale_copies()
            self._folder = Path(tempfile.mkdtemp(prefix=PREFIX))
            target = self._folder / "preview.sqlite"
            backup_file(source, target)
            self._copy = open_store(target, self.store.provenance)
            # a copy thrown away afterwards need not reach the disk at every commit
            event.listen(self._copy.engine, "connect", _without_sync)
            self._copy.engine.dispose()
            with self._copy.engine.connect() as conn:
                self._first_batch = (conn.scalar(select(func.max(import_batch.c.id))) or 0) + 1
        return self._copy

    def _relabel(self, report: MergeReport) -> None:
        """Batch numbers of the copy mean nothing outside it: a merged file has none, a
        file already previewed names the file it repeats."""
        if report.batch_id is None:
            return
        if report.status == "merged":
            self._batches[report.batch_id] = report.path
            report.batch_id = None
        elif report.status == "already" and report.batch_id >= self._first_batch:
            report.same_as = self._batches.get(report.batch_id)
            report.batch_id = None

    def close(self) -> None:
        """Delete the copy; the preview can be used again (it starts afresh)."""
        if self._copy is not None:
            self._copy.close()
            self._copy = None
        if self._folder is not None:
            shutil.rmtree(self._folder, ignore_errors=True)  # if not now, at a later preview
            self._folder = None
        self._batches.clear()
        self.order.clear()
