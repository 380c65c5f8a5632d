"""What a person reads for each field of the records that travel, in the interface language.

One title per model field, the same words the editable tables and forms use
(``population_women`` is "Women", as in the communities table). A field is looked up in its
table's own titles, then in the titles shared by every table, then, for a reference, in the
title of the table it refers to (``district_id`` is "District"). Only identity and
provenance fields (never shown for a choice) have no title of their own. No Qt here.
"""

from __future__ import annotations

from planner_desktop.exchange.labels import table_title
from planner_desktop.exchange.records import table_specs
from planner_desktop.i18n import N_, _

SHARED: dict[str, str] = {
    "name": N_("Name"),
    "code": N_("Code"),
    "title": N_("Title"),
    "description": N_("Description"),
    "position": N_("Position"),
    "geometry": N_("Geometry"),
    "kind": N_("Type"),
    "type": N_("Type"),
    "level": N_("Level"),
    "year": N_("Year"),
    "fiscal_year": N_("Fiscal year"),
    "amount": N_("Amount"),
    "date": N_("Date"),
    "place": N_("Place"),
    "problem": N_("Problem"),
    "target": N_("Target"),
    "group": N_("Group"),
    "rank": N_("Rank"),
    "score": N_("Score"),
    "priority_class": N_("Priority class"),
    "class_reason": N_("Reason"),
    "raising_group": N_("Raised by"),
    "cause": N_("Cause"),
    "effect": N_("Effect"),
    "executing_unit": N_("Executing unit"),
    "funder": N_("Funder"),
    "start_date": N_("Start"),
    "end_date": N_("End"),
    "unit": N_("Unit"),
    "deleted_at": N_("Deleted on"),
    "facilitator": N_("Facilitator"),
}

BY_TABLE: dict[str, dict[str, str]] = {
    "municipality": {
        "name": N_("Municipality"),
        "country": N_("Country"),
        "department": N_("Department"),
        "province": N_("Province"),
        "currency": N_("Currency"),
        "fiscal_year_start": N_("Month the fiscal year starts"),
        "plan_start_year": N_("First year of the plan"),
        "plan_end_year": N_("Last year of the plan"),
        "legal_basis": N_("Legal basis"),
        "official_name": N_("Official name"),
    },
    "district": {"name": N_("District")},
    "community": {
        "name": N_("Community"),
        "area": N_("Area"),
        "population_women": N_("Women"),
        "population_men": N_("Men"),
        "population_children": N_("Children"),
        "population_youth": N_("Youth"),
        "population_adults": N_("Adults"),
        "population_elders": N_("Elders"),
        "families": N_("Families"),
    },
    "organization": {"name": N_("Organization")},
    "person": {
        "first_names": N_("First names"),
        "last_names": N_("Last names"),
        "id_number": N_("ID number"),
        "sex": N_("Sex"),
        "birth_year": N_("Birth year"),
        "age_group": N_("Age group"),
        "role": N_("Role"),
    },
    "event": {
        "phase": N_("Phase"),
        "facilitator_name": N_("Facilitator"),
        "agenda": N_("Agenda"),
    },
    "self_diagnosis": {"notes": N_("Notes")},
    "demand": {
        "demand_group_id": N_("Group of demands"),
        "beneficiaries_women": N_("Beneficiaries (women)"),
        "beneficiaries_men": N_("Beneficiaries (men)"),
        "estimated_cost": N_("Estimated cost"),
        "status": N_("Status"),
    },
    "prioritization_round": {
        "method": N_("Method"),
        "groups": N_("Groups"),
        "dots_per_participant": N_("Dots per participant"),
        "allow_stacking": N_("Dots may be stacked"),
        "max_choices": N_("Choices per ballot"),
        "budget_ceiling": N_("Budget ceiling"),
        "ballots_issued": N_("Ballots issued"),
        "ballots_counted": N_("Ballots counted"),
        "participants_present": N_("Participants present"),
        "reconciliation_note": N_("Note on the tally"),
        "agreed_note": N_("Note on the agreed order"),
        "closed": N_("Closed"),
        "reopen_log": N_("Reopenings"),
    },
    "criterion": {
        "weight": N_("Weight"),
        "scale_min": N_("Lowest rating"),
        "scale_max": N_("Highest rating"),
    },
    "round_decision": {"agreed_position": N_("Agreed position")},
    "round_result": {
        "shared_rank": N_("Shared rank"),
        "tied": N_("Tied"),
        "dissent": N_("Dissent"),
    },
    "plan": {
        "template": N_("Template"),
        "start_year": N_("First year of the plan"),
        "end_year": N_("Last year of the plan"),
        "vision": N_("Vision"),
        "mission": N_("Mission"),
    },
    "plan_level": {"depth": N_("Level"), "name": N_("Name of the level")},
    "plan_value": {"name": N_("Value"), "sentence": N_("What it means")},
    "plan_element": {
        "parent_id": N_("Hangs from"),
        "depth": N_("Level"),
        "unit_id": N_("Responsible unit"),
    },
    "cross_cutting": {"name": N_("Cross-cutting dimension")},
    "org_unit": {"parent_id": N_("Part of"), "name": N_("Unit")},
    "actor_role": {"phase": N_("Phase"), "role": N_("Role in this phase")},
    "work_activity": {"activity": N_("Activity"), "responsible": N_("Responsible")},
    "agreement": {
        "parties": N_("Parties"),
        "signed_on": N_("Signed on"),
        "signatories": N_("Signatories"),
    },
    "team_member": {"role": N_("Role"), "institution": N_("Institution")},
    "pact": {"commitment": N_("Commitment"), "contribution": N_("Contribution")},
    "assessment_area": {"name": N_("Area")},
    "assessment_score": {"state": N_("State"), "percentage": N_("Percentage")},
    "project_profile": {
        "name": N_("Project"),
        "element_id": N_("Element of the plan"),
        "unit_id": N_("Executing unit"),
        "team_class": N_("Team's class"),
        "team_class_reason": N_("Reason for the team's class"),
        "central_problem": N_("Central problem"),
        "causes": N_("Causes"),
        "effects": N_("Effects"),
        "general_objective": N_("General objective"),
        "specific_objectives": N_("Specific objectives"),
        "direct_women": N_("Direct women"),
        "direct_men": N_("Direct men"),
        "direct_children": N_("Direct children"),
        "direct_youth": N_("Direct youth"),
        "direct_adults": N_("Direct adults"),
        "direct_elders": N_("Direct elders"),
        "indirect_women": N_("Indirect women"),
        "indirect_men": N_("Indirect men"),
        "duration_months": N_("Duration (months)"),
        "sustainability": N_("Sustainability"),
        "risks": N_("Risks"),
        "recommendation": N_("Recommendation"),
    },
    "component": {"activities": N_("Activities"), "cost": N_("Cost")},
    "profile_funding": {"counterpart_kind": N_("Counterpart in")},
    "indicator": {"name": N_("Indicator"), "baseline": N_("Baseline")},
    "sdg_link": {"sdg": N_("Sustainable Development Goal")},
    "source_ceiling": {"amount": N_("Ceiling")},
    "annual_plan": {
        "executive_summary": N_("Executive summary"),
        "situation_analysis": N_("Situation analysis"),
        "approved": N_("Approved"),
    },
    "operation": {
        "element_id": N_("Element of the plan"),
        "type": N_("Kind of operation"),
        "expected_result": N_("Expected result"),
        "indicator": N_("Indicator"),
        "resources": N_("Resources"),
        "responsible": N_("Person in charge"),
        "budget": N_("Budget"),
        "spending_line": N_("Spending line"),
        "cancelled": N_("Cancelled"),
    },
    "plan_adjustment": {"operation_id": N_("Operation")},
    "progress": {
        "physical_percent": N_("Physical progress"),
        "financial_executed": N_("Executed"),
        "target_achieved": N_("Target achieved"),
        "results": N_("Results"),
        "corrective_measures": N_("Corrective measures"),
    },
    "attendance": {"signed": N_("Signed")},
    "vote": {"ballot_id": N_("Ballot"), "count": N_("Votes")},
    "score": {"value": N_("Score")},
    "pairwise_choice": {"reason": N_("Reason"), "winner_id": N_("Wins")},
    "photo": {
        "sha256": N_("Fingerprint of the picture"),
        "media_type": N_("Image type"),
        "width": N_("Width"),
        "height": N_("Height"),
        "size": N_("Size"),
        "caption": N_("Caption"),
        "qr_text": N_("QR code read"),
        "latitude": N_("Latitude"),
        "longitude": N_("Longitude"),
    },
    "minutes": {
        "session_id": N_("Session"),
        "results_hash": N_("Fingerprint of the results"),
        "body": N_("Proceedings"),
        "agreements": N_("Agreements"),
        "signed_on": N_("Signed on"),
    },
}


def field_title(table: str, field: str) -> str:
    """The title of ``field`` of a ``table`` record, translated; a field nobody titled
    (none of the travelling tables has one) reads as its words."""
    message = BY_TABLE.get(table, {}).get(field) or SHARED.get(field)
    if message is not None:
        return _(message)
    spec = table_specs().get(table)
    refs = dict(spec.refs) if spec is not None else {}
    if field in refs:
        return table_title(refs[field])
    return field.replace("_", " ").capitalize()


def has_title(table: str, field: str) -> bool:
    """True when ``field`` has a title of its own or is a reference (for the check that
    every field is covered)."""
    if BY_TABLE.get(table, {}).get(field) or SHARED.get(field):
        return True
    spec = table_specs().get(table)
    return spec is not None and field in dict(spec.refs)
