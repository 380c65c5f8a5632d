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
    "program": N_("Program"),
    "operation": N_("Operation"),
    "minutes": N_("Minutes"),
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
    "axis": N_("Axis"),
    "objective": N_("Objective"),
    "policy": N_("Policy / lineamiento"),
    "strategic_frame": N_("Strategic frame"),
    "component": N_("Component"),
    "criterion": N_("Criterion"),
    "demand_group": N_("Group of demands"),
    "event_community": N_("Community of an event"),
    "indicator": N_("Indicator"),
    "institutional_score": N_("Institutional self-assessment score"),
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
    "code": N_("Code"),
    "year": N_("Year"),
    "fiscal_year": N_("Fiscal year"),
}


def table_title(table: str) -> str:
    return _(TABLES[table]) if table in TABLES else table.replace("_", " ")


def column_title(column: str) -> str:
    return _(KEY_COLUMNS[column]) if column in KEY_COLUMNS else column.replace("_", " ")
