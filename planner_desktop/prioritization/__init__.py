"""Prioritisation maths (DESIGN §2.3): the methods used in the room, run per group.

Everything here is plain Python over plain inputs, with no Qt and, except in
:mod:`planner_desktop.prioritization.records`, no database. Items are named by the short
code typed during tallying (``RoundItem.code``).
"""

from planner_desktop.prioritization.errors import PrioritizationError
from planner_desktop.prioritization.ranking import RankedItem, Ranking

__all__ = ["PrioritizationError", "RankedItem", "Ranking"]
