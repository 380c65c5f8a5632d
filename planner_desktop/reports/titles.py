"""What each printable document is called for a person (no reportlab, no Qt: the window's
menus and the command line both use it)."""

from __future__ import annotations

from planner_desktop.i18n import N_, _

TITLES: dict[str, str] = {
    "attendance-sheet": N_("Attendance sheet"),
    "diagnosis-form": N_("Self-diagnosis form"),
    "ballot": N_("Ballots"),
    "tally-sheet": N_("Tally sheet"),
    "pairwise-chart": N_("Pairwise comparison chart"),
    "acta": N_("Acta of the event"),
    "profile": N_("Project profile"),
    "diagnosis": N_("Consolidated diagnosis"),
    "pdm": N_("PDM draft"),
    "poa": N_("POA summary"),
    "progress": N_("Progress report"),
    "self-assessment": N_("Institutional self-assessment"),
    "actors": N_("Actors by phase"),
    "acta-proofs": N_("Actas: proven, missing, disagreeing"),
}
"""What each document is called for a person (untranslated: pass it through ``_``)."""


def title(kind: str) -> str:
    """The name of the document ``kind`` in the current language (the kind itself is a
    command-line word, never shown to a person)."""
    return _(TITLES[kind])
