"""Where the program finds its own files and where it keeps the user's data.

Every location can be moved with an environment variable, so that tests and scripts never
touch the real user folder. Nothing here creates a folder: call :func:`ensure_dir` right
before writing.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import platformdirs

from planner_desktop import APP_ID

ENV_HOME = "PLANNER_DESKTOP_HOME"
ENV_DB = "PLANNER_DESKTOP_DB"
ENV_RESOURCES = "PLANNER_DESKTOP_RESOURCES"
ENV_TRANSLATIONS = "PLANNER_DESKTOP_TRANSLATIONS"

DB_FILE_NAME = "planner.sqlite"
LOG_FILE_NAME = "planner-desktop.log"


def _env_path(name: str) -> Path | None:
    """The path in environment variable *name*, or None when it is unset or empty."""
    value = os.environ.get(name, "").strip()
    return Path(value).expanduser().absolute() if value else None


PACKAGE_DATA = "_data"


def project_root() -> Path:
    """The source checkout: the folder above the package (``resources/``, ``translations/``)."""
    return Path(__file__).resolve().parent.parent


def bundle_root() -> Path | None:
    """The data folder of a PyInstaller bundle (``sys._MEIPASS``), or None outside one."""
    bundle = getattr(sys, "_MEIPASS", None)
    return Path(bundle) if getattr(sys, "frozen", False) and bundle else None


def _own_files(name: str) -> Path:
    """The folder *name* (``resources`` or ``translations``) of the program's own files.

    Looked for, in order: in the PyInstaller bundle, in the installed package's data
    (``planner_desktop/_data/<name>``, laid out by the build: see setup.py), in the source
    checkout. The first that exists wins; the checkout's path when none does, so that an
    error names the place a developer expects.
    """
    candidates = [Path(__file__).resolve().parent / PACKAGE_DATA / name, project_root() / name]
    bundle = bundle_root()
    if bundle is not None:
        candidates.insert(0, bundle / "planner_desktop" / PACKAGE_DATA / name)
    return next((folder for folder in candidates if folder.is_dir()), candidates[-1])


def resources_dir() -> Path:
    """Icons, style sheets, demo data sources and fonts (``$PLANNER_DESKTOP_RESOURCES``)."""
    return _env_path(ENV_RESOURCES) or _own_files("resources")


def translations_dir() -> Path:
    """The gettext catalogues (``$PLANNER_DESKTOP_TRANSLATIONS``)."""
    return _env_path(ENV_TRANSLATIONS) or _own_files("translations")


def data_dir() -> Path:
    """The user's data folder: ``$PLANNER_DESKTOP_HOME`` or the platform's usual place."""
    return _env_path(ENV_HOME) or Path(platformdirs.user_data_dir(APP_ID, appauthor=False))


def config_dir() -> Path:
    """Settings: ``$PLANNER_DESKTOP_HOME/config`` or the platform's usual place."""
    home = _env_path(ENV_HOME)
    if home is not None:
        return home / "config"
    return Path(platformdirs.user_config_dir(APP_ID, appauthor=False))


def default_db_path() -> Path:
    """The database opened when none is given: ``$PLANNER_DESKTOP_DB`` or one in data_dir()."""
    return _env_path(ENV_DB) or data_dir() / DB_FILE_NAME


def backups_dir() -> Path:
    """Automatic database backups."""
    return data_dir() / "backups"


def log_file() -> Path:
    """The program's log (rotated: ``.1``, ``.2``… beside it): faults, never personal data."""
    return data_dir() / "logs" / LOG_FILE_NAME


def ensure_dir(path: Path) -> Path:
    """Create *path* (and its parents) if needed and return it."""
    path.mkdir(parents=True, exist_ok=True)
    return path
