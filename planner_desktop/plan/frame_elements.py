"""Editing the tree of the strategic frame: elements added, renamed, moved, deleted.

Rules (each refusal is a :class:`~planner_desktop.plan.frame.FrameRefused` naming the
field, raised before anything is written; the caller owns the transaction):

- an element sits at a level (``depth``) of its plan: a top element at depth 1; a child
  deeper than its parent (normally the next level; a level may be skipped when asked);
  never below the plan's deepest level;
- moving an element keeps its level when the new parent is shallower; otherwise it goes
  one level below the new parent, its subtree shifted with it, and the move is refused
  when the subtree would not fit in the plan's levels, or when the new parent is the
  element itself or inside it; moving to the top makes it a top element (depth 1);
- codes are one word, not used by another live element of the plan; a new element gets
  its parent's code followed by ``.<n>`` (top elements ``1``, ``2``…) unless given one;
- siblings keep positions 0, 1, 2…: a new element goes last, reordering renumbers them;
- deleting refuses an element that other parts of the plan hang from (child elements,
  project profiles, POA operations, management objectives, pacts), naming them in one
  line; its own details (indicators and their targets, SDG links, cross-cutting tags)
  are tombstoned with it, and undone with it.
"""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from planner_desktop.domain.annual import ManagementObjective, Operation
from planner_desktop.domain.plan import ElementCrossCutting, Pact, PlanElement, SdgLink
from planner_desktop.domain.projects import Indicator, IndicatorTarget, ProjectProfile
from planner_desktop.domain.provenance import mark_deleted
from planner_desktop.i18n import NN_, _, ngettext
from planner_desktop.plan import frame
from planner_desktop.plan.frame import refuse
from planner_desktop.plan.frame_plan import _get, levels, live, renumber
from planner_desktop.plan.ordering import bytewise


def element(session: Session, element_id: uuid.UUID) -> PlanElement:
    found: PlanElement = _get(session, PlanElement, element_id, "element_id")
    return found


def elements(session: Session, plan_id: uuid.UUID) -> list[PlanElement]:
    """Every live element of the plan, by level, parent and position."""
    return list(
        session.scalars(
            select(PlanElement)
            .where(PlanElement.plan_id == plan_id, live(PlanElement))
            .order_by(
                PlanElement.depth, PlanElement.position, bytewise(PlanElement.code), PlanElement.id
            )
        )
    )


def siblings(
    session: Session, plan_id: uuid.UUID, parent_id: uuid.UUID | None
) -> list[PlanElement]:
    where = (
        PlanElement.parent_id.is_(None) if parent_id is None else PlanElement.parent_id == parent_id
    )
    return list(
        session.scalars(
            select(PlanElement)
            .where(PlanElement.plan_id == plan_id, where, live(PlanElement))
            .order_by(PlanElement.position, PlanElement.created_at, PlanElement.id)
        )
    )


def deepest(session: Session, plan_id: uuid.UUID) -> int:
    return len(levels(session, plan_id))


def _codes(session: Session, plan_id: uuid.UUID, but: uuid.UUID | None = None) -> set[str]:
    return {frame.folded(e.code) for e in elements(session, plan_id) if e.id != but and e.code}


def next_code(session: Session, plan_id: uuid.UUID, parent: PlanElement | None) -> str:
    """The first free code ``<parent code>.<n>`` (``<n>`` at the top)."""
    taken = _codes(session, plan_id)
    prefix = f"{parent.code}." if parent is not None and parent.code else ""
    number = len(siblings(session, plan_id, parent.id if parent else None)) + 1
    while frame.folded(f"{prefix}{number}") in taken:
        number += 1
    return f"{prefix}{number}"[: frame.CODE_MAX]


def _unique_code(session: Session, plan_id: uuid.UUID, text: str, own: uuid.UUID | None) -> str:
    clean = frame.code(text)
    if frame.folded(clean) in _codes(session, plan_id, but=own):
        raise refuse("code", _("{code} is already used by another element.").format(code=clean))
    return clean


def add_element(
    session: Session,
    plan_id: uuid.UUID,
    name: str,
    parent_id: uuid.UUID | None = None,
    *,
    depth: int | None = None,
    code: str | None = None,
    problem: str = "",
) -> uuid.UUID:
    """A new element, last among its siblings; returns its id."""
    clean = frame.line(name, "name", 2000)
    parent = element(session, parent_id) if parent_id is not None else None
    if parent is not None and parent.plan_id != plan_id:
        raise refuse("parent_id", _("it belongs to another plan."))
    bottom = deepest(session, plan_id)
    at = depth if depth is not None else (parent.depth + 1 if parent else 1)
    if parent is None and at != 1:
        raise refuse("depth", _("an element with nothing above it is at the top level."))
    if parent is not None and at <= parent.depth:
        raise refuse("depth", _("a child goes below the level of the element it hangs from."))
    if at > bottom:
        raise refuse("depth", _("the plan has {n} levels: there is none below.").format(n=bottom))
    given = (
        _unique_code(session, plan_id, code, None) if code else next_code(session, plan_id, parent)
    )
    record = PlanElement(
        id=uuid.uuid4(),
        plan_id=plan_id,
        parent_id=parent_id,
        depth=at,
        code=given,
        name=clean,
        problem=frame.long_text(problem, "problem"),
        position=len(siblings(session, plan_id, parent_id)),
    )
    session.add(record)
    return record.id


def rename_element(session: Session, element_id: uuid.UUID, name: str) -> None:
    element(session, element_id).name = frame.line(name, "name", 2000)


def describe_element(session: Session, element_id: uuid.UUID, problem: str) -> None:
    element(session, element_id).problem = frame.long_text(problem, "problem")


def set_code(session: Session, element_id: uuid.UUID, code: str) -> None:
    record = element(session, element_id)
    record.code = _unique_code(session, record.plan_id, code, element_id)


def edit_element(session: Session, element_id: uuid.UUID, **fields: Any) -> None:
    """Change the name, problem, code, sector or responsible unit of one element."""
    from planner_desktop.domain.plan import OrgUnit
    from planner_desktop.domain.territory import Sector

    for name, value in fields.items():
        if name == "name":
            rename_element(session, element_id, value)
        elif name == "problem":
            describe_element(session, element_id, value)
        elif name == "code":
            set_code(session, element_id, value)
        elif name in ("unit_id", "sector_id"):
            if value is not None:
                _get(session, OrgUnit if name == "unit_id" else Sector, value, name)
            setattr(element(session, element_id), name, value)
        else:
            raise refuse(name, _("it cannot be changed here."))


def subtree(session: Session, root: PlanElement) -> list[PlanElement]:
    """The element and every live element below it."""
    found, queue = [root], [root.id]
    while queue:
        parent_id = queue.pop()
        for child in siblings(session, root.plan_id, parent_id):
            found.append(child)
            queue.append(child.id)
    return found


def move_element(
    session: Session,
    element_id: uuid.UUID,
    parent_id: uuid.UUID | None,
    *,
    depth: int | None = None,
) -> None:
    """Hang an element (with its subtree) from another parent, last among its siblings."""
    record = element(session, element_id)
    parent = element(session, parent_id) if parent_id is not None else None
    branch = subtree(session, record)
    if parent is not None and parent.id in {e.id for e in branch}:
        raise refuse("parent_id", _("an element cannot hang from itself or from one below it."))
    if parent is not None and parent.plan_id != record.plan_id:
        raise refuse("parent_id", _("it belongs to another plan."))
    if depth is None:
        depth = (
            1
            if parent is None
            else (record.depth if parent.depth < record.depth else parent.depth + 1)
        )
    if parent is None and depth != 1:
        raise refuse("depth", _("an element with nothing above it is at the top level."))
    if parent is not None and depth <= parent.depth:
        raise refuse("depth", _("a child goes below the level of the element it hangs from."))
    shift = depth - record.depth
    bottom = deepest(session, record.plan_id)
    if max(e.depth for e in branch) + shift > bottom:
        raise refuse(
            "parent_id",
            _("what hangs from it would fall below the plan's {n} levels.").format(n=bottom),
        )
    old_parent = record.parent_id
    if old_parent != parent_id:
        record.position = len(siblings(session, record.plan_id, parent_id))
        record.parent_id = parent_id
        renumber([e for e in siblings(session, record.plan_id, old_parent) if e.id != element_id])
    for item in branch:
        if shift:
            item.depth += shift


def move_among_siblings(session: Session, element_id: uuid.UUID, steps: int) -> None:
    """Move an element up (negative) or down among its siblings."""
    from planner_desktop.plan.frame_plan import move_in_list

    record = element(session, element_id)
    found = siblings(session, record.plan_id, record.parent_id)
    move_in_list(found, element_id, steps, "element_id")


BLOCKERS: tuple[tuple[type[Any], Any, tuple[str, str]], ...] = (
    (
        PlanElement,
        PlanElement.parent_id,
        NN_("{n} element hangs from it", "{n} elements hang from it"),
    ),
    (ProjectProfile, ProjectProfile.element_id, NN_("{n} project", "{n} projects")),
    (Operation, Operation.element_id, NN_("{n} POA operation", "{n} POA operations")),
    (
        ManagementObjective,
        ManagementObjective.element_id,
        NN_("{n} management objective", "{n} management objectives"),
    ),
    (Pact, Pact.element_id, NN_("{n} pact", "{n} pacts")),
)
"""What keeps an element from being deleted (one-line messages, ``ngettext`` pairs)."""


def blockers(session: Session, element_id: uuid.UUID) -> list[str]:
    """What hangs from the element, one translated phrase per kind ("3 projects")."""
    found = []
    for model, column, (one, many) in BLOCKERS:
        count = session.scalar(
            select(func.count()).select_from(model).where(column == element_id, live(model))
        )
        if count:
            found.append(ngettext(one, many, count).format(n=count))
    return found


def owned(session: Session, element_id: uuid.UUID) -> list[Any]:
    """The element's own live details, deleted with it: indicators (with their targets),
    SDG links and cross-cutting tags."""
    found: list[Any] = []
    for model in (SdgLink, ElementCrossCutting, Indicator):
        found.extend(
            session.scalars(select(model).where(model.element_id == element_id, live(model)))
        )
    indicator_ids = [i.id for i in found if isinstance(i, Indicator)]
    if indicator_ids:
        found.extend(
            session.scalars(
                select(IndicatorTarget).where(
                    IndicatorTarget.indicator_id.in_(indicator_ids), live(IndicatorTarget)
                )
            )
        )
    return found


def delete_element(session: Session, element_id: uuid.UUID) -> None:
    """Tombstone an element nothing hangs from, with its own details."""
    record = element(session, element_id)
    found = blockers(session, element_id)
    if found:
        raise FrameDependents(record, found)
    for item in owned(session, element_id):
        mark_deleted(item)
    mark_deleted(record)
    renumber([e for e in siblings(session, record.plan_id, record.parent_id) if e.id != element_id])


class FrameDependents(frame.FrameRefused):
    """An element other parts of the plan hang from; ``found`` names them."""

    def __init__(self, record: PlanElement, found: list[str]) -> None:
        self.found = found
        super().__init__(
            "element_id",
            _("{code} cannot be deleted: {list}. Move or delete them first.").format(
                code=record.code, list=", ".join(found)
            ),
        )
