"""Issue 13, point 6: the PDM draft lists each community's agreed priorities with the project
that answers each (or why none does) and every project in or out of the programming; the
consolidated diagnosis carries the findings themselves, by dimension and kind."""

from __future__ import annotations

import re
from typing import Any

from sqlalchemy import text

from planner_desktop.plan.answers import community_priorities
from tests.reports.conftest import Printed, print_report


def _flat(words: str) -> str:
    return re.sub(r"\s+", "", words)


def _rows(store: Any, sql: str) -> list[Any]:
    with store.engine.connect() as conn:
        return list(conn.execute(text(sql)))


def _section(printed: Printed, start: str, end: str | None = None) -> str:
    """The flat text from the heading ``start`` (not its contents line) up to ``end``."""
    flat = printed.flat
    begin = flat.rindex(_flat(start))
    stop = flat.index(_flat(end), begin) if end else len(flat)
    return flat[begin:stop]


def test_pdm_lists_each_communitys_agreed_priorities_with_their_project_or_reason(
    demo: Any, tmp_path: Any
) -> None:
    printed = print_report(demo, "pdm", tmp_path)
    section = _section(printed, "7. Community priorities and the projects that answer them")
    with demo.raw_session() as session:
        communities = community_priorities(session)
    agreed = _rows(
        demo,
        "SELECT count(DISTINCT i.demand_id) FROM round_result r "
        "JOIN round_item i ON i.id = r.item_id WHERE r.\"group\" = 'agreed'",
    )
    assert sum(len(c.priorities) for c in communities) == agreed[0][0]
    for community in communities:
        assert _flat(community.community) in section, community.community
    without = [p for c in communities for p in c.priorities if not p.answers]
    dropped = [p for p in without if p.reason == "the demand was dropped"]
    assert dropped and len(without) > len(dropped)
    assert section.count("noprojectprofileyet") == len(without) - len(dropped)
    assert section.count("thedemandwasdropped") == len(dropped)
    linked = _rows(
        demo,
        "SELECT DISTINCT d.code, p.code FROM profile_demand pd "
        "JOIN demand d ON d.id = pd.demand_id "
        "JOIN project_profile p ON p.id = pd.profile_id "
        "JOIN round_item i ON i.demand_id = d.id "
        "JOIN round_result r ON r.item_id = i.id AND r.\"group\" = 'agreed'",
    )
    assert linked
    for demand_code, profile_code in linked:
        row = section[section.index(demand_code) :][:400]
        assert profile_code in row, (demand_code, profile_code)
        assert re.search(r"programmed20\d\d|inthePOA|notprogrammedyet|postponed", row)
    first = communities[0]
    order = [section.index(_flat(p.demand)) for p in first.priorities]
    assert order == sorted(order), "a community's priorities in their agreed order"


def test_a_communitys_priorities_run_onto_a_new_page_under_its_name(
    demo: Any, tmp_path: Any
) -> None:
    """Where a community's list continues on the next page, the column header and the
    community's name are repeated at the top of that page, before its next priority."""
    printed = print_report(demo, "pdm", tmp_path)
    header = _flat("Rank Class Demand Project that answers it Where it stands")
    pages = [(n, _flat(text)) for n, text in enumerate(printed.pages) if header in _flat(text)]
    with demo.raw_session() as session:
        communities = community_priorities(session)
    continued = 0
    for community in communities:
        codes = [p.demand.split()[0] for p in community.priorities]
        on = [(n, page) for n, page in pages if any(code in page for code in codes)]
        for n, page in on[1:]:
            continued += 1
            top = page[page.index(header) + len(header) :]
            assert top.startswith(_flat(community.community)), (community.community, n)
    assert continued, "the demo has a community whose priorities run onto a new page"


def test_pdm_programming_lists_every_project_or_says_why_not(demo: Any, tmp_path: Any) -> None:
    printed = print_report(demo, "pdm", tmp_path)
    programming = _section(printed, "5. Five-year programming", "6. Indicators and targets")
    profiles = _rows(
        demo,
        "SELECT p.code, p.recommendation, count(m.id) FROM project_profile p "
        "LEFT JOIN multi_year_programming m ON m.profile_id = p.id "
        "GROUP BY p.id",
    )
    assert any(n == 0 for _code, _r, n in profiles), "the demo has a project left out"
    for code, recommendation, rows in profiles:
        assert code in programming, code
        if rows == 0:
            reason = (
                "postponed,notprogrammed" if recommendation == "postpone" else ("noprogrammingyet")
            )
            after = programming[programming.index("Projectprofilesnotintheprogramming") :]
            assert reason in after[after.index(code) :][:200], code


def test_the_consolidated_diagnosis_carries_the_findings_by_dimension_and_kind(
    demo: Any, tmp_path: Any
) -> None:
    printed = print_report(demo, "diagnosis", tmp_path)
    findings = _section(printed, "Each finding once", "3. Demands")
    dimensions = [name for (name,) in _rows(demo, "SELECT name FROM dimension ORDER BY position")]
    places = [findings.index(_flat(name)) for name in dimensions]
    assert places == sorted(places), "the dimensions in their order"
    descriptions = _rows(
        demo,
        "SELECT d.name, f.kind, f.description, "
        "count(DISTINCT s.community_id) FROM finding f "
        "JOIN dimension d ON d.id = f.dimension_id "
        "JOIN self_diagnosis s ON s.id = f.self_diagnosis_id "
        "GROUP BY d.name, f.kind, f.description",
    )
    assert len(descriptions) > 150
    bounds = dict(
        zip(dimensions, zip(places, [*places[1:], len(findings)], strict=True), strict=True)
    )
    for dimension, _kind, description, communities in descriptions:
        start, end = bounds[dimension]
        shown = findings.index(_flat(description), start)
        assert shown < end, f"{description} under its own dimension"
        assert findings[shown + len(_flat(description)) :].startswith(str(communities)), (
            f"{description}: raised in {communities} communities"
        )
    for kind in ("Problem", "Potentiality", "Limitation", "Aspiration"):
        assert findings.count(kind + "CommunitiesRaisedin") >= len(dimensions) - 1, kind
    assert "more" in findings, "a finding raised in many places names the first ones"
