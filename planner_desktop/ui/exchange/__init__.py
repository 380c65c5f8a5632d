"""The window side of session files: import wizard, import log, conflicts and export.

The work itself is done by :mod:`planner_desktop.exchange.session` in background jobs
(:func:`planner_desktop.ui.jobs.run_job`); these modules only show it and ask a person.
"""
