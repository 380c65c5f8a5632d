"""The schema revision this program writes. A test keeps it equal to the Alembic head."""

SCHEMA_HEAD = "0004_round_decisions"
