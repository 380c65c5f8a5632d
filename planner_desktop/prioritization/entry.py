"""Recording tallies and ballots as they are entered, and correcting them.

Votes are append-only: a correction is a new vote whose ``retracts_id`` names the one it
replaces, so the log keeps who corrected what and when (provenance stamps the facilitator,
device and time; use ``Store.session()``). Everything is checked before anything is added.
"""

from __future__ import annotations

import uuid

from sqlalchemy import select
from sqlalchemy.orm import Session

from planner_desktop.domain import rules
from planner_desktop.domain.enums import Group
from planner_desktop.domain.enums import PrioritizationMethod as M
from planner_desktop.domain.prioritization import PrioritizationRound, Vote
from planner_desktop.i18n import _
from planner_desktop.prioritization.errors import PrioritizationError
from planner_desktop.prioritization.records import RoundItems, get_round, load_items, parse_groups

RANKED = (M.borda, M.consensus)


def _item(items: RoundItems, code: str) -> uuid.UUID:
    """The live item typed as ``code`` (case ignored); a removed one is refused."""
    code = code.strip()
    for known, item_id in items.ids.items():
        if known.casefold() == code.casefold():
            return item_id
    if any(known.casefold() == code.casefold() for known in items.removed.values()):
        raise PrioritizationError(
            _("demand {code} was removed from this round: its votes are refused").format(
                code=code))
    raise PrioritizationError(_("{code} is not an item of this round").format(code=code))


def _open_round(session: Session, round_id: uuid.UUID, group: str) -> PrioritizationRound:
    round_ = get_round(session, round_id)
    if round_.closed:
        raise PrioritizationError(_("the round is closed: no more votes can be entered"))
    if group not in parse_groups(round_.groups):
        raise PrioritizationError(_("group {group} does not vote in this round").format(
            group=group))
    return round_


def _live_ballot(session: Session, ballot_id: uuid.UUID) -> list[Vote]:
    rows = session.scalars(select(Vote).where(Vote.ballot_id == ballot_id)).all()
    retracted = {row.retracts_id for row in rows}
    return [row for row in rows if row.id not in retracted and row.count > 0]


def _check_ballot(round_: PrioritizationRound, live: list[Vote], item_id: uuid.UUID,
                  count: int, rank: int | None, ballot: str, code: str) -> None:
    where = _("ballot {ballot}").format(ballot=ballot)
    if round_.method in RANKED:
        if rank is None:
            raise PrioritizationError(_("{where}: a rank is needed").format(where=where))
        if any(vote.item_id == item_id for vote in live):
            raise PrioritizationError(_("{where}: this demand is already ranked").format(
                where=where))
        if any(vote.rank == rank for vote in live):
            raise PrioritizationError(_("{where}: rank {rank} is given twice").format(
                where=where, rank=rank))
        return
    if round_.method is M.approval:
        limit = round_.max_choices
        if any(vote.item_id == item_id for vote in live) or count > 1:
            raise PrioritizationError(_("{where}: an item is approved twice").format(where=where))
        if limit is not None and len(live) + 1 > limit:
            raise PrioritizationError(
                _("{where}: {count} choices, but only {limit} are allowed").format(
                    where=where, count=len(live) + 1, limit=limit))
        return
    total = sum(vote.count for vote in live) + count
    if total > round_.dots_per_participant:
        raise PrioritizationError(_("{where}: {total} dots, but only {k} are allowed").format(
            where=where, total=total, k=round_.dots_per_participant))
    on_item = count + sum(vote.count for vote in live if vote.item_id == item_id)
    if not round_.allow_stacking and on_item > 1:
        raise PrioritizationError(
            _("{where}: {count} dots on {code}, but stacking is not allowed").format(
                where=where, count=on_item, code=code))


def record_vote(
    session: Session,
    round_id: uuid.UUID,
    code: str,
    group: str,
    count: int = 1,
    ballot_id: uuid.UUID | None = None,
    rank: int | None = None,
) -> Vote:
    """Add one tally entry (a code and a count) or one mark of a paper ballot."""
    round_ = _open_round(session, round_id, group)
    items = load_items(session, round_id)
    item_id = _item(items, code)
    if count < 1:
        raise PrioritizationError(_("the count must be at least 1"))
    _check_count(count)
    if rank is not None and rank < 1:
        raise PrioritizationError(_("a rank starts at 1"))
    if ballot_id is not None:
        short = str(ballot_id)[:8]
        _check_ballot(round_, _live_ballot(session, ballot_id), item_id, count, rank, short,
                      items.codes[item_id])
    vote = Vote(round_id=round_id, item_id=item_id, group=Group(group), ballot_id=ballot_id,
                count=count, rank=rank)
    session.add(vote)
    session.flush()
    return vote


def correct_vote(
    session: Session, vote_id: uuid.UUID, count: int, rank: int | None = None
) -> Vote:
    """Replace a vote by a new one with ``count`` (0 cancels it), kept in the log."""
    old = session.get(Vote, vote_id)
    if old is None:
        raise PrioritizationError(_("the vote to correct does not exist"))
    if session.scalar(select(Vote.id).where(Vote.retracts_id == vote_id)) is not None:
        raise PrioritizationError(_("this vote was already corrected: correct the newer one"))
    _open_round(session, old.round_id, str(old.group))
    items = load_items(session, old.round_id)
    if old.item_id in items.removed:
        raise PrioritizationError(
            _("demand {code} was removed from this round: its votes are refused").format(
                code=items.removed[old.item_id]))
    if count < 0:
        raise PrioritizationError(_("the count cannot be negative"))
    _check_count(count)
    if old.ballot_id is not None and count > 0:
        round_ = get_round(session, old.round_id)
        live = [v for v in _live_ballot(session, old.ballot_id) if v.id != old.id]
        _check_ballot(round_, live, old.item_id, count, rank if rank is not None else old.rank,
                      str(old.ballot_id)[:8], items.codes[old.item_id])
    new = Vote(round_id=old.round_id, item_id=old.item_id, group=old.group,
               ballot_id=old.ballot_id, count=count,
               rank=rank if rank is not None else old.rank, retracts_id=old.id)
    session.add(new)
    session.flush()
    return new


def _check_count(count: int) -> None:
    """A vote's count obeys the rule of ``vote.count`` (no count of millions of dots)."""
    reason = rules.rule_for("vote", "count").problem(count)
    if reason is not None:
        raise PrioritizationError(_("the count {reason}").format(reason=reason))
