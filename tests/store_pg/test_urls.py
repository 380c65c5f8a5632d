"""What --db names, and passwords kept out of text (issue 15, item 5): no server needed."""

from __future__ import annotations

import logging
import sys
import uuid

import pytest

from planner_desktop import error_log
from planner_desktop.domain.provenance import Provenance
from planner_desktop.store import redact, urls
from planner_desktop.store.database import open_store
from planner_desktop.store.errors import StoreError
from tests.store_pg.conftest import ENCODED_PASSWORD, PASSWORD

DEVICE = Provenance(uuid.UUID("00000000-0000-4000-8000-0000000000c1"))


@pytest.fixture(autouse=True)
def _forget_passwords():
    yield
    redact.forget_all()


@pytest.mark.parametrize("scheme", ["postgresql", "postgres", "postgresql+psycopg"])
def test_postgresql_urls_mean_psycopg_3(scheme):
    url = urls.to_url(f"{scheme}://ana:{ENCODED_PASSWORD}@db.office:5433/plan")
    assert url.drivername == "postgresql+psycopg"
    assert url.password == PASSWORD
    assert urls.shown(url) == "postgresql+psycopg://ana:***@db.office:5433/plan"


def test_a_password_given_as_a_query_parameter_is_hidden_too():
    url = urls.to_url(f"postgresql://ana@db.office/plan?password={ENCODED_PASSWORD}")
    assert url.password == PASSWORD
    assert urls.shown(url) == "postgresql+psycopg://ana:***@db.office/plan"


def test_a_path_is_an_sqlite_file(tmp_path):
    url = urls.to_url(tmp_path / "plan #1.sqlite")
    assert url.get_backend_name() == "sqlite"
    assert url.database == str(tmp_path / "plan #1.sqlite")


def test_a_url_object_keeps_its_password():
    """Its str() hides the password: it must not be turned into text on the way."""
    given = urls.to_url(f"postgresql://ana:{ENCODED_PASSWORD}@db.office/plan")
    assert urls.to_url(given).password == PASSWORD


def test_every_spelling_of_a_remembered_password_is_scrubbed():
    urls.to_url(f"postgresql://ana:{ENCODED_PASSWORD}@db.office/plan")
    text = (
        f"password={PASSWORD} user=ana; dsn ana:{ENCODED_PASSWORD}@db; "
        f"lower {ENCODED_PASSWORD.lower()}; conninfo password='{PASSWORD}'"
    )
    scrubbed = redact.scrub(text)
    assert PASSWORD not in scrubbed
    assert ENCODED_PASSWORD.lower() not in scrubbed.lower()
    assert scrubbed.endswith("lower ***; conninfo password='***'")
    assert scrubbed.startswith("password=*** user=ana; dsn ana:***@db;")


def test_a_url_quoted_in_a_message_loses_its_password_even_unremembered():
    assert (
        redact.scrub("cannot parse postgresql://ana:s3cret@db/plan, sorry")
        == "cannot parse postgresql://ana:***@db/plan, sorry"
    )


@pytest.mark.parametrize(
    ("target", "expected"),
    [
        (
            f"postgresql://ana:{ENCODED_PASSWORD}@db.office:notaport/plan",
            "postgresql://ana:***@db.office:notaport/plan is not a database URL",
        ),
        (
            f"mysql://ana:{ENCODED_PASSWORD}@db.office/plan",
            "cannot open mysql://ana:***@db.office/plan: Planner Desktop opens SQLite files"
            " and PostgreSQL servers (postgresql://user@host/database)",
        ),
    ],
)
def test_an_unusable_url_is_refused_in_one_line_without_its_password(target, expected):
    with pytest.raises(StoreError) as refused:
        open_store(target, DEVICE)
    assert str(refused.value) == expected


def test_without_the_postgresql_extra_one_line_says_how_to_install_it(monkeypatch):
    monkeypatch.setitem(sys.modules, "psycopg", None)  # import psycopg fails
    with pytest.raises(StoreError) as refused:
        open_store(f"postgres://ana:{ENCODED_PASSWORD}@db.office/plan", DEVICE)
    assert str(refused.value) == (
        "cannot open postgresql+psycopg://ana:***@db.office/plan: PostgreSQL support is not"
        " installed; install it with pip install 'planner-desktop[postgresql]'"
    )


def test_the_log_file_never_holds_a_password(tmp_path):
    log_file = tmp_path / "planner.log"
    error_log.start(log_file)
    try:
        urls.to_url(f"postgresql://ana:{ENCODED_PASSWORD}@db.office/plan")
        logging.getLogger("planner_desktop.test").warning(
            "could not reach postgresql+psycopg://ana:%s@db.office/plan (%s)",
            ENCODED_PASSWORD,
            PASSWORD,
        )
    finally:
        error_log.stop()
    written = log_file.read_text()
    assert "could not reach postgresql+psycopg://ana:***@db.office/plan (***)" in written
    assert PASSWORD not in written and ENCODED_PASSWORD not in written
