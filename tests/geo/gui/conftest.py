"""The window tests' fixtures and hooks (offscreen Qt, message boxes recorded, Spanish,
errors caught), for the geometry import's window tests."""

from tests.gui.conftest import (  # noqa: F401 - fixtures and hooks used by pytest
    _log_of_this_run,
    collect_on_the_gui_thread,
    message_boxes,
    program_error_handling,
    pytest_collection_modifyitems,
    pytest_runtest_call,
    pytest_runtest_teardown,
    spanish_and_normal_font,
)
