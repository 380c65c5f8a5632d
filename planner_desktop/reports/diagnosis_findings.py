"""The findings themselves in the consolidated diagnosis: per dimension, per kind, each
finding once with the communities that raised it.

Findings of live self-diagnoses of live communities are consolidated: two findings are
the same when their descriptions are equal once case, spaces and a final full stop are
ignored (the spelling printed is the one most communities used, the first alphabetically
on a tie). Within a dimension the kinds follow their order (problem, potentiality,
limitation, aspiration), one table each; within a kind the finding raised by most
communities comes first,
then the one ranked higher on average by the communities (rank 1 is the most important),
then by description. The causes printed are the most frequent ones (at most
:data:`CAUSES_SHOWN`), the communities are named in alphabetical order (at most
:data:`PLACES_SHOWN`, then how many more).
"""

from __future__ import annotations

import re
import uuid
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field

from reportlab.lib.units import cm
from reportlab.platypus import Flowable
from sqlalchemy import select
from sqlalchemy.orm import Session

from planner_desktop.domain.diagnosis import Finding, SelfDiagnosis
from planner_desktop.domain.enums import FindingKind
from planner_desktop.domain.labels import label
from planner_desktop.domain.summaries import live
from planner_desktop.domain.territory import Community
from planner_desktop.i18n import _
from planner_desktop.plan.ordering import text_key
from planner_desktop.reports.layout import gap, heading, para
from planner_desktop.reports.tables import scaled, table

PLACES_SHOWN = 12
CAUSES_SHOWN = 2


@dataclass
class Consolidated:
    """One finding as raised across the municipality."""

    kind: FindingKind
    spellings: Counter[str] = field(default_factory=Counter)
    communities: set[str] = field(default_factory=set)
    ranks: list[int] = field(default_factory=list)
    causes: Counter[str] = field(default_factory=Counter)

    @property
    def description(self) -> str:
        return min(self.spellings.items(), key=lambda item: (-item[1], item[0]))[0]

    @property
    def average_rank(self) -> float:
        return sum(self.ranks) / len(self.ranks) if self.ranks else 0.0

    def order(self) -> tuple[int, float, tuple[str, str], str]:
        return (-len(self.communities), self.average_rank, text_key(self.description), self.kind)


def _key(description: str) -> str:
    return re.sub(r"\s+", " ", description).strip().rstrip(".").casefold()


def consolidated_findings(session: Session) -> dict[uuid.UUID, list[Consolidated]]:
    """The consolidated findings of each dimension (by id), in the order printed."""
    rows = session.execute(
        select(
            Finding.dimension_id,
            Finding.kind,
            Finding.description,
            Finding.cause,
            Finding.rank,
            Community.name,
        )
        .join(SelfDiagnosis, Finding.self_diagnosis_id == SelfDiagnosis.id)
        .join(Community, SelfDiagnosis.community_id == Community.id)
        .where(live(Finding), live(SelfDiagnosis), live(Community))
    )
    found: dict[tuple[uuid.UUID, FindingKind, str], Consolidated] = {}
    for dimension_id, kind, description, cause, rank, community in rows:
        text = re.sub(r"\s+", " ", description).strip()
        if not text:
            continue
        entry = found.setdefault((dimension_id, kind, _key(text)), Consolidated(kind))
        entry.spellings[text] += 1
        entry.communities.add(community)
        entry.ranks.append(rank)
        if cause.strip():
            entry.causes[re.sub(r"\s+", " ", cause).strip()] += 1
    by_dimension: dict[uuid.UUID, list[Consolidated]] = defaultdict(list)
    for (dimension_id, _kind, _text), entry in found.items():
        by_dimension[dimension_id].append(entry)
    for entries in by_dimension.values():
        entries.sort(key=Consolidated.order)
    return by_dimension


def _places(names: set[str]) -> str:
    ordered = sorted(names, key=text_key)
    shown = ", ".join(ordered[:PLACES_SHOWN])
    rest = len(ordered) - PLACES_SHOWN
    return shown + (" " + _("and {n} more").format(n=rest) if rest > 0 else "")


def _causes(causes: Counter[str]) -> str:
    ranked = sorted(causes.items(), key=lambda item: (-item[1], item[0]))
    return "; ".join(text for text, _n in ranked[:CAUSES_SHOWN])


def findings_section(
    session: Session, dimensions: Sequence[tuple[uuid.UUID, str]], width: float
) -> list[Flowable]:
    """Per dimension (in the order given), one table per kind of its consolidated findings;
    the first column is headed by the kind; no column of causes when none was given."""
    by_dimension = consolidated_findings(session)
    widths = scaled((5.5, 2.2, 5.2, 4.1), width)
    out: list[Flowable] = [
        gap(),
        para(
            _(
                "Each finding once, with the communities that raised it; within each kind, "
                "the one raised by most communities comes first."
            )
        ),
    ]
    for dimension_id, name in dimensions:
        entries = by_dimension.get(dimension_id, [])
        out.append(heading(name, 2))
        if not entries:
            out.append(para(_("No finding was recorded in this dimension.")))
            continue
        for kind in FindingKind:
            of_kind = [entry for entry in entries if entry.kind is kind]
            if not of_kind:
                continue
            header = [label(kind), _("Communities"), _("Raised in")]
            rows: list[list[object]] = [
                [entry.description, len(entry.communities), _places(entry.communities)]
                for entry in of_kind
            ]
            if any(entry.causes for entry in of_kind):
                header.append(_("Main causes"))
                for row, entry in zip(rows, of_kind, strict=True):
                    row.append(_causes(entry.causes))
                out.append(table(header, rows, widths, numeric=(1,)))
            else:
                out.append(table(header, rows, scaled((6.5, 2.2, 8.3), width), numeric=(1,)))
            out.append(gap(0.2 * cm))
    return out
