"""The one error of the prioritisation core: a refused input, said in one line."""

from __future__ import annotations


class PrioritizationError(ValueError):
    """An input was refused; the message is one translated line naming what and where."""
