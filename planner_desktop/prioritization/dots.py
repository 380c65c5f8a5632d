"""Dot voting and approval voting, ballot by ballot or as loose tallies."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from types import MappingProxyType

from planner_desktop.i18n import _
from planner_desktop.prioritization.errors import PrioritizationError
from planner_desktop.prioritization.ranking import Ranking, check_items, check_known, order


@dataclass(frozen=True)
class DotBallot:
    """The dots of one paper ballot as (item code, dots) pairs.

    ``ballot_id`` None is a loose tally typed from the wall (a code and a count): it
    belongs to no ballot, so the per-ballot limits cannot be checked on it.
    """

    ballot_id: str | None
    dots: tuple[tuple[str, int], ...]


def _where(ballot: DotBallot) -> str:
    if ballot.ballot_id is None:
        return _("tally")
    return _("ballot {ballot}").format(ballot=ballot.ballot_id)


def _check_ballot(ballot: DotBallot, known: frozenset[str], k: int, stacking: bool) -> None:
    where = _where(ballot)
    per_item: Counter[str] = Counter()
    for code, count in ballot.dots:
        check_known(code, known, where)
        if count < 0:
            raise PrioritizationError(
                _("{where}: a negative count for {code}").format(where=where, code=code)
            )
        per_item[code] += count
    if ballot.ballot_id is None:
        return
    total = sum(per_item.values())
    if total > k:
        raise PrioritizationError(
            _("{where}: {total} dots, but only {k} are allowed").format(
                where=where, total=total, k=k
            )
        )
    if not stacking:
        for code, count in sorted(per_item.items()):
            if count > 1:
                raise PrioritizationError(
                    _("{where}: {count} dots on {code}, but stacking is not allowed").format(
                        where=where, count=count, code=code
                    )
                )


def dot_vote(
    items: Sequence[str],
    ballots: Sequence[DotBallot],
    k: int = 3,
    stacking: bool = True,
    group: str = "mixed",
) -> Ranking:
    """Dots per item; every participant has ``k`` dots, stacked on one item or not.

    Tie rule: more dots first; then more ballots that gave the item a dot (broader
    support); then the item code. Refused, naming the ballot: more than ``k`` dots,
    more than one dot on an item when stacking is not allowed, an unknown item code.
    """
    items = check_items(items)
    known = frozenset(items)
    if k < 1:
        raise PrioritizationError(_("each participant needs at least one dot"))
    dots: Counter[str] = Counter()
    support: Counter[str] = Counter()
    for ballot in ballots:
        _check_ballot(ballot, known, k, stacking)
        for code, count in ballot.dots:
            dots[code] += count
        if ballot.ballot_id is not None:
            support.update({code for code, count in ballot.dots if count > 0})
    score = {code: float(dots[code]) for code in items}
    return Ranking(
        method="dots",
        group=group,
        items=order(items, score, lambda code: -support[code]),
        inputs=MappingProxyType(
            {"items": items, "ballots": tuple(ballots), "k": k, "stacking": stacking,
             "group": group}
        ),
        function=dot_vote,
    )


@dataclass(frozen=True)
class ApprovalBallot:
    """The items one participant approves of."""

    ballot_id: str
    approved: tuple[str, ...]


def approval_vote(
    items: Sequence[str],
    ballots: Sequence[ApprovalBallot],
    max_choices: int | None = None,
    group: str = "mixed",
) -> Ranking:
    """Approvals per item, each ballot approving at most ``max_choices`` items.

    Tie rule: more approvals first, then the item code. Refused, naming the ballot:
    more approvals than allowed, an item approved twice, an unknown code.
    """
    items = check_items(items)
    known = frozenset(items)
    approvals: Counter[str] = Counter()
    for ballot in ballots:
        where = _("ballot {ballot}").format(ballot=ballot.ballot_id)
        for code in ballot.approved:
            check_known(code, known, where)
        if len(set(ballot.approved)) != len(ballot.approved):
            raise PrioritizationError(_("{where}: an item is approved twice").format(where=where))
        if max_choices is not None and len(ballot.approved) > max_choices:
            raise PrioritizationError(
                _("{where}: {count} choices, but only {limit} are allowed").format(
                    where=where, count=len(ballot.approved), limit=max_choices
                )
            )
        approvals.update(ballot.approved)
    score = {code: float(approvals[code]) for code in items}
    return Ranking(
        method="approval",
        group=group,
        items=order(items, score),
        inputs=MappingProxyType(
            {"items": items, "ballots": tuple(ballots), "max_choices": max_choices,
             "group": group}
        ),
        function=approval_vote,
    )
