"""Every printable document by its kind (the names of ``planner-desktop report KIND``)."""

from __future__ import annotations

import contextlib
import importlib
import uuid
from collections.abc import Callable
from pathlib import Path

from sqlalchemy.orm import Session

from planner_desktop.domain.summaries import current_municipality
from planner_desktop.locales import reading_country
from planner_desktop.reports.common import ReportOptions, letterhead
from planner_desktop.reports.layout import Document, register_fonts, render

Builder = Callable[[Session, ReportOptions], Document]

MODULES: dict[str, str] = {
    "attendance-sheet": "attendance_sheet",
    "diagnosis-form": "diagnosis_form",
    "ballot": "ballot",
    "tally-sheet": "tally_sheet",
    "pairwise-chart": "pairwise_chart",
    "acta": "acta",
    "profile": "profile",
    "diagnosis": "diagnosis",
    "pdm": "pdm",
    "poa": "poa",
    "progress": "progress",
    "self-assessment": "self_assessment",
    "actors": "actors",
    "acta-proofs": "acta_proofs",
}


def builder(kind: str) -> Builder:
    register_fonts()
    module = importlib.import_module(f"planner_desktop.reports.{MODULES[kind]}")
    build: Builder = module.build
    return build


def write_report(kind: str, session: Session, options: ReportOptions, out: Path) -> None:
    """Build the document, then write it next to ``out`` and rename it into place.

    A refusal (:class:`~planner_desktop.reports.common.ReportRefused`) comes before any
    file is opened, and a failure while writing removes the partial file: ``out`` is
    either the whole document or untouched. Numbers and dates are printed as readers of the
    document's language and the municipality's country write them (``es_CO`` for a
    Colombian plan in Spanish, see :mod:`planner_desktop.locales`).
    """
    town = current_municipality(session)
    with reading_country(town.country if town is not None else None):
        document = builder(kind)(session, options)
        head = letterhead(session, options)
        out = Path(out)
        tmp = out.with_name(f".{out.name}.{uuid.uuid4().hex[:8]}.part")
        try:
            with tmp.open("xb") as stream:
                render(document, head, options.paper, stream)
            tmp.replace(out)
        except BaseException:
            with contextlib.suppress(OSError):
                tmp.unlink()
            raise
