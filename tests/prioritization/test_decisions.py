"""Classes set by hand and an agreed order are inputs of the result (issue 5)."""

from __future__ import annotations

import pytest

from planner_desktop.domain.enums import PrioritizationMethod as M
from planner_desktop.domain.enums import PriorityClass as P
from planner_desktop.prioritization.classes import ByPosition, Override
from planner_desktop.prioritization.compare import BY_HAND
from planner_desktop.prioritization.errors import PrioritizationError
from planner_desktop.prioritization.run import RoundDecisions, RoundInputs, VoteRow, run_round

ITEMS = ("A", "B", "C")
VOTES = {"women": [VoteRow("A", None, 5), VoteRow("B", None, 3), VoteRow("C", None, 1)],
         "men": [VoteRow("B", None, 4), VoteRow("C", None, 2)]}


def _inputs(decisions: RoundDecisions) -> RoundInputs:
    return RoundInputs(M.dots, ("women", "men"), ITEMS, votes=VOTES, decisions=decisions)


def test_a_class_set_by_hand_is_recomputed_with_its_reason():
    decided = RoundDecisions(overrides={"C": Override(P.a_plus, "emergencia sanitaria")})
    outcome = run_round(_inputs(decided), ByPosition((1, 2, 2)))
    klass = {c.code: (c.klass, c.reason) for c in outcome.classes}
    assert klass["C"] == (P.a_plus, "set by hand: emergencia sanitaria")
    assert klass["B"][0] == P.a_plus and klass["A"][0] == P.a
    again = run_round(outcome.inputs, ByPosition((1, 2, 2)))
    assert again.classes == outcome.classes and again.agreed == outcome.agreed


def test_an_agreed_order_by_hand_is_recomputed_with_its_note():
    decided = RoundDecisions(agreed_order=("C", "A", "B"), agreed_note="acuerdo en plenaria")
    outcome = run_round(_inputs(decided))
    assert outcome.agreed.codes() == ["C", "A", "B"]
    assert (outcome.agreed.how, outcome.agreed.note) == (BY_HAND, "acuerdo en plenaria")
    assert run_round(outcome.inputs).classes == outcome.classes


def test_without_decisions_the_votes_decide():
    assert run_round(_inputs(RoundDecisions())).agreed.codes() == ["B", "A", "C"]


@pytest.mark.parametrize(("decided", "reason"), [
    (RoundDecisions(agreed_order=("C", "A", "B")), "needs a note"),
    (RoundDecisions(agreed_order=("C", "A"), agreed_note="x"), "every item exactly once"),
    (RoundDecisions(overrides={"A": Override(P.c, " ")}), "without a reason"),
])
def test_decisions_without_their_reason_are_refused(decided, reason):
    with pytest.raises(PrioritizationError, match=reason):
        run_round(_inputs(decided))


def test_a_round_whose_demands_were_all_removed_has_no_classes():
    outcome = run_round(RoundInputs(M.dots, ("women",), (), votes={}))
    assert outcome.agreed.items == () and outcome.classes == ()
