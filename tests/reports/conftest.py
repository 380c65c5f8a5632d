"""One demo municipality per test module, and a helper that prints and reads back a PDF."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader

from planner_desktop.demo import generate
from planner_desktop.reports.common import ReportOptions
from planner_desktop.reports.registry import write_report
from planner_desktop.store.database import Store
from tests.helpers import new_store


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    store = new_store(tmp_path_factory.mktemp("reports") / "demo.sqlite")
    with store.raw_session() as session:
        generate(session, seed=1)
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


def print_report(store: Store, kind: str, folder: Path, **options: object) -> Printed:
    out = folder / f"{kind}.pdf"
    with store.raw_session() as session:
        write_report(kind, session, ReportOptions(generated=date(2026, 11, 2), **options), out)
    return Printed(out)
