"""The tables whose rows travel between laptops, as SQLAlchemy Core tables only: what a
command that reads or checks rows needs (``check``, ``session verify``) without importing
the domain models or configuring any ORM mapper.

Generated from the domain models by ``python tests/test_core_tables.py``, and compared
with them by that test: do not edit by hand. Columns carry their names, types,
nullability, primary keys and foreign keys; defaults, indexes and constraints stay in the
models and the migrations.
"""

# ruff: noqa: E501
# fmt: off

from __future__ import annotations

from sqlalchemy import (
    Boolean,
    Column,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    Uuid,
)

from planner_desktop.domain import enums
from planner_desktop.domain.column_types import NAMING_CONVENTION, Hundredths, Money, enum_type

metadata = MetaData(naming_convention=NAMING_CONVENTION)


actor_role = Table(
    "actor_role",
    metadata,
    Column("organization_id", Uuid(), ForeignKey("organization.id", ondelete="RESTRICT"), nullable=False),
    Column("phase", enum_type(enums.ActorPhase), nullable=False),
    Column("role", Text(), nullable=False),
    Column("id", Uuid(), primary_key=True, nullable=False),
    Column("device_id", Uuid(), nullable=False),
    Column("facilitator", String(200), nullable=False),
    Column("created_at", DateTime(), nullable=False),
    Column("updated_at", DateTime(), nullable=False),
    Column("version_id", Uuid(), nullable=False),
    Column("base_version_id", Uuid(), nullable=True),
    Column("deleted_at", DateTime(), nullable=True),
)


agreement = Table(
    "agreement",
    metadata,
    Column("plan_id", Uuid(), ForeignKey("plan.id", ondelete="RESTRICT"), nullable=False),
    Column("title", String(200), nullable=False),
    Column("parties", Text(), nullable=False),
    Column("signed_on", Date(), nullable=True),
    Column("signatories", Text(), nullable=False),
    Column("id", Uuid(), primary_key=True, nullable=False),
    Column("device_id", Uuid(), nullable=False),
    Column("facilitator", String(200), nullable=False),
    Column("created_at", DateTime(), nullable=False),
    Column("updated_at", DateTime(), nullable=False),
    Column("version_id", Uuid(), nullable=False),
    Column("base_version_id", Uuid(), nullable=True),
    Column("deleted_at", DateTime(), nullable=True),
)


annual_plan = Table(
    "annual_plan",
    metadata,
    Column("municipality_id", Uuid(), ForeignKey("municipality.id", ondelete="RESTRICT"), nullable=False),
    Column("fiscal_year", Integer(), nullable=False),
    Column("executive_summary", Text(), nullable=False),
    Column("situation_analysis", Text(), nullable=False),
    Column("approved", Boolean(), nullable=False),
    Column("id", Uuid(), primary_key=True, nullable=False),
    Column("device_id", Uuid(), nullable=False),
    Column("facilitator", String(200), nullable=False),
    Column("created_at", DateTime(), nullable=False),
    Column("updated_at", DateTime(), nullable=False),
    Column("version_id", Uuid(), nullable=False),
    Column("base_version_id", Uuid(), nullable=True),
    Column("deleted_at", DateTime(), nullable=True),
)


assessment_area = Table(
    "assessment_area",
    metadata,
    Column("municipality_id", Uuid(), ForeignKey("municipality.id", ondelete="RESTRICT"), nullable=False),
    Column("name", String(120), nullable=False),
    Column("position", Integer(), nullable=False),
    Column("id", Uuid(), primary_key=True, nullable=False),
    Column("device_id", Uuid(), nullable=False),
    Column("facilitator", String(200), nullable=False),
    Column("created_at", DateTime(), nullable=False),
    Column("updated_at", DateTime(), nullable=False),
    Column("version_id", Uuid(), nullable=False),
    Column("base_version_id", Uuid(), nullable=True),
    Column("deleted_at", DateTime(), nullable=True),
)


assessment_score = Table(
    "assessment_score",
    metadata,
    Column("area_id", Uuid(), ForeignKey("assessment_area.id", ondelete="RESTRICT"), nullable=False),
    Column("year", Integer(), nullable=False),
    Column("state", enum_type(enums.ScoreState), nullable=False),
    Column("percentage", Hundredths(), nullable=True),
    Column("id", Uuid(), primary_key=True, nullable=False),
    Column("device_id", Uuid(), nullable=False),
    Column("facilitator", String(200), nullable=False),
    Column("created_at", DateTime(), nullable=False),
    Column("updated_at", DateTime(), nullable=False),
    Column("version_id", Uuid(), nullable=False),
    Column("base_version_id", Uuid(), nullable=True),
    Column("deleted_at", DateTime(), nullable=True),
)


attendance = Table(
    "attendance",
    metadata,
    Column("event_id", Uuid(), ForeignKey("event.id", ondelete="RESTRICT"), nullable=False),
    Column("person_id", Uuid(), ForeignKey("person.id", ondelete="RESTRICT"), nullable=False),
    Column("community_id", Uuid(), ForeignKey("community.id", ondelete="RESTRICT"), nullable=True),
    Column("signed", Boolean(), nullable=False),
    Column("id", Uuid(), primary_key=True, nullable=False),
    Column("device_id", Uuid(), nullable=False),
    Column("facilitator", String(200), nullable=False),
    Column("created_at", DateTime(), nullable=False),
    Column("retracts_id", Uuid(), ForeignKey("attendance.id"), nullable=True),
)


community = Table(
    "community",
    metadata,
    Column("district_id", Uuid(), ForeignKey("district.id", ondelete="RESTRICT"), nullable=False),
    Column("code", String(20), nullable=False),
    Column("name", String(200), nullable=False),
    Column("kind", enum_type(enums.CommunityKind), nullable=False),
    Column("area", enum_type(enums.AreaType), nullable=False),
    Column("population_women", Integer(), nullable=False),
    Column("population_men", Integer(), nullable=False),
    Column("population_children", Integer(), nullable=False),
    Column("population_youth", Integer(), nullable=False),
    Column("population_adults", Integer(), nullable=False),
    Column("population_elders", Integer(), nullable=False),
    Column("families", Integer(), nullable=False),
    Column("geometry", Text(), nullable=True),
    Column("id", Uuid(), primary_key=True, nullable=False),
    Column("device_id", Uuid(), nullable=False),
    Column("facilitator", String(200), nullable=False),
    Column("created_at", DateTime(), nullable=False),
    Column("updated_at", DateTime(), nullable=False),
    Column("version_id", Uuid(), nullable=False),
    Column("base_version_id", Uuid(), nullable=True),
    Column("deleted_at", DateTime(), nullable=True),
)


component = Table(
    "component",
    metadata,
    Column("profile_id", Uuid(), ForeignKey("project_profile.id", ondelete="RESTRICT"), nullable=False),
    Column("name", Text(), nullable=False),
    Column("activities", Text(), nullable=False),
    Column("cost", Money(), nullable=False),
    Column("position", Integer(), nullable=False),
    Column("id", Uuid(), primary_key=True, nullable=False),
    Column("device_id", Uuid(), nullable=False),
    Column("facilitator", String(200), nullable=False),
    Column("created_at", DateTime(), nullable=False),
    Column("updated_at", DateTime(), nullable=False),
    Column("version_id", Uuid(), nullable=False),
    Column("base_version_id", Uuid(), nullable=True),
    Column("deleted_at", DateTime(), nullable=True),
)


criterion = Table(
    "criterion",
    metadata,
    Column("round_id", Uuid(), ForeignKey("prioritization_round.id", ondelete="RESTRICT"), nullable=False),
    Column("name", String(120), nullable=False),
    Column("weight", Float(), nullable=False),
    Column("scale_min", Integer(), nullable=False),
    Column("scale_max", Integer(), nullable=False),
    Column("position", Integer(), nullable=False),
    Column("id", Uuid(), primary_key=True, nullable=False),
    Column("device_id", Uuid(), nullable=False),
    Column("facilitator", String(200), nullable=False),
    Column("created_at", DateTime(), nullable=False),
    Column("updated_at", DateTime(), nullable=False),
    Column("version_id", Uuid(), nullable=False),
    Column("base_version_id", Uuid(), nullable=True),
    Column("deleted_at", DateTime(), nullable=True),
)


cross_cutting = Table(
    "cross_cutting",
    metadata,
    Column("plan_id", Uuid(), ForeignKey("plan.id", ondelete="RESTRICT"), nullable=False),
    Column("name", String(120), nullable=False),
    Column("description", Text(), nullable=False),
    Column("position", Integer(), nullable=False),
    Column("id", Uuid(), primary_key=True, nullable=False),
    Column("device_id", Uuid(), nullable=False),
    Column("facilitator", String(200), nullable=False),
    Column("created_at", DateTime(), nullable=False),
    Column("updated_at", DateTime(), nullable=False),
    Column("version_id", Uuid(), nullable=False),
    Column("base_version_id", Uuid(), nullable=True),
    Column("deleted_at", DateTime(), nullable=True),
)


demand = Table(
    "demand",
    metadata,
    Column("community_id", Uuid(), ForeignKey("community.id", ondelete="RESTRICT"), nullable=False),
    Column("code", String(30), nullable=False),
    Column("sector_id", Uuid(), ForeignKey("sector.id", ondelete="RESTRICT"), nullable=False),
    Column("finding_id", Uuid(), ForeignKey("finding.id", ondelete="RESTRICT"), nullable=True),
    Column("event_id", Uuid(), ForeignKey("event.id", ondelete="RESTRICT"), nullable=True),
    Column("demand_group_id", Uuid(), ForeignKey("demand_group.id", ondelete="RESTRICT"), nullable=True),
    Column("description", Text(), nullable=False),
    Column("raising_group", enum_type(enums.Group), nullable=False),
    Column("beneficiaries_women", Integer(), nullable=False),
    Column("beneficiaries_men", Integer(), nullable=False),
    Column("estimated_cost", Money(), nullable=False),
    Column("status", enum_type(enums.DemandStatus), nullable=False),
    Column("id", Uuid(), primary_key=True, nullable=False),
    Column("device_id", Uuid(), nullable=False),
    Column("facilitator", String(200), nullable=False),
    Column("created_at", DateTime(), nullable=False),
    Column("updated_at", DateTime(), nullable=False),
    Column("version_id", Uuid(), nullable=False),
    Column("base_version_id", Uuid(), nullable=True),
    Column("deleted_at", DateTime(), nullable=True),
)


demand_group = Table(
    "demand_group",
    metadata,
    Column("municipality_id", Uuid(), ForeignKey("municipality.id", ondelete="RESTRICT"), nullable=False),
    Column("district_id", Uuid(), ForeignKey("district.id", ondelete="RESTRICT"), nullable=True),
    Column("level", enum_type(enums.RoundLevel), nullable=False),
    Column("sector_id", Uuid(), ForeignKey("sector.id", ondelete="RESTRICT"), nullable=True),
    Column("title", Text(), nullable=False),
    Column("id", Uuid(), primary_key=True, nullable=False),
    Column("device_id", Uuid(), nullable=False),
    Column("facilitator", String(200), nullable=False),
    Column("created_at", DateTime(), nullable=False),
    Column("updated_at", DateTime(), nullable=False),
    Column("version_id", Uuid(), nullable=False),
    Column("base_version_id", Uuid(), nullable=True),
    Column("deleted_at", DateTime(), nullable=True),
)


dimension = Table(
    "dimension",
    metadata,
    Column("municipality_id", Uuid(), ForeignKey("municipality.id", ondelete="RESTRICT"), nullable=False),
    Column("code", String(40), nullable=False),
    Column("name", String(120), nullable=False),
    Column("position", Integer(), nullable=False),
    Column("id", Uuid(), primary_key=True, nullable=False),
    Column("device_id", Uuid(), nullable=False),
    Column("facilitator", String(200), nullable=False),
    Column("created_at", DateTime(), nullable=False),
    Column("updated_at", DateTime(), nullable=False),
    Column("version_id", Uuid(), nullable=False),
    Column("base_version_id", Uuid(), nullable=True),
    Column("deleted_at", DateTime(), nullable=True),
)


district = Table(
    "district",
    metadata,
    Column("municipality_id", Uuid(), ForeignKey("municipality.id", ondelete="RESTRICT"), nullable=False),
    Column("code", String(20), nullable=False),
    Column("name", String(200), nullable=False),
    Column("kind", enum_type(enums.DistrictKind), nullable=False),
    Column("geometry", Text(), nullable=True),
    Column("id", Uuid(), primary_key=True, nullable=False),
    Column("device_id", Uuid(), nullable=False),
    Column("facilitator", String(200), nullable=False),
    Column("created_at", DateTime(), nullable=False),
    Column("updated_at", DateTime(), nullable=False),
    Column("version_id", Uuid(), nullable=False),
    Column("base_version_id", Uuid(), nullable=True),
    Column("deleted_at", DateTime(), nullable=True),
)


element_cross_cutting = Table(
    "element_cross_cutting",
    metadata,
    Column("element_id", Uuid(), ForeignKey("plan_element.id", ondelete="RESTRICT"), nullable=False),
    Column("cross_cutting_id", Uuid(), ForeignKey("cross_cutting.id", ondelete="RESTRICT"), nullable=False),
    Column("id", Uuid(), primary_key=True, nullable=False),
    Column("device_id", Uuid(), nullable=False),
    Column("facilitator", String(200), nullable=False),
    Column("created_at", DateTime(), nullable=False),
    Column("updated_at", DateTime(), nullable=False),
    Column("version_id", Uuid(), nullable=False),
    Column("base_version_id", Uuid(), nullable=True),
    Column("deleted_at", DateTime(), nullable=True),
)


event = Table(
    "event",
    metadata,
    Column("municipality_id", Uuid(), ForeignKey("municipality.id", ondelete="RESTRICT"), nullable=False),
    Column("district_id", Uuid(), ForeignKey("district.id", ondelete="RESTRICT"), nullable=True),
    Column("kind", enum_type(enums.EventKind), nullable=False),
    Column("phase", enum_type(enums.Phase), nullable=False),
    Column("title", String(250), nullable=False),
    Column("date", Date(), nullable=False),
    Column("place", String(200), nullable=False),
    Column("facilitator_name", String(200), nullable=False),
    Column("agenda", Text(), nullable=False),
    Column("id", Uuid(), primary_key=True, nullable=False),
    Column("device_id", Uuid(), nullable=False),
    Column("facilitator", String(200), nullable=False),
    Column("created_at", DateTime(), nullable=False),
    Column("updated_at", DateTime(), nullable=False),
    Column("version_id", Uuid(), nullable=False),
    Column("base_version_id", Uuid(), nullable=True),
    Column("deleted_at", DateTime(), nullable=True),
)


event_community = Table(
    "event_community",
    metadata,
    Column("event_id", Uuid(), ForeignKey("event.id", ondelete="RESTRICT"), nullable=False),
    Column("community_id", Uuid(), ForeignKey("community.id", ondelete="RESTRICT"), nullable=False),
    Column("id", Uuid(), primary_key=True, nullable=False),
    Column("device_id", Uuid(), nullable=False),
    Column("facilitator", String(200), nullable=False),
    Column("created_at", DateTime(), nullable=False),
    Column("updated_at", DateTime(), nullable=False),
    Column("version_id", Uuid(), nullable=False),
    Column("base_version_id", Uuid(), nullable=True),
    Column("deleted_at", DateTime(), nullable=True),
)


finding = Table(
    "finding",
    metadata,
    Column("self_diagnosis_id", Uuid(), ForeignKey("self_diagnosis.id", ondelete="RESTRICT"), nullable=False),
    Column("dimension_id", Uuid(), ForeignKey("dimension.id", ondelete="RESTRICT"), nullable=False),
    Column("kind", enum_type(enums.FindingKind), nullable=False),
    Column("description", Text(), nullable=False),
    Column("cause", Text(), nullable=False),
    Column("effect", Text(), nullable=False),
    Column("raising_group", enum_type(enums.Group), nullable=False),
    Column("rank", Integer(), nullable=False),
    Column("id", Uuid(), primary_key=True, nullable=False),
    Column("device_id", Uuid(), nullable=False),
    Column("facilitator", String(200), nullable=False),
    Column("created_at", DateTime(), nullable=False),
    Column("updated_at", DateTime(), nullable=False),
    Column("version_id", Uuid(), nullable=False),
    Column("base_version_id", Uuid(), nullable=True),
    Column("deleted_at", DateTime(), nullable=True),
)


funding_source = Table(
    "funding_source",
    metadata,
    Column("municipality_id", Uuid(), ForeignKey("municipality.id", ondelete="RESTRICT"), nullable=False),
    Column("code", String(20), nullable=False),
    Column("name", String(200), nullable=False),
    Column("kind", enum_type(enums.FundingKind), nullable=False),
    Column("funder", String(200), nullable=False),
    Column("id", Uuid(), primary_key=True, nullable=False),
    Column("device_id", Uuid(), nullable=False),
    Column("facilitator", String(200), nullable=False),
    Column("created_at", DateTime(), nullable=False),
    Column("updated_at", DateTime(), nullable=False),
    Column("version_id", Uuid(), nullable=False),
    Column("base_version_id", Uuid(), nullable=True),
    Column("deleted_at", DateTime(), nullable=True),
)


indicator = Table(
    "indicator",
    metadata,
    Column("profile_id", Uuid(), ForeignKey("project_profile.id", ondelete="RESTRICT"), nullable=True),
    Column("element_id", Uuid(), ForeignKey("plan_element.id", ondelete="RESTRICT"), nullable=True),
    Column("name", Text(), nullable=False),
    Column("unit", String(60), nullable=False),
    Column("level", enum_type(enums.IndicatorLevel), nullable=False),
    Column("baseline", String(60), nullable=False),
    Column("id", Uuid(), primary_key=True, nullable=False),
    Column("device_id", Uuid(), nullable=False),
    Column("facilitator", String(200), nullable=False),
    Column("created_at", DateTime(), nullable=False),
    Column("updated_at", DateTime(), nullable=False),
    Column("version_id", Uuid(), nullable=False),
    Column("base_version_id", Uuid(), nullable=True),
    Column("deleted_at", DateTime(), nullable=True),
)


indicator_target = Table(
    "indicator_target",
    metadata,
    Column("indicator_id", Uuid(), ForeignKey("indicator.id", ondelete="RESTRICT"), nullable=False),
    Column("year", Integer(), nullable=False),
    Column("target", String(60), nullable=False),
    Column("id", Uuid(), primary_key=True, nullable=False),
    Column("device_id", Uuid(), nullable=False),
    Column("facilitator", String(200), nullable=False),
    Column("created_at", DateTime(), nullable=False),
    Column("updated_at", DateTime(), nullable=False),
    Column("version_id", Uuid(), nullable=False),
    Column("base_version_id", Uuid(), nullable=True),
    Column("deleted_at", DateTime(), nullable=True),
)


management_objective = Table(
    "management_objective",
    metadata,
    Column("annual_plan_id", Uuid(), ForeignKey("annual_plan.id", ondelete="RESTRICT"), nullable=False),
    Column("element_id", Uuid(), ForeignKey("plan_element.id", ondelete="RESTRICT"), nullable=True),
    Column("code", String(20), nullable=False),
    Column("description", Text(), nullable=False),
    Column("id", Uuid(), primary_key=True, nullable=False),
    Column("device_id", Uuid(), nullable=False),
    Column("facilitator", String(200), nullable=False),
    Column("created_at", DateTime(), nullable=False),
    Column("updated_at", DateTime(), nullable=False),
    Column("version_id", Uuid(), nullable=False),
    Column("base_version_id", Uuid(), nullable=True),
    Column("deleted_at", DateTime(), nullable=True),
)


minutes = Table(
    "minutes",
    metadata,
    Column("event_id", Uuid(), ForeignKey("event.id", ondelete="RESTRICT"), nullable=False),
    Column("session_id", Uuid(), nullable=True),
    Column("results_hash", String(64), nullable=False),
    Column("place", String(200), nullable=False),
    Column("body", Text(), nullable=False),
    Column("agreements", Text(), nullable=False),
    Column("signed_on", Date(), nullable=True),
    Column("id", Uuid(), primary_key=True, nullable=False),
    Column("device_id", Uuid(), nullable=False),
    Column("facilitator", String(200), nullable=False),
    Column("created_at", DateTime(), nullable=False),
    Column("updated_at", DateTime(), nullable=False),
    Column("version_id", Uuid(), nullable=False),
    Column("base_version_id", Uuid(), nullable=True),
    Column("deleted_at", DateTime(), nullable=True),
)


multi_year_programming = Table(
    "multi_year_programming",
    metadata,
    Column("profile_id", Uuid(), ForeignKey("project_profile.id", ondelete="RESTRICT"), nullable=False),
    Column("year", Integer(), nullable=False),
    Column("source_id", Uuid(), ForeignKey("funding_source.id", ondelete="RESTRICT"), nullable=False),
    Column("amount", Money(), nullable=False),
    Column("id", Uuid(), primary_key=True, nullable=False),
    Column("device_id", Uuid(), nullable=False),
    Column("facilitator", String(200), nullable=False),
    Column("created_at", DateTime(), nullable=False),
    Column("updated_at", DateTime(), nullable=False),
    Column("version_id", Uuid(), nullable=False),
    Column("base_version_id", Uuid(), nullable=True),
    Column("deleted_at", DateTime(), nullable=True),
)


municipality = Table(
    "municipality",
    metadata,
    Column("name", String(200), nullable=False),
    Column("official_name", String(200), nullable=False),
    Column("country", String(100), nullable=False),
    Column("department", String(100), nullable=False),
    Column("province", String(100), nullable=False),
    Column("currency", String(3), nullable=False),
    Column("fiscal_year_start", Integer(), nullable=False),
    Column("plan_start_year", Integer(), nullable=False),
    Column("plan_end_year", Integer(), nullable=False),
    Column("legal_basis", Text(), nullable=False),
    Column("id", Uuid(), primary_key=True, nullable=False),
    Column("device_id", Uuid(), nullable=False),
    Column("facilitator", String(200), nullable=False),
    Column("created_at", DateTime(), nullable=False),
    Column("updated_at", DateTime(), nullable=False),
    Column("version_id", Uuid(), nullable=False),
    Column("base_version_id", Uuid(), nullable=True),
    Column("deleted_at", DateTime(), nullable=True),
)


operation = Table(
    "operation",
    metadata,
    Column("annual_plan_id", Uuid(), ForeignKey("annual_plan.id", ondelete="RESTRICT"), nullable=False),
    Column("management_objective_id", Uuid(), ForeignKey("management_objective.id", ondelete="RESTRICT"), nullable=True),
    Column("element_id", Uuid(), ForeignKey("plan_element.id", ondelete="RESTRICT"), nullable=True),
    Column("profile_id", Uuid(), ForeignKey("project_profile.id", ondelete="RESTRICT"), nullable=True),
    Column("source_id", Uuid(), ForeignKey("funding_source.id", ondelete="RESTRICT"), nullable=True),
    Column("code", String(30), nullable=False),
    Column("name", Text(), nullable=False),
    Column("type", enum_type(enums.OperationType), nullable=False),
    Column("expected_result", Text(), nullable=False),
    Column("indicator", Text(), nullable=False),
    Column("target", String(60), nullable=False),
    Column("resources", Text(), nullable=False),
    Column("responsible", String(200), nullable=False),
    Column("start_date", Date(), nullable=True),
    Column("end_date", Date(), nullable=True),
    Column("budget", Money(), nullable=False),
    Column("funder", String(200), nullable=False),
    Column("spending_line", String(120), nullable=False),
    Column("executing_unit", String(200), nullable=False),
    Column("cancelled", Boolean(), nullable=False),
    Column("id", Uuid(), primary_key=True, nullable=False),
    Column("device_id", Uuid(), nullable=False),
    Column("facilitator", String(200), nullable=False),
    Column("created_at", DateTime(), nullable=False),
    Column("updated_at", DateTime(), nullable=False),
    Column("version_id", Uuid(), nullable=False),
    Column("base_version_id", Uuid(), nullable=True),
    Column("deleted_at", DateTime(), nullable=True),
)


org_unit = Table(
    "org_unit",
    metadata,
    Column("municipality_id", Uuid(), ForeignKey("municipality.id", ondelete="RESTRICT"), nullable=False),
    Column("parent_id", Uuid(), ForeignKey("org_unit.id", ondelete="RESTRICT"), nullable=True),
    Column("kind", enum_type(enums.UnitKind), nullable=False),
    Column("name", String(200), nullable=False),
    Column("position", Integer(), nullable=False),
    Column("id", Uuid(), primary_key=True, nullable=False),
    Column("device_id", Uuid(), nullable=False),
    Column("facilitator", String(200), nullable=False),
    Column("created_at", DateTime(), nullable=False),
    Column("updated_at", DateTime(), nullable=False),
    Column("version_id", Uuid(), nullable=False),
    Column("base_version_id", Uuid(), nullable=True),
    Column("deleted_at", DateTime(), nullable=True),
)


organization = Table(
    "organization",
    metadata,
    Column("municipality_id", Uuid(), ForeignKey("municipality.id", ondelete="RESTRICT"), nullable=False),
    Column("community_id", Uuid(), ForeignKey("community.id", ondelete="RESTRICT"), nullable=True),
    Column("name", String(200), nullable=False),
    Column("kind", enum_type(enums.OrganizationKind), nullable=False),
    Column("id", Uuid(), primary_key=True, nullable=False),
    Column("device_id", Uuid(), nullable=False),
    Column("facilitator", String(200), nullable=False),
    Column("created_at", DateTime(), nullable=False),
    Column("updated_at", DateTime(), nullable=False),
    Column("version_id", Uuid(), nullable=False),
    Column("base_version_id", Uuid(), nullable=True),
    Column("deleted_at", DateTime(), nullable=True),
)


pact = Table(
    "pact",
    metadata,
    Column("plan_id", Uuid(), ForeignKey("plan.id", ondelete="RESTRICT"), nullable=False),
    Column("organization_id", Uuid(), ForeignKey("organization.id", ondelete="RESTRICT"), nullable=False),
    Column("element_id", Uuid(), ForeignKey("plan_element.id", ondelete="RESTRICT"), nullable=True),
    Column("commitment", Text(), nullable=False),
    Column("contribution", Text(), nullable=False),
    Column("start_date", Date(), nullable=True),
    Column("end_date", Date(), nullable=True),
    Column("id", Uuid(), primary_key=True, nullable=False),
    Column("device_id", Uuid(), nullable=False),
    Column("facilitator", String(200), nullable=False),
    Column("created_at", DateTime(), nullable=False),
    Column("updated_at", DateTime(), nullable=False),
    Column("version_id", Uuid(), nullable=False),
    Column("base_version_id", Uuid(), nullable=True),
    Column("deleted_at", DateTime(), nullable=True),
)


pairwise_choice = Table(
    "pairwise_choice",
    metadata,
    Column("round_id", Uuid(), ForeignKey("prioritization_round.id", ondelete="RESTRICT"), nullable=False),
    Column("group", enum_type(enums.Group), nullable=False),
    Column("item_a_id", Uuid(), ForeignKey("round_item.id", ondelete="RESTRICT"), nullable=False),
    Column("item_b_id", Uuid(), ForeignKey("round_item.id", ondelete="RESTRICT"), nullable=False),
    Column("winner_id", Uuid(), ForeignKey("round_item.id", ondelete="RESTRICT"), nullable=False),
    Column("reason", Text(), nullable=False),
    Column("id", Uuid(), primary_key=True, nullable=False),
    Column("device_id", Uuid(), nullable=False),
    Column("facilitator", String(200), nullable=False),
    Column("created_at", DateTime(), nullable=False),
    Column("retracts_id", Uuid(), ForeignKey("pairwise_choice.id"), nullable=True),
)


person = Table(
    "person",
    metadata,
    Column("municipality_id", Uuid(), ForeignKey("municipality.id", ondelete="RESTRICT"), nullable=False),
    Column("first_names", String(120), nullable=False),
    Column("last_names", String(120), nullable=False),
    Column("id_number", String(40), nullable=True),
    Column("sex", enum_type(enums.Sex), nullable=True),
    Column("birth_year", Integer(), nullable=True),
    Column("age_group", enum_type(enums.AgeGroup), nullable=True),
    Column("community_id", Uuid(), ForeignKey("community.id", ondelete="RESTRICT"), nullable=True),
    Column("organization_id", Uuid(), ForeignKey("organization.id", ondelete="RESTRICT"), nullable=True),
    Column("role", String(120), nullable=False),
    Column("id", Uuid(), primary_key=True, nullable=False),
    Column("device_id", Uuid(), nullable=False),
    Column("facilitator", String(200), nullable=False),
    Column("created_at", DateTime(), nullable=False),
    Column("updated_at", DateTime(), nullable=False),
    Column("version_id", Uuid(), nullable=False),
    Column("base_version_id", Uuid(), nullable=True),
    Column("deleted_at", DateTime(), nullable=True),
)


photo = Table(
    "photo",
    metadata,
    Column("kind", enum_type(enums.PhotoKind), nullable=False),
    Column("minutes_id", Uuid(), ForeignKey("minutes.id", ondelete="RESTRICT"), nullable=True),
    Column("self_diagnosis_id", Uuid(), ForeignKey("self_diagnosis.id", ondelete="RESTRICT"), nullable=True),
    Column("round_id", Uuid(), ForeignKey("prioritization_round.id", ondelete="RESTRICT"), nullable=True),
    Column("sha256", String(64), nullable=False),
    Column("media_type", String(20), nullable=False),
    Column("width", Integer(), nullable=False),
    Column("height", Integer(), nullable=False),
    Column("size", Integer(), nullable=False),
    Column("caption", String(200), nullable=False),
    Column("qr_text", String(1000), nullable=True),
    Column("latitude", Float(), nullable=True),
    Column("longitude", Float(), nullable=True),
    Column("id", Uuid(), primary_key=True, nullable=False),
    Column("device_id", Uuid(), nullable=False),
    Column("facilitator", String(200), nullable=False),
    Column("created_at", DateTime(), nullable=False),
    Column("updated_at", DateTime(), nullable=False),
    Column("version_id", Uuid(), nullable=False),
    Column("base_version_id", Uuid(), nullable=True),
    Column("deleted_at", DateTime(), nullable=True),
)


plan = Table(
    "plan",
    metadata,
    Column("municipality_id", Uuid(), ForeignKey("municipality.id", ondelete="RESTRICT"), nullable=False),
    Column("template", enum_type(enums.PlanTemplate), nullable=False),
    Column("title", String(200), nullable=False),
    Column("start_year", Integer(), nullable=False),
    Column("end_year", Integer(), nullable=False),
    Column("vision", Text(), nullable=False),
    Column("mission", Text(), nullable=False),
    Column("id", Uuid(), primary_key=True, nullable=False),
    Column("device_id", Uuid(), nullable=False),
    Column("facilitator", String(200), nullable=False),
    Column("created_at", DateTime(), nullable=False),
    Column("updated_at", DateTime(), nullable=False),
    Column("version_id", Uuid(), nullable=False),
    Column("base_version_id", Uuid(), nullable=True),
    Column("deleted_at", DateTime(), nullable=True),
)


plan_adjustment = Table(
    "plan_adjustment",
    metadata,
    Column("annual_plan_id", Uuid(), ForeignKey("annual_plan.id", ondelete="RESTRICT"), nullable=False),
    Column("operation_id", Uuid(), ForeignKey("operation.id", ondelete="RESTRICT"), nullable=True),
    Column("kind", enum_type(enums.AdjustmentKind), nullable=False),
    Column("date", Date(), nullable=False),
    Column("description", Text(), nullable=False),
    Column("id", Uuid(), primary_key=True, nullable=False),
    Column("device_id", Uuid(), nullable=False),
    Column("facilitator", String(200), nullable=False),
    Column("created_at", DateTime(), nullable=False),
    Column("updated_at", DateTime(), nullable=False),
    Column("version_id", Uuid(), nullable=False),
    Column("base_version_id", Uuid(), nullable=True),
    Column("deleted_at", DateTime(), nullable=True),
)


plan_element = Table(
    "plan_element",
    metadata,
    Column("plan_id", Uuid(), ForeignKey("plan.id", ondelete="RESTRICT"), nullable=False),
    Column("parent_id", Uuid(), ForeignKey("plan_element.id", ondelete="RESTRICT"), nullable=True),
    Column("depth", Integer(), nullable=False),
    Column("code", String(20), nullable=False),
    Column("name", Text(), nullable=False),
    Column("problem", Text(), nullable=False),
    Column("position", Integer(), nullable=False),
    Column("sector_id", Uuid(), ForeignKey("sector.id", ondelete="RESTRICT"), nullable=True),
    Column("unit_id", Uuid(), ForeignKey("org_unit.id", ondelete="RESTRICT"), nullable=True),
    Column("id", Uuid(), primary_key=True, nullable=False),
    Column("device_id", Uuid(), nullable=False),
    Column("facilitator", String(200), nullable=False),
    Column("created_at", DateTime(), nullable=False),
    Column("updated_at", DateTime(), nullable=False),
    Column("version_id", Uuid(), nullable=False),
    Column("base_version_id", Uuid(), nullable=True),
    Column("deleted_at", DateTime(), nullable=True),
)


plan_level = Table(
    "plan_level",
    metadata,
    Column("plan_id", Uuid(), ForeignKey("plan.id", ondelete="RESTRICT"), nullable=False),
    Column("depth", Integer(), nullable=False),
    Column("name", String(80), nullable=False),
    Column("id", Uuid(), primary_key=True, nullable=False),
    Column("device_id", Uuid(), nullable=False),
    Column("facilitator", String(200), nullable=False),
    Column("created_at", DateTime(), nullable=False),
    Column("updated_at", DateTime(), nullable=False),
    Column("version_id", Uuid(), nullable=False),
    Column("base_version_id", Uuid(), nullable=True),
    Column("deleted_at", DateTime(), nullable=True),
)


plan_value = Table(
    "plan_value",
    metadata,
    Column("plan_id", Uuid(), ForeignKey("plan.id", ondelete="RESTRICT"), nullable=False),
    Column("name", String(120), nullable=False),
    Column("sentence", Text(), nullable=False),
    Column("position", Integer(), nullable=False),
    Column("id", Uuid(), primary_key=True, nullable=False),
    Column("device_id", Uuid(), nullable=False),
    Column("facilitator", String(200), nullable=False),
    Column("created_at", DateTime(), nullable=False),
    Column("updated_at", DateTime(), nullable=False),
    Column("version_id", Uuid(), nullable=False),
    Column("base_version_id", Uuid(), nullable=True),
    Column("deleted_at", DateTime(), nullable=True),
)


prioritization_round = Table(
    "prioritization_round",
    metadata,
    Column("municipality_id", Uuid(), ForeignKey("municipality.id", ondelete="RESTRICT"), nullable=False),
    Column("event_id", Uuid(), ForeignKey("event.id", ondelete="RESTRICT"), nullable=True),
    Column("community_id", Uuid(), ForeignKey("community.id", ondelete="RESTRICT"), nullable=True),
    Column("district_id", Uuid(), ForeignKey("district.id", ondelete="RESTRICT"), nullable=True),
    Column("level", enum_type(enums.RoundLevel), nullable=False),
    Column("method", enum_type(enums.PrioritizationMethod), nullable=False),
    Column("title", String(250), nullable=False),
    Column("groups", String(120), nullable=False),
    Column("dots_per_participant", Integer(), nullable=False),
    Column("allow_stacking", Boolean(), nullable=False),
    Column("max_choices", Integer(), nullable=True),
    Column("budget_ceiling", Money(), nullable=True),
    Column("ballots_issued", Integer(), nullable=False),
    Column("ballots_counted", Integer(), nullable=False),
    Column("participants_present", Integer(), nullable=False),
    Column("reconciliation_note", Text(), nullable=False),
    Column("agreed_note", Text(), nullable=False),
    Column("closed", Boolean(), nullable=False),
    Column("reopen_log", Text(), nullable=False),
    Column("id", Uuid(), primary_key=True, nullable=False),
    Column("device_id", Uuid(), nullable=False),
    Column("facilitator", String(200), nullable=False),
    Column("created_at", DateTime(), nullable=False),
    Column("updated_at", DateTime(), nullable=False),
    Column("version_id", Uuid(), nullable=False),
    Column("base_version_id", Uuid(), nullable=True),
    Column("deleted_at", DateTime(), nullable=True),
)


profile_community = Table(
    "profile_community",
    metadata,
    Column("profile_id", Uuid(), ForeignKey("project_profile.id", ondelete="RESTRICT"), nullable=False),
    Column("community_id", Uuid(), ForeignKey("community.id", ondelete="RESTRICT"), nullable=False),
    Column("id", Uuid(), primary_key=True, nullable=False),
    Column("device_id", Uuid(), nullable=False),
    Column("facilitator", String(200), nullable=False),
    Column("created_at", DateTime(), nullable=False),
    Column("updated_at", DateTime(), nullable=False),
    Column("version_id", Uuid(), nullable=False),
    Column("base_version_id", Uuid(), nullable=True),
    Column("deleted_at", DateTime(), nullable=True),
)


profile_demand = Table(
    "profile_demand",
    metadata,
    Column("profile_id", Uuid(), ForeignKey("project_profile.id", ondelete="RESTRICT"), nullable=False),
    Column("demand_id", Uuid(), ForeignKey("demand.id", ondelete="RESTRICT"), nullable=False),
    Column("id", Uuid(), primary_key=True, nullable=False),
    Column("device_id", Uuid(), nullable=False),
    Column("facilitator", String(200), nullable=False),
    Column("created_at", DateTime(), nullable=False),
    Column("updated_at", DateTime(), nullable=False),
    Column("version_id", Uuid(), nullable=False),
    Column("base_version_id", Uuid(), nullable=True),
    Column("deleted_at", DateTime(), nullable=True),
)


profile_funding = Table(
    "profile_funding",
    metadata,
    Column("profile_id", Uuid(), ForeignKey("project_profile.id", ondelete="RESTRICT"), nullable=False),
    Column("source_id", Uuid(), ForeignKey("funding_source.id", ondelete="RESTRICT"), nullable=False),
    Column("amount", Money(), nullable=False),
    Column("counterpart_kind", enum_type(enums.CounterpartKind), nullable=True),
    Column("id", Uuid(), primary_key=True, nullable=False),
    Column("device_id", Uuid(), nullable=False),
    Column("facilitator", String(200), nullable=False),
    Column("created_at", DateTime(), nullable=False),
    Column("updated_at", DateTime(), nullable=False),
    Column("version_id", Uuid(), nullable=False),
    Column("base_version_id", Uuid(), nullable=True),
    Column("deleted_at", DateTime(), nullable=True),
)


progress = Table(
    "progress",
    metadata,
    Column("profile_id", Uuid(), ForeignKey("project_profile.id", ondelete="RESTRICT"), nullable=True),
    Column("operation_id", Uuid(), ForeignKey("operation.id", ondelete="RESTRICT"), nullable=True),
    Column("date", Date(), nullable=False),
    Column("physical_percent", Float(), nullable=False),
    Column("financial_executed", Money(), nullable=False),
    Column("target_achieved", String(60), nullable=False),
    Column("results", Text(), nullable=False),
    Column("corrective_measures", Text(), nullable=False),
    Column("id", Uuid(), primary_key=True, nullable=False),
    Column("device_id", Uuid(), nullable=False),
    Column("facilitator", String(200), nullable=False),
    Column("created_at", DateTime(), nullable=False),
    Column("updated_at", DateTime(), nullable=False),
    Column("version_id", Uuid(), nullable=False),
    Column("base_version_id", Uuid(), nullable=True),
    Column("deleted_at", DateTime(), nullable=True),
)


project_profile = Table(
    "project_profile",
    metadata,
    Column("municipality_id", Uuid(), ForeignKey("municipality.id", ondelete="RESTRICT"), nullable=False),
    Column("element_id", Uuid(), ForeignKey("plan_element.id", ondelete="RESTRICT"), nullable=True),
    Column("code", String(30), nullable=False),
    Column("name", Text(), nullable=False),
    Column("type", enum_type(enums.OperationType), nullable=False),
    Column("central_problem", Text(), nullable=False),
    Column("causes", Text(), nullable=False),
    Column("effects", Text(), nullable=False),
    Column("general_objective", Text(), nullable=False),
    Column("specific_objectives", Text(), nullable=False),
    Column("direct_women", Integer(), nullable=False),
    Column("direct_men", Integer(), nullable=False),
    Column("direct_children", Integer(), nullable=False),
    Column("direct_youth", Integer(), nullable=False),
    Column("direct_adults", Integer(), nullable=False),
    Column("direct_elders", Integer(), nullable=False),
    Column("indirect_women", Integer(), nullable=False),
    Column("indirect_men", Integer(), nullable=False),
    Column("duration_months", Integer(), nullable=False),
    Column("start_date", Date(), nullable=True),
    Column("executing_unit", String(200), nullable=False),
    Column("unit_id", Uuid(), ForeignKey("org_unit.id", ondelete="RESTRICT"), nullable=True),
    Column("team_class", enum_type(enums.PriorityClass), nullable=True),
    Column("team_class_reason", Text(), nullable=False),
    Column("sustainability", Text(), nullable=False),
    Column("risks", Text(), nullable=False),
    Column("recommendation", enum_type(enums.Recommendation), nullable=True),
    Column("id", Uuid(), primary_key=True, nullable=False),
    Column("device_id", Uuid(), nullable=False),
    Column("facilitator", String(200), nullable=False),
    Column("created_at", DateTime(), nullable=False),
    Column("updated_at", DateTime(), nullable=False),
    Column("version_id", Uuid(), nullable=False),
    Column("base_version_id", Uuid(), nullable=True),
    Column("deleted_at", DateTime(), nullable=True),
)


round_decision = Table(
    "round_decision",
    metadata,
    Column("round_id", Uuid(), ForeignKey("prioritization_round.id", ondelete="RESTRICT"), nullable=False),
    Column("item_id", Uuid(), ForeignKey("round_item.id", ondelete="RESTRICT"), nullable=False),
    Column("priority_class", enum_type(enums.PriorityClass), nullable=True),
    Column("class_reason", Text(), nullable=False),
    Column("agreed_position", Integer(), nullable=True),
    Column("id", Uuid(), primary_key=True, nullable=False),
    Column("device_id", Uuid(), nullable=False),
    Column("facilitator", String(200), nullable=False),
    Column("created_at", DateTime(), nullable=False),
    Column("updated_at", DateTime(), nullable=False),
    Column("version_id", Uuid(), nullable=False),
    Column("base_version_id", Uuid(), nullable=True),
    Column("deleted_at", DateTime(), nullable=True),
)


round_item = Table(
    "round_item",
    metadata,
    Column("round_id", Uuid(), ForeignKey("prioritization_round.id", ondelete="RESTRICT"), nullable=False),
    Column("demand_id", Uuid(), ForeignKey("demand.id", ondelete="RESTRICT"), nullable=False),
    Column("code", String(10), nullable=False),
    Column("position", Integer(), nullable=False),
    Column("id", Uuid(), primary_key=True, nullable=False),
    Column("device_id", Uuid(), nullable=False),
    Column("facilitator", String(200), nullable=False),
    Column("created_at", DateTime(), nullable=False),
    Column("updated_at", DateTime(), nullable=False),
    Column("version_id", Uuid(), nullable=False),
    Column("base_version_id", Uuid(), nullable=True),
    Column("deleted_at", DateTime(), nullable=True),
)


round_result = Table(
    "round_result",
    metadata,
    Column("round_id", Uuid(), ForeignKey("prioritization_round.id", ondelete="RESTRICT"), nullable=False),
    Column("item_id", Uuid(), ForeignKey("round_item.id", ondelete="RESTRICT"), nullable=False),
    Column("group", String(20), nullable=False),
    Column("rank", Integer(), nullable=False),
    Column("shared_rank", Integer(), nullable=True),
    Column("tied", Boolean(), nullable=False),
    Column("score", Float(), nullable=False),
    Column("priority_class", enum_type(enums.PriorityClass), nullable=True),
    Column("class_reason", Text(), nullable=False),
    Column("dissent", Text(), nullable=False),
    Column("id", Uuid(), primary_key=True, nullable=False),
    Column("device_id", Uuid(), nullable=False),
    Column("facilitator", String(200), nullable=False),
    Column("created_at", DateTime(), nullable=False),
    Column("updated_at", DateTime(), nullable=False),
    Column("version_id", Uuid(), nullable=False),
    Column("base_version_id", Uuid(), nullable=True),
    Column("deleted_at", DateTime(), nullable=True),
)


score = Table(
    "score",
    metadata,
    Column("round_id", Uuid(), ForeignKey("prioritization_round.id", ondelete="RESTRICT"), nullable=False),
    Column("item_id", Uuid(), ForeignKey("round_item.id", ondelete="RESTRICT"), nullable=False),
    Column("criterion_id", Uuid(), ForeignKey("criterion.id", ondelete="RESTRICT"), nullable=False),
    Column("group", enum_type(enums.Group), nullable=False),
    Column("value", Float(), nullable=False),
    Column("id", Uuid(), primary_key=True, nullable=False),
    Column("device_id", Uuid(), nullable=False),
    Column("facilitator", String(200), nullable=False),
    Column("created_at", DateTime(), nullable=False),
    Column("retracts_id", Uuid(), ForeignKey("score.id"), nullable=True),
)


sdg_link = Table(
    "sdg_link",
    metadata,
    Column("plan_id", Uuid(), ForeignKey("plan.id", ondelete="RESTRICT"), nullable=True),
    Column("element_id", Uuid(), ForeignKey("plan_element.id", ondelete="RESTRICT"), nullable=True),
    Column("sdg", Integer(), nullable=False),
    Column("target", String(20), nullable=False),
    Column("id", Uuid(), primary_key=True, nullable=False),
    Column("device_id", Uuid(), nullable=False),
    Column("facilitator", String(200), nullable=False),
    Column("created_at", DateTime(), nullable=False),
    Column("updated_at", DateTime(), nullable=False),
    Column("version_id", Uuid(), nullable=False),
    Column("base_version_id", Uuid(), nullable=True),
    Column("deleted_at", DateTime(), nullable=True),
)


sector = Table(
    "sector",
    metadata,
    Column("municipality_id", Uuid(), ForeignKey("municipality.id", ondelete="RESTRICT"), nullable=False),
    Column("code", String(40), nullable=False),
    Column("name", String(120), nullable=False),
    Column("id", Uuid(), primary_key=True, nullable=False),
    Column("device_id", Uuid(), nullable=False),
    Column("facilitator", String(200), nullable=False),
    Column("created_at", DateTime(), nullable=False),
    Column("updated_at", DateTime(), nullable=False),
    Column("version_id", Uuid(), nullable=False),
    Column("base_version_id", Uuid(), nullable=True),
    Column("deleted_at", DateTime(), nullable=True),
)


self_diagnosis = Table(
    "self_diagnosis",
    metadata,
    Column("community_id", Uuid(), ForeignKey("community.id", ondelete="RESTRICT"), nullable=False),
    Column("event_id", Uuid(), ForeignKey("event.id", ondelete="RESTRICT"), nullable=True),
    Column("date", Date(), nullable=False),
    Column("notes", Text(), nullable=False),
    Column("id", Uuid(), primary_key=True, nullable=False),
    Column("device_id", Uuid(), nullable=False),
    Column("facilitator", String(200), nullable=False),
    Column("created_at", DateTime(), nullable=False),
    Column("updated_at", DateTime(), nullable=False),
    Column("version_id", Uuid(), nullable=False),
    Column("base_version_id", Uuid(), nullable=True),
    Column("deleted_at", DateTime(), nullable=True),
)


source_ceiling = Table(
    "source_ceiling",
    metadata,
    Column("source_id", Uuid(), ForeignKey("funding_source.id", ondelete="RESTRICT"), nullable=False),
    Column("year", Integer(), nullable=False),
    Column("amount", Money(), nullable=False),
    Column("id", Uuid(), primary_key=True, nullable=False),
    Column("device_id", Uuid(), nullable=False),
    Column("facilitator", String(200), nullable=False),
    Column("created_at", DateTime(), nullable=False),
    Column("updated_at", DateTime(), nullable=False),
    Column("version_id", Uuid(), nullable=False),
    Column("base_version_id", Uuid(), nullable=True),
    Column("deleted_at", DateTime(), nullable=True),
)


team_member = Table(
    "team_member",
    metadata,
    Column("plan_id", Uuid(), ForeignKey("plan.id", ondelete="RESTRICT"), nullable=False),
    Column("name", String(200), nullable=False),
    Column("role", String(200), nullable=False),
    Column("institution", String(200), nullable=False),
    Column("position", Integer(), nullable=False),
    Column("id", Uuid(), primary_key=True, nullable=False),
    Column("device_id", Uuid(), nullable=False),
    Column("facilitator", String(200), nullable=False),
    Column("created_at", DateTime(), nullable=False),
    Column("updated_at", DateTime(), nullable=False),
    Column("version_id", Uuid(), nullable=False),
    Column("base_version_id", Uuid(), nullable=True),
    Column("deleted_at", DateTime(), nullable=True),
)


vote = Table(
    "vote",
    metadata,
    Column("round_id", Uuid(), ForeignKey("prioritization_round.id", ondelete="RESTRICT"), nullable=False),
    Column("item_id", Uuid(), ForeignKey("round_item.id", ondelete="RESTRICT"), nullable=False),
    Column("group", enum_type(enums.Group), nullable=False),
    Column("ballot_id", Uuid(), nullable=True),
    Column("count", Integer(), nullable=False),
    Column("rank", Integer(), nullable=True),
    Column("id", Uuid(), primary_key=True, nullable=False),
    Column("device_id", Uuid(), nullable=False),
    Column("facilitator", String(200), nullable=False),
    Column("created_at", DateTime(), nullable=False),
    Column("retracts_id", Uuid(), ForeignKey("vote.id"), nullable=True),
)


work_activity = Table(
    "work_activity",
    metadata,
    Column("plan_id", Uuid(), ForeignKey("plan.id", ondelete="RESTRICT"), nullable=False),
    Column("activity", Text(), nullable=False),
    Column("start_date", Date(), nullable=True),
    Column("end_date", Date(), nullable=True),
    Column("responsible", String(200), nullable=False),
    Column("position", Integer(), nullable=False),
    Column("id", Uuid(), primary_key=True, nullable=False),
    Column("device_id", Uuid(), nullable=False),
    Column("facilitator", String(200), nullable=False),
    Column("created_at", DateTime(), nullable=False),
    Column("updated_at", DateTime(), nullable=False),
    Column("version_id", Uuid(), nullable=False),
    Column("base_version_id", Uuid(), nullable=True),
    Column("deleted_at", DateTime(), nullable=True),
)


APPENDED = frozenset({
    "attendance",
    "pairwise_choice",
    "score",
    "vote",
})
"""The append-only tables (votes, tallies, attendance): never edited."""
