"""Planner Desktop: participatory municipal planning, offline."""

__version__ = "0.1.0"
APP_NAME = "Planner Desktop"
APP_ID = "planner-desktop"
