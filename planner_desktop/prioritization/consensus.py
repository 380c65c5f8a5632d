"""Consensus: the ordered list agreed in the room, with dissent recorded."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from types import MappingProxyType

from planner_desktop.i18n import _
from planner_desktop.prioritization.errors import PrioritizationError
from planner_desktop.prioritization.ranking import Ranking, check_items, check_known, order


def consensus(
    items: Sequence[str],
    agreed: Sequence[str],
    dissent: Mapping[str, str] | None = None,
    group: str = "mixed",
) -> Ranking:
    """The room's own order: ``agreed`` lists every item once, first priority first.

    Score is n − position (n for the first, 1 for the last). There is no tie to break:
    the room decides the order. ``dissent`` maps an item code to the objection voiced
    about its place; it is kept in the inputs and listed in the flags.
    Refused: an item placed twice, an unknown code, an item left out of the order.
    """
    items = check_items(items)
    known = frozenset(items)
    dissent = dict(dissent or {})
    seen: set[str] = set()
    for code in agreed:
        check_known(code, known, _("agreed order"))
        if code in seen:
            raise PrioritizationError(
                _("agreed order: {code} is placed twice").format(code=code)
            )
        seen.add(code)
    missing = [code for code in items if code not in seen]
    if missing:
        raise PrioritizationError(
            _("agreed order: {codes} not placed").format(codes=", ".join(missing))
        )
    for code in dissent:
        check_known(code, known, _("dissent"))
    n = len(agreed)
    score = {code: float(n - index) for index, code in enumerate(agreed)}
    flags = tuple(
        _("dissent on {code}: {text}").format(code=code, text=dissent[code])
        for code in agreed
        if dissent.get(code, "").strip()
    )
    return Ranking(
        method="consensus",
        group=group,
        items=order(items, score),
        inputs=MappingProxyType(
            {"items": items, "agreed": tuple(agreed), "dissent": dissent, "group": group}
        ),
        function=consensus,
        flags=flags,
    )
