"""One round, all groups: from plain vote rows to rankings, agreed list and classes."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal

from planner_desktop.domain.enums import PrioritizationMethod as M
from planner_desktop.i18n import _
from planner_desktop.prioritization.borda import RankBallot, borda
from planner_desktop.prioritization.budget import BudgetSelection, greedy_budget
from planner_desktop.prioritization.classes import ByShare, Classified, Override, Rule, classify
from planner_desktop.prioritization.compare import (
    MEAN_RANK,
    POOLED,
    AgreedList,
    agree,
    agree_by_hand,
)
from planner_desktop.prioritization.consensus import consensus
from planner_desktop.prioritization.criteria import CriterionSpec, Rating, weighted_matrix
from planner_desktop.prioritization.dots import ApprovalBallot, DotBallot, approval_vote, dot_vote
from planner_desktop.prioritization.errors import PrioritizationError
from planner_desktop.prioritization.pairwise import PairChoice, pairwise
from planner_desktop.prioritization.ranking import RankedItem, Ranking


@dataclass(frozen=True)
class VoteRow:
    """A live (not retracted) vote: dots (``count``) or a ``rank`` on one item."""

    code: str
    ballot: str | None = None
    count: int = 1
    rank: int | None = None


@dataclass(frozen=True)
class RoundDecisions:
    """What the room decided by hand: classes set with a reason, and an agreed order
    reached by discussion (with the note saying how). They are inputs of the result like
    the votes, so that recomputing gives the same agreed list and classes."""

    overrides: Mapping[str, Override] = field(default_factory=dict)
    agreed_order: tuple[str, ...] = ()
    agreed_note: str = ""


@dataclass(frozen=True)
class RoundInputs:
    """Everything a round's results are computed from, per group."""

    method: M
    groups: tuple[str, ...]
    items: tuple[str, ...]
    votes: Mapping[str, Sequence[VoteRow]] = field(default_factory=dict)
    ratings: Mapping[str, Sequence[Rating]] = field(default_factory=dict)
    choices: Mapping[str, Sequence[PairChoice]] = field(default_factory=dict)
    criteria: tuple[CriterionSpec, ...] = ()
    dots_per_participant: int = 3
    allow_stacking: bool = True
    max_choices: int | None = None
    costs: Mapping[str, Decimal] = field(default_factory=dict)
    budget_ceiling: Decimal | None = None
    dissent: Mapping[str, str] = field(default_factory=dict)
    flags: tuple[str, ...] = ()
    decisions: RoundDecisions = field(default_factory=RoundDecisions)


@dataclass(frozen=True)
class RoundOutcome:
    """Per-group rankings, the groups whose input was refused (with the reason), the
    agreed list and its classes; ``selection`` when the round has a budget ceiling."""

    inputs: RoundInputs
    rankings: Mapping[str, Ranking]
    refused: Mapping[str, str]
    agreed: AgreedList | None
    classes: tuple[Classified, ...]
    selection: BudgetSelection | None



def agreed_by_mean_rank(method: M) -> bool:
    """Pairwise, criteria and consensus rounds agree on the smaller average of the groups'
    ranks; that average is stored negated as the agreed score (so a larger score still
    comes first) and is shown as the average rank, never as the negative figure."""
    return method in (M.pairwise, M.criteria, M.consensus)

def _ballots(rows: Sequence[VoteRow]) -> dict[str | None, list[VoteRow]]:
    by_ballot: dict[str | None, list[VoteRow]] = {}
    for row in rows:
        by_ballot.setdefault(row.ballot, []).append(row)
    return by_ballot


def _ordered(rows: Sequence[VoteRow], where: str) -> tuple[str, ...]:
    ranks: dict[int, str] = {}
    for row in rows:
        if row.rank is None:
            raise PrioritizationError(
                _("{where}: {code} has no rank").format(where=where, code=row.code)
            )
        if row.rank in ranks:
            raise PrioritizationError(
                _("{where}: rank {rank} is given twice").format(where=where, rank=row.rank)
            )
        ranks[row.rank] = row.code
    return tuple(ranks[rank] for rank in sorted(ranks))


def rank_group(inputs: RoundInputs, group: str) -> Ranking:
    """The method of the round over one group's inputs; raises when they are refused."""
    items, rows, method = inputs.items, inputs.votes.get(group, ()), inputs.method
    if method in (M.dots, M.budget_greedy):
        ballots = [
            DotBallot(None, ((row.code, row.count),))
            if key is None
            else DotBallot(key, tuple((row.code, row.count) for row in entries))
            for key, entries in _ballots(rows).items()
            for row in (entries if key is None else entries[:1])
        ]
        return dot_vote(items, ballots, inputs.dots_per_participant, inputs.allow_stacking, group)
    if method is M.approval:
        approvals = [
            ApprovalBallot(str(key), tuple(row.code for row in entries for _n in range(row.count)))
            for key, entries in _ballots(rows).items()
        ]
        return approval_vote(items, approvals, inputs.max_choices, group)
    if method is M.borda:
        ranked = [
            RankBallot(str(key), _ordered(entries, _("ballot {ballot}").format(ballot=key)))
            for key, entries in _ballots(rows).items()
        ]
        return borda(items, ranked, group)
    if method is M.consensus:
        agreed = _ordered(rows, _("agreed order of {group}").format(group=group))
        return consensus(items, agreed, inputs.dissent, group)
    if method is M.pairwise:
        return pairwise(items, inputs.choices.get(group, ()), group)
    if method is M.criteria:
        return weighted_matrix(items, inputs.criteria, inputs.ratings.get(group, ()), group)
    raise PrioritizationError(_("unknown method {method}").format(method=method))


def _budget_order(agreed: AgreedList, selection: BudgetSelection) -> AgreedList:
    """The funded items first (in agreed order), then those that did not fit."""
    score = {item.code: item.score for item in agreed.items}
    codes = selection.selected + selection.skipped
    items = tuple(RankedItem(code, rank, score[code]) for rank, code in enumerate(codes, 1))
    note = _("{note}; then greedy by rank within a ceiling of {ceiling}").format(
        note=agreed.note, ceiling=selection.ceiling)
    return AgreedList(items, agreed.how, note, agreed.sources, agreed.dissent)


def run_round(
    inputs: RoundInputs,
    rule: Rule | None = None,
    overrides: Mapping[str, Override] | None = None,
    known: Mapping[str, Ranking | PrioritizationError] | None = None,
) -> RoundOutcome:
    """Rank every group, agree, classify. A group whose input is refused is reported in
    ``refused`` and left out of the agreed list; nothing is ranked on wrong input.

    ``known`` gives the ranking (or the refusal) of groups already ranked on these same
    inputs, so that after one more vote only the group it belongs to is ranked again.
    """
    rankings: dict[str, Ranking] = {}
    refused: dict[str, str] = {}
    for group in inputs.groups:
        try:
            done = (known or {}).get(group)
            if isinstance(done, PrioritizationError):
                raise done
            rankings[group] = done if done is not None else rank_group(inputs, group)
        except PrioritizationError as exc:
            refused[group] = str(exc)
    how = MEAN_RANK if agreed_by_mean_rank(inputs.method) else POOLED
    decided = inputs.decisions
    if not rankings:
        agreed = None
    elif decided.agreed_order:
        agreed = agree_by_hand(rankings, decided.agreed_order, decided.agreed_note)
    else:
        agreed = agree(rankings, how)
    selection = None
    if agreed is not None and inputs.budget_ceiling is not None:
        selection = greedy_budget(agreed.codes(), inputs.costs, inputs.budget_ceiling)
        if inputs.method is M.budget_greedy:
            agreed = _budget_order(agreed, selection)
    if overrides is None:
        overrides = decided.overrides
    classes = classify(agreed.items, rule or ByShare(), overrides) if agreed else ()
    return RoundOutcome(inputs, rankings, refused, agreed, classes, selection)
