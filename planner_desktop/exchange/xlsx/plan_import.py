"""``xlsx import plan``: the plan workbook read back into the database, all or nothing.

1. The whole file is read and every cell typed (:mod:`~.plan_read`); then every row is
   matched to its record (:mod:`~.plan_match`) and every reference between sheets and
   to what is stored is checked (an element's parent at a higher level, a level the plan
   has, a unit, dimension, sector or organisation that exists…). Any wrong cell refuses
   the whole file in one line naming the sheet, row and column; nothing is written.
2. Only then are the writes made, in one transaction of the store's unit of work, so
   each is stamped like an edit in the window (a new version remembering the one it
   was edited from) and merges as one. What they changed is kept
   (:func:`planner_desktop.plan.frame_change.recording`), for the window to undo the
   import as one step.

An empty database gets the municipality (its country's template gives the currency,
diagnosis dimensions and sectors) and the plan; otherwise the current municipality and
its plan are updated. Rows missing from the file leave their records alone.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from planner_desktop.domain.enums import PlanTemplate
from planner_desktop.domain.plan import MAX_LEVELS, MIN_LEVELS, Plan, PlanLevel
from planner_desktop.domain.plan_templates import default_for, shape
from planner_desktop.domain.setup import create_municipality
from planner_desktop.domain.templates import template_for
from planner_desktop.domain.territory import Municipality
from planner_desktop.exchange.xlsx import plan_annex_rows, plan_frame_rows, plan_tree_rows
from planner_desktop.exchange.xlsx.errors import Where, refuse
from planner_desktop.exchange.xlsx.importer import Imported
from planner_desktop.exchange.xlsx.plan_context import Context, Counts
from planner_desktop.exchange.xlsx.plan_load import load
from planner_desktop.exchange.xlsx.plan_match import Target, put, write
from planner_desktop.exchange.xlsx.plan_read import read_book
from planner_desktop.exchange.xlsx.plan_spec import LEVELS, Cell
from planner_desktop.i18n import _
from planner_desktop.plan.frame import folded
from planner_desktop.plan.frame_change import Change, recording
from planner_desktop.plan.frame_plan import create_plan
from planner_desktop.store import db_errors
from planner_desktop.store.database import Store


@dataclass(frozen=True)
class PlanImported(Imported):
    """What an import of the plan did: rows read, records added, changed, unchanged."""

    added: int = 0
    changed: int = 0
    unchanged: int = 0
    change: Change | None = None


def import_plan(store: Store, path: Path) -> PlanImported:
    book = read_book(path)
    with store.session() as session:
        context = Context(session, book, load(session))
        _town_and_plan(context)
        plan_tree_rows.resolve(context)
        plan_frame_rows.resolve(context)
        plan_annex_rows.resolve(context)
        counts = Counts()
        try:
            with recording(session) as change:
                for step in context.steps:
                    step(session, counts)
        except IntegrityError as error:
            reason = db_errors.describe(error) or type(error).__name__
            raise refuse(
                Where(path.name), _("the file cannot be written ({reason})").format(reason=reason)
            ) from None
    return PlanImported(
        "plan", book.rows_read, counts.added, counts.changed, counts.unchanged, change
    )


def _town_and_plan(context: Context) -> None:
    row = context.book.plan
    values = row.values
    country = values["country"]
    template = values["template"] or default_for(country)
    if context.loaded is None:
        context.sectors = {folded(code): code for code, _name in template_for(country).sectors}
        context.then(lambda session, counts: _new_town(context, session, counts))
    else:
        town = context.loaded.municipality
        context.town_id = town.id
        context.sectors = {folded(code): code for code in context.loaded.sector_codes.values()}
        target = Target(row, town, town.id)
        target.set("name", values["municipality"], Cell.TEXT)
        target.set("official_name", values["official_name"] or "", Cell.TEXT)
        target.set("country", country, Cell.TEXT)
        context.then(lambda session, counts: counts.count(write(session, Municipality, target)))
    plan = context.loaded.plan if context.loaded is not None else None
    start, end = context.book.period
    if plan is None:
        names = _new_levels(context, template)
        context.levels = len(names)
        context.then(lambda session, counts: _new_plan(context, session, counts, template, names))
        return
    context.plan_id = plan.id
    target = Target(row, plan, plan.id)
    target.set("title", values["title"], Cell.TEXT)
    target.set("template", template)
    target.set("start_year", start)
    target.set("end_year", end)
    target.set("vision", values["vision"] or "", Cell.LONG)
    target.set("mission", values["mission"] or "", Cell.LONG)
    context.then(lambda session, counts: counts.count(write(session, Plan, target)))
    _levels(context, {level.depth: level.name for level in context.stored("levels")})


def _new_town(context: Context, session: Session, counts: Counts) -> None:
    values = context.book.plan.values
    town = create_municipality(
        session,
        name=values["municipality"],
        template=template_for(values["country"]),
        country=values["country"],
    )
    town.official_name = values["official_name"] or ""
    town.plan_start_year, town.plan_end_year = context.book.period
    context.town_id = town.id
    counts.count("added")


def _new_plan(
    context: Context, session: Session, counts: Counts, template: PlanTemplate, names: list[str]
) -> None:
    values = context.book.plan.values
    start, end = context.book.period
    context.plan_id = create_plan(
        session, context.town, template, start, end, title=values["title"], level_names=names
    )
    plan = session.get(Plan, context.plan_id)
    assert plan is not None
    plan.vision, plan.mission = values["vision"] or "", values["mission"] or ""
    counts.added += 1 + len(names)


def _new_levels(context: Context, template: PlanTemplate) -> list[str]:
    """The levels of a new plan: the sheet's, or the template's when it has none."""
    rows = context.book.rows(LEVELS)
    if not rows:
        return list(shape(template).levels)
    final = _final_levels(context, {})
    if len(final) < MIN_LEVELS:
        sheet = context.book.sheet(LEVELS)
        assert sheet is not None
        raise refuse(
            sheet.where,
            _("a plan has from {low} to {high} levels").format(low=MIN_LEVELS, high=MAX_LEVELS),
        )
    return [final[depth] for depth in sorted(final)]


def _final_levels(context: Context, stored: dict[int, str]) -> dict[int, str]:
    """Depth → name after the import; refuses a gap or a name used twice."""
    rows = context.book.rows(LEVELS)
    final = dict(stored)
    for row in rows:
        final[row.values["depth"]] = row.values["name"]
    in_file = {row.values["depth"] for row in rows}
    named = {folded(name): (depth, name) for depth, name in stored.items() if depth not in in_file}
    for row in rows:
        depth = row.values["depth"]
        if depth > 1 and depth - 1 not in final:
            raise refuse(
                row.at("depth"),
                _("there is no level {n}: levels are numbered 1, 2, 3… without gaps").format(
                    n=depth - 1
                ),
            )
        other = named.get(folded(row.values["name"]))
        if other is not None:
            raise refuse(
                row.at("name"),
                _("the level {n} is called «{name}» too").format(n=other[0], name=other[1]),
            )
        named[folded(row.values["name"])] = (depth, row.values["name"])
    return final


def _levels(context: Context, stored: dict[int, str]) -> None:
    final = _final_levels(context, stored)
    context.levels = len(final)
    rows = context.book.rows(LEVELS)

    def write_levels(session: Session, counts: Counts) -> None:
        for row in rows:
            keys: dict[str, Any] = {"plan_id": context.plan, "depth": row.values["depth"]}
            counts.count(put(session, PlanLevel, keys, {"name": row.values["name"]}))

    context.then(write_levels)
