"""Keep database passwords out of every text a person or the log file sees.

A server URL (``postgresql://user:password@host/db``) carries its password. Every URL the
program opens hands its password to :func:`remember`; :func:`scrub` then replaces it, in
any of the spellings an error message may quote (as typed, percent-encoded in upper or
lower case, as escaped in a libpq connection string), with ``***``. Error texts of the
driver and of SQLAlchemy go through :func:`scrub` before they reach a person, and the
log file's handler scrubs every line it writes.

A very short password may also blank out innocent letters of a message; that is the
price of never showing it. This module imports nothing heavy: the log uses it.
"""

from __future__ import annotations

import re
from urllib.parse import quote, quote_plus

MASK = "***"

_secrets: set[str] = set()

_TYPED_PASSWORD = re.compile(r"(://[^:/@\s]*:)[^@\s]*@")


def remember(password: str | None) -> None:
    """From now on, hide ``password`` wherever :func:`scrub` looks."""
    if password:
        _secrets.add(password)


def forget_all() -> None:
    """Forget every remembered password (tests)."""
    _secrets.clear()


def _spellings(secret: str) -> set[str]:
    escaped = secret.replace("\\", "\\\\").replace("'", "\\'")
    return {
        secret,
        quote(secret, safe=""),
        quote(secret, safe=" +"),
        quote_plus(secret),
        escaped,
    }


def scrub(text: str) -> str:
    """``text`` with every remembered password, and the password part of any URL
    written in it, replaced by ``***``."""
    text = _TYPED_PASSWORD.sub(lambda match: f"{match.group(1)}{MASK}@", text)
    spellings = {form for secret in _secrets for form in _spellings(secret) if form}
    for form in sorted(spellings, key=len, reverse=True):
        if "%" in form:
            text = re.sub(re.escape(form), MASK, text, flags=re.IGNORECASE)
        else:
            text = text.replace(form, MASK)
    return text


def one_line(text: str) -> str:
    """A driver's message (often several indented lines) as one scrubbed line."""
    return " ".join(part.strip() for part in scrub(text).splitlines() if part.strip())
