"""Running the real command in-process for the hostile-input cases, and what they assert.

Every case of the hostile corpus ends the same way: the command exits 1 with one line on
stderr that names the field or part, with no traceback, no SQL and no personal data, and
the database dumps exactly as before.
"""

from __future__ import annotations

import contextlib
import io
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from planner_desktop.commands import main as run_command


@dataclass(frozen=True)
class Result:
    code: int
    out: str
    err: str


def run_cli(*args: str) -> Result:
    """``planner-desktop --lang en ARGS`` in this process (exit code, stdout, stderr)."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code = run_command(["--lang", "en", *args])
        except SystemExit as exc:  # argparse's wrong usage
            code = int(exc.code or 0)
    return Result(code, out.getvalue(), err.getvalue())


def dump(db: Path | str) -> str:
    """The canonical dump of ``db`` (what ``planner-desktop dump`` prints)."""
    result = run_cli("dump", "--db", str(db))
    assert result.code == 0, result.err
    return result.out


SQL_WORDS = ("INSERT ", "UPDATE ", "SELECT ", "DELETE ", "[SQL", "parameters:", "Traceback")


def assert_refused(
    result: Result,
    *names: str,
    secrets: Iterable[str] = (),
    before: str | None = None,
    db: Path | str | None = None,
) -> str:
    """``result`` is a clean refusal naming every one of ``names``; returns its line.

    ``secrets`` (personal data the input carried) must not appear on stderr; with ``db`` and
    ``before``, the database must dump exactly as ``before``.
    """
    assert result.code == 1, (result.code, result.err)
    lines = result.err.strip().splitlines()
    assert len(lines) == 1, result.err
    line = lines[0]
    for word in SQL_WORDS:
        assert word not in line, line
    for name in names:
        assert name in line, line
    for secret in secrets:
        assert secret not in result.err, line
    if db is not None and before is not None:
        assert dump(db) == before
    return line
