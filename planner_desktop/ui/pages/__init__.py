"""One page per phase of the planning cycle (DESIGN §2), imported when first shown."""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from typing import TYPE_CHECKING

from planner_desktop.domain.enums import Phase

if TYPE_CHECKING:
    from planner_desktop.ui.pages.base import Page, PageContext
    from planner_desktop.ui.queries import Scope


@dataclass(frozen=True)
class PageInfo:
    phase: Phase
    module: str
    class_name: str
    icon: str


PAGES: tuple[PageInfo, ...] = (
    PageInfo(Phase.preparation, "preparation", "PreparationPage", "mdi6.account-group-outline"),
    PageInfo(Phase.diagnosis, "diagnosis", "DiagnosisPage", "mdi6.clipboard-text-search-outline"),
    PageInfo(Phase.prioritization, "prioritization", "PrioritizationPage", "mdi6.vote-outline"),
    PageInfo(Phase.projects, "projects", "ProjectsPage", "mdi6.file-document-edit-outline"),
    PageInfo(Phase.pdm, "pdm", "PdmPage", "mdi6.sitemap-outline"),
    PageInfo(Phase.poa, "poa", "PoaPage", "mdi6.calendar-check-outline"),
    PageInfo(Phase.follow_up, "follow_up", "FollowUpPage", "mdi6.chart-line"),
)
BY_PHASE = {info.phase: info for info in PAGES}


def create_page(phase: Phase, context: PageContext, scope: Scope) -> Page:
    """Import the page's module and build it (pages are built on first show)."""
    info = BY_PHASE[phase]
    module = importlib.import_module(f"{__name__}.{info.module}")
    page: Page = getattr(module, info.class_name)(context, scope)
    return page
