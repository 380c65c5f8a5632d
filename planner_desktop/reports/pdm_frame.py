"""The strategic frame of the plan draft: vision, mission, values, the SDGs of the whole
plan, its cross-cutting dimensions, and its tree of elements under the plan's own level
names.

Only what the plan holds is printed: a plan with no values has no *Values* heading, one
with no cross-cutting dimension no such part, and a plan with nothing at all no frame
section. The tree prints each top element as a heading (its level's name first), each
element of the second level as a line under it when the plan has three levels or more,
and the deeper levels as a table with one column per level: a row per branch, each
element written once on the first row of its branch. A level skipped by a branch (a
programme straight under a policy) is a dash. The unit, sector and SDGs of the element
that ends a row are in its own columns (a column that would be empty is left out); those
of an element higher up follow its name.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from xml.sax.saxutils import escape

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, Paragraph
from sqlalchemy import select
from sqlalchemy.orm import Session

from planner_desktop.domain.plan import CrossCutting, ElementCrossCutting, PlanValue, SdgLink
from planner_desktop.domain.summaries import live
from planner_desktop.i18n import _, ngettext
from planner_desktop.plan.ordering import bytewise
from planner_desktop.reports.contents import Contents, Sections
from planner_desktop.reports.layout import FONT, STYLES, heading, para
from planner_desktop.reports.plan_tree import Node, PlanTree
from planner_desktop.reports.sdgs import sdg_title
from planner_desktop.reports.tables import scaled, table

ITEM = ParagraphStyle(
    "item", parent=STYLES["body"], leftIndent=12, bulletIndent=2, bulletFontName=FONT
)


def _bold_item(name: str, text: str) -> Paragraph:
    """A list item: ``name`` in bold, then its sentence."""
    body = f"<b>{escape(name)}</b>"
    if text.strip():
        body += " — " + escape(text.strip()).replace("\n", "<br/>")
    return Paragraph(body, ITEM, bulletText="•")


def _values(session: Session, tree: PlanTree) -> list[Flowable]:
    values = session.execute(
        select(PlanValue.name, PlanValue.sentence)
        .where(PlanValue.plan_id == tree.plan.id, live(PlanValue))
        .order_by(PlanValue.position, bytewise(PlanValue.name), PlanValue.id)
    ).all()
    if not values:
        return []
    return [heading(_("Values"), 2), *(_bold_item(name, sentence) for name, sentence in values)]


def _plan_sdgs(session: Session, tree: PlanTree) -> list[Flowable]:
    links = session.execute(
        select(SdgLink.sdg, SdgLink.target)
        .where(SdgLink.plan_id == tree.plan.id, live(SdgLink))
        .order_by(SdgLink.sdg, bytewise(SdgLink.target), SdgLink.id)
    ).all()
    if not links:
        return []
    targets: dict[int, list[str]] = {}
    for goal, target in links:
        targets.setdefault(goal, [])
        if target.strip():
            targets[goal].append(target.strip())
    items = [
        _bold_item(
            sdg_title(goal),
            ngettext("target {targets}", "targets {targets}", len(found)).format(
                targets=", ".join(found)
            )
            if found
            else "",
        )
        for goal, found in targets.items()
    ]
    return [heading(_("Sustainable Development Goals of the plan"), 2), *items]


def _cross_cutting(session: Session, tree: PlanTree, width: float) -> list[Flowable]:
    dimensions = session.execute(
        select(CrossCutting.id, CrossCutting.name, CrossCutting.description)
        .where(CrossCutting.plan_id == tree.plan.id, live(CrossCutting))
        .order_by(CrossCutting.position, bytewise(CrossCutting.name), CrossCutting.id)
    ).all()
    if not dimensions:
        return []
    tagged: dict[object, list[str]] = {}
    order = {node.id: n for n, node in enumerate(tree.walk())}
    for dimension_id, element_id in sorted(
        session.execute(
            select(ElementCrossCutting.cross_cutting_id, ElementCrossCutting.element_id).where(
                live(ElementCrossCutting)
            )
        ).all(),
        key=lambda pair: order.get(pair[1], -1),
    ):
        if element_id in tree.by_id:
            tagged.setdefault(dimension_id, []).append(tree.named(element_id))
    rows = [
        [name, description, "\n".join(tagged.get(key, [])) or "—"]
        for key, name, description in dimensions
    ]
    return [
        heading(_("Cross-cutting dimensions"), 2),
        table(
            [_("Dimension"), _("What it means"), _("Elements it tags")],
            rows,
            scaled((3, 6, 7), width),
        ),
    ]


def _notes(node: Node) -> str:
    """What follows an element's name when it is not at the end of a row."""
    parts = []
    if node.unit:
        parts.append(_("responsible: {unit}").format(unit=node.unit))
    if node.sdgs:
        parts.append(_("SDG {goals}").format(goals=", ".join(node.sdgs)))
    return f" ({'; '.join(parts)})" if parts else ""


def _branches(node: Node, path: list[Node]) -> list[list[Node]]:
    """Every path from ``node`` down to an element with nothing under it."""
    here = [*path, node]
    if not node.children:
        return [here]
    return [branch for child in node.children for branch in _branches(child, here)]


def _elements_table(tree: PlanTree, nodes: list[Node], first: int, width: float) -> Flowable:
    """The elements under a heading: one column per level from ``first`` down."""
    depths = list(range(first, tree.depth + 1))
    branches = [b for node in nodes for b in _branches(node, [])]
    ends = [branch[-1] for branch in branches]
    extra: list[tuple[str, Callable[[Node], str], float]] = [
        (title, pick, ratio)
        for title, pick, ratio in (
            (_("Sector"), lambda n: n.sector, 2.2),
            (_("Responsible unit"), lambda n: n.unit, 3.0),
            (_("SDG"), lambda n: ", ".join(n.sdgs), 1.3),
        )
        if any(pick(end) for end in ends)
    ]
    written: set[uuid.UUID] = set()
    rows = []
    for branch in branches:
        at_depth = {node.depth: node for node in branch}
        cells = []
        for depth in depths:
            node = at_depth.get(depth)
            if node is None:
                cells.append("—" if depth < branch[-1].depth else "")
            elif node.id in written:
                cells.append("")
            else:
                written.add(node.id)
                cells.append(node.label + ("" if node is branch[-1] else _notes(node)))
        rows.append([*cells, *(pick(branch[-1]) for _title, pick, _ratio in extra)])
    header = [tree.level(depth) for depth in depths] + [title for title, _p, _r in extra]
    ratios = [5.0] * len(depths) + [ratio for _title, _pick, ratio in extra]
    return table(header, rows, scaled(ratios, width))


def _tree(tree: PlanTree, toc: Contents, width: float) -> list[Flowable]:
    """Top elements as headings; with three levels or more, the second level as lines
    under them; the deeper levels as tables."""
    flow: list[Flowable] = []
    for root in tree.roots:
        flow.append(toc.heading(f"{tree.level(root.depth)} {root.code}. {root.name}", 2))
        if root.unit or root.sdgs:
            flow.append(para(_notes(root).strip(" ()"), "small"))
        if not root.children:
            continue
        if tree.depth < 3:
            flow.append(_elements_table(tree, root.children, root.depth + 1, width))
            continue
        for second in root.children:
            flow.append(para(f"{tree.level(second.depth)} {second.label}{_notes(second)}", "h2"))
            if second.children:
                flow.append(_elements_table(tree, second.children, second.depth + 1, width))
    return flow


def frame_section(
    session: Session, sections: Sections, toc: Contents, tree: PlanTree, width: float
) -> list[Flowable]:
    """The frame, or nothing when the plan holds none of it."""
    plan = tree.plan
    body: list[Flowable] = []
    if plan.vision.strip():
        body += [heading(_("Vision"), 2), para(plan.vision.strip())]
    if plan.mission.strip():
        body += [heading(_("Mission"), 2), para(plan.mission.strip())]
    body += _values(session, tree)
    body += _plan_sdgs(session, tree)
    body += _cross_cutting(session, tree, width)
    if not body and not tree.roots:
        return []
    title = sections.section(_("Strategic frame"))
    return [title, *body, *_tree(tree, toc, width)]
