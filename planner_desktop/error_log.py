"""The program's log file, and what a fault leaves in it (no Qt here).

The log is a rotating file in the user's data folder (:func:`planner_desktop.paths.log_file`,
at most :data:`MAX_BYTES` per file and :data:`BACKUPS` older files beside it), fed by the
``planner_desktop`` loggers once :func:`start` has run.

A **fault** is an error of the program itself (an attribute missing, a wrong type, a
database statement that should never fail), as opposed to a **refusal**: input the program
turned down with a message meant for a person (a bad file, a value out of range), which
the program's own exception classes and :class:`OSError` carry. Faults are logged with
:func:`describe`, which writes the class of the error, the shape of the SQL statement if
there is one (its placeholders, never the values) and where in the code it happened — never
the error's message, which may quote a typed value, a person's name or a place. Whatever is
written, a database URL's password never is (:mod:`planner_desktop.store.redact`).
"""

from __future__ import annotations

import logging
import logging.handlers
import os
import traceback
from pathlib import Path

from planner_desktop import paths
from planner_desktop.store import redact

MAX_BYTES = 512 * 1024
BACKUPS = 4
ROOT_LOGGER = "planner_desktop"
FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"

PROGRAM_ERRORS: tuple[type[BaseException], ...] = (
    AttributeError,
    TypeError,
    NameError,
    KeyError,
    IndexError,
    AssertionError,
    NotImplementedError,
    RecursionError,
    ZeroDivisionError,
    ImportError,
)
"""Errors that only a mistake in the program raises (a refusal uses other classes)."""

log = logging.getLogger(__name__)


class _FileLog(logging.handlers.RotatingFileHandler):
    """The program's own handler (told apart from any other on the same logger). Every line
    it writes is scrubbed of the database passwords the program has seen."""

    def format(self, record: logging.LogRecord) -> str:
        return redact.scrub(super().format(record))


def start(path: Path | None = None) -> Path:
    """Send the program's log records to the rotating file ``path`` (the default: the user's
    data folder); started again on another path, the log moves there. Returns the path."""
    target = (path or paths.log_file()).absolute()
    logger = logging.getLogger(ROOT_LOGGER)
    for handler in list(logger.handlers):
        if isinstance(handler, _FileLog):
            if Path(handler.baseFilename) == target:
                return target
            logger.removeHandler(handler)
            handler.close()
    paths.ensure_dir(target.parent)
    handler = _FileLog(target, maxBytes=MAX_BYTES, backupCount=BACKUPS, encoding="utf-8",
                       delay=True)
    handler.setFormatter(logging.Formatter(FORMAT))
    handler.setLevel(logging.INFO)
    logger.addHandler(handler)
    if logger.getEffectiveLevel() > logging.INFO:
        logger.setLevel(logging.INFO)
    return target


def ensure_started() -> Path:
    """The log's file: where it is written already, else :func:`start` on the default."""
    for handler in logging.getLogger(ROOT_LOGGER).handlers:
        if isinstance(handler, _FileLog):
            return Path(handler.baseFilename)
    return start()


def stop() -> None:
    """Close the log file (the program's handler only)."""
    logger = logging.getLogger(ROOT_LOGGER)
    for handler in list(logger.handlers):
        if isinstance(handler, _FileLog):
            logger.removeHandler(handler)
            handler.close()


def current_file() -> Path:
    """Where the log is written (where it would be, before :func:`start`)."""
    for handler in logging.getLogger(ROOT_LOGGER).handlers:
        if isinstance(handler, _FileLog):
            return Path(handler.baseFilename)
    return paths.log_file()


def is_fault(error: BaseException) -> bool:
    """True for an error of the program itself; False for a refusal meant for a person."""
    if isinstance(error, PROGRAM_ERRORS):
        return True
    kind = type(error)
    if not kind.__module__.startswith("sqlalchemy") or kind.__name__ == "OperationalError":
        return False
    from planner_desktop.store.db_errors import is_state

    return not is_state(error)  # a read-only server raises InternalError, for one


def is_database_error(error: BaseException) -> bool:
    """True for an error raised by the database or its driver (SQLAlchemy, sqlite3,
    psycopg), whose message may quote SQL: a person is told its line from
    :func:`planner_desktop.store.db_errors.describe` instead."""
    return type(error).__module__.split(".")[0] in ("sqlalchemy", "sqlite3", "psycopg")


def _where(filename: str) -> str:
    """A code file named from its package, so no user folder appears in the log."""
    parts = Path(filename).parts
    for anchor in (ROOT_LOGGER, "site-packages"):
        if anchor in parts:
            start_at = parts.index(anchor) + (anchor == "site-packages")
            return "/".join(parts[start_at:])
    return os.path.basename(filename)


def describe(error: BaseException) -> str:
    """The class of ``error``, its SQL statement's shape and its frames (see the module)."""
    lines: list[str] = []
    seen: set[int] = set()
    current: BaseException | None = error
    while current is not None and id(current) not in seen and len(seen) < 5:
        seen.add(id(current))
        kind = type(current)
        name = kind.__qualname__
        if kind.__module__ not in ("builtins", "__main__"):
            name = f"{kind.__module__}.{name}"
        lines.append(name if not lines else f"which came from {name}")
        statement = getattr(current, "statement", None)
        if isinstance(statement, str):
            lines.append("  statement: " + " ".join(statement.split())[:400])
        for frame in traceback.extract_tb(current.__traceback__):
            lines.append(f"  {_where(frame.filename)}:{frame.lineno} in {frame.name}")
            if frame.line:
                lines.append(f"    {frame.line.strip()}")
        current = current.__cause__ or current.__context__
    return "\n".join(lines)


def record_fault(error: BaseException, where: str) -> None:
    """Log a fault that happened in ``where`` (a few words naming the kind of place)."""
    log.error("fault in %s: %s", where, describe(error))


def record_failure(error: BaseException, where: str) -> None:
    """Log an error of the database or the system (read-only, busy, full, a disk error)
    that ended ``where``: like a fault, its class, statement shape and frames, no message."""
    log.warning("failed in %s: %s", where, describe(error))


def record_refusal(error: BaseException, where: str) -> None:
    """Note that ``where`` ended in a refusal (its class only: the message is the person's)."""
    log.info("refused in %s: %s", where, type(error).__name__)
