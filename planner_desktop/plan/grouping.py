"""Findings of one rule grouped into one line with a count.

The findings of a rule at one severity form a :class:`FindingGroup`, listed in the order of
the report (errors, warnings, notes; then the order of the checks). The window shows a
group of more than one finding as one line that expands to its findings; the command line
prints the count and the first few (:func:`command_lines`).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from planner_desktop.i18n import _
from planner_desktop.plan import rules
from planner_desktop.plan.findings import Finding, Severity

SHOWN = 3
"""How many findings of a group the command line prints before "… and N more"."""


@dataclass
class FindingGroup:
    severity: Severity
    code: str
    findings: list[Finding] = field(default_factory=list)

    @property
    def title(self) -> str:
        """The rule's title ("Priority without a project profile")."""
        return rules.title(self.code)

    @property
    def summary(self) -> str:
        """One line for the group: the finding itself when alone, else the count."""
        if len(self.findings) == 1:
            return self.findings[0].message
        return rules.counted(self.code, len(self.findings))


def group_findings(findings: Iterable[Finding]) -> list[FindingGroup]:
    """One group per (severity, rule), in the order their first finding comes."""
    groups: dict[tuple[Severity, str], FindingGroup] = {}
    for finding in findings:
        key = (finding.severity, finding.code)
        if key not in groups:
            groups[key] = FindingGroup(finding.severity, finding.code)
        groups[key].findings.append(finding)
    return sorted(groups.values(), key=lambda group: group.severity.rank)


def command_lines(findings: Iterable[Finding], shown: int = SHOWN) -> list[str]:
    """What ``planner-desktop check`` prints: ``ERROR code: message`` for a lone finding;
    for a group, ``WARNING code: 199 priorities without a project profile`` and its first
    ``shown`` findings indented, then ``… and N more``."""
    lines: list[str] = []
    for group in group_findings(findings):
        head = f"{group.severity.value.upper()} {group.code}"
        if len(group.findings) == 1:
            lines.append(f"{head}: {group.findings[0].message}")
            continue
        lines.append(f"{head}: {group.summary}")
        lines.extend(f"  - {finding.message}" for finding in group.findings[:shown])
        rest = len(group.findings) - shown
        if rest > 0:
            lines.append("  " + _("… and {n} more").format(n=rest))
    return lines
