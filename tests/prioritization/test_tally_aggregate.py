"""Tally reconciliation and the aggregation suggestions (issue 5)."""

from __future__ import annotations

import pytest

from planner_desktop.prioritization.aggregate import (
    DEFAULT_THRESHOLD,
    DemandSummary,
    fold,
    similarity,
    suggest_groups,
    tokens,
    wording,
)
from planner_desktop.prioritization.errors import PrioritizationError
from planner_desktop.prioritization.tally import reconcile


def test_a_tally_that_reconciles_needs_no_note():
    check = reconcile(issued=40, counted=40, present=42, ballots_found=40, dots_cast=120,
                      dots_per_ballot=3)
    assert not check.mismatch
    check.require_note("")


def test_every_mismatch_is_a_finding_and_needs_a_note():
    check = reconcile(issued=45, counted=43, present=44, ballots_found=42, dots_cast=130,
                      dots_per_ballot=3)
    assert check.findings == (
        "45 ballots issued to 44 participants present",
        "2 ballots issued were not counted",
        "42 ballots recorded, 43 counted",
        "130 dots recorded, more than 3 per ballot counted",
    )
    with pytest.raises(PrioritizationError, match="write a note for the acta"):
        check.require_note("  ")
    check.require_note("Dos personas se retiraron antes del conteo.")


def test_more_counted_than_issued():
    assert reconcile(10, 11, 12).findings == ("11 ballots counted but only 10 issued",)
    with pytest.raises(PrioritizationError, match="cannot be negative"):
        reconcile(-1, 0, 0)


def test_spanish_text_is_normalised():
    assert fold("Construcción de Puente en Ñuñoa") == "construccion de puente en ñuñoa"
    assert tokens("Construcción de sistema de agua potable en Villa Esperanza",
                  "Villa Esperanza") == {"sistema", "agua", "potable"}


def test_similar_demands_of_different_communities_are_suggested():
    demands = [
        DemandSummary("d1", "Villa Esperanza", "agua",
                      "Construcción de sistema de agua potable en Villa Esperanza",
                      beneficiaries=120, votes=14, place="Villa Esperanza"),
        DemandSummary("d2", "Chijmuni", "agua", "Sistema de agua potable para Chijmuni",
                      beneficiaries=80, votes=9, place="Chijmuni"),
        DemandSummary("d3", "Chijmuni", "agua", "Ampliación del sistema de agua potable",
                      beneficiaries=30, votes=2, place="Chijmuni"),
        DemandSummary("d4", "Totora", "riego", "Sistema de agua potable para riego en Totora",
                      beneficiaries=60, votes=7, place="Totora"),
        DemandSummary("d5", "Totora", "educacion", "Construcción de aulas del colegio",
                      beneficiaries=200, votes=11, place="Totora"),
    ]
    [group] = suggest_groups(demands)
    assert [m.id for m in group.members] == ["d1", "d2", "d3"]
    assert (group.communities, group.beneficiaries, group.votes) == (2, 230, 25)
    assert group.similarity == 1.0
    assert group.members[0].text.startswith("Construcción")  # originals kept
    # same words but another sector: never suggested together
    water, irrigation = wording(demands[1].text, "Chijmuni"), wording(demands[3].text, "Totora")
    assert similarity(water, irrigation) >= DEFAULT_THRESHOLD


def test_same_community_alone_is_not_a_group():
    demands = [DemandSummary("x", "Totora", "agua", "Agua potable"),
               DemandSummary("y", "Totora", "agua", "Agua potable")]
    assert suggest_groups(demands) == []


def _pair(first: str, second: str) -> list[list[str]]:
    """The groups suggested for two demands of one sector from two communities."""
    demands = [DemandSummary("a", "Totora", "agua", first, place="Totora"),
               DemandSummary("b", "Chijmuni", "agua", second, place="Chijmuni")]
    return [[m.id for m in group.members] for group in suggest_groups(demands)]


def test_a_typing_slip_does_not_keep_demands_apart():
    assert _pair("Agua potable para Totora", "Agua potabe en Chijmuni") == [["a", "b"]]
    assert _pair("Sistema de agua potable", "Sistema de auga potable") == [["a", "b"]]
    assert similarity("potable", "potabe") >= DEFAULT_THRESHOLD
    assert similarity(wording("Agua potable"), wording("agua potabe")) > 0.95


def test_different_demands_do_not_meet():
    assert similarity(wording("Agua potable"), wording("Puente peatonal")) < DEFAULT_THRESHOLD
    assert _pair("Agua potable", "Puente peatonal") == []
    assert _pair("Puente vehicular", "Puente peatonal") == []
    # one word alone is not like every longer wording that contains it
    assert _pair("Agua", "Sistema de agua potable") == []


def test_case_accents_order_and_place_do_not_count():
    assert wording("Construcción de Puente en Ñuñoa", "Ñuñoa") == "puente"
    assert _pair("SISTEMA DE AGUA POTABLE EN TOTORA", "Agua potable: sistema") == [["a", "b"]]
    assert similarity(wording("Ampliación del sistema de agua potable"),
                      wording("sistema de agua potable")) == 1.0


def test_two_words_of_three_in_common_still_link():
    assert _pair("Agua potable", "Sistema de agua potable") == [["a", "b"]]


def test_an_empty_wording_is_like_nothing():
    assert similarity("", "") == similarity("", "agua") == 0.0
    assert _pair("Construcción en Totora", "Mejoramiento de la comunidad") == []
