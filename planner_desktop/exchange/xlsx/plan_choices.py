"""The lists of a plan workbook: each choice written as the window names it, read back
from its code or its name in any language the program speaks."""

from __future__ import annotations

from enum import StrEnum

from planner_desktop.domain.enums import IndicatorLevel, PlanTemplate, UnitKind
from planner_desktop.exchange.xlsx.spec import normalise, spellings
from planner_desktop.i18n import N_, _

UNLISTED: dict[StrEnum, str] = {IndicatorLevel.impact: N_("Impact")}
"""Names of the codes the shared vocabulary does not name yet."""


def _message(member: StrEnum) -> str | None:
    """The message id naming ``member`` in the window."""
    if isinstance(member, PlanTemplate):
        from planner_desktop.domain.plan_templates import shape

        return shape(member).label
    if isinstance(member, UnitKind):
        from planner_desktop.capture.org_units import KIND_LABELS

        return KIND_LABELS[member]
    from planner_desktop.domain.labels import LABELS

    return LABELS.get((type(member), member.value)) or UNLISTED.get(member)


def choice_label(member: StrEnum | None) -> str | None:
    """What a choice cell shows: the translated name of ``member`` (its code if none)."""
    if member is None:
        return None
    message = _message(member)
    return _(message) if message else member.value


def choice_of(enum_cls: type[StrEnum], text: str) -> StrEnum | None:
    """The member whose code or name (in any language) is ``text``, or None."""
    wanted = normalise(text)
    for member in enum_cls:
        if wanted == normalise(member.value):
            return member
    for member in enum_cls:
        message = _message(member)
        if message and wanted in spellings(message):
            return member
    return None
