"""The fixed vocabularies of the planning method.

Values are stable codes stored in the database and in session files; never rename one.
People see them through :func:`planner_desktop.domain.labels.label`.
"""

from enum import StrEnum


class Sex(StrEnum):
    female = "female"
    male = "male"


class AgeGroup(StrEnum):
    """Bolivian convention: children under 16, youth 16–28, adults 29–59, elders 60+."""

    child = "child"
    youth = "youth"
    adult = "adult"
    elder = "elder"

    @classmethod
    def from_age(cls, age: int) -> "AgeGroup":
        if age < 16:
            return cls.child
        if age <= 28:
            return cls.youth
        if age <= 59:
            return cls.adult
        return cls.elder


class Group(StrEnum):
    """Who raised a demand or finding, and who votes in a prioritisation round."""

    women = "women"
    men = "men"
    youth = "youth"
    elders = "elders"
    mixed = "mixed"


class AreaType(StrEnum):
    urban = "urban"
    rural = "rural"


class CommunityKind(StrEnum):
    community = "community"
    otb = "otb"
    neighbourhood = "neighbourhood"


class DistrictKind(StrEnum):
    district = "district"
    canton = "canton"


class OrganizationKind(StrEnum):
    otb = "otb"
    vigilance_committee = "vigilance_committee"
    council = "council"
    union = "union"
    womens_organization = "womens_organization"
    youth_organization = "youth_organization"
    elders_organization = "elders_organization"
    producers_association = "producers_association"
    functional_group = "functional_group"
    institution = "institution"
    ngo = "ngo"
    other = "other"


class EventKind(StrEnum):
    community_workshop = "community_workshop"
    district_workshop = "district_workshop"
    summit = "summit"
    womens_workshop = "womens_workshop"
    youth_workshop = "youth_workshop"
    council_session = "council_session"


class Phase(StrEnum):
    """The planning cycle, in order (DESIGN §2); the window has one page per phase."""

    preparation = "preparation"
    diagnosis = "diagnosis"
    prioritization = "prioritization"
    projects = "projects"
    pdm = "pdm"
    poa = "poa"
    follow_up = "follow_up"


class FindingKind(StrEnum):
    problem = "problem"
    potentiality = "potentiality"
    limitation = "limitation"
    aspiration = "aspiration"


class DemandStatus(StrEnum):
    """Where a demand stands along demand → priority → profile → PDM → POA → done."""

    demand = "demand"
    prioritized = "prioritized"
    profiled = "profiled"
    in_pdm = "in_pdm"
    in_poa = "in_poa"
    done = "done"
    dropped = "dropped"


class PrioritizationMethod(StrEnum):
    consensus = "consensus"
    dots = "dots"
    borda = "borda"
    pairwise = "pairwise"
    criteria = "criteria"
    budget_greedy = "budget_greedy"
    approval = "approval"


class RoundLevel(StrEnum):
    community = "community"
    district = "district"
    municipality = "municipality"


class PriorityClass(StrEnum):
    a_plus = "A+"
    a = "A"
    b = "B"
    c = "C"


class OperationType(StrEnum):
    """Funcionamiento, preinversión, inversión."""

    operating = "operating"
    pre_investment = "pre_investment"
    investment = "investment"


class Recommendation(StrEnum):
    proceed = "proceed"
    postpone = "postpone"
    drop = "drop"


class IndicatorLevel(StrEnum):
    impact = "impact"
    result = "result"
    product = "product"


class FundingKind(StrEnum):
    national_transfer = "national_transfer"
    own_revenue = "own_revenue"
    departmental = "departmental"
    national_fund = "national_fund"
    external = "external"
    community = "community"


class CounterpartKind(StrEnum):
    cash = "cash"
    labour = "labour"
    materials = "materials"


class PlanTemplate(StrEnum):
    """The shape a plan starts from (its levels and their names)."""

    bolivia_pdm = "bolivia_pdm"
    bolivia_ptdi = "bolivia_ptdi"
    colombia_dnp = "colombia_dnp"
    argentina_pem = "argentina_pem"
    custom = "custom"


class UnitKind(StrEnum):
    """A part of the municipal government's structure."""

    secretariat = "secretariat"
    directorate = "directorate"
    unit = "unit"


class ActorPhase(StrEnum):
    """The phases in which an actor has a role."""

    planning = "planning"
    execution = "execution"
    follow_up = "follow_up"


class ScoreState(StrEnum):
    """An institutional self-assessment cell: a score, not evaluated yet, or not applicable."""

    scored = "scored"
    not_evaluated = "not_evaluated"
    not_applicable = "not_applicable"


class AdjustmentKind(StrEnum):
    operation_cancelled = "operation_cancelled"
    target_changed = "target_changed"
    objective_added = "objective_added"
    budget_changed = "budget_changed"
    other = "other"


class PhotoKind(StrEnum):
    """What a photo proves: the signed acta, the community's own map (mapa parlante), or a
    round's paper tally sheet."""

    acta = "acta"
    talking_map = "talking_map"
    tally_sheet = "tally_sheet"
