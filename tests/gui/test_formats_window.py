"""Issue 15: the window shows numbers, money and dates as the reader writes them (Babel):
a Spanish window follows the municipality's country of the open database (es_BO, es_CO,
es_AR), an English one is en_US; a cell of the follow-up page reads as the printed
progress report does."""

from __future__ import annotations

import pytest

from planner_desktop import locales
from planner_desktop.domain.enums import Phase
from planner_desktop.ui.language import apply_language
from planner_desktop.ui.main_window import MainWindow
from tests.ordering.progress_data import progress_store

pytestmark = pytest.mark.gui

DATE, CODE, EXECUTED = 0, 1, 4

EXPECTED = {
    ("es", "Bolivia"): ("5/3/2027", "1.234.567,50"),
    ("es", "Colombia"): ("5/03/2027", "1.234.567,50"),
    ("es", "Argentina"): ("5/3/2027", "1.234.567,50"),
    ("en", "Bolivia"): ("3/5/2027", "1,234,567.50"),
    ("en", "Colombia"): ("3/5/2027", "1,234,567.50"),
}


@pytest.fixture(autouse=True)
def _no_country():
    yield
    locales.set_country(None)


@pytest.mark.parametrize(("lang", "country"), list(EXPECTED))
def test_a_progress_cell_reads_in_the_readers_locale(qtbot, settings, tmp_path, lang, country):
    day, money = EXPECTED[lang, country]
    store = progress_store(tmp_path, country)
    path = store.path
    store.close()
    apply_language(lang)
    window = MainWindow(settings)
    qtbot.addWidget(window)
    window.show()
    with qtbot.waitSignal(window.sig_store_changed, timeout=20000):
        window.open_database(path)
    window.show_phase(Phase.follow_up)
    model = window.pages[Phase.follow_up].progress
    qtbot.waitUntil(lambda: model.rowCount() == 3, timeout=5000)
    rows = [
        tuple(model.index(row, column).data() for column in (DATE, CODE, EXECUTED))
        for row in range(model.rowCount())
    ]
    assert (day, "PRY-A", money) in rows
    assert (day, "PRY-B", "0,00" if lang == "es" else "0.00") in rows
