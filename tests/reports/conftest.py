"""A copy of the demo municipality per test module (on each backend), and a helper that
prints and reads back a PDF."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

from planner_desktop.reports.common import ReportOptions
from planner_desktop.reports.registry import write_report
from planner_desktop.store.database import Store
from tests.helpers import new_store
from tests.postgres_server import Databases, Target


@pytest.fixture(scope="module")
def demo(demo_template: Target, module_databases: Databases) -> Iterator[Store]:
    """A copy of the demo municipality (seed 1) for the module's tests, on their backend."""
    store = new_store(module_databases.copy(demo_template, "reports_demo"))
    yield store
    store.close()


class Printed:
    """A generated PDF and its extracted text (also with all whitespace removed)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.reader = PdfReader(path)
        self.pages = [page.extract_text() or "" for page in self.reader.pages]
        self.text = "\n".join(self.pages)
        self.flat = re.sub(r"\s+", "", self.text)

    def has(self, words: str) -> bool:
        """Whether ``words`` appear, whatever the line breaks and spaces between them."""
        return re.sub(r"\s+", "", words) in self.flat


def print_report(store: Store, kind: str, folder: Path, **options: Any) -> Printed:
    out = folder / f"{kind}.pdf"
    with store.raw_session() as session:
        write_report(kind, session, ReportOptions(generated=date(2026, 11, 2), **options), out)
    return Printed(out)
