"""Photos as evidence (issue 18): pictures of signed actas, mapas parlantes and tally sheets,
taken in, stripped and stored (:mod:`.ingest`), attached to their records (:mod:`.photos`)
and carried in session files (:mod:`.parts`). No Qt here; Pillow is imported only by the
modules that decode pictures, never by a module every command loads."""
