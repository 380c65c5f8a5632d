"""The facilitator's name of this installation, stamped on every record typed here and on
the session files exported from it (no Qt)."""

from __future__ import annotations

import unicodedata

from planner_desktop.capture.validation import Invalid, validate_required
from planner_desktop.i18n import _

MAX_LENGTH = 200
"""The length of every record's ``facilitator`` column."""


def parse_facilitator(text: str) -> str:
    """The name as stored (spaces at the ends trimmed), or :class:`Invalid`: empty, longer
    than :data:`MAX_LENGTH` or holding a control character (a tab, a line break...)."""
    reason = validate_required(text)
    if reason:
        raise Invalid(reason)
    if any(unicodedata.category(char) == "Cc" for char in text):
        raise Invalid(_("a name cannot hold tabs, line breaks or other control characters"))
    name = text.strip()
    if len(name) > MAX_LENGTH:
        raise Invalid(_("at most {n} characters").format(n=MAX_LENGTH))
    return name
