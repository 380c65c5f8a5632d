"""What people see for each code of :mod:`planner_desktop.domain.enums`, translated."""

from __future__ import annotations

from enum import StrEnum

from planner_desktop.domain import enums
from planner_desktop.i18n import N_, _

_LABELS: tuple[tuple[StrEnum, str], ...] = (
    (enums.Sex.female, N_("Woman")),
    (enums.Sex.male, N_("Man")),
    (enums.AgeGroup.child, N_("Child (under 16)")),
    (enums.AgeGroup.youth, N_("Youth (16–28)")),
    (enums.AgeGroup.adult, N_("Adult (29–59)")),
    (enums.AgeGroup.elder, N_("Elder (60+)")),
    (enums.Group.women, N_("Women")),
    (enums.Group.men, N_("Men")),
    (enums.Group.youth, N_("Youth")),
    (enums.Group.elders, N_("Elders")),
    (enums.Group.mixed, N_("Mixed")),
    (enums.AreaType.urban, N_("Urban")),
    (enums.AreaType.rural, N_("Rural")),
    (enums.CommunityKind.community, N_("Community")),
    (enums.CommunityKind.otb, N_("OTB")),
    (enums.CommunityKind.neighbourhood, N_("Neighbourhood")),
    (enums.DistrictKind.district, N_("District")),
    (enums.DistrictKind.canton, N_("Canton")),
    (enums.OrganizationKind.otb, N_("OTB")),
    (enums.OrganizationKind.vigilance_committee, N_("Comité de Vigilancia")),
    (enums.OrganizationKind.council, N_("Municipal council")),
    (enums.OrganizationKind.union, N_("Peasant union")),
    (enums.OrganizationKind.womens_organization, N_("Women's organization")),
    (enums.OrganizationKind.youth_organization, N_("Youth organization")),
    (enums.OrganizationKind.elders_organization, N_("Elders' organization")),
    (enums.OrganizationKind.producers_association, N_("Producers' association")),
    (enums.OrganizationKind.functional_group, N_("Functional group")),
    (enums.OrganizationKind.institution, N_("Institution")),
    (enums.OrganizationKind.ngo, N_("NGO")),
    (enums.OrganizationKind.other, N_("Other")),
    (enums.EventKind.community_workshop, N_("Community workshop")),
    (enums.EventKind.district_workshop, N_("District workshop")),
    (enums.EventKind.summit, N_("Cumbre")),
    (enums.EventKind.womens_workshop, N_("Women's workshop")),
    (enums.EventKind.youth_workshop, N_("Youth workshop")),
    (enums.EventKind.council_session, N_("Council session")),
    (enums.Phase.preparation, N_("Preparation")),
    (enums.Phase.diagnosis, N_("Diagnosis")),
    (enums.Phase.prioritization, N_("Prioritization")),
    (enums.Phase.projects, N_("Projects")),
    (enums.Phase.pdm, N_("PDM")),
    (enums.Phase.poa, N_("POA")),
    (enums.Phase.follow_up, N_("Follow-up")),
    (enums.FindingKind.problem, N_("Problem")),
    (enums.FindingKind.potentiality, N_("Potentiality")),
    (enums.FindingKind.limitation, N_("Limitation")),
    (enums.FindingKind.aspiration, N_("Aspiration")),
    (enums.DemandStatus.demand, N_("Demand")),
    (enums.DemandStatus.prioritized, N_("Prioritized")),
    (enums.DemandStatus.profiled, N_("Profiled")),
    (enums.DemandStatus.in_pdm, N_("In the PDM")),
    (enums.DemandStatus.in_poa, N_("In the POA")),
    (enums.DemandStatus.done, N_("Done")),
    (enums.DemandStatus.dropped, N_("Dropped")),
    (enums.PrioritizationMethod.consensus, N_("Consensus")),
    (enums.PrioritizationMethod.dots, N_("Dot voting")),
    (enums.PrioritizationMethod.borda, N_("Ranking (Borda)")),
    (enums.PrioritizationMethod.pairwise, N_("Pairwise comparison")),
    (enums.PrioritizationMethod.criteria, N_("Weighted criteria")),
    (enums.PrioritizationMethod.budget_greedy, N_("Within budget")),
    (enums.PrioritizationMethod.approval, N_("Approval")),
    (enums.RoundLevel.community, N_("Community")),
    (enums.RoundLevel.district, N_("District")),
    (enums.RoundLevel.municipality, N_("Municipality")),
    (enums.PriorityClass.a_plus, N_("A+")),
    (enums.PriorityClass.a, N_("A")),
    (enums.PriorityClass.b, N_("B")),
    (enums.PriorityClass.c, N_("C")),
    (enums.OperationType.operating, N_("Operating (funcionamiento)")),
    (enums.OperationType.pre_investment, N_("Pre-investment")),
    (enums.OperationType.investment, N_("Investment")),
    (enums.Recommendation.proceed, N_("Go ahead")),
    (enums.Recommendation.postpone, N_("Postpone")),
    (enums.Recommendation.drop, N_("Drop")),
    (enums.IndicatorLevel.result, N_("Result")),
    (enums.IndicatorLevel.product, N_("Product")),
    (enums.FundingKind.national_transfer, N_("National transfer")),
    (enums.FundingKind.own_revenue, N_("Own revenue")),
    (enums.FundingKind.departmental, N_("Departmental government")),
    (enums.FundingKind.national_fund, N_("National fund")),
    (enums.FundingKind.external, N_("External cooperation")),
    (enums.FundingKind.community, N_("Community counterpart")),
    (enums.CounterpartKind.cash, N_("Cash")),
    (enums.CounterpartKind.labour, N_("Labour")),
    (enums.CounterpartKind.materials, N_("Local materials")),
    (enums.PolicyKind.policy, N_("Policy")),
    (enums.PolicyKind.guideline, N_("Lineamiento")),
    (enums.AdjustmentKind.operation_cancelled, N_("Operation cancelled")),
    (enums.AdjustmentKind.target_changed, N_("Target varied")),
    (enums.AdjustmentKind.objective_added, N_("New objective")),
    (enums.AdjustmentKind.budget_changed, N_("Budget changed")),
    (enums.AdjustmentKind.other, N_("Other")),
)


LABELS: dict[tuple[type[StrEnum], str], str] = {
    (type(member), member.value): message for member, message in _LABELS
}
"""Keyed by (enum, code): codes such as ``community`` mean different things in each enum."""


def label(value: StrEnum) -> str:
    """The translated label of a code; the code itself if none is declared."""
    message = LABELS.get((type(value), value.value))
    return _(message) if message else str(value)
