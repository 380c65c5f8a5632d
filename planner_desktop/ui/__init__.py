"""The PySide6 window: pages per planning phase, Qt models over the store, background jobs.

Nothing outside this package imports Qt (DESIGN §3).
"""
