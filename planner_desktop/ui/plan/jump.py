"""Going from a finding or a trace link to the page where its record is shown."""

from __future__ import annotations

import uuid
from typing import TYPE_CHECKING

from planner_desktop.domain.enums import Phase

if TYPE_CHECKING:
    from planner_desktop.ui.main_window import MainWindow

PHASE_OF_TABLE: dict[str, Phase] = {
    "community": Phase.preparation,
    "demand": Phase.prioritization,
    "prioritization_round": Phase.prioritization,
    "demand_group": Phase.prioritization,
    "project_profile": Phase.projects,
    "component": Phase.projects,
    "profile_funding": Phase.projects,
    "indicator": Phase.projects,
    "indicator_target": Phase.projects,
    "multi_year_programming": Phase.pdm,
    "plan": Phase.pdm,
    "plan_level": Phase.pdm,
    "plan_value": Phase.pdm,
    "plan_element": Phase.pdm,
    "cross_cutting": Phase.pdm,
    "sdg_link": Phase.pdm,
    "funding_source": Phase.pdm,
    "source_ceiling": Phase.pdm,
    "annual_plan": Phase.poa,
    "operation": Phase.poa,
    "progress": Phase.follow_up,
}


SCOPED = frozenset({"demand", "prioritization_round", "demand_group"})
"""Records a page lists only within the territory chosen."""


def jump(window: MainWindow, table: str, record_id: uuid.UUID) -> bool:
    """Show the page of ``table`` and, where the page can, select the record.

    Returns True when the record itself was selected (not only its page shown).
    """
    phase = _phase_of(window, table, record_id)
    if phase is None or window.store is None:
        return False
    window.show_phase(phase)
    page = window.current_page()
    select = getattr(page, "select_record", None)
    if callable(select):
        if select(table, record_id):
            return True
        if table not in SCOPED:
            return False
        window.territory.select_municipality()  # the territory chosen may hide it
        again = getattr(window.current_page(), "select_record", None)
        return callable(again) and bool(again(table, record_id))
    if table == "community":
        return _find_community(window, record_id)
    return False


def _phase_of(window: MainWindow, table: str, record_id: uuid.UUID) -> Phase | None:
    """The page of a record; an indicator of an element of the plan (not of a project)
    and its targets are typed on the PDM page, with the element."""
    if table in ("indicator", "indicator_target") and window.store is not None:
        from planner_desktop.plan.records import profile_of

        with window.store.session() as session:
            if profile_of(session, table, record_id) is None:
                return Phase.pdm
    return PHASE_OF_TABLE.get(table)


def _find_community(window: MainWindow, community_id: uuid.UUID) -> bool:
    """The community's row in the communities list of the preparation page (the whole
    municipality shown when the territory chosen hides it)."""
    page = window.current_page()
    model = getattr(page, "communities", None)
    view = getattr(page, "communities_view", None)
    tabs = getattr(page, "tabs", None)
    if model is None or view is None or tabs is None:
        return False
    tabs.setCurrentIndex(0)
    row = model.row_of(community_id)
    if row < 0:
        window.territory.select_municipality()
        page = window.current_page()
        model = getattr(page, "communities", model)
        view = getattr(page, "communities_view", view)
        row = model.row_of(community_id)
    if row < 0:
        return False
    index = model.index(row, 0)
    view.setCurrentIndex(index)
    view.scrollTo(index)
    return True
