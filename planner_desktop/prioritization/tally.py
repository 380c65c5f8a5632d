"""Tally reconciliation: ballots issued, counted, and participants present."""

from __future__ import annotations

from dataclasses import dataclass

from planner_desktop.domain import rules
from planner_desktop.i18n import _, ngettext
from planner_desktop.prioritization.errors import PrioritizationError


@dataclass(frozen=True)
class TallyCheck:
    """The findings of a reconciliation; a mismatch needs a note for the acta."""

    findings: tuple[str, ...]

    @property
    def mismatch(self) -> bool:
        return bool(self.findings)

    def require_note(self, note: str) -> None:
        """Refuse to close the round on a mismatch without a note."""
        if self.mismatch and not note.strip():
            raise PrioritizationError(
                _("the tally does not reconcile ({finding}): write a note for the acta").format(
                    finding=self.findings[0]
                )
            )


def reconcile(
    issued: int,
    counted: int,
    present: int,
    ballots_found: int | None = None,
    dots_cast: int | None = None,
    dots_per_ballot: int | None = None,
) -> TallyCheck:
    """Compare the figures of a round; each disagreement becomes one finding.

    ``ballots_found`` is the number of distinct ballots among the recorded votes, and
    ``dots_cast`` the dots recorded; both are checked when given.
    """
    if min(issued, counted, present) < 0:
        raise PrioritizationError(_("ballot and participant counts cannot be negative"))
    for figure in (issued, counted, present):
        reason = rules.COUNT.problem(figure)
        if reason is not None:
            raise PrioritizationError(
                _("a count of ballots or participants {reason}").format(reason=reason)
            )
    findings: list[str] = []
    if issued > present:
        findings.append(_("{issued} ballots issued to {present} participants present").format(
            issued=issued, present=present))
    if counted > issued:
        findings.append(_("{counted} ballots counted but only {issued} issued").format(
            counted=counted, issued=issued))
    elif counted < issued:
        missing = issued - counted
        findings.append(ngettext("{n} ballot issued was not counted",
                                 "{n} ballots issued were not counted", missing).format(n=missing))
    if ballots_found is not None and ballots_found != counted:
        findings.append(_("{found} ballots recorded, {counted} counted").format(
            found=ballots_found, counted=counted))
    if dots_cast is not None and dots_per_ballot is not None \
            and dots_cast > dots_per_ballot * counted:
        findings.append(_("{dots} dots recorded, more than {k} per ballot counted").format(
            dots=dots_cast, k=dots_per_ballot))
    return TallyCheck(tuple(findings))
