"""The facilitator's name of this installation, stamped on every record typed here and on
the session files exported from it (no Qt)."""

from __future__ import annotations

from planner_desktop.capture.rule_checks import problem
from planner_desktop.capture.validation import Invalid, validate_required
from planner_desktop.i18n import _

MAX_LENGTH = 200
"""The length of every record's ``facilitator`` column."""


def parse_facilitator(text: str) -> str:
    """The name as stored (spaces at the ends trimmed), or :class:`Invalid`: empty, longer
    than :data:`MAX_LENGTH` or holding a control character (a tab, a line break...): the
    rule of every record's ``facilitator`` column."""
    reason = validate_required(text) or problem("event", "facilitator", text)
    if reason:
        raise Invalid(reason)
    name = text.strip()
    if len(name) > MAX_LENGTH:
        raise Invalid(_("at most {n} characters").format(n=MAX_LENGTH))
    return name
