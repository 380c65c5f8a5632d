"""The title of each plan check rule, in the interface language.

A finding carries its rule's ``code`` (stable, for scripts: ``target-not-number``); people
read the rule's :func:`title` ("Meta que no es un número") and, for findings grouped into
one line, :func:`counted` ("199 prioridades sin perfil de proyecto").
"""

from __future__ import annotations

from dataclasses import dataclass

from planner_desktop.i18n import N_, NN_, _, ngettext


@dataclass(frozen=True)
class Rule:
    """A rule's title and the singular and plural of a count of its findings (English
    msgids with ``{n}``, translated when shown)."""

    title: str
    one: str
    many: str


RULES: dict[str, Rule] = {
    "element-detached": Rule(
        N_("Element that does not hang from the plan"),
        *NN_(
            "{n} element that does not hang from the plan",
            "{n} elements that do not hang from the plan",
        ),
    ),
    "element-without-problem": Rule(
        N_("Programme without a problem stated"),
        *NN_("{n} programme without a problem stated", "{n} programmes without a problem stated"),
    ),
    "element-without-projects": Rule(
        N_("Programme without projects"),
        *NN_("{n} programme without projects", "{n} programmes without projects"),
    ),
    "element-without-programming": Rule(
        N_("Programme without programming"),
        *NN_(
            "{n} programme whose projects have no programming",
            "{n} programmes whose projects have no programming",
        ),
    ),
    "element-without-budget": Rule(
        N_("Top-level element without budget"),
        *NN_("{n} top-level element without budget", "{n} top-level elements without budget"),
    ),
    "element-without-sector": Rule(
        N_("Programme without a sector"),
        *NN_("{n} programme without a sector", "{n} programmes without a sector"),
    ),
    "element-without-unit": Rule(
        N_("Programme without a unit responsible"),
        *NN_(
            "{n} programme without a unit responsible", "{n} programmes without a unit responsible"
        ),
    ),
    "priority-a-without-profile": Rule(
        N_("Priority without a project profile"),
        *NN_("{n} priority without a project profile", "{n} priorities without a project profile"),
    ),
    "profile-without-element": Rule(
        N_("Profile outside the plan's tree"),
        *NN_(
            "{n} profile that does not hang from an element of the plan",
            "{n} profiles that do not hang from an element of the plan",
        ),
    ),
    "profile-without-problem": Rule(
        N_("Profile without a central problem"),
        *NN_("{n} profile without a central problem", "{n} profiles without a central problem"),
    ),
    "profile-without-indicator": Rule(
        N_("Profile without an indicator"),
        *NN_("{n} profile without an indicator", "{n} profiles without an indicator"),
    ),
    "profile-without-cost": Rule(
        N_("Profile without a cost"),
        *NN_("{n} profile without a cost", "{n} profiles without a cost"),
    ),
    "profile-without-funding": Rule(
        N_("Profile without funding"),
        *NN_("{n} profile without funding", "{n} profiles without funding"),
    ),
    "funding-split-mismatch": Rule(
        N_("Funding that does not add up to the cost"),
        *NN_(
            "{n} profile whose funding does not add up to its cost",
            "{n} profiles whose funding does not add up to their cost",
        ),
    ),
    "programming-differs-from-funding": Rule(
        N_("Programming that differs from the funding"),
        *NN_(
            "{n} profile programmed for another amount than its funding",
            "{n} profiles programmed for another amount than their funding",
        ),
    ),
    "indicator-without-target": Rule(
        N_("Indicator without a target"),
        *NN_("{n} indicator without a target", "{n} indicators without a target"),
    ),
    "indicator-missing-years": Rule(
        N_("Indicator without a target every year"),
        *NN_(
            "{n} indicator without a target every year",
            "{n} indicators without a target every year",
        ),
    ),
    "target-off-trend": Rule(
        N_("Target off its trend"), *NN_("{n} target off its trend", "{n} targets off their trend")
    ),
    "target-not-funded": Rule(
        N_("Target without money behind it"),
        *NN_("{n} target without money behind it", "{n} targets without money behind them"),
    ),
    "top-class-after-c": Rule(
        N_("Top-class project funded after class C"),
        *NN_(
            "{n} class A+ or A project funded after class-C projects",
            "{n} class A+ or A projects funded after class-C projects",
        ),
    ),
    "low-priority-funded": Rule(
        N_("Funded project of low community priority"),
        *NN_(
            "{n} funded project whose demands the communities classed C",
            "{n} funded projects whose demands the communities classed C",
        ),
    ),
    "team-class-without-reason": Rule(
        N_("Team class without a reason"),
        *NN_(
            "{n} project classed apart from the communities with no reason",
            "{n} projects classed apart from the communities with no reason",
        ),
    ),
    "ceiling-exceeded": Rule(
        N_("Programming above the ceiling"),
        *NN_("{n} year above a source's ceiling", "{n} years above a source's ceiling"),
    ),
    "no-ceiling": Rule(
        N_("Money from a source without a ceiling"),
        *NN_("{n} year of a source without a ceiling", "{n} years of a source without a ceiling"),
    ),
    "programming-outside-period": Rule(
        N_("Programming outside the plan period"),
        *NN_(
            "{n} amount programmed outside the plan period",
            "{n} amounts programmed outside the plan period",
        ),
    ),
    "programmed-without-operation": Rule(
        N_("Programmed project missing from the POA"),
        *NN_(
            "{n} programmed project missing from the POA",
            "{n} programmed projects missing from the POA",
        ),
    ),
    "operation-not-traceable": Rule(
        N_("Operation not traceable to the PDM"),
        *NN_("{n} operation not traceable to the PDM", "{n} operations not traceable to the PDM"),
    ),
    "operation-not-programmed-that-year": Rule(
        N_("Operation of a project not programmed that year"),
        *NN_(
            "{n} operation of a project not programmed that year",
            "{n} operations of projects not programmed that year",
        ),
    ),
    "operation-outside-fiscal-year": Rule(
        N_("Operation outside the fiscal year"),
        *NN_("{n} operation outside the fiscal year", "{n} operations outside the fiscal year"),
    ),
    "poa-outside-period": Rule(
        N_("POA outside the plan period"),
        *NN_("{n} POA outside the plan period", "{n} POAs outside the plan period"),
    ),
    "target-not-number": Rule(
        N_("Target that is not a number"),
        *NN_("{n} target that is not a number", "{n} targets that are not a number"),
    ),
    "operation-target-not-number": Rule(
        N_("Operation target that is not a number"),
        *NN_(
            "{n} operation target that is not a number",
            "{n} operation targets that are not a number",
        ),
    ),
    "progress-in-future": Rule(
        N_("Progress dated in the future"),
        *NN_("{n} progress record dated in the future", "{n} progress records dated in the future"),
    ),
    "progress-on-unapproved-poa": Rule(
        N_("Progress on a POA not approved"),
        *NN_(
            "{n} progress record on a POA not approved",
            "{n} progress records on a POA not approved",
        ),
    ),
    "progress-without-recorder": Rule(
        N_("Progress with no one recorded"),
        *NN_(
            "{n} progress record with no one recorded", "{n} progress records with no one recorded"
        ),
    ),
    "no-progress-recorded": Rule(
        N_("Project without progress recorded"),
        *NN_("{n} project without progress recorded", "{n} projects without progress recorded"),
    ),
}


def title(code: str) -> str:
    """The rule's title in the interface language (the code itself for an unknown rule)."""
    rule = RULES.get(code)
    return _(rule.title) if rule else code


def counted(code: str, n: int) -> str:
    """``n`` findings of the rule, as one line: "199 priorities without a project profile"."""
    rule = RULES.get(code)
    if rule is None:
        return f"{code} ({n})"
    return ngettext(rule.one, rule.many, n).format(n=n)
