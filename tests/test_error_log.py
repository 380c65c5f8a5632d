"""Issue 13, point 1: the program's log keeps the details of a fault, never personal data."""

from __future__ import annotations

import logging
import logging.handlers

import pytest
from sqlalchemy.exc import IntegrityError, OperationalError

from planner_desktop import error_log, paths


@pytest.fixture
def log_path(tmp_path):
    path = tmp_path / "logs" / "planner-desktop.log"
    yield error_log.start(path)
    error_log.stop()


def ours() -> list[logging.Handler]:
    return [h for h in logging.getLogger("planner_desktop").handlers
            if isinstance(h, logging.handlers.RotatingFileHandler)]


def test_the_log_rotates_in_the_data_folder_and_is_started_once(log_path, tmp_path):
    assert error_log.start(log_path) == log_path
    [handler] = ours()
    assert handler.maxBytes == error_log.MAX_BYTES and handler.backupCount == error_log.BACKUPS
    logging.getLogger("planner_desktop.somewhere").info("opened")
    handler.flush()
    assert "planner_desktop.somewhere: opened" in log_path.read_text(encoding="utf-8")
    assert error_log.current_file() == log_path
    error_log.stop()
    assert ours() == []
    assert error_log.current_file() == paths.log_file()
    assert paths.log_file().parent.parent == paths.data_dir()


def test_a_fault_is_logged_by_class_statement_and_place_not_by_its_values(log_path):
    name, number = "Rosa Quispe", "4455667"
    values = (name, number)
    reason = Exception(f"UNIQUE constraint failed: {name}")
    try:
        try:
            raise IntegrityError("INSERT INTO person (name, id_number) VALUES (?, ?)", values,
                                 reason)
        except IntegrityError as inner:
            raise KeyError(name) from inner
    except KeyError as error:
        error_log.record_fault(error, "a test")
    logging.getLogger("planner_desktop").handlers[-1].flush()
    text = log_path.read_text(encoding="utf-8")
    assert "fault in a test: KeyError" in text
    assert "which came from sqlalchemy.exc.IntegrityError" in text
    assert "statement: INSERT INTO person (name, id_number) VALUES (?, ?)" in text
    assert "test_error_log.py:" in text and "in test_a_fault_is_logged" in text
    assert "Rosa" not in text and "4455667" not in text
    assert str(log_path.parent.parent) not in text, "no user folder in the frames"


def test_faults_are_told_from_refusals():
    assert error_log.is_fault(AttributeError("x"))
    assert error_log.is_fault(IntegrityError("s", (), Exception()))
    assert not error_log.is_fault(OperationalError("s", (), Exception("disk full")))
    assert not error_log.is_fault(ValueError("El archivo no es una sesión"))
    assert not error_log.is_fault(OSError(28, "No space left"))
