"""The columns of the import template: one declaration used to write it and to read it back.

Headers are English message ids shown translated; when reading, a header written in any
language the program speaks is recognised, so a Spanish template imports under ``--lang en``.
Every value read is checked by the rule of the field it is stored in (``Field.rule``): no
range, length or character rule is declared here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import Enum, StrEnum

from planner_desktop.domain.enums import AreaType, CommunityKind, Group
from planner_desktop.i18n import LANGUAGES, N_, _catalogue


class Kind(Enum):
    TEXT = "text"
    INTEGER = "integer"
    MONEY = "money"
    CHOICE = "choice"


@dataclass(frozen=True)
class Field:
    """One column of an import sheet."""

    key: str
    header: str
    kind: Kind
    required: bool
    note: str
    width: float = 16
    choices: type[StrEnum] | None = None
    rule: str | None = None
    """The stored field (``table.column``) whose rule in :mod:`planner_desktop.domain.rules`
    the value must pass; for a code naming a record, that record's code."""


COMMUNITIES_SHEET = N_("Communities")
DEMANDS_SHEET = N_("Demands")
INSTRUCTIONS_SHEET = N_("Instructions")
CODES_SHEET = N_("Codes")

COMMUNITY_FIELDS: tuple[Field, ...] = (
    Field(
        "district",
        N_("District code"),
        Kind.TEXT,
        True,
        N_("Code of an existing district (see the Codes sheet)."),
        14,
        rule="district.code",
    ),
    Field(
        "code",
        N_("Community code"),
        Kind.TEXT,
        True,
        N_("Unique code of the new community, not used before."),
        16,
        rule="community.code",
    ),
    Field(
        "name",
        N_("Community name"),
        Kind.TEXT,
        True,
        N_("Name of the community, OTB or neighbourhood."),
        30,
        rule="community.name",
    ),
    Field(
        "kind",
        N_("Kind"),
        Kind.CHOICE,
        False,
        N_("Community, OTB or neighbourhood (list); empty means community."),
        16,
        choices=CommunityKind,
    ),
    Field(
        "area",
        N_("Area"),
        Kind.CHOICE,
        False,
        N_("Urban or rural (list); empty means rural."),
        10,
        choices=AreaType,
    ),
    Field(
        "population_women",
        N_("Women"),
        Kind.INTEGER,
        False,
        N_("Number of women (whole number, 0 or more)."),
        10,
        rule="community.population_women",
    ),
    Field(
        "population_men",
        N_("Men"),
        Kind.INTEGER,
        False,
        N_("Number of men (whole number, 0 or more)."),
        10,
        rule="community.population_men",
    ),
    Field(
        "population_children",
        N_("Children (under 16)"),
        Kind.INTEGER,
        False,
        N_("Number of children under 16."),
        12,
        rule="community.population_children",
    ),
    Field(
        "population_youth",
        N_("Youth (16–28)"),
        Kind.INTEGER,
        False,
        N_("Number of young people from 16 to 28."),
        12,
        rule="community.population_youth",
    ),
    Field(
        "population_adults",
        N_("Adults (29–59)"),
        Kind.INTEGER,
        False,
        N_("Number of adults from 29 to 59."),
        12,
        rule="community.population_adults",
    ),
    Field(
        "population_elders",
        N_("Elders (60+)"),
        Kind.INTEGER,
        False,
        N_("Number of people aged 60 or more."),
        12,
        rule="community.population_elders",
    ),
    Field(
        "families",
        N_("Families"),
        Kind.INTEGER,
        False,
        N_("Number of families."),
        10,
        rule="community.families",
    ),
)

DEMAND_FIELDS: tuple[Field, ...] = (
    Field(
        "community",
        N_("Community code"),
        Kind.TEXT,
        True,
        N_("Code of an existing community (see the Codes sheet)."),
        16,
        rule="community.code",
    ),
    Field(
        "code",
        N_("Demand code"),
        Kind.TEXT,
        True,
        N_("Unique code of the new demand, not used before."),
        16,
        rule="demand.code",
    ),
    Field(
        "sector",
        N_("Sector code"),
        Kind.TEXT,
        True,
        N_("Code of a sector (list, see the Codes sheet)."),
        22,
        rule="sector.code",
    ),
    Field(
        "description",
        N_("Description"),
        Kind.TEXT,
        True,
        N_("What the community asks for, in its own words."),
        50,
        rule="demand.description",
    ),
    Field(
        "group",
        N_("Group"),
        Kind.CHOICE,
        False,
        N_("Who raised it: women, men, youth, elders or mixed (list); empty means mixed."),
        12,
        choices=Group,
    ),
    Field(
        "beneficiaries_women",
        N_("Beneficiaries (women)"),
        Kind.INTEGER,
        False,
        N_("Women who benefit (whole number)."),
        14,
        rule="demand.beneficiaries_women",
    ),
    Field(
        "beneficiaries_men",
        N_("Beneficiaries (men)"),
        Kind.INTEGER,
        False,
        N_("Men who benefit (whole number)."),
        14,
        rule="demand.beneficiaries_men",
    ),
    Field(
        "estimated_cost",
        N_("Estimated cost"),
        Kind.MONEY,
        False,
        N_("Estimated cost in the local currency, a number with up to two decimals."),
        16,
        rule="demand.estimated_cost",
    ),
)


def normalise(text: str) -> str:
    """A header or code compared without regard to case, spacing or a required mark."""
    return re.sub(r"\s+", " ", text.replace("*", "")).strip().casefold()


def spellings(message: str) -> set[str]:
    """``message`` in every language the program speaks, normalised."""
    found = {normalise(message)}
    for lang in LANGUAGES:
        found.add(normalise(_catalogue(lang).gettext(message)))
    return found


def choice_spellings(enum_cls: type[StrEnum]) -> dict[str, StrEnum]:
    """Every code and translated label of ``enum_cls``, normalised, to its member."""
    from planner_desktop.domain.labels import LABELS

    found: dict[str, StrEnum] = {}
    for member in enum_cls:
        found[normalise(member.value)] = member
        message = LABELS.get((enum_cls, member.value))
        if message:
            for spelling in spellings(message):
                found.setdefault(spelling, member)
    return found
