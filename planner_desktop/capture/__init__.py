"""Workshop capture without Qt: validation of typed values and the writes they lead to.

The window's editable tables and undo commands call these functions; the core tests call
them with no display. Every refusal is one translated line that can be shown in place.
"""
