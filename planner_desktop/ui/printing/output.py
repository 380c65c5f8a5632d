"""Where printed documents go before the person saves them, and what they hold (no Qt)."""

from __future__ import annotations

import re
import tempfile
from pathlib import Path

from planner_desktop.reports.registry import write_report
from planner_desktop.store.database import Store
from planner_desktop.ui.printing.choices import Choice

_PAGE = re.compile(rb"/Type\s*/Page(?![A-Za-z])")
_folder: Path | None = None


def preview_folder() -> Path:
    """A private temporary folder (one per run) for the documents shown in the window."""
    global _folder
    if _folder is None or not _folder.is_dir():
        _folder = Path(tempfile.mkdtemp(prefix="planner-print-"))
    return _folder


def page_count(path: Path) -> int:
    """The number of pages of a PDF written by reportlab (its page objects are not packed)."""
    return len(_PAGE.findall(path.read_bytes()))


def print_document(store: Store, kind: str, choice: Choice, paper: str, out: Path) -> int:
    """In a worker: write the document to ``out``; its number of pages.

    Raises :class:`~planner_desktop.reports.common.ReportRefused` (nothing written) when
    its data does not exist yet.
    """
    with store.session() as session:
        write_report(kind, session, choice.options(paper), out)
    return page_count(out)
