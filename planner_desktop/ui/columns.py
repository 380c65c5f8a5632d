"""Column descriptions shared by the queries and the models (no Qt, no database)."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Kind(StrEnum):
    """How a column's values are shown."""

    text = "text"
    number = "number"
    money = "money"
    percent = "percent"
    date = "date"
    label = "label"
    flag = "flag"


@dataclass(frozen=True)
class Column:
    """A column: its English title (marked with ``N_``, translated when shown), its kind,
    and whether it takes the width left over (the main text of the row)."""

    title: str
    kind: Kind = Kind.text
    stretch: bool = False
