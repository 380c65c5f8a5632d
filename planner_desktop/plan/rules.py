"""The title of each plan check rule, in the interface language.

A finding carries its rule's ``code`` (stable, for scripts: ``target-not-number``); people
read the rule's :func:`title` ("Meta que no es un número") and, for findings grouped into
one line, :func:`counted` ("199 prioridades sin perfil de proyecto").
"""

from __future__ import annotations

from dataclasses import dataclass

from planner_desktop.i18n import N_, _, ngettext


@dataclass(frozen=True)
class Rule:
    """A rule's title and the singular and plural of a count of its findings (English
    msgids with ``{n}``, translated when shown)."""

    title: str
    one: str
    many: str


RULES: dict[str, Rule] = {
    "program-without-objective": Rule(
        N_("Programme without a strategic objective"),
        N_("{n} programme without a strategic objective"),
        N_("{n} programmes without a strategic objective")),
    "program-without-problem": Rule(
        N_("Programme without a problem stated"),
        N_("{n} programme without a problem stated"),
        N_("{n} programmes without a problem stated")),
    "policy-cycle": Rule(
        N_("Policies in a cycle"),
        N_("{n} cycle of policies"),
        N_("{n} cycles of policies")),
    "axis-without-budget": Rule(
        N_("Axis without budget"),
        N_("{n} axis without budget"),
        N_("{n} axes without budget")),
    "priority-a-without-profile": Rule(
        N_("Priority without a project profile"),
        N_("{n} priority without a project profile"),
        N_("{n} priorities without a project profile")),
    "profile-without-programme": Rule(
        N_("Profile without a programme"),
        N_("{n} profile without a programme"),
        N_("{n} profiles without a programme")),
    "profile-without-indicator": Rule(
        N_("Profile without an indicator"),
        N_("{n} profile without an indicator"),
        N_("{n} profiles without an indicator")),
    "profile-without-cost": Rule(
        N_("Profile without a cost"),
        N_("{n} profile without a cost"),
        N_("{n} profiles without a cost")),
    "profile-without-funding": Rule(
        N_("Profile without funding"),
        N_("{n} profile without funding"),
        N_("{n} profiles without funding")),
    "funding-split-mismatch": Rule(
        N_("Funding that does not add up to the cost"),
        N_("{n} profile whose funding does not add up to its cost"),
        N_("{n} profiles whose funding does not add up to their cost")),
    "programming-differs-from-funding": Rule(
        N_("Programming that differs from the funding"),
        N_("{n} profile programmed for another amount than its funding"),
        N_("{n} profiles programmed for another amount than their funding")),
    "indicator-without-target": Rule(
        N_("Indicator without a target"),
        N_("{n} indicator without a target"),
        N_("{n} indicators without a target")),
    "ceiling-exceeded": Rule(
        N_("Programming above the ceiling"),
        N_("{n} year above a source's ceiling"),
        N_("{n} years above a source's ceiling")),
    "no-ceiling": Rule(
        N_("Money from a source without a ceiling"),
        N_("{n} year of a source without a ceiling"),
        N_("{n} years of a source without a ceiling")),
    "programming-outside-period": Rule(
        N_("Programming outside the plan period"),
        N_("{n} amount programmed outside the plan period"),
        N_("{n} amounts programmed outside the plan period")),
    "programmed-without-operation": Rule(
        N_("Programmed project missing from the POA"),
        N_("{n} programmed project missing from the POA"),
        N_("{n} programmed projects missing from the POA")),
    "operation-not-traceable": Rule(
        N_("Operation not traceable to the PDM"),
        N_("{n} operation not traceable to the PDM"),
        N_("{n} operations not traceable to the PDM")),
    "operation-not-programmed-that-year": Rule(
        N_("Operation of a project not programmed that year"),
        N_("{n} operation of a project not programmed that year"),
        N_("{n} operations of projects not programmed that year")),
    "operation-outside-fiscal-year": Rule(
        N_("Operation outside the fiscal year"),
        N_("{n} operation outside the fiscal year"),
        N_("{n} operations outside the fiscal year")),
    "poa-outside-period": Rule(
        N_("POA outside the plan period"),
        N_("{n} POA outside the plan period"),
        N_("{n} POAs outside the plan period")),
    "target-not-number": Rule(
        N_("Target that is not a number"),
        N_("{n} target that is not a number"),
        N_("{n} targets that are not a number")),
    "operation-target-not-number": Rule(
        N_("Operation target that is not a number"),
        N_("{n} operation target that is not a number"),
        N_("{n} operation targets that are not a number")),
    "progress-in-future": Rule(
        N_("Progress dated in the future"),
        N_("{n} progress record dated in the future"),
        N_("{n} progress records dated in the future")),
    "progress-on-unapproved-poa": Rule(
        N_("Progress on a POA not approved"),
        N_("{n} progress record on a POA not approved"),
        N_("{n} progress records on a POA not approved")),
    "progress-without-recorder": Rule(
        N_("Progress with no one recorded"),
        N_("{n} progress record with no one recorded"),
        N_("{n} progress records with no one recorded")),
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
