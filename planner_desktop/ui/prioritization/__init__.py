"""Tally entry and live projection of a prioritisation round (issue 5, items 6 and 7)."""
