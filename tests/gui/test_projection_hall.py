"""Issue 12, point 9: the projection across a hall, and the sector pictograms it shares with
the printed ballots."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QImage
from sqlalchemy import func, select

from planner_desktop.domain.enums import PrioritizationMethod
from planner_desktop.domain.prioritization import PrioritizationRound, RoundItem
from planner_desktop.domain.setup import STANDARD_SECTORS
from planner_desktop.reports import pictograms
from planner_desktop.reports.common import ReportOptions
from planner_desktop.reports.registry import write_report
from planner_desktop.ui.prioritization import painting
from planner_desktop.ui.prioritization.projection import ProjectionWindow, projector_screen
from planner_desktop.ui.prioritization.state import load_state


def test_every_standard_sector_has_a_pictogram_in_the_font() -> None:
    """The mapping is data; each standard sector names an icon the shipped font draws."""
    table = pictograms.pictograms()
    for code, _name in STANDARD_SECTORS:
        assert table.icon_name(code).startswith("fa6s."), code
        assert pictograms.glyph(code), code
    assert pictograms.glyph("a sector nobody mapped") == ""
    assert pictograms.font_file() is not None


def _fonts(page: Any) -> list[str]:
    fonts = page["/Resources"]["/Font"]
    return [str(fonts[name].get_object()["/BaseFont"]) for name in fonts]


def test_a_printed_ballot_carries_each_demands_pictogram(demo_store: Any,
                                                         tmp_path: Path) -> None:
    with demo_store.session() as session:
        rnd = session.scalars(select(PrioritizationRound).where(
            PrioritizationRound.deleted_at.is_(None)).order_by(
            PrioritizationRound.created_at)).first()
        community = str(rnd.community_id)
        items = [(item.code, item.demand.description, item.demand.sector.code)
                 for item in rnd.items if item.deleted_at is None]
        out = tmp_path / "ballot.pdf"
        write_report("ballot", session, ReportOptions(community=community,
                                                      generated=date(2026, 11, 2)), out)
    first = PdfReader(out).pages[0]
    text = first.extract_text() or ""
    assert any(font.endswith("FontAwesome6Free-Solid") for font in _fonts(first))
    wanted = [pictograms.glyph(sector) for _code, _text, sector in items]
    assert all(wanted)
    shown = [char for char in text if 0xE000 <= ord(char) <= 0xF8FF]
    # one pictogram per demand of the first round's ballot, in the order of the rows
    assert shown[:len(items)] == wanted
    assert items[0][1][:30] in " ".join(text.split())
    assert not first.images  # vector glyphs, sharp at any size, not pictures


# --- the projection window ----------------------------------------------------------

@pytest.fixture
def projection(qtbot: Any, demo_store: Any) -> ProjectionWindow:
    with demo_store.session() as session:
        # the dots round with the most demands: more than one page of them
        round_id = session.scalars(select(PrioritizationRound.id).join(
            RoundItem, RoundItem.round_id == PrioritizationRound.id).where(
            PrioritizationRound.method == PrioritizationMethod.dots,
            PrioritizationRound.deleted_at.is_(None), RoundItem.deleted_at.is_(None))
            .group_by(PrioritizationRound.id).order_by(
            func.count(RoundItem.id).desc(), PrioritizationRound.created_at)).first()
    window = ProjectionWindow()
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.set_state(load_state(demo_store, round_id))
    with qtbot.waitExposed(window):
        window.show()
    return window


def test_the_projector_is_the_screen_that_is_not_the_laptops() -> None:
    assert projector_screen(["laptop", "projector"], "laptop") == "projector"
    assert projector_screen(["projector", "laptop"], "laptop") == "projector"
    assert projector_screen(["laptop"], "laptop") == "laptop"


def test_demand_text_is_readable_from_ten_metres(qtbot: Any, projection: ProjectionWindow,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    """On a 1366-px image every demand's text is written at 28 px at least (about 2.9 cm
    capitals on a 2 m wide image: readable at 10 m); what does not fit goes to a page."""
    assert painting.min_text(1366) >= 28
    written: list[tuple[str, float]] = []
    real = painting._text

    def record(painter: Any, rect: Any, text: str, pixels: float, **kw: Any) -> None:
        written.append((text, pixels))
        real(painter, rect, text, pixels, **kw)

    monkeypatch.setattr(painting, "_text", record)
    labels = {bar.label for bar in projection.bars}
    assert len(labels) > 6 and projection.pages() > 1
    seen: dict[str, float] = {}
    for _page in range(projection.pages()):
        written.clear()
        projection.grab()
        seen.update({text: size for text, size in written if text in labels})
        qtbot.keyClick(projection, Qt.Key.Key_PageDown)
    assert set(seen) == labels  # every demand's own words, on one page or the next
    assert min(seen.values()) >= 28
    qtbot.keyClick(projection, Qt.Key.Key_PageUp)
    assert projection.page == projection.pages() - 2


def test_each_row_shows_its_sectors_pictogram(projection: ProjectionWindow,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    asked: list[str] = []
    real = painting.pictogram_icon

    def record(sector: str) -> Any:
        asked.append(sector)
        icon = real(sector)
        assert icon is not None and not icon.isNull()
        return icon

    monkeypatch.setattr(painting, "pictogram_icon", record)
    projection.grab()
    state = projection.state
    assert state is not None
    first_page = projection.bars[:len(asked)]
    assert asked == [state.sectors[bar.code] for bar in first_page]
    assert len(asked) >= 6


def _coloured(image: QImage) -> int:
    """How many sampled pixels have a visible hue (not grey, black or white)."""
    count = 0
    for y in range(0, image.height(), 3):
        for x in range(0, image.width(), 3):
            colour = image.pixelColor(x, y)
            if colour.hsvSaturation() > 40 and colour.value() > 40:
                count += 1
    return count


def test_black_on_white_for_bright_rooms(qtbot: Any, projection: ProjectionWindow) -> None:
    assert _coloured(projection.grab().toImage()) > 1000  # the groups' tints
    qtbot.keyClick(projection, Qt.Key.Key_B)
    assert projection.plain
    assert _coloured(projection.grab().toImage()) == 0
    qtbot.keyClick(projection, Qt.Key.Key_B)
    assert not projection.plain


def test_f11_fills_the_screen_and_esc_leaves(qtbot: Any, projection: ProjectionWindow) -> None:
    qtbot.keyClick(projection, Qt.Key.Key_F11)
    assert projection.isFullScreen()
    assert projection.screen() is QGuiApplication.screens()[-1]
    qtbot.keyClick(projection, Qt.Key.Key_Escape)
    assert not projection.isFullScreen() and projection.isVisible()
