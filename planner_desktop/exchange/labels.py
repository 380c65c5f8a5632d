"""What a person reads for a table or a key column of the records that travel."""

from __future__ import annotations

from planner_desktop.i18n import N_, _

TABLES = {
    "municipality": N_("Municipality"),
    "district": N_("District"),
    "community": N_("Community"),
    "event": N_("Event"),
    "organization": N_("Organization"),
    "person": N_("Person"),
    "self_diagnosis": N_("Self-diagnosis"),
    "finding": N_("Finding"),
    "demand": N_("Demand"),
    "prioritization_round": N_("Prioritization round"),
    "project_profile": N_("Project profile"),
    "operation": N_("Operation"),
    "minutes": N_("Minutes"),
    "photo": N_("Photo"),
    "annual_plan": N_("Annual operating plan"),
    "sector": N_("Sector"),
    "dimension": N_("Dimension"),
    "funding_source": N_("Funding source"),
    "source_ceiling": N_("Ceiling of a funding source"),
    "round_item": N_("Demand of a prioritization round"),
    "multi_year_programming": N_("Multi-year programming"),
    "profile_community": N_("Community of a project profile"),
    "profile_demand": N_("Demand of a project profile"),
    "indicator_target": N_("Indicator target"),
    "attendance": N_("Attendance"),
    "plan": N_("Plan"),
    "plan_level": N_("Level of the plan"),
    "plan_value": N_("Value of the plan"),
    "plan_element": N_("Element of the plan"),
    "cross_cutting": N_("Cross-cutting dimension"),
    "element_cross_cutting": N_("Cross-cutting dimension of an element"),
    "org_unit": N_("Unit of the municipal government"),
    "actor_role": N_("Role of an actor"),
    "work_activity": N_("Activity of the work plan"),
    "agreement": N_("Agreement (convenio)"),
    "team_member": N_("Member of the technical team"),
    "pact": N_("Pact"),
    "assessment_area": N_("Self-assessment area"),
    "assessment_score": N_("Self-assessment score"),
    "component": N_("Component"),
    "criterion": N_("Criterion"),
    "demand_group": N_("Group of demands"),
    "event_community": N_("Community of an event"),
    "indicator": N_("Indicator"),
    "management_objective": N_("Management objective"),
    "pairwise_choice": N_("Pairwise choice"),
    "plan_adjustment": N_("Adjustment"),
    "profile_funding": N_("Funding of a project profile"),
    "progress": N_("Progress"),
    "round_decision": N_("Decision of a prioritization round"),
    "round_result": N_("Result of a prioritization round"),
    "score": N_("Score"),
    "sdg_link": N_("Link to a Sustainable Development Goal"),
    "vote": N_("Vote"),
}

KEY_COLUMNS = {
    "municipality_id": N_("Municipality"),
    "round_id": N_("Prioritization round"),
    "demand_id": N_("Demand"),
    "profile_id": N_("Project profile"),
    "community_id": N_("Community"),
    "source_id": N_("Funding source"),
    "indicator_id": N_("Indicator"),
    "plan_id": N_("Plan"),
    "element_id": N_("Element of the plan"),
    "area_id": N_("Self-assessment area"),
    "organization_id": N_("Organization"),
    "depth": N_("Level"),
    "code": N_("Code"),
    "year": N_("Year"),
    "fiscal_year": N_("Fiscal year"),
}


def table_title(table: str) -> str:
    return _(TABLES[table]) if table in TABLES else table.replace("_", " ")


def column_title(column: str) -> str:
    return _(KEY_COLUMNS[column]) if column in KEY_COLUMNS else column.replace("_", " ")
