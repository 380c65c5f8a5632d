"""What ``--db`` names: an SQLite file or a server URL, and how it is shown to people.

A path becomes an SQLite URL. ``postgresql://`` and ``postgres://`` mean the driver we ship,
psycopg 3 (``postgresql+psycopg://``). A password given as a query parameter
(``?password=``) is moved into the URL's password, so that :func:`shown` hides it like any
other; every password is handed to :mod:`planner_desktop.store.redact`.
"""

from __future__ import annotations

from pathlib import Path

from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError

from planner_desktop.i18n import _
from planner_desktop.store import redact
from planner_desktop.store.errors import StoreError

POSTGRESQL_DRIVER = "postgresql+psycopg"
INSTALL_POSTGRESQL = "pip install 'planner-desktop[postgresql]'"
_POSTGRESQL_ALIASES = ("postgres", "postgresql")


def is_url(target: str | Path) -> bool:
    return "://" in str(target)


def to_url(target: str | Path | URL) -> URL:
    """The URL of ``target``; a text that is not a URL SQLAlchemy can read is refused.

    A :class:`URL` is taken as it is (its ``str()`` hides the password, so it must never
    be turned into text on the way)."""
    if isinstance(target, URL):
        url = target
    elif not is_url(target):
        return URL.create("sqlite", database=str(Path(target).expanduser().resolve()))
    else:
        url = _parse(str(target))
    if url.drivername in _POSTGRESQL_ALIASES:
        url = url.set(drivername=POSTGRESQL_DRIVER)
    query_password = url.query.get("password")
    if isinstance(query_password, str):
        redact.remember(query_password)
        if url.password is None:
            url = url.set(password=query_password).difference_update_query(["password"])
    redact.remember(str(url.password) if url.password is not None else None)
    return url


def _parse(text: str) -> URL:
    try:
        return make_url(text)
    except (ArgumentError, ValueError):
        raise StoreError(_("{url} is not a database URL").format(url=redact.scrub(text))) from None


def shown(url: URL) -> str:
    """``url`` as people may see it: the password as ``***``."""
    return url.render_as_string(hide_password=True)


def is_postgresql(url: URL) -> bool:
    return url.get_backend_name() == "postgresql"


def check_driver(url: URL) -> None:
    """Refuse, in one line saying how to install it, a server whose driver is missing."""
    if url.drivername != POSTGRESQL_DRIVER:
        return
    try:
        import psycopg  # noqa: F401
    except ImportError:
        raise StoreError(
            _(
                "cannot open {url}: PostgreSQL support is not installed; install it with {command}"
            ).format(url=shown(url), command=INSTALL_POSTGRESQL)
        ) from None
