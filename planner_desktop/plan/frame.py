"""The rules of the plan's strategic frame, checked one value at a time (no database).

Every function takes what a person typed (in the window or in a spreadsheet cell) and
returns the value to store, or raises :class:`FrameRefused` (a ``ValueError``) whose text
is one translated line naming the field, and whose ``field`` is the record's column to
correct. The writes that use them are in :mod:`planner_desktop.plan.frame_plan`,
:mod:`~planner_desktop.plan.frame_elements` and :mod:`~planner_desktop.plan.frame_links`;
they check again what needs the database (a code already used, a level still in use,
the depth of a subtree).

Rules:

- names and titles: one line (tabs, line breaks and runs of spaces become one space),
  not empty, at most the column's length;
- vision, mission, problem, sentence of a value, reason of a class: line breaks kept,
  at most :data:`TEXT_MAX` characters;
- a period: whole years from :data:`YEAR_MIN` to :data:`YEAR_MAX`, the end not before
  the start, at most :data:`PERIOD_MAX` years;
- level names: from :data:`~planner_desktop.domain.plan.MIN_LEVELS` to
  :data:`~planner_desktop.domain.plan.MAX_LEVELS`, none empty, no two alike (letter case
  and accents aside);
- a code: one word of at most :data:`CODE_MAX` characters (``E1``, ``PR01``, ``1.2.3``);
- an SDG: goal 1 to 17; a target, when given, is ``<goal>.<number or letter>`` (``6.1``,
  ``6.a``) of that same goal;
- an indicator target: a number (``120``, ``85 %``) for a year of the plan period.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence

from planner_desktop.capture.validation import Invalid, clean_text
from planner_desktop.domain.enums import IndicatorLevel, PriorityClass
from planner_desktop.domain.plan import MAX_LEVELS, MIN_LEVELS
from planner_desktop.i18n import N_, _
from planner_desktop.plan import validate

TITLE_MAX = 200
LEVEL_MAX = 80
VALUE_MAX = 120
CODE_MAX = 20
UNIT_MAX = 60
BASELINE_MAX = 60
TARGET_MAX = 60
TEXT_MAX = 5000
YEAR_MIN = 2000
YEAR_MAX = 2100
PERIOD_MAX = 20
SDG_GOALS = 17

FIELD_TITLES: dict[str, str] = {
    "title": N_("Title"),
    "period": N_("Period"),
    "start_year": N_("From"),
    "end_year": N_("To"),
    "vision": N_("Vision"),
    "mission": N_("Mission"),
    "levels": N_("Levels"),
    "level": N_("Level"),
    "value": N_("Value"),
    "sentence": N_("What it means"),
    "code": N_("Code"),
    "name": N_("Name"),
    "problem": N_("Problem it answers"),
    "parent_id": N_("Hangs from"),
    "depth": N_("Level"),
    "sdg": N_("SDG"),
    "target": N_("SDG target"),
    "cross_cutting": N_("Cross-cutting dimension"),
    "unit": N_("Unit of measure"),
    "baseline": N_("Baseline"),
    "indicator_level": N_("Indicator level"),
    "year": N_("Year"),
    "yearly_target": N_("Target"),
    "unit_id": N_("Responsible unit"),
    "sector_id": N_("Sector"),
    "team_class": N_("Team class"),
    "team_class_reason": N_("Reason for the class"),
    "element_id": N_("Element of the plan"),
}
"""The name shown for each field in refusals (and as the title of the window's fields)."""

_CODE = re.compile(r"^\S+$")
_SDG_TARGET = re.compile(r"^(\d{1,2})\.([0-9]{1,2}|[a-z])$")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


class FrameRefused(Invalid):
    """A value of the strategic frame was refused; ``field`` is the field to correct."""

    def __init__(self, field: str, reason: str) -> None:
        super().__init__(reason)
        self.field = field


def title_of(field: str) -> str:
    return _(FIELD_TITLES.get(field, field))


def refuse(field: str, reason: str) -> FrameRefused:
    """The refusal ``"<field>: <reason>"`` for ``field``."""
    return FrameRefused(field, _("{field}: {reason}").format(field=title_of(field), reason=reason))


def line(text: str | None, field: str, limit: int, *, required: bool = True) -> str:
    """One line of text as stored (see the module docstring)."""
    value = clean_text(text or "")
    if required and not value:
        raise refuse(field, _("it cannot be empty."))
    if len(value) > limit:
        raise refuse(field, _("at most {limit} characters.").format(limit=limit))
    return value


def long_text(text: str | None, field: str, limit: int = TEXT_MAX) -> str:
    """Several lines of text as stored: the line breaks kept, the ends trimmed."""
    value = _CONTROL.sub("", (text or "").replace("\r\n", "\n")).strip()
    if len(value) > limit:
        raise refuse(field, _("at most {limit} characters.").format(limit=limit))
    return value


def year(value: int | str | None, field: str) -> int:
    """A year typed or read from a cell."""
    text = str(value).strip() if value is not None else ""
    if not text.isdigit():
        raise refuse(field, _("type a year with four digits."))
    number = int(text)
    if not YEAR_MIN <= number <= YEAR_MAX:
        raise refuse(field, _("a year from {low} to {high}.").format(low=YEAR_MIN, high=YEAR_MAX))
    return number


def period(start: int | str | None, end: int | str | None) -> tuple[int, int]:
    """The first and last years of a plan, both included."""
    first, last = year(start, "start_year"), year(end, "end_year")
    if last < first:
        raise refuse("end_year", _("the plan cannot end before it starts."))
    if last - first + 1 > PERIOD_MAX:
        raise refuse("period", _("at most {n} years.").format(n=PERIOD_MAX))
    return first, last


def folded(text: str) -> str:
    """``text`` without letter case or accents, to compare names."""
    plain = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in plain if not unicodedata.combining(ch))


def level_name(text: str | None) -> str:
    return line(text, "level", LEVEL_MAX)


def level_names(names: Sequence[str | None]) -> list[str]:
    """The names of a plan's levels, top first."""
    if not MIN_LEVELS <= len(names) <= MAX_LEVELS:
        raise refuse(
            "levels",
            _("a plan has from {low} to {high} levels.").format(low=MIN_LEVELS, high=MAX_LEVELS),
        )
    clean = [level_name(name) for name in names]
    seen: set[str] = set()
    for name in clean:
        if folded(name) in seen:
            raise refuse("levels", _("“{name}” is there twice.").format(name=name))
        seen.add(folded(name))
    return clean


def code(text: str | None) -> str:
    """An element's code: one word."""
    value = clean_text(text or "")
    if not value:
        raise refuse("code", _("it cannot be empty."))
    if not _CODE.match(value):
        raise refuse("code", _("one word, with no spaces (such as PR01 or 1.2)."))
    if len(value) > CODE_MAX:
        raise refuse("code", _("at most {limit} characters.").format(limit=CODE_MAX))
    return value


def sdg(goal: int | str | None, target: str | None = "") -> tuple[int, str]:
    """A Sustainable Development Goal and, optionally, one of its targets."""
    text = str(goal).strip() if goal is not None else ""
    if not text.isdigit() or not 1 <= int(text) <= SDG_GOALS:
        raise refuse("sdg", _("a goal from 1 to {n}.").format(n=SDG_GOALS))
    number = int(text)
    wanted = clean_text(target or "").lower()
    if not wanted:
        return number, ""
    match = _SDG_TARGET.match(wanted)
    if match is None:
        raise refuse("target", _("write it as goal.number, such as {goal}.1.").format(goal=number))
    if int(match.group(1)) != number:
        raise refuse(
            "target",
            _("{target} is not a target of goal {goal}.").format(target=wanted, goal=number),
        )
    return number, wanted


def indicator_level(value: IndicatorLevel | str | None) -> IndicatorLevel:
    try:
        return IndicatorLevel(str(value))
    except ValueError:
        raise refuse("indicator_level", _("impact, result or product.")) from None


def yearly_target(text: str | None, at: int, start: int, end: int) -> str:
    """The target of an indicator for year ``at`` of the period; empty clears it."""
    value = clean_text(text or "")
    if not value:
        return ""
    reason = validate.year_in_period(at, start, end)
    if reason:
        raise refuse("year", reason)
    if len(value) > TARGET_MAX:
        raise refuse("yearly_target", _("at most {limit} characters.").format(limit=TARGET_MAX))
    reason = validate.target_text(value)
    if reason:
        raise refuse("yearly_target", reason)
    return value


def team_class(
    value: PriorityClass | str | None, reason: str | None
) -> tuple[PriorityClass | None, str]:
    """The technical team's class of a project (A+, A, B, C or none) and why."""
    if value in (None, ""):
        return None, long_text(reason, "team_class_reason")
    try:
        chosen = PriorityClass(value)
    except ValueError:
        raise refuse("team_class", _("A+, A, B or C.")) from None
    why = long_text(reason, "team_class_reason")
    if not why:
        raise refuse("team_class_reason", _("say why the team gives this class."))
    return chosen, why
