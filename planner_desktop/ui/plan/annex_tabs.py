"""The PDM page's tabs for the plan's annexes: self-assessment, actors by phase,
preparation (work plan, agreement, team), management model (pacts), the municipal
government's structure, and the funding sources with their yearly ceilings."""

from __future__ import annotations

from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QTabWidget

from planner_desktop.i18n import N_, _
from planner_desktop.store.database import Store
from planner_desktop.ui.changes import ChangeHub
from planner_desktop.ui.plan.actors_matrix import ActorsTab
from planner_desktop.ui.plan.annex_base import AnnexTab
from planner_desktop.ui.plan.assessment_grid import AssessmentTab
from planner_desktop.ui.plan.pacts_tab import PactsTab
from planner_desktop.ui.plan.preparation_tab import PreparationTab
from planner_desktop.ui.plan.sources_tab import TAB_TITLE, FundingSourcesTab
from planner_desktop.ui.plan.units_tab import UnitsTab

ANNEX_TABS: tuple[tuple[type[AnnexTab], str], ...] = (
    (AssessmentTab, N_("Self-assessment")),
    (ActorsTab, N_("Actors by phase")),
    (PreparationTab, N_("Preparation")),
    (PactsTab, N_("Pacts and alliances")),
    (UnitsTab, N_("Municipal structure")),
)


def add_annex_tabs(tabs: QTabWidget, store: Store, hub: ChangeHub, undo_stack: QUndoStack) -> None:
    """Add the annex tabs to the PDM page's ``tabs`` (edits go on ``undo_stack``). Each tab
    reads the database when first shown and again after a saved change it shows."""
    for tab_class, title in ANNEX_TABS:
        tabs.addTab(tab_class(store, hub, undo_stack), _(title))
    tabs.addTab(FundingSourcesTab(store, hub, undo_stack), _(TAB_TITLE))
