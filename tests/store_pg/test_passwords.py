"""A server URL's password is never printed (issue 15, item 5): a wrong password, a wrong
port and a wrong database name each end in one line and exit 1, and the password appears
nowhere on stdout, stderr or in the program's data folder (its log included)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from planner_desktop import paths
from tests.store_pg.conftest import ENCODED_PASSWORD, PASSWORD, ROLE, closed_port, files_text


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "planner_desktop", "--lang", "en", *args],
        capture_output=True,
        text=True,
        timeout=120,
    )


def assert_refused_without_password(result: subprocess.CompletedProcess[str]) -> str:
    """The one line of a refusal; the password nowhere the person or the log can see."""
    assert result.returncode == 1, result.stderr
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    home = Path(os.environ[paths.ENV_HOME])
    for text in (result.stdout, result.stderr, files_text(home)):
        assert PASSWORD not in text
        assert ENCODED_PASSWORD.lower() not in text.lower()
    return lines[0]


def wrong(url: str) -> str:
    return url.replace(ENCODED_PASSWORD, ENCODED_PASSWORD[::-1].replace("%", "-"))


def test_the_right_password_opens_the_database(password_role, postgres_server, tmp_path):
    """The role really is asked for its password (else the tests below prove nothing)."""
    postgres_server.execute(f"CREATE DATABASE pw_ok OWNER {ROLE}")
    result = run("check", "--db", f"{password_role}/pw_ok")
    assert result.returncode == 0, result.stderr
    assert "check: 0 errors" in result.stdout


@pytest.mark.parametrize(
    "command",
    [
        ["check"],
        ["dump"],
        ["report", "pdm", "--out", "{tmp}/pdm.pdf"],
        ["xlsx", "export", "demands", "--out", "{tmp}/demands.xlsx"],
        ["session", "export", "--out", "{tmp}/day.cumbre"],
        ["demo"],
    ],
    ids=lambda command: " ".join(command[:2]),
)
def test_a_wrong_password(password_role, tmp_path, command):
    url = wrong(f"{password_role}/postgres")
    args = [part.replace("{tmp}", str(tmp_path)) for part in command]
    line = assert_refused_without_password(run(*args, "--db", url))
    port = password_role.rsplit(":", 1)[1]
    assert line == (
        f"planner-desktop: cannot open postgresql+psycopg://{ROLE}:***@127.0.0.1:{port}"
        f'/postgres: connection failed: connection to server at "127.0.0.1", port {port}'
        f' failed: FATAL:  password authentication failed for user "{ROLE}"'
    )
    assert list(tmp_path.iterdir()) == []  # nothing written


def test_a_wrong_port(password_role):
    port = closed_port()
    url = password_role.rsplit(":", 1)[0] + f":{port}/postgres"
    line = assert_refused_without_password(run("check", "--db", url))
    assert line.startswith(f"planner-desktop: cannot open postgresql+psycopg://{ROLE}:***@")
    assert f"port {port} failed: Connection refused Is the server running" in line


def test_a_wrong_database_name(password_role):
    line = assert_refused_without_password(run("check", "--db", f"{password_role}/no_such_db"))
    assert line.endswith('FATAL:  database "no_such_db" does not exist')
