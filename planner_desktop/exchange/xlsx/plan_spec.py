"""The sheets of the plan workbook: one declaration used to write them and to read them back.

Each kind of record of the plan has its sheet, one record per row. Sheet titles and
headers are English message ids shown translated; when reading, a title or header
written in any language the program speaks is recognised.

How a row finds its record (the rule the notes sheet explains to people):

- most sheets end with an *Id* column holding the record's id in the database that wrote
  the file. A row whose id is a live record of this plan updates that record; a row whose
  id names a record deleted since is left alone (a deletion is not undone by a file, as in
  a merge); a row with no id, or an id this database does not know, updates the record
  with the same key (an element's code, a unit's, area's or organisation's name…) or else
  adds a new one;
- levels are keyed by their number; what is kept per year or per phase (indicator
  targets, source ceilings, self-assessment scores, actors' roles) are columns of their
  record's row (``Target 2027``, ``Ceiling 2027``, ``2027``, ``Planning``), one cell per
  stored record, so one edited cell changes exactly that value;
- a cell equal to what is stored (once both are read by the same rule) changes nothing:
  importing a file just exported writes nothing and bumps no version.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import Enum, StrEnum

from planner_desktop.domain.enums import (
    FundingKind,
    IndicatorLevel,
    OrganizationKind,
    PlanTemplate,
    UnitKind,
)
from planner_desktop.exchange.xlsx.spec import normalise, spellings
from planner_desktop.i18n import LANGUAGES, N_, _catalogue


class Cell(Enum):
    """How a cell is read (see :mod:`planner_desktop.exchange.xlsx.plan_cells`)."""

    TEXT = "text"
    LONG = "long"
    CODE = "code"
    INTEGER = "integer"
    YEAR = "year"
    CHOICE = "choice"
    DATE = "date"
    AMOUNT = "amount"
    SCORE = "score"
    TARGET = "target"
    NAMES = "names"
    ID = "id"


@dataclass(frozen=True)
class Col:
    """One column of a plan sheet."""

    key: str
    header: str
    note: str
    cell: Cell = Cell.TEXT
    required: bool = False
    width: float = 16
    limit: int | None = None
    choices: type[StrEnum] | None = None
    in_header: bool = False
    """The column must be in the sheet even when its cells may be empty (a parent)."""


@dataclass(frozen=True)
class Years:
    """Columns of one value per year: ``header`` is the message with ``{year}``."""

    header: str
    note: str
    cell: Cell
    in_period: bool


@dataclass(frozen=True)
class SheetSpec:
    key: str
    title: str
    note: str
    columns: tuple[Col, ...]
    years: Years | None = None
    identified: bool = True

    @property
    def all_columns(self) -> tuple[Col, ...]:
        return (*self.columns, ID) if self.identified else self.columns


ID = Col(
    "id",
    N_("Id"),
    N_("The record's id in the database that wrote this file: leave it as it is; empty "
       "for a new row."),
    Cell.ID,
    width=36,
)  # fmt: skip
ELEMENT_REF = N_("Code of an element of the Elements sheet (or already in the plan).")
NAME = N_("Name")

PLAN = SheetSpec(
    "plan",
    N_("Municipality and plan"),
    N_("One row: the municipality and its plan."),
    (
        Col("municipality", N_("Municipality"), N_("Name of the municipality."),
            required=True, width=24, limit=200),
        Col("official_name", N_("Official name"),
            N_("The government's own name on documents; empty: the name is used."),
            width=30, limit=200),
        Col("country", N_("Country"),
            N_("A new municipality takes its currency, diagnosis dimensions and sectors from "
               "its country (Bolivia, Colombia, Argentina; any other: Bolivia's)."),
            required=True, width=14, limit=100),
        Col("title", N_("Plan title"), N_("Title of the plan."), required=True, width=30,
            limit=200),
        Col("template", N_("Template"),
            N_("The shape the plan started from; empty: the one usual in the country."),
            Cell.CHOICE, width=28, choices=PlanTemplate),
        Col("start_year", N_("From"), N_("First year of the plan."), Cell.YEAR, True, 8),
        Col("end_year", N_("To"), N_("Last year of the plan (at most 20 years)."), Cell.YEAR,
            True, 8),
        Col("vision", N_("Vision"), N_("The plan's vision; line breaks are kept."), Cell.LONG,
            width=40),
        Col("mission", N_("Mission"), N_("The plan's mission; line breaks are kept."),
            Cell.LONG, width=40),
    ),
)  # fmt: skip

LEVELS = SheetSpec(
    "levels",
    N_("Levels"),
    N_("The levels of the plan's tree, the top one first; a row per level, keyed by its "
       "number."),
    (
        Col("depth", N_("Level"),
            N_("1 is the top level; a plan has from 2 to 6 levels, numbered without gaps."),
            Cell.INTEGER, True, 10),
        Col("name", NAME, N_("Name of the level (Eje, Programa…), different from the others."),
            required=True, width=24, limit=80),
    ),
    identified=False,
)  # fmt: skip

ELEMENTS = SheetSpec(
    "elements",
    N_("Elements"),
    N_("The elements of the plan's tree, keyed by their code."),
    (
        Col("code", N_("Code"),
            N_("One word (E1, 1.2.3), used by no other element of the plan; the other sheets "
               "name the element by it."),
            Cell.CODE, True, 12),
        Col("depth", N_("Level"), N_("Number of its level (see the Levels sheet)."),
            Cell.INTEGER, True, 8),
        Col("parent", N_("Hangs from"),
            N_("Code of the element it hangs from, at a higher level (a smaller number); "
               "empty at level 1."),
            Cell.CODE, width=12, in_header=True),
        Col("name", NAME, N_("Name of the element."), required=True, width=44, limit=2000),
        Col("problem", N_("Problem it answers"), N_("May be empty; line breaks are kept."),
            Cell.LONG, width=36),
        Col("sector", N_("Sector code"),
            N_("Code of one of the municipality's sectors (educacion, salud…); may be empty."),
            width=18, limit=40),
        Col("unit", N_("Responsible unit"),
            N_("Name of a unit of the Structure sheet; may be empty."), width=24, limit=200),
        Col("cross_cutting", N_("Cross-cutting dimensions"),
            N_("Names of dimensions of the plan, separated by semicolons: the element is "
               "tagged with exactly these; empty: none."),
            Cell.NAMES, width=24),
    ),
)  # fmt: skip

VALUES = SheetSpec(
    "values",
    N_("Values"),
    N_("The plan's values, keyed by their name."),
    (
        Col("name", N_("Value"), N_("The value (Transparencia…)."), required=True, width=24,
            limit=120),
        Col("sentence", N_("What it means"), N_("May be empty."), Cell.LONG, width=60),
    ),
)  # fmt: skip

SDGS = SheetSpec(
    "sdgs",
    N_("SDGs"),
    N_("Sustainable Development Goals of the whole plan or of one element."),
    (
        Col("element", N_("Element code"),
            N_("Code of an element of the plan; empty: the goal is of the whole plan."),
            Cell.CODE, width=12, in_header=True),
        Col("sdg", N_("SDG"), N_("Goal, from 1 to 17."), Cell.INTEGER, True, 8),
        Col("target", N_("SDG target"),
            N_("A target of that goal written goal.number (6.1, 6.a); may be empty."),
            width=12, limit=20),
    ),
)  # fmt: skip

CROSS_CUTTING = SheetSpec(
    "cross_cutting",
    N_("Cross-cutting dimensions"),
    N_("The plan's cross-cutting dimensions, keyed by their name; the elements they tag "
       "are listed in the Elements sheet."),
    (
        Col("name", N_("Dimension"), N_("Name, different from the others."), required=True,
            width=24, limit=120),
        Col("description", N_("Description"), N_("May be empty."), Cell.LONG, width=60),
    ),
)  # fmt: skip

INDICATORS = SheetSpec(
    "indicators",
    N_("Indicators"),
    N_("Indicators of the plan's elements, keyed by element and name, with a target per "
       "year."),
    (
        Col("element", N_("Element code"), ELEMENT_REF, Cell.CODE, True, 12),
        Col("name", N_("Indicator"), N_("What is measured."), required=True, width=40,
            limit=2000),
        Col("level", N_("Indicator level"), N_("Impact, result or product; empty: result."),
            Cell.CHOICE, width=12, choices=IndicatorLevel),
        Col("unit", N_("Unit of measure"), N_("May be empty."), width=14, limit=60),
        Col("baseline", N_("Baseline"), N_("May be empty."), width=12, limit=60),
    ),
    Years(N_("Target {year}"),
          N_("The target of that year of the plan period, a number (120, 85 %); empty: "
             "none."),
          Cell.TARGET, True),
)  # fmt: skip

SOURCES = SheetSpec(
    "sources",
    N_("Funding sources"),
    N_("Funding sources, keyed by their code, with the ceiling of each year."),
    (
        Col("code", N_("Code"), N_("Code of the source, used by no other source (deleted "
            "ones included)."), required=True, width=10, limit=20),
        Col("name", NAME, N_("Name of the source."), required=True, width=30, limit=200),
        Col("kind", N_("Kind"), N_("Kind of source (as the program lists them)."),
            Cell.CHOICE, True, 22, choices=FundingKind),
        Col("funder", N_("Funder"), N_("May be empty."), width=22, limit=200),
    ),
    Years(N_("Ceiling {year}"),
          N_("What the source can give that year of the plan period, an amount; empty: "
             "no ceiling."),
          Cell.AMOUNT, True),
)  # fmt: skip

STRUCTURE = SheetSpec(
    "structure",
    N_("Structure"),
    N_("The municipal government's secretariats, directorates and units, keyed by name."),
    (
        Col("name", N_("Unit"), N_("Name, different from the other units."), required=True,
            width=34, limit=200),
        Col("kind", N_("Kind"), N_("Secretariat, directorate or unit; empty: the usual kind "
            "at its place in the tree."), Cell.CHOICE, width=14, choices=UnitKind),
        Col("parent", N_("Under"), N_("Name of the unit it belongs to; empty: the top."),
            width=34, limit=200, in_header=True),
    ),
)  # fmt: skip

ASSESSMENT = SheetSpec(
    "assessment",
    N_("Self-assessment"),
    N_("Areas of the institutional self-assessment, keyed by name, with a score per year."),
    (Col("name", N_("Area"), N_("Name, different from the other areas."), required=True,
         width=34, limit=120),),
    Years("{year}",
          N_("A percentage with at most two decimals (86,50); empty: not evaluated; - : does "
             "not apply."),
          Cell.SCORE, False),
)  # fmt: skip

PHASE_COLUMNS = (
    ("planning", N_("Planning")),
    ("execution", N_("Execution")),
    ("follow_up", N_("Follow-up and evaluation")),
)

ACTORS = SheetSpec(
    "actors",
    N_("Actors"),
    N_("Organisations and their role in each phase, keyed by name; the Id is the "
       "organisation's."),
    (
        Col("name", N_("Organization"), N_("Name, different from the other organisations."),
            required=True, width=36, limit=200),
        Col("kind", N_("Kind"), N_("Kind of organisation; empty: other."), Cell.CHOICE,
            width=20, choices=OrganizationKind),
        *(Col(key, header, N_("Its role in this phase; empty: none."), width=30)
          for key, header in PHASE_COLUMNS),
    ),
)  # fmt: skip

WORK_PLAN = SheetSpec(
    "work_plan",
    N_("Work plan"),
    N_("Activities of the preparation of the plan."),
    (
        Col("activity", N_("Activity"), N_("What is done."), required=True, width=44),
        Col("start_date", N_("Start"), N_("A date; may be empty."), Cell.DATE, width=12),
        Col("end_date", N_("End"), N_("A date, not before the start; may be empty."),
            Cell.DATE, width=12),
        Col("responsible", N_("Responsible"), N_("May be empty."), width=24, limit=200),
    ),
)  # fmt: skip

AGREEMENT = SheetSpec(
    "agreement",
    N_("Agreement"),
    N_("The agreement (convenio) under which the plan is prepared."),
    (
        Col("title", N_("Title"), N_("Title of the agreement."), required=True, width=36,
            limit=200),
        Col("parties", N_("Parties"), N_("May be empty."), width=36),
        Col("signed_on", N_("Signed on"), N_("A date; may be empty."), Cell.DATE, width=12),
        Col("signatories", N_("Signatories"), N_("May be empty."), width=36),
    ),
)  # fmt: skip

TEAM = SheetSpec(
    "team",
    N_("Technical team"),
    N_("Members of the technical team that prepares the plan."),
    (
        Col("name", NAME, N_("Name of the person."), required=True, width=30, limit=200),
        Col("role", N_("Role"), N_("May be empty."), width=24, limit=200),
        Col("institution", N_("Institution"), N_("May be empty."), width=24, limit=200),
    ),
)  # fmt: skip

PACTS = SheetSpec(
    "pacts",
    N_("Pacts"),
    N_("Pacts and alliances: who commits what to which element."),
    (
        Col("organization", N_("Organization"),
            N_("Name of an organisation of the Actors sheet (or already in the program)."),
            required=True, width=34, limit=200),
        Col("element", N_("Element code"), N_("Code of an element of the plan; may be empty."),
            Cell.CODE, width=12),
        Col("commitment", N_("Commitment"), N_("What is committed."), width=40),
        Col("contribution", N_("Contribution"), N_("May be empty."), width=30),
        Col("start_date", N_("Start"), N_("A date; may be empty."), Cell.DATE, width=12),
        Col("end_date", N_("End"), N_("A date, not before the start; may be empty."),
            Cell.DATE, width=12),
    ),
)  # fmt: skip

SHEETS: tuple[SheetSpec, ...] = (
    PLAN, LEVELS, ELEMENTS, VALUES, SDGS, CROSS_CUTTING, INDICATORS, SOURCES, STRUCTURE,
    ASSESSMENT, ACTORS, WORK_PLAN, AGREEMENT, TEAM, PACTS,
)  # fmt: skip
"""In the order written. A sheet may name records of any other (an element its unit, a
pact its organisation): the whole file is read before anything is matched."""

NOTES_SHEET = N_("Notes")


def year_pattern(spec: SheetSpec) -> re.Pattern[str] | None:
    """What a year column's header looks like, in every language, the year captured."""
    if spec.years is None:
        return None
    forms = {r"(\d{4})"}
    if spec.years.header != "{year}":
        for lang in LANGUAGES:
            text = normalise(_catalogue(lang).gettext(spec.years.header))
            forms.add(re.escape(text).replace(re.escape("{year}"), r"(\d{4})"))
        forms.add(re.escape(normalise(spec.years.header)).replace(re.escape("{year}"), r"(\d{4})"))
    return re.compile("|".join(f"(?:{form})" for form in sorted(forms)))


def header_keys(spec: SheetSpec) -> dict[str, Col]:
    """Every spelling of every header of ``spec``, normalised, to its column."""
    return {s: col for col in spec.all_columns for s in spellings(col.header)}
