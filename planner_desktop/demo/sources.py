"""The demo data sources (``resources/demo/*.json``): loading and a structural check.

The files are written by people; a missing key or a wrong type is reported as one line
naming the file and the place, before anything is generated.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from planner_desktop import paths

FILES = (
    "municipality",
    "places",
    "people",
    "organizations",
    "diagnosis",
    "sectors",
    "strategy",
    "events",
)

# For each file: (path of a list or object, keys every element must have). ``[]`` walks a
# list, a plain name walks into an object.
_SHAPES: dict[str, tuple[tuple[str, tuple[str, ...]], ...]] = {
    "municipality": (
        (
            "",
            (
                "name",
                "department",
                "province",
                "country",
                "currency",
                "fiscal_year_start",
                "plan_period",
                "vision",
                "mission",
                "values",
                "legal_basis",
                "districts",
                "urban_centre",
            ),
        ),
        ("plan_period", ("start", "end")),
        (
            "districts[]",
            ("code", "name", "short_name", "kind", "urban", "capital", "community_share"),
        ),
    ),
    "places": (("", ("prefixes", "roots", "suffixes", "urban_barrios", "fixed")),),
    "people": (("", ("women_first", "men_first", "surnames")),),
    "organizations": (
        ("", ("community_level", "products", "district_level", "municipal_level")),
        ("community_level[]", ("kind", "name_patterns", "applies_to", "probability", "roles")),
        ("district_level[]", ("kind", "name_patterns", "roles")),
        ("municipal_level[]", ("kind", "name", "roles")),
    ),
    "diagnosis": (
        ("", ("dimensions", "self_assessment")),
        ("dimensions[]", ("code", "name", "findings")),
        ("self_assessment", ("areas",)),
        ("self_assessment.areas[]", ("code", "name")),
    ),
    "sectors": (
        ("", ("sectors",)),
        ("sectors[]", ("code", "name", "demand_templates", "programs", "indicators")),
        ("sectors[].demand_templates[]", ("text", "cost_bs", "kind")),
        ("sectors[].indicators[]", ("name", "unit")),
    ),
    "strategy": (
        (
            "",
            (
                "axes",
                "funding_sources",
                "executing_units",
                "spending_lines",
                "management_objective_templates",
            ),
        ),
        ("axes[]", ("code", "name", "sectors", "objective", "policies")),
        ("axes[].objective", ("code", "text", "sdgs")),
        ("axes[].policies[]", ("code", "name", "lineamientos")),
        ("axes[].policies[].lineamientos[]", ("code", "name")),
        ("funding_sources[]", ("code", "name", "kind", "funder", "yearly_ceiling_bs")),
        ("executing_units[]", ("code", "name", "sectors")),
        ("spending_lines[]", ("code", "name", "kinds")),
        ("management_objective_templates", ("templates",)),
    ),
    "events": (
        ("", ("kinds", "places", "facilitators", "acta_opening_phrases", "acta_closing_phrases")),
        ("kinds[]", ("code", "title_pattern", "agendas", "places")),
        ("facilitators[]", ("name",)),
    ),
}


class SourceError(ValueError):
    """A demo source file is missing or malformed; the message is one line."""


def _walk(node: Any, steps: list[str], where: str) -> list[tuple[Any, str]]:
    if not steps:
        return [(node, where)]
    step, rest = steps[0], steps[1:]
    is_list = step.endswith("[]")
    key = step[:-2] if is_list else step
    if not isinstance(node, dict) or key not in node:
        raise SourceError(f"{where}: missing '{key}'")
    child = node[key]
    if not is_list:
        return _walk(child, rest, f"{where}.{key}")
    if not isinstance(child, list) or not child:
        raise SourceError(f"{where}.{key}: expected a non-empty list")
    found: list[tuple[Any, str]] = []
    for index, item in enumerate(child):
        found.extend(_walk(item, rest, f"{where}.{key}[{index}]"))
    return found


def check(name: str, data: Any) -> None:
    """Raise :class:`SourceError` when ``data`` lacks what the generator reads."""
    for path, keys in _SHAPES[name]:
        steps = [step for step in path.split(".") if step]
        for node, where in _walk(data, steps, f"{name}.json"):
            if not isinstance(node, dict):
                raise SourceError(f"{where}: expected an object")
            for key in keys:
                if key not in node:
                    raise SourceError(f"{where}: missing '{key}'")
    if name == "sectors":
        for sector in data["sectors"]:
            for template in sector["demand_templates"]:
                low, high = template["cost_bs"]
                if not 0 < low <= high:
                    raise SourceError(f"sectors.json: bad cost range in {sector['code']}")


@dataclass(frozen=True)
class Sources:
    municipality: dict[str, Any]
    places: dict[str, Any]
    people: dict[str, Any]
    organizations: dict[str, Any]
    diagnosis: dict[str, Any]
    sectors: dict[str, Any]
    strategy: dict[str, Any]
    events: dict[str, Any]


def load(folder: Path | None = None) -> Sources:
    """Read and check every source file from ``folder`` (default: ``resources/demo``)."""
    folder = folder or paths.resources_dir() / "demo"
    loaded: dict[str, Any] = {}
    for name in FILES:
        path = folder / f"{name}.json"
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            raise SourceError(f"missing demo source {name}.json") from None
        except (OSError, ValueError) as exc:
            raise SourceError(f"cannot read demo source {name}.json: {exc}") from None
        check(name, data)
        loaded[name] = data
    return Sources(**loaded)
