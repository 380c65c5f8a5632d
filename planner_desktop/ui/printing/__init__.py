"""Printing in the window: the Imprimir menu, the acta check and the spreadsheet entries.

The documents and spreadsheets themselves are written by :mod:`planner_desktop.reports`
and :mod:`planner_desktop.exchange.xlsx`; these modules only ask what to print and run it
in a background job.
"""
