"""The trees of the plan workbook: the municipal structure, the cross-cutting dimensions
and the plan's elements with their tags.

An element sits at a level the plan has (after the import), hangs from an element of a
higher level (a smaller number) named by its code, or from nothing at level 1; its code
is used by no other live element of the plan. A unit hangs from a unit named by its
name, never from itself or one of its own. What the sheet leaves out stays as stored and
is checked with the rest: an element kept out of the sheet must still sit below the
element it hangs from.
"""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from planner_desktop.capture.org_units import kind_for_depth
from planner_desktop.domain.plan import CrossCutting, ElementCrossCutting, OrgUnit, PlanElement
from planner_desktop.domain.territory import Sector
from planner_desktop.exchange.xlsx.errors import refuse
from planner_desktop.exchange.xlsx.plan_context import Context, Counts, ElementRef
from planner_desktop.exchange.xlsx.plan_match import (
    Target,
    key_text,
    match,
    next_position,
    put,
    same,
    unique,
    write,
)
from planner_desktop.exchange.xlsx.plan_spec import CROSS_CUTTING, ELEMENTS, STRUCTURE, Cell
from planner_desktop.i18n import _


def resolve(context: Context) -> None:
    _units(context)
    _dimensions(context)
    _elements(context)


def _units(context: Context) -> None:
    sheet = context.book.sheet(STRUCTURE)
    matched = match(
        context.session,
        sheet,
        OrgUnit,
        context.stored("units"),
        lambda row: key_text(row.values["name"]),
        lambda unit: key_text(unit.name),
    )
    final = unique(
        matched,
        lambda t: key_text(t.row.values["name"]),
        lambda unit: key_text(unit.name),
        "name",
        lambda t, _other: _("another unit is called «{name}»").format(name=t.row.values["name"]),
    )
    context.units = final.map(lambda item: item.id)
    parents: dict[uuid.UUID, uuid.UUID | None] = {u.id: u.parent_id for u in matched.untouched}
    for target in matched.targets:
        name = target.row.values.get("parent")
        parent = final.get(key_text(name)) if name else None
        if name and parent is None:
            raise refuse(target.row.at("parent"), _("no unit is called «{name}»").format(name=name))
        parents[target.id] = parent.id if parent is not None else None
    depths = {}
    for target in matched.targets:
        depth, seen, above = 1, {target.id}, parents[target.id]
        while above is not None:
            if above in seen:
                raise refuse(
                    target.row.at("parent"),
                    _("a unit cannot go under itself or one of its own units"),
                )
            seen.add(above)
            depth, above = depth + 1, parents.get(above)
        depths[target.id] = depth
    for target in matched.targets:
        values = target.row.values
        target.set("name", values["name"], Cell.TEXT)
        target.offer("kind", values.get("kind") or kind_for_depth(depths[target.id]))
        target.set("parent_id", parents[target.id])
    new = sorted((t for t in matched.targets if t.is_new), key=lambda t: depths[t.id])
    old = [t for t in matched.targets if not t.is_new]

    def write_units(session: Session, counts: Counts) -> None:
        for target in new:
            place = {"municipality_id": context.town, "parent_id": target.fields["parent_id"]}
            target.set("position", next_position(session, OrgUnit, **place))
            counts.count(write(session, OrgUnit, target, municipality_id=context.town))
            session.flush()
        _moved(session, OrgUnit, old, municipality_id=context.town)
        for target in old:
            counts.count(write(session, OrgUnit, target))

    context.then(write_units)


def _moved(session: Session, model: type[Any], targets: list[Target], **scope: Any) -> None:
    """A record hung from another parent goes last among its new siblings."""
    for target in targets:
        parent = target.fields["parent_id"]
        if not same(getattr(target.record, "parent_id", None), parent, None):
            target.set("position", next_position(session, model, parent_id=parent, **scope))


def _dimensions(context: Context) -> None:
    matched = match(
        context.session,
        context.book.sheet(CROSS_CUTTING),
        CrossCutting,
        context.stored("dimensions"),
        lambda row: key_text(row.values["name"]),
        lambda dimension: key_text(dimension.name),
    )
    final = unique(
        matched,
        lambda t: key_text(t.row.values["name"]),
        lambda dimension: key_text(dimension.name),
        "name",
        lambda t, _other: _("«{name}» is already there").format(name=t.row.values["name"]),
    )
    context.dimensions = final.map(lambda item: item.id)
    for target in matched.targets:
        target.set("name", target.row.values["name"], Cell.TEXT)
        target.offer("description", target.row.values.get("description") or "", Cell.LONG)

    def write_dimensions(session: Session, counts: Counts) -> None:
        for target in matched.targets:
            if target.is_new:
                target.set("position", next_position(session, CrossCutting, plan_id=context.plan))
            counts.count(write(session, CrossCutting, target, plan_id=context.plan))

    context.then(write_dimensions)


def _elements(context: Context) -> None:
    matched = match(
        context.session,
        context.book.sheet(ELEMENTS),
        PlanElement,
        context.stored("elements"),
        lambda row: key_text(row.values["code"]),
        lambda element: key_text(element.code),
    )
    final = unique(
        matched,
        lambda t: key_text(t.row.values["code"]),
        lambda element: key_text(element.code),
        "code",
        lambda t, _other: _("the code «{code}» is used by another element of the plan").format(
            code=t.row.values["code"]
        ),
    )
    context.elements = final.map(lambda item: ElementRef(item.id, _depth(item)))
    for target in matched.targets:
        _element(context, target)
    by_id = {target.id: target for target in matched.targets}
    for element in matched.untouched:
        parent = by_id.get(element.parent_id) if element.parent_id is not None else None
        if parent is not None and parent.fields["depth"] >= element.depth:
            raise refuse(
                parent.row.at("depth"),
                _("«{code}», not in this sheet, hangs from it at level {n}").format(
                    code=element.code, n=element.depth
                ),
            )
    tagged = [t for t in matched.targets if t.row.has("cross_cutting")]
    new = sorted((t for t in matched.targets if t.is_new), key=lambda t: t.fields["depth"])
    old = [t for t in matched.targets if not t.is_new]

    def write_elements(session: Session, counts: Counts) -> None:
        sectors = dict(
            session.execute(
                select(Sector.code, Sector.id).where(Sector.municipality_id == context.town)
            ).all()
        )
        for target in matched.targets:
            if "sector_id" in target.fields:
                code = target.fields["sector_id"]
                target.fields["sector_id"] = sectors[code] if code is not None else None
        for target in new:
            place = {"plan_id": context.plan, "parent_id": target.fields["parent_id"]}
            target.set("position", next_position(session, PlanElement, **place))
            counts.count(write(session, PlanElement, target, plan_id=context.plan))
            session.flush()
        _moved(session, PlanElement, old, plan_id=context.plan)
        for target in old:
            counts.count(write(session, PlanElement, target))
        session.flush()
        for target in tagged:
            _tags(session, counts, target, context)

    context.then(write_elements)


def _depth(item: Target | PlanElement) -> int:
    depth: int = item.row.values["depth"] if isinstance(item, Target) else item.depth
    return depth


def _element(context: Context, target: Target) -> None:
    row = target.row
    values = row.values
    depth = values["depth"]
    if not 1 <= depth <= context.levels:
        raise refuse(
            row.at("depth"),
            _("the plan has {n} levels: type a level from 1 to {n}").format(n=context.levels),
        )
    parent_code = values.get("parent")
    parent = context.elements.get(key_text(parent_code)) if parent_code else None
    if parent_code and parent is None:
        raise refuse(
            row.at("parent"), _("no element has the code «{code}»").format(code=parent_code)
        )
    if parent is None and depth > 1:
        raise refuse(
            row.at("parent"),
            _("an element of level {n} hangs from one of a higher level: type its code").format(
                n=depth
            ),
        )
    if parent is not None and depth == 1:
        raise refuse(row.at("parent"), _("an element of level 1 hangs from nothing"))
    if parent is not None and parent.depth >= depth:
        raise refuse(
            row.at("parent"),
            _("«{code}» is at level {p}: an element hangs from one at a higher level (a smaller "
              "number) than its own, {n}").format(code=parent_code, p=parent.depth, n=depth),
        )  # fmt: skip
    sector = values.get("sector")
    if sector and key_text(sector) not in context.sectors:
        raise refuse(row.at("sector"), _("no sector has the code «{code}»").format(code=sector))
    unit = values.get("unit")
    if unit and key_text(unit) not in context.units:
        raise refuse(row.at("unit"), _("no unit is called «{name}»").format(name=unit))
    names = values.get("cross_cutting") or []
    for name in names:
        if key_text(name) not in context.dimensions:
            raise refuse(
                row.at("cross_cutting"),
                _("no cross-cutting dimension is called «{name}»").format(name=name),
            )
    target.set("code", values["code"], Cell.CODE)
    target.set("depth", depth)
    target.set("parent_id", parent.id if parent is not None else None)
    target.set("name", values["name"], Cell.TEXT)
    target.offer("problem", values.get("problem") or "", Cell.LONG)
    target.offer("sector_id", context.sectors[key_text(sector)] if sector else None, None, "sector")
    target.offer("unit_id", context.units[key_text(unit)] if unit else None, None, "unit")
    target.extra["tags"] = {context.dimensions[key_text(name)] for name in names}


def _tags(session: Session, counts: Counts, target: Target, context: Context) -> None:
    wanted: set[uuid.UUID] = target.extra["tags"]
    current = set(
        session.scalars(
            select(ElementCrossCutting.cross_cutting_id).where(
                ElementCrossCutting.element_id == target.id,
                ElementCrossCutting.deleted_at.is_(None),
            )
        )
    )
    for dimension in sorted(wanted | current):
        keys = {"element_id": target.id, "cross_cutting_id": dimension}
        outcome = put(session, ElementCrossCutting, keys, {}, empty=dimension not in wanted)
        if outcome != "unchanged":
            counts.count(outcome)
