"""One order on every database: the keys that lists, documents and exports sort by.

SQLite and PostgreSQL must print the same documents and show the same lists, so every
sort ends on a unique tie-breaker (the row's code, then its id) and none depends on what a
database does on its own:

- **Text.** SQLite compares text byte by byte; PostgreSQL by the server's collation
  (``es_BO.UTF-8`` puts ``b`` before ``C`` and may skip hyphens). A text column in an
  ``ORDER BY`` goes through :func:`bytewise`, which asks PostgreSQL for the byte order
  (``COLLATE "C"``) that SQLite already uses. Names a person reads in a document are
  sorted in Python by :func:`text_key` instead: case and accents set aside first
  (``Ávila`` beside ``avila``, before ``Beni``), then the exact text.
- **NULL.** SQLite puts NULL first going up, PostgreSQL last. A column that can be NULL is
  ordered with :func:`nulls_last_up` (or ``nulls_first()`` / ``nulls_last()`` explicitly).
- **Ids** are UUIDs: SQLite keeps their 32 hexadecimal digits, PostgreSQL sixteen bytes;
  both orders are the same, so an id is the last key of every sort.
"""

from __future__ import annotations

import unicodedata
from typing import Any

from sqlalchemy.ext.compiler import compiles
from sqlalchemy.orm import QueryableAttribute
from sqlalchemy.sql.expression import ColumnElement, UnaryExpression
from sqlalchemy.sql.functions import GenericFunction
from sqlalchemy.types import String


class bytewise(GenericFunction[str]):
    """A text column compared byte by byte (code points) on every database."""

    type = String()
    inherit_cache = True


@compiles(bytewise)
def _bytewise_default(element: bytewise, compiler: Any, **kw: Any) -> str:
    return str(compiler.process(element.clauses, **kw))


@compiles(bytewise, "postgresql")
def _bytewise_postgresql(element: bytewise, compiler: Any, **kw: Any) -> str:
    return f'({compiler.process(element.clauses, **kw)}) COLLATE "C"'


def nulls_last_up(column: ColumnElement[Any] | QueryableAttribute[Any]) -> UnaryExpression[Any]:
    """``column`` going up with NULL after every value, on every database."""
    return column.asc().nulls_last()


def folded(text: str) -> str:
    """``text`` without case or accents (``Ávila`` → ``avila``), for comparing."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def text_key(text: str | None) -> tuple[str, str]:
    """The order a person expects of names: without case and accents, then exact."""
    value = text or ""
    return folded(value), value
