"""The stored field behind each column of the plan workbook, whose rule in
:mod:`planner_desktop.domain.rules` a cell must pass once typed.

A column naming another record (an element's parent, a pact's organisation…) takes the
rule of the field it names, and a list of names each name. Columns of choices, ids
and scores (read by the self-assessment's own rule) have none here.
"""

from __future__ import annotations

from planner_desktop.domain import rules
from planner_desktop.exchange.xlsx.plan_spec import SheetSpec

FIELDS: dict[tuple[str, str], str] = {
    ("plan", "municipality"): "municipality.name",
    ("plan", "official_name"): "municipality.official_name",
    ("plan", "country"): "municipality.country",
    ("plan", "title"): "plan.title",
    ("plan", "start_year"): "plan.start_year",
    ("plan", "end_year"): "plan.end_year",
    ("plan", "vision"): "plan.vision",
    ("plan", "mission"): "plan.mission",
    ("levels", "depth"): "plan_level.depth",
    ("levels", "name"): "plan_level.name",
    ("elements", "code"): "plan_element.code",
    ("elements", "depth"): "plan_element.depth",
    ("elements", "parent"): "plan_element.code",
    ("elements", "name"): "plan_element.name",
    ("elements", "problem"): "plan_element.problem",
    ("elements", "sector"): "sector.code",
    ("elements", "unit"): "org_unit.name",
    ("elements", "cross_cutting"): "cross_cutting.name",
    ("values", "name"): "plan_value.name",
    ("values", "sentence"): "plan_value.sentence",
    ("sdgs", "element"): "plan_element.code",
    ("sdgs", "sdg"): "sdg_link.sdg",
    ("sdgs", "target"): "sdg_link.target",
    ("cross_cutting", "name"): "cross_cutting.name",
    ("cross_cutting", "description"): "cross_cutting.description",
    ("indicators", "element"): "plan_element.code",
    ("indicators", "name"): "indicator.name",
    ("indicators", "unit"): "indicator.unit",
    ("indicators", "baseline"): "indicator.baseline",
    ("indicators", "year"): "indicator_target.target",
    ("sources", "code"): "funding_source.code",
    ("sources", "name"): "funding_source.name",
    ("sources", "funder"): "funding_source.funder",
    ("sources", "year"): "source_ceiling.amount",
    ("structure", "name"): "org_unit.name",
    ("structure", "parent"): "org_unit.name",
    ("assessment", "name"): "assessment_area.name",
    ("actors", "name"): "organization.name",
    ("actors", "planning"): "actor_role.role",
    ("actors", "execution"): "actor_role.role",
    ("actors", "follow_up"): "actor_role.role",
    ("work_plan", "activity"): "work_activity.activity",
    ("work_plan", "start_date"): "work_activity.start_date",
    ("work_plan", "end_date"): "work_activity.end_date",
    ("work_plan", "responsible"): "work_activity.responsible",
    ("agreement", "title"): "agreement.title",
    ("agreement", "parties"): "agreement.parties",
    ("agreement", "signed_on"): "agreement.signed_on",
    ("agreement", "signatories"): "agreement.signatories",
    ("team", "name"): "team_member.name",
    ("team", "role"): "team_member.role",
    ("team", "institution"): "team_member.institution",
    ("pacts", "organization"): "organization.name",
    ("pacts", "element"): "plan_element.code",
    ("pacts", "commitment"): "pact.commitment",
    ("pacts", "contribution"): "pact.contribution",
    ("pacts", "start_date"): "pact.start_date",
    ("pacts", "end_date"): "pact.end_date",
}
"""(sheet, column) → ``table.column``; ``"year"`` stands for the sheet's year columns."""


def problem(spec: SheetSpec, key: str | int, value: object) -> str | None:
    """Why the typed ``value`` of column ``key`` (a year for a year column) breaks the
    rule of its field, or None."""
    field = FIELDS.get((spec.key, "year" if isinstance(key, int) else key))
    if field is None or value is None:
        return None
    table, column = field.split(".")
    rule = rules.rule_for(table, column)
    for item in value if isinstance(value, list) else [value]:
        reason = rule.problem(item)
        if reason is not None:
            return reason
    return None
