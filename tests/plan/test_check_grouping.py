"""Repeated findings grouped into one line with a count, rule titles for people (issue 13)."""

import re
import uuid
from pathlib import Path

import pytest

import planner_desktop.plan as plan_package
from planner_desktop.i18n import set_language
from planner_desktop.plan import rules
from planner_desktop.plan.findings import Finding, Severity
from planner_desktop.plan.grouping import command_lines, group_findings
from tests.plan.helpers import findings

CODE = re.compile(r'(?:Severity\.\w+,|severity,|add\()\s*"([a-z]+(?:-[a-z]+)+)"')


def _finding(code, severity=Severity.warning, message="m"):
    return Finding(severity, code, message, "demand", uuid.uuid4())


def test_every_rule_the_checks_report_has_a_title():
    sources = Path(plan_package.__file__).parent.glob("check_*.py")
    codes = {code for path in sources for code in CODE.findall(path.read_text())}
    assert len(codes) >= 25
    assert codes <= set(rules.RULES), codes - set(rules.RULES)
    assert all(rules.title(code) != code for code in codes)


def test_titles_and_counts_in_the_interface_language():
    set_language("en")
    assert rules.title("priority-a-without-profile") == "Priority without a project profile"
    assert rules.counted("priority-a-without-profile", 199) == (
        "199 priorities without a project profile")
    assert rules.counted("element-without-budget", 1) == "1 top-level element without budget"
    assert rules.counted("target-off-trend", 2) == "2 targets off their trend"
    assert rules.title("no-such-rule") == "no-such-rule"


def test_findings_of_one_rule_and_severity_form_one_group_in_severity_order():
    found = [_finding("a-b", Severity.note), _finding("priority-a-without-profile"),
             _finding("c-d", Severity.error), _finding("priority-a-without-profile"),
             _finding("profile-without-cost", Severity.error),
             _finding("profile-without-cost", Severity.note)]
    groups = group_findings(found)
    assert [(g.severity, g.code, len(g.findings)) for g in groups] == [
        (Severity.error, "c-d", 1), (Severity.error, "profile-without-cost", 1),
        (Severity.warning, "priority-a-without-profile", 2), (Severity.note, "a-b", 1),
        (Severity.note, "profile-without-cost", 1)]
    assert groups[2].findings == [found[1], found[3]]


def test_command_lines_print_the_count_and_the_first_few(store):
    set_language("en")
    lines = command_lines(findings(store))
    head = next(i for i, line in enumerate(lines)
                if line.startswith("WARNING priority-a-without-profile: "))
    count = len(findings(store, "priority-a-without-profile"))
    assert count > 100
    assert lines[head] == (
        f"WARNING priority-a-without-profile: {count} priorities without a project profile")
    assert all(line.startswith("  - demand ") for line in lines[head + 1:head + 4])
    assert lines[head + 4] == f"  … and {count - 3} more"
    assert len(lines) < 20


def test_a_lone_finding_is_printed_as_itself():
    set_language("en")
    finding = _finding("axis-without-budget", message="axis E5 has no budget")
    assert command_lines([finding]) == ["WARNING axis-without-budget: axis E5 has no budget"]


@pytest.fixture(autouse=True)
def _english():
    yield
    set_language("en")
