"""The schema revision this program writes. A test keeps it equal to the Alembic head."""

SCHEMA_HEAD = "0009_place_and_proof"

RECORDS_REVISION = "0009_place_and_proof"
"""The last revision that changed the tables a session file carries; files are stamped
with it. A revision that changes only this computer's bookkeeping (the ledger tables,
indexes) leaves it as it is, so laptops a version apart still exchange files."""
