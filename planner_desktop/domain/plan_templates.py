"""Plan templates: the levels a new plan starts with, and their names.

As with the country templates, the names are the official Spanish words of each planning
method; the municipality renames any level afterwards (its names are stored with the
plan, in :class:`~planner_desktop.domain.plan.PlanLevel`). Projects (the profiles) hang
below the last level of every template.
"""

from __future__ import annotations

from dataclasses import dataclass

from planner_desktop.domain.enums import PlanTemplate
from planner_desktop.i18n import N_


@dataclass(frozen=True)
class PlanShape:
    """A template: its title in the interface, the plan's usual title and level names."""

    template: PlanTemplate
    label: str
    title: str
    levels: tuple[str, ...]
    years: int


SHAPES: dict[PlanTemplate, PlanShape] = {
    PlanTemplate.bolivia_pdm: PlanShape(
        PlanTemplate.bolivia_pdm,
        N_("Bolivia — Municipal Development Plan (PDM)"),
        "Plan de Desarrollo Municipal",
        ("Eje", "Objetivo", "Política", "Lineamiento", "Programa"),
        5,
    ),
    PlanTemplate.bolivia_ptdi: PlanShape(
        PlanTemplate.bolivia_ptdi,
        N_("Bolivia — Territorial Plan for Integral Development (PTDI)"),
        "Plan Territorial de Desarrollo Integral",
        ("Pilar", "Meta", "Resultado", "Acción"),
        5,
    ),
    PlanTemplate.colombia_dnp: PlanShape(
        PlanTemplate.colombia_dnp,
        N_("Colombia — Territorial Development Plan (DNP)"),
        "Plan de Desarrollo Territorial",
        ("Línea estratégica", "Sector", "Programa", "Subprograma"),
        4,
    ),
    PlanTemplate.argentina_pem: PlanShape(
        PlanTemplate.argentina_pem,
        N_("Argentina — Municipal Strategic Plan"),
        "Plan Estratégico Municipal",
        ("Eje de gestión", "Objetivo", "Lineamiento", "Política pública"),
        4,
    ),
    PlanTemplate.custom: PlanShape(
        PlanTemplate.custom,
        N_("Custom — levels named by the municipality"),
        "Plan de Desarrollo",
        ("Nivel 1", "Nivel 2", "Nivel 3"),
        5,
    ),
}
"""Every template, in the order a person chooses among them."""

COUNTRY_DEFAULT = {
    "Bolivia": PlanTemplate.bolivia_pdm,
    "Colombia": PlanTemplate.colombia_dnp,
    "Argentina": PlanTemplate.argentina_pem,
}
"""The template offered first for a municipality of each country."""


def shape(template: PlanTemplate) -> PlanShape:
    return SHAPES[template]


def default_for(country: str) -> PlanTemplate:
    """The template offered first for ``country`` (Bolivia's PDM when it is unknown)."""
    return COUNTRY_DEFAULT.get(country, PlanTemplate.bolivia_pdm)
