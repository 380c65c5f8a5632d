"""How ranks and classes are written wherever they are shown (no Qt): the projection, the
results, the spreadsheets and the prints all use these, so a tie reads the same everywhere.

- A rank shared by equal scores is written ``=2`` (:func:`rank_text`): ``=2, =2, 4``.
- A class limit that falls among equal scores is marked ``A+ (=?)`` (:func:`class_text`)
  until the room has set the class of every tied demand by hand, with its reason.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session

from planner_desktop.domain.prioritization import RoundResult
from planner_desktop.domain.summaries import live
from planner_desktop.i18n import _
from planner_desktop.prioritization.classes import ByShare, classify
from planner_desktop.prioritization.decisions import load_decisions
from planner_desktop.prioritization.errors import PrioritizationError
from planner_desktop.prioritization.ranking import RankedItem, rank_text
from planner_desktop.prioritization.records import load_items
from planner_desktop.prioritization.results import AGREED

__all__ = [
    "LIMIT_MARK",
    "class_text",
    "limit_legend",
    "rank_text",
    "result_rank_text",
    "stored_limit_ties",
]

LIMIT_MARK = "(=?)"


def class_text(klass: str, at_limit: bool) -> str:
    """``A+`` or, for equal scores a class limit falls among, ``A+ (=?)``."""
    return f"{klass} {LIMIT_MARK}" if klass and at_limit else klass


def limit_legend() -> str:
    """The line under a table that uses the mark."""
    return _("{mark}: equal scores on both sides of a class limit; the room decides their "
             "class").format(mark=LIMIT_MARK)


def result_rank_text(result: RoundResult) -> str:
    """A stored result's rank as shown (results stored before ties were kept: the rank)."""
    return rank_text(result.shared_rank or result.rank, result.tied)


def _ranked(results: Sequence[RoundResult], codes: dict[uuid.UUID, str]) -> list[RankedItem]:
    return [RankedItem(codes[r.item_id], r.rank, r.score, r.tied, r.shared_rank or r.rank)
            for r in sorted(results, key=lambda r: r.rank) if r.item_id in codes]


def stored_limit_ties(session: Session, round_id: uuid.UUID) -> set[uuid.UUID]:
    """The items of the round's stored agreed list that a class limit falls among, still
    undecided: the classes of the stored results classified again with the round's rule
    and the room's decisions (the same as when they were stored)."""
    items = load_items(session, round_id)
    codes = {item_id: code for item_id, code in items.codes.items()}
    results = session.scalars(select(RoundResult).where(
        RoundResult.round_id == round_id, RoundResult.group == AGREED,
        live(RoundResult))).all()
    ranked = _ranked(results, codes)
    if not ranked:
        return set()
    try:
        classified = classify(ranked, ByShare(),
                              load_decisions(session, round_id, items).overrides)
    except PrioritizationError:
        return set()
    marked = {item.code for item in classified if item.boundary_tie}
    return {item_id for item_id, code in codes.items() if code in marked}
