"""The demand list's first open (issue 17, point 3): the first screen first, read once.

On a database made through the program (a new municipality, then demands captured with
the capture functions the window uses), the list opened in the window reads the count and
one first page once; scrolled to its end it shows every demand, and sorted by any column,
either way, or filtered as a person types, the rows are exactly those of a plain Python
sort and filter of what was captured, with the count beside them.
"""

from __future__ import annotations

import uuid
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QModelIndex, QPoint, Qt
from sqlalchemy import event, select

from planner_desktop.capture import demands, records
from planner_desktop.context import open_database
from planner_desktop.domain.demands import Demand
from planner_desktop.domain.enums import Group
from planner_desktop.domain.territory import Community, Sector
from planner_desktop.i18n import ngettext
from planner_desktop.ui.models import demand_list as dl
from planner_desktop.ui.pages.base import PageContext
from planner_desktop.ui.pages.demands import DemandsPanel
from tests.gui.capture_helpers import new_municipality

pytestmark = pytest.mark.gui

CAPTURED = dl.FIRST_PAGE + dl.PAGE_SIZE + 37
"""More than the first page and one more page: the end is reached by scrolling twice."""
WORDS = ("Agua potable", "Puente", "Aula", "Riego por goteo", "Posta de salud")
GROUPS = tuple(Group)


Row = dict[Any, Any]
"""A captured demand: its ``id``, and its value in each column of the list."""


def capture_demands(path: Path) -> list[Row]:
    """Demands typed as the window's capture does, written by the program's records;
    what each row of the list must show, by column."""
    store = open_database(path, must_exist=True)
    truth: list[Row] = []
    try:
        with store.session() as session:
            communities = list(session.execute(select(Community.id, Community.name)))
            sectors = list(session.execute(select(Sector.id, Sector.name)))
        for n in range(CAPTURED):
            community_id, community = communities[n % len(communities)]
            sector_id, sector = sectors[(n * 7) % len(sectors)]
            with store.session() as session:
                values = demands.new_demand(
                    session,
                    community_id=community_id,
                    sector_id=sector_id,
                    description=f"{WORDS[n % len(WORDS)]} {n:04d}",
                    raising_group=GROUPS[n % len(GROUPS)],
                )
            values["beneficiaries_women"] = (n * 37) % 250
            values["beneficiaries_men"] = (n * 53) % 90
            values["estimated_cost"] = Decimal((n * 7919) % 50000) + Decimal("0.50")
            records.create(store, Demand, values)
            truth.append(
                {
                    "id": values["id"],
                    dl.CODE: values["code"],
                    dl.DISTRICT: "Distrito Uno",
                    dl.COMMUNITY: community,
                    dl.SECTOR: sector,
                    dl.DESCRIPTION: values["description"],
                    dl.GROUP: values["raising_group"],
                    dl.WOMEN: values["beneficiaries_women"],
                    dl.MEN: values["beneficiaries_men"],
                    dl.COST: values["estimated_cost"],
                    dl.STATUS: values["status"],
                }
            )
    finally:
        store.close()
    return truth


@pytest.fixture(scope="module")
def made(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[Row]]:
    path = new_municipality(tmp_path_factory.mktemp("made") / "made.sqlite")
    return path, capture_demands(path)


@pytest.fixture
def window(qtbot: Any, settings: Any, made: Any, tmp_path: Path) -> Any:
    import shutil

    from tests.gui.test_window import open_window

    copy = tmp_path / "made.sqlite"
    shutil.copyfile(made[0], copy)
    return open_window(qtbot, settings, copy)


def open_list(qtbot: Any, window: Any) -> DemandsPanel:
    """The list as a page of the window, shown: the panel the Priorización page holds."""
    panel = DemandsPanel(PageContext(window.store, window.undo_stack))
    window.stack.addWidget(panel)
    window.stack.setCurrentWidget(panel)
    qtbot.waitUntil(lambda: panel.view.isVisible() and panel.view.viewport().height() > 100)
    return panel


def sort_key(column: int, value: Any) -> Any:
    """How the database orders a column: codes of enums as stored, text byte by byte."""
    if column in (dl.GROUP, dl.STATUS):
        return value.value
    if isinstance(value, str):
        return value.encode()
    return value


def expected(truth: list[Row], column: int, descending: bool) -> list[uuid.UUID]:
    """The ids in the list's order: by ``column``, ties by id (always ascending)."""
    by_id = sorted(truth, key=lambda row: row["id"].hex)
    ordered = sorted(by_id, key=lambda row: sort_key(column, row[column]), reverse=descending)
    return [row["id"] for row in ordered]


def scroll_to_the_end(qtbot: Any, panel: DemandsPanel) -> None:
    """Scroll down as a person does until the list has nothing more to fetch."""
    model, view = panel.model, panel.view
    for _ in range(20):
        if not model.canFetchMore(QModelIndex()):
            break
        view.scrollToBottom()
        qtbot.wait(20)
    assert not model.canFetchMore(QModelIndex())
    assert model.rowCount() == model.total


def shown(panel: DemandsPanel) -> list[uuid.UUID]:
    model = panel.model
    return [model.index(row, 0).data(dl.KEY_ROLE) for row in range(model.rowCount())]


def click_header(qtbot: Any, panel: DemandsPanel, column: int) -> None:
    header = panel.view.horizontalHeader()
    middle = header.sectionViewportPosition(column) + header.sectionSize(column) // 2
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton,
                     pos=QPoint(middle, header.height() // 2))


def test_the_first_open_reads_the_count_and_one_first_page_once(qtbot: Any, window: Any) -> None:
    statements: list[tuple[str, Any]] = []

    def seen(_conn: Any, _cursor: Any, statement: str, parameters: Any, *_rest: Any) -> None:
        statements.append((" ".join(statement.split()), parameters))

    event.listen(window.store.engine, "before_cursor_execute", seen)
    try:
        panel = open_list(qtbot, window)
    finally:
        event.remove(window.store.engine, "before_cursor_execute", seen)
    counts = [s for s, _p in statements if s.startswith("SELECT count(*)") and "FROM demand" in s]
    pages = [p for s, p in statements if s.startswith("SELECT demand.id, demand.code")]
    assert len(counts) == 1, counts
    assert len(pages) == 1 and dl.FIRST_PAGE + 1 in tuple(pages[0]), pages
    assert panel.model.rowCount() == dl.FIRST_PAGE < panel.model.total == CAPTURED
    assert panel.count.text() == ngettext("{n} demand", "{n} demands", CAPTURED).format(
        n=CAPTURED)


def test_scrolled_to_the_end_every_captured_demand_is_shown_as_captured(
    qtbot: Any, window: Any, made: Any
) -> None:
    truth = made[1]
    panel = open_list(qtbot, window)
    scroll_to_the_end(qtbot, panel)
    assert shown(panel) == expected(truth, dl.CODE, descending=False)
    by_id = {row["id"]: row for row in truth}
    model = panel.model
    for row in range(model.rowCount()):
        captured = by_id[model.index(row, 0).data(dl.KEY_ROLE)]
        for column in range(model.columnCount()):
            assert model.index(row, column).data(dl.VALUE_ROLE) == captured[column]
    last = model.rowCount() - 1
    assert model.index(last, dl.DESCRIPTION).data() == by_id[shown(panel)[-1]][dl.DESCRIPTION]
    assert model.index(last, dl.COST).data().endswith(",50")


@pytest.mark.parametrize("column", [c for c in range(len(dl.COLUMNS)) if c != dl.DISTRICT])
def test_sorted_by_any_column_either_way_the_whole_list_follows(
    qtbot: Any, window: Any, made: Any, column: int
) -> None:
    truth = made[1]
    panel = open_list(qtbot, window)
    header = panel.view.horizontalHeader()
    click_header(qtbot, panel, column)
    first = header.sortIndicatorOrder()
    for order in (first, Qt.SortOrder.DescendingOrder if first == Qt.SortOrder.AscendingOrder
                  else Qt.SortOrder.AscendingOrder):
        if header.sortIndicatorOrder() != order:
            click_header(qtbot, panel, column)
        assert header.sortIndicatorSection() == column and header.sortIndicatorOrder() == order
        descending = order == Qt.SortOrder.DescendingOrder
        assert panel.model.rowCount() == dl.FIRST_PAGE, "sorted: the first screen first"
        scroll_to_the_end(qtbot, panel)
        assert shown(panel) == expected(truth, column, descending)
        assert panel.model.total == CAPTURED


def test_filtered_as_a_person_types_then_cleared(qtbot: Any, window: Any, made: Any) -> None:
    truth = made[1]
    panel = open_list(qtbot, window)
    panel.search.setFocus()
    qtbot.keyClicks(panel.search, "AGUA")
    wanted = [row for row in truth if "agua" in row[dl.DESCRIPTION].lower()]
    assert len(wanted) > dl.FIRST_PAGE, "the filtered list also needs scrolling"
    qtbot.waitUntil(lambda: panel.model.total == len(wanted), timeout=5000)
    assert panel.count.text() == ngettext("{n} demand", "{n} demands", len(wanted)).format(
        n=len(wanted))
    scroll_to_the_end(qtbot, panel)
    assert shown(panel) == expected(wanted, dl.CODE, descending=False)

    sector = truth[0][dl.SECTOR]
    panel.sector.setCurrentIndex(panel.sector.findText(sector))
    both = [row for row in wanted if row[dl.SECTOR] == sector]
    assert 0 < len(both) < len(wanted)
    assert shown(panel) == expected(both, dl.CODE, descending=False)

    panel.sector.setCurrentIndex(0)
    panel.search.clear()
    qtbot.waitUntil(lambda: panel.model.total == CAPTURED, timeout=5000)
    every = expected(truth, dl.CODE, descending=False)
    assert dl.FIRST_PAGE <= panel.model.rowCount() < CAPTURED
    assert shown(panel) == every[: panel.model.rowCount()]


def test_the_chosen_demand_stays_chosen_while_scrolling_and_after_an_edit(
    qtbot: Any, window: Any
) -> None:
    from tests.gui.capture_helpers import saved

    panel = open_list(qtbot, window)
    view, model = panel.view, panel.model
    view.setCurrentIndex(model.index(7, dl.DESCRIPTION))
    chosen = view.currentIndex().data(dl.KEY_ROLE)
    scroll_to_the_end(qtbot, panel)
    assert view.currentIndex().data(dl.KEY_ROLE) == chosen
    assert model.setData(model.index(3, dl.WOMEN), "12")
    saved(qtbot, window)
    qtbot.waitUntil(lambda: model.index(3, dl.WOMEN).data() == "12", timeout=5000)
    assert view.currentIndex().row() == 7 and view.currentIndex().data(dl.KEY_ROLE) == chosen
    assert model.rowCount() == CAPTURED, "an edit keeps the rows read so far"
