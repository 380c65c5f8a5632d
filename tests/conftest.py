"""Shared fixtures. pytest-qt provides ``qtbot`` and ``qapp`` (offscreen, see the Makefile)."""

from collections.abc import Iterator
from pathlib import Path

import pytest

from planner_desktop import paths


@pytest.fixture(scope="session", autouse=True)
def isolated_home(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """Keep every test away from the real user folder and the user's database."""
    home = tmp_path_factory.mktemp("planner-home")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv(paths.ENV_HOME, str(home))
        patch.delenv(paths.ENV_DB, raising=False)
        yield home


@pytest.fixture(autouse=True)
def _english_messages():
    """Core tests read messages in English; tests of Spanish switch on purpose."""
    from planner_desktop.i18n import set_language

    set_language("en")
    yield
    set_language("en")
