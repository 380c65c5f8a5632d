"""A temporary PostgreSQL server for the test run, and the tests' two backends (a plugin).

Loaded by ``tests/conftest.py``. A test (or a fixture) that asks for ``backend`` runs once
on SQLite and once on PostgreSQL; one marked ``sqlite_only`` (it is about SQLite files
themselves: copies, WAL, backups, permissions) runs on SQLite alone, one marked
``postgresql_only`` on PostgreSQL alone.

The server is started the first time a PostgreSQL test needs it, once per test process
(with pytest-xdist every worker starts its own, so no two workers share a database name or
a template), from Debian's packages: ``pg_config --bindir`` or ``/usr/lib/postgresql/*/bin``,
newest first. It lives in a temporary folder, listens on 127.0.0.1 on a free port with no
Unix socket, runs without fsync (the data is thrown away), and is stopped when the session
ends, also when tests fail or the run is interrupted; a small watchdog process stops it
and removes its folder should the test process itself be killed. As root (initdb refuses
root) the server runs as the ``postgres`` system user, or ``nobody`` when there is none.

When the binaries are missing the PostgreSQL tests are skipped, saying how to install
them; when the environment variable ``CI`` is set they fail instead, so that continuous
integration cannot silently lose them.

At the end of the run pytest prints how many tests passed, failed and were skipped on
each backend (also with pytest-xdist).
"""

from __future__ import annotations

import itertools
import os
import pwd
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar

import pytest

BACKENDS = ("sqlite", "postgresql")
SQLITE_ONLY = "sqlite_only"
POSTGRESQL_ONLY = "postgresql_only"
USER = "planner"
STARTUP_SECONDS = 60.0
INSTALL_HINT = (
    "PostgreSQL server binaries (initdb, postgres) not found: install Debian's "
    "postgresql package (`apt-get install postgresql`, or `make system-deps`) to run the "
    "PostgreSQL tests"
)

# Run by the watchdog process: when the test process ends (its end of the pipe closes)
# without having stopped the server, stop it and remove its folder.
WATCHDOG = """
import os, shutil, signal, sys, time
pid, folder = int(sys.argv[1]), sys.argv[2]
if sys.stdin.buffer.read() != b"stopped":
    try:
        os.kill(pid, signal.SIGINT)
        for _ in range(300):
            time.sleep(0.1)
            os.kill(pid, 0)
        os.kill(pid, signal.SIGKILL)
    except ProcessLookupError:
        pass
    shutil.rmtree(folder, ignore_errors=True)
"""


def _version_key(folder: Path) -> tuple[int, ...]:
    return tuple(int(part) for part in re.findall(r"\d+", folder.parent.name))


def find_bindir() -> Path | None:
    """The folder of ``initdb`` and ``postgres``: pg_config's, else the newest Debian one."""
    candidates: list[Path] = []
    pg_config = shutil.which("pg_config")
    if pg_config:
        found = subprocess.run(
            [pg_config, "--bindir"], capture_output=True, text=True, check=False
        )
        if found.returncode == 0 and found.stdout.strip():
            candidates.append(Path(found.stdout.strip()))
    candidates += sorted(
        Path("/usr/lib/postgresql").glob("*/bin"), key=_version_key, reverse=True
    )
    for folder in candidates:
        if (folder / "initdb").is_file() and (folder / "postgres").is_file():
            return folder
    return None


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@dataclass(frozen=True)
class _Account:
    """Who runs the server: the current user, or (as root) an unprivileged system user."""

    uid: int
    gid: int

    @classmethod
    def choose(cls) -> _Account:
        if os.geteuid() != 0:
            return cls(os.getuid(), os.getgid())
        for name in ("postgres", "nobody"):
            try:
                entry = pwd.getpwnam(name)
            except KeyError:
                continue
            return cls(entry.pw_uid, entry.pw_gid)
        raise RuntimeError("running as root and neither `postgres` nor `nobody` exists")

    def command(self, argv: list[str]) -> list[str]:
        """``argv`` run as this account (``setpriv`` replaces itself: the pid is argv's)."""
        if self.uid == os.getuid():
            return argv
        return [
            "setpriv",
            f"--reuid={self.uid}",
            f"--regid={self.gid}",
            "--clear-groups",
            "--",
            *argv,
        ]


class PostgresServer:
    """One temporary cluster: ``start()``, ``url(name)``, databases, ``stop()``."""

    def __init__(self, bindir: Path) -> None:
        self.bindir = bindir
        self.account = _Account.choose()
        # Not under pytest's temporary folder: that one is private to the test user.
        self.folder = Path(tempfile.mkdtemp(prefix="planner-postgres-"))
        os.chown(self.folder, self.account.uid, self.account.gid)
        self.data = self.folder / "data"
        self.log = self.folder / "server.log"
        self.port = 0
        self._process: subprocess.Popen[bytes] | None = None
        self._watchdog: subprocess.Popen[bytes] | None = None

    def url(self, database: str) -> str:
        return f"postgresql+psycopg://{USER}@127.0.0.1:{self.port}/{database}"

    def start(self) -> None:
        env = {**os.environ, "LC_ALL": "C.UTF-8", "LANG": "C.UTF-8"}
        initdb = [
            str(self.bindir / "initdb"),
            "--pgdata", str(self.data),
            "--username", USER,
            "--auth", "trust",
            "--encoding", "UTF8",
            "--locale", "C.UTF-8",
            "--no-sync",
        ]  # fmt: skip
        made = subprocess.run(
            self.account.command(initdb), capture_output=True, text=True, env=env, check=False
        )
        if made.returncode != 0:
            raise RuntimeError(f"initdb failed: {made.stderr.strip() or made.stdout.strip()}")
        for _attempt in range(3):  # another process may take the free port first
            if self._launch(env):
                return
        raise RuntimeError(f"the PostgreSQL server did not start:\n{self._log_tail()}")

    def _launch(self, env: dict[str, str]) -> bool:
        self.port = _free_port()
        argv = [
            str(self.bindir / "postgres"),
            "-D", str(self.data),
            "-h", "127.0.0.1",
            "-p", str(self.port),
            "-k", "",
            "-c", "fsync=off",
            "-c", "synchronous_commit=off",
            "-c", "full_page_writes=off",
            "-c", "max_connections=200",
        ]  # fmt: skip
        with self.log.open("ab") as log:
            self._process = subprocess.Popen(
                self.account.command(argv),
                stdout=log,
                stderr=subprocess.STDOUT,
                stdin=subprocess.DEVNULL,
                env=env,
                start_new_session=True,  # a Ctrl+C reaches pytest, which stops it in order
            )
        self._start_watchdog(self._process.pid)
        deadline = time.monotonic() + STARTUP_SECONDS
        while time.monotonic() < deadline:
            if self._process.poll() is not None:
                self._stop_watchdog()
                return False
            try:
                self.execute("SELECT 1")
            except Exception:  # not accepting connections yet
                time.sleep(0.1)
                continue
            return True
        self.stop()
        raise RuntimeError(f"the PostgreSQL server did not answer:\n{self._log_tail()}")

    def _start_watchdog(self, pid: int) -> None:
        self._watchdog = subprocess.Popen(
            [sys.executable, "-c", WATCHDOG, str(pid), str(self.folder)],
            stdin=subprocess.PIPE,
            start_new_session=True,
        )

    def _stop_watchdog(self) -> None:
        if self._watchdog is None or self._watchdog.stdin is None:
            return
        try:
            self._watchdog.stdin.write(b"stopped")
            self._watchdog.stdin.close()
        except OSError:
            pass
        self._watchdog.wait(timeout=30)
        self._watchdog = None

    def _log_tail(self) -> str:
        try:
            return "\n".join(self.log.read_text(errors="replace").splitlines()[-20:])
        except OSError:
            return "(no server log)"

    def execute(self, sql: str) -> None:
        """Run ``sql`` outside a transaction (CREATE/DROP DATABASE) as the superuser."""
        import psycopg

        with psycopg.connect(
            host="127.0.0.1", port=self.port, user=USER, dbname="postgres",
            autocommit=True, connect_timeout=5,
        ) as conn:  # fmt: skip
            conn.execute(sql.encode())

    def create_database(self, name: str, template: str | None = None) -> str:
        """Create ``name`` (copied from the database ``template``, which nobody may be
        connected to) and return its URL."""
        source = f" TEMPLATE {template}" if template else " TEMPLATE template0"
        self.execute(f"CREATE DATABASE {name}{source}")
        return self.url(name)

    def drop_database(self, name: str) -> None:
        self.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")

    def stop(self) -> None:
        process, self._process = self._process, None
        if process is not None and process.poll() is None:
            process.send_signal(signal.SIGINT)  # fast shutdown
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
        self._stop_watchdog()
        shutil.rmtree(self.folder, ignore_errors=True)


Target = str | Path
"""Where a database is: a file (SQLite) or a URL (PostgreSQL); ``open_store`` takes both."""

_numbers = itertools.count(1)


class Databases:
    """Where tests make databases on one backend: files in a folder for SQLite, databases of
    the run's server for PostgreSQL (dropped by :meth:`close`).

    ``copy`` is how a test gets a database fast: the SQLite file is copied, the PostgreSQL
    database is made with ``CREATE DATABASE ... TEMPLATE`` (close every store on the
    template first: PostgreSQL copies only a database nobody is connected to).
    """

    def __init__(self, backend: str, folder: Path, server: PostgresServer | None) -> None:
        self.backend = backend
        self.folder = folder
        self.server = server
        self._made: list[str] = []

    def _name(self, name: str) -> str:
        clean = re.sub(r"[^a-z0-9_]", "_", name.lower())[:40]
        return f"{clean}_{os.getpid()}_{next(_numbers)}"

    def fresh(self, name: str = "db") -> Target:
        """An empty place for a new database (opening it creates the schema)."""
        return self._make(name, None)

    def copy(self, template: Target, name: str = "db") -> Target:
        """A new database with everything ``template`` holds."""
        return self._make(name, template)

    def _make(self, name: str, template: Target | None) -> Target:
        unique = self._name(name)
        if self.server is None:
            path = self.folder / f"{unique}.sqlite"
            path.parent.mkdir(parents=True, exist_ok=True)
            if template is not None:
                shutil.copyfile(template, path)
            return path
        source = None if template is None else database_name(template)
        url = self.server.create_database(unique, source)
        self._made.append(unique)
        return url

    def discard(self, target: Target) -> None:
        """Remove a database made here before :meth:`close` (a server's disk is finite)."""
        if self.server is None:
            Path(target).unlink(missing_ok=True)
            return
        name = database_name(target)
        self.server.drop_database(name)
        self._made.remove(name)

    def close(self) -> None:
        if self.server is not None:
            for name in reversed(self._made):
                self.server.drop_database(name)
        self._made.clear()


def database_name(target: Target) -> str:
    """The PostgreSQL database a URL names."""
    from sqlalchemy.engine import make_url

    name = make_url(str(target)).database
    if not name:
        raise ValueError(f"no database in {target}")
    return name


def _databases(request: pytest.FixtureRequest, backend: str, folder: Path) -> Databases:
    server = request.getfixturevalue("postgres_server") if backend == "postgresql" else None
    return Databases(backend, folder, server)


@pytest.fixture
def databases(
    request: pytest.FixtureRequest, backend: str, tmp_path: Path
) -> Iterator[Databases]:
    """Databases for one test on its backend, removed after it."""
    made = _databases(request, backend, tmp_path / "databases")
    yield made
    made.close()


@pytest.fixture(scope="module")
def module_databases(
    request: pytest.FixtureRequest, backend: str, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Databases]:
    """Databases shared by the tests of one module on one backend."""
    made = _databases(request, backend, tmp_path_factory.mktemp(f"databases-{backend}"))
    yield made
    made.close()


@pytest.fixture(scope="session")
def session_databases(
    request: pytest.FixtureRequest, backend: str, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Databases]:
    """Databases made once per run on one backend: templates that tests copy."""
    made = _databases(request, backend, tmp_path_factory.mktemp(f"templates-{backend}"))
    yield made
    made.close()


def required_bindir(found: Path | None, environ: Mapping[str, str]) -> Path:
    """``found``, or skip the test saying how to install the server; fail under ``CI``."""
    if found is not None:
        return found
    if environ.get("CI"):
        pytest.fail(f"CI is set and {INSTALL_HINT}", pytrace=False)
    pytest.skip(INSTALL_HINT)


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[PostgresServer]:
    """The run's PostgreSQL server (skipped without the binaries; failed when ``CI`` is set)."""
    server = PostgresServer(required_bindir(find_bindir(), os.environ))
    try:
        server.start()
    except BaseException:
        server.stop()
        raise
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture(scope="session")
def backend(request: pytest.FixtureRequest) -> str:
    """``sqlite`` or ``postgresql``: the database every store of this test is made on."""
    name = str(request.param)
    if name == "postgresql":
        request.getfixturevalue("postgres_server")
    return name


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers",
        f"{SQLITE_ONLY}(reason): about SQLite files themselves; runs on SQLite alone",
    )
    config.addinivalue_line(
        "markers",
        f"{POSTGRESQL_ONLY}(reason): about PostgreSQL itself; runs on PostgreSQL alone",
    )
    config.pluginmanager.register(BackendCounts(), "backend-counts")


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    if "backend" not in metafunc.fixturenames:
        return
    names: tuple[str, ...] = BACKENDS
    if metafunc.definition.get_closest_marker(SQLITE_ONLY) is not None:
        names = ("sqlite",)
    if metafunc.definition.get_closest_marker(POSTGRESQL_ONLY) is not None:
        names = ("postgresql",)
    metafunc.parametrize("backend", names, indirect=True, scope="session")


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        callspec = getattr(item, "callspec", None)
        if callspec is not None and "backend" in callspec.params:
            item.user_properties.append(("backend", callspec.params["backend"]))


class BackendCounts:
    """Counts the outcome of every test that ran on a backend, printed at the end."""

    ORDER = ("passed", "failed", "skipped")
    RANK: ClassVar[dict[str, int]] = {"passed": 0, "skipped": 1, "failed": 2}  # worst wins

    def __init__(self) -> None:
        self.outcomes: dict[str, dict[str, str]] = {}

    def pytest_runtest_logreport(self, report: pytest.TestReport) -> None:
        name = dict(report.user_properties).get("backend")
        if name is None:
            return
        seen = self.outcomes.setdefault(str(name), {})
        before = seen.get(report.nodeid)
        if report.failed:
            outcome = "failed"
        elif report.skipped:
            outcome = "skipped"
        elif report.when == "call":
            outcome = "passed"
        else:
            return
        if before is None or self.RANK[outcome] > self.RANK[before]:
            seen[report.nodeid] = outcome

    def pytest_terminal_summary(self, terminalreporter: pytest.TerminalReporter) -> None:
        if not self.outcomes or hasattr(terminalreporter.config, "workerinput"):
            return
        terminalreporter.section("tests per database backend")
        for name in BACKENDS:
            counted = list(self.outcomes.get(name, {}).values())
            figures = ", ".join(f"{counted.count(kind)} {kind}" for kind in self.ORDER)
            terminalreporter.write_line(f"{name}: {len(counted)} tests ({figures})")
