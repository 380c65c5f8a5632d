"""Alembic environment: runs on the connection the store hands over."""

from typing import Any, Literal

from alembic import context

from planner_desktop.domain import models  # noqa: F401 - registers every table
from planner_desktop.domain.base import Base, Hundredths, Money
from planner_desktop.store import meta  # noqa: F401 - registers local tables

target_metadata = Base.metadata


def render_item(type_: str, obj: Any, autogen_context: Any) -> str | Literal[False]:
    """Migrations stay free of application types: Money is a BIGINT of cents, Hundredths
    an INTEGER of hundredths."""
    if type_ == "type" and isinstance(obj, Money):
        return "sa.BigInteger()"
    if type_ == "type" and isinstance(obj, Hundredths):
        return "sa.Integer()"
    return False


connection = context.config.attributes.get("connection")

if connection is None:
    from sqlalchemy import create_engine

    engine = create_engine(context.config.get_main_option("sqlalchemy.url") or "")
    with engine.begin() as connection:
        context.configure(
            connection=connection,
            target_metadata=target_metadata,
            render_as_batch=True,
            render_item=render_item,
        )
        with context.begin_transaction():
            context.run_migrations()
else:
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=True,
        render_item=render_item,
    )
    with context.begin_transaction():
        context.run_migrations()
