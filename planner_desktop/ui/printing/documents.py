"""The printable documents as the window offers them: title and the options each one takes."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from planner_desktop.i18n import N_
from planner_desktop.reports.titles import TITLES


class Need(Enum):
    """Which record a document is about, and so which picker its dialog shows."""

    none = "none"
    event = "event"
    event_optional = "event_optional"
    rounds = "rounds"
    community = "community"
    project = "project"
    year = "year"
    year_optional = "year_optional"


@dataclass(frozen=True)
class DocumentKind:
    kind: str
    """The name of ``planner-desktop report KIND``."""
    title: str
    """An untranslated title (pass it through ``_``)."""
    need: Need
    file_stem: str
    """The suggested file name, without extension."""


DOCUMENTS: tuple[DocumentKind, ...] = tuple(
    DocumentKind(kind, TITLES[kind], need, stem)
    for kind, need, stem in (
        ("attendance-sheet", Need.event_optional, "asistencia"),
        ("diagnosis-form", Need.community, "autodiagnostico"),
        ("ballot", Need.rounds, "papeletas"),
        ("tally-sheet", Need.rounds, "planilla-conteo"),
        ("pairwise-chart", Need.rounds, "comparacion"),
        ("acta", Need.event, "acta"),
        ("profile", Need.project, "perfil-proyecto"),
        ("diagnosis", Need.none, "diagnostico"),
        ("pdm", Need.none, "borrador-pdm"),
        ("poa", Need.year, "resumen-poa"),
        ("progress", Need.year_optional, "informe-avance"),
        ("self-assessment", Need.none, "autoevaluacion"),
        ("actors", Need.none, "actores"),
    )
)

PAPERS: tuple[tuple[str, str], ...] = (("a4", N_("A4")), ("letter", N_("Letter")))


def document(kind: str) -> DocumentKind:
    return next(found for found in DOCUMENTS if found.kind == kind)
