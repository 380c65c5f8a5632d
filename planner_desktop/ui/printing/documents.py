"""The printable documents as the window offers them: title and the options each one takes."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from planner_desktop.i18n import N_


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


DOCUMENTS: tuple[DocumentKind, ...] = (
    DocumentKind("attendance-sheet", N_("Attendance sheet"), Need.event_optional, "asistencia"),
    DocumentKind("diagnosis-form", N_("Self-diagnosis form"), Need.community, "autodiagnostico"),
    DocumentKind("ballot", N_("Ballots"), Need.rounds, "papeletas"),
    DocumentKind("tally-sheet", N_("Tally sheet"), Need.rounds, "planilla-conteo"),
    DocumentKind("pairwise-chart", N_("Pairwise comparison chart"), Need.rounds, "comparacion"),
    DocumentKind("acta", N_("Acta of the event"), Need.event, "acta"),
    DocumentKind("profile", N_("Project profile"), Need.project, "perfil-proyecto"),
    DocumentKind("diagnosis", N_("Consolidated diagnosis"), Need.none, "diagnostico"),
    DocumentKind("pdm", N_("PDM draft"), Need.none, "borrador-pdm"),
    DocumentKind("poa", N_("POA summary"), Need.year, "resumen-poa"),
    DocumentKind("progress", N_("Progress report"), Need.year_optional, "informe-avance"),
)

PAPERS: tuple[tuple[str, str], ...] = (("a4", N_("A4")), ("letter", N_("Letter")))


def document(kind: str) -> DocumentKind:
    return next(found for found in DOCUMENTS if found.kind == kind)
