"""Spreadsheets in and out (openpyxl): exports, the blank template and its imports.

No Qt here: the command line and the window both call these modules.
"""
