"""What differs between the rankings printed on an acta (its version 2 QR) and the database.

One line per round and group that differs, in the person's words, the first difference of
each: an item at another place ("round «Puntos», Women: the paper ranks B (D1-01-02) first,
the database A (D1-01-01)"), a list of another length, a class changed, or a round or group
on one side only. Items are named by their code on the ballot and, where the database
still has that item, by its demand's code. A list the code carried cut to its first items
is compared that far, and by its length. Rounds whose rankings the code left out are not
compared (their fingerprint still is, by the caller).
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session

from planner_desktop.domain.demands import Demand
from planner_desktop.domain.enums import Group
from planner_desktop.domain.labels import label
from planner_desktop.domain.prioritization import PrioritizationRound, RoundItem
from planner_desktop.domain.summaries import AGREED
from planner_desktop.i18n import _, ngettext
from planner_desktop.reports.acta_code import GroupRanking, RoundRanking, round_key
from planner_desktop.reports.results_hash import GROUP_ORDER


def group_label(code: str) -> str:
    if code == AGREED:
        return _("Agreed")
    try:
        return label(Group(code))
    except ValueError:
        return code


class _Names:
    """Round titles (deleted rounds too) and demand codes of the event's items, by key."""

    def __init__(self, session: Session, event_id: uuid.UUID) -> None:
        rows = session.execute(
            select(PrioritizationRound.id, PrioritizationRound.title,
                   PrioritizationRound.deleted_at)
            .where(PrioritizationRound.event_id == event_id)
            .order_by(PrioritizationRound.deleted_at.is_not(None), PrioritizationRound.id)
        ).all()
        self.titles: dict[str, str] = {}
        for round_id, title, _deleted in rows:  # live rounds first
            self.titles.setdefault(round_key(round_id), title)
        live_keys = {round_key(r) for r, _t, gone in rows if gone is None}
        self.deleted = {round_key(r) for r, _t, gone in rows if gone is not None} - live_keys
        items = session.execute(
            select(RoundItem.round_id, RoundItem.code, Demand.code)
            .join(Demand, RoundItem.demand_id == Demand.id)
            .join(PrioritizationRound, RoundItem.round_id == PrioritizationRound.id)
            .where(PrioritizationRound.event_id == event_id, RoundItem.deleted_at.is_(None))
        ).all()
        self.demands = {(round_key(r), code.upper()): demand for r, code, demand in items}

    def title(self, key: str) -> str:
        return self.titles.get(key, key)

    def item(self, key: str, code: str) -> str:
        demand = self.demands.get((key, code.upper()))
        return f"{code} ({demand})" if demand else code


def ranking_differences(
    session: Session,
    event_id: uuid.UUID,
    paper: Sequence[RoundRanking],
    database: Sequence[RoundRanking],
) -> list[str]:
    """What differs, one line per round or group (empty when the rankings agree)."""
    names = _Names(session, event_id)
    now = {ranking.key: ranking for ranking in database}
    lines: list[str] = []
    for printed in paper:
        current = now.pop(printed.key, None)
        title = names.title(printed.key)
        if current is None:
            if printed.key in names.deleted:
                lines.append(_("round «{round}» was deleted").format(round=title))
            else:
                lines.append(
                    _("round «{round}»: the paper shows results the database does not have")
                    .format(round=title)
                )
        elif printed.carried:
            lines += _group_differences(names, printed, current)
    for key in sorted(now, key=names.title):
        lines.append(
            _("round «{round}»: the database has results the paper does not show").format(
                round=names.title(key)
            )
        )
    return lines


def _group_differences(names: _Names, printed: RoundRanking, current: RoundRanking) -> list[str]:
    on_paper = {group.group: group for group in printed.groups}
    in_database = {group.group: group for group in current.groups}
    order = sorted(set(on_paper) | set(in_database),
                   key=lambda g: (GROUP_ORDER.get(g, len(GROUP_ORDER)), g))
    lines = []
    for group in order:
        where = _("round «{round}», {group}").format(
            round=names.title(printed.key), group=group_label(group)
        )
        paper, database = on_paper.get(group), in_database.get(group)
        if paper is None:
            lines.append(_("{where}: the database has a ranking the paper does not show")
                         .format(where=where))
        elif database is None:
            lines.append(_("{where}: the paper shows a ranking the database does not have")
                         .format(where=where))
        else:
            difference = _first_difference(names, printed.key, paper, database)
            if difference:
                lines.append(f"{where}: {difference}")
    return lines


def _first_difference(names: _Names, key: str, paper: GroupRanking,
                      database: GroupRanking) -> str | None:
    for place, (printed, current) in enumerate(zip(paper.items, database.items, strict=False)):
        if printed[0].upper() != current[0].upper():
            values = {
                "paper": names.item(key, printed[0]),
                "database": names.item(key, current[0]),
                "place": place + 1,
            }
            if place == 0:
                return _("the paper ranks {paper} first, the database {database}").format(
                    **values
                )
            return _("the paper ranks {paper} in place {place}, the database {database}").format(
                **values
            )
    if paper.total != database.total or (
        not paper.cut and len(paper.items) != len(database.items)
    ):
        return ngettext(
            "the paper ranks {paper} item, the database {database}",
            "the paper ranks {paper} items, the database {database}",
            paper.total,
        ).format(paper=paper.total, database=database.total)
    for printed, current in zip(paper.items, database.items, strict=False):
        if printed[1] != current[1]:
            return _("the paper gives {item} class {paper}, the database {database}").format(
                item=names.item(key, printed[0]),
                paper=printed[1] or _("none"),
                database=current[1] or _("none"),
            )
    return None
