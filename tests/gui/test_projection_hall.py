"""Issue 12, point 9: the projection across a hall, and the sector pictograms it shares with
the printed ballots."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from pypdf import PdfReader
from sqlalchemy import select

from planner_desktop.domain.prioritization import PrioritizationRound
from planner_desktop.domain.setup import STANDARD_SECTORS
from planner_desktop.reports import pictograms
from planner_desktop.reports.common import ReportOptions
from planner_desktop.reports.registry import write_report


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
