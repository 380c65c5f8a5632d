"""A pictogram per sector, for people who do not read: the same drawing on the projection
and on the printed ballots.

The mapping sector code → icon name is data (``resources/pictograms.json``), so a
municipality with its own sectors adds a line there instead of a branch in the code; a
sector it does not name simply has no pictogram. The icons are those of the Font Awesome 6
solid set that the window's icon library (qtawesome) ships as a TrueType font: the window
draws them through qtawesome, the PDF embeds the very same font file, found on disk
without importing qtawesome (that would import Qt, and this module is core).
"""

from __future__ import annotations

import functools
import importlib.util
import json
import logging
from dataclasses import dataclass
from pathlib import Path

from reportlab.platypus import Flowable

from planner_desktop import paths

log = logging.getLogger(__name__)

PICTOGRAM_FONT = "PlannerPictograms"
"""The name the font is registered under in reportlab."""
FONT_GLOB = "fontawesome6-solid-webfont-*.ttf"
CHARMAP_GLOB = "fontawesome6-solid-webfont-charmap-*.json"


@dataclass(frozen=True)
class Pictograms:
    icon_set: str
    """qtawesome's prefix for the set, e.g. ``fa6s``."""
    sectors: dict[str, str]
    """Sector code → icon name within the set."""

    def icon_name(self, sector_code: str | None) -> str:
        """The qtawesome name (``fa6s.school``) of a sector's pictogram, or ``""``."""
        name = self.sectors.get(sector_code or "", "")
        return f"{self.icon_set}.{name}" if name else ""


@functools.cache
def pictograms() -> Pictograms:
    """The mapping read once from ``resources/pictograms.json`` (empty when unreadable)."""
    source = paths.resources_dir() / "pictograms.json"
    try:
        data = json.loads(source.read_text(encoding="utf-8"))
        sectors = {str(code): str(name) for code, name in dict(data["sectors"]).items()}
        return Pictograms(str(data["icon_set"]), sectors)
    except (OSError, ValueError, KeyError, TypeError) as error:
        log.warning("no sector pictograms: %s", error)
        return Pictograms("fa6s", {})


def _font_folders() -> list[Path]:
    folders = [paths.resources_dir() / "fonts"]
    spec = importlib.util.find_spec("qtawesome")  # finds the package, does not import it
    if spec is not None and spec.submodule_search_locations:
        folders += [Path(place) / "fonts" for place in spec.submodule_search_locations]
    return folders


def _first(pattern: str) -> Path | None:
    for folder in _font_folders():
        found = sorted(folder.glob(pattern))
        if found:
            return found[-1]
    return None


@functools.cache
def font_file() -> Path | None:
    """The TrueType file of the icon set, or None (then documents print no pictograms)."""
    return _first(FONT_GLOB)


@functools.cache
def _charmap() -> dict[str, str]:
    found = _first(CHARMAP_GLOB)
    if found is None:
        return {}
    try:
        return {str(k): str(v) for k, v in json.loads(found.read_text("utf-8")).items()}
    except (OSError, ValueError) as error:
        log.warning("no pictogram charmap: %s", error)
        return {}


def glyph(sector_code: str | None) -> str:
    """The character that draws a sector's pictogram in the icon font, or ``""``."""
    name = pictograms().sectors.get(sector_code or "", "")
    point = _charmap().get(name, "")
    return chr(int(point, 16)) if point else ""


@functools.cache
def register_pdf_font() -> bool:
    """Register the icon font with reportlab once; False when it cannot be found."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFError, TTFont

    found = font_file()
    if found is None:
        log.warning("no pictogram font: ballots print without pictograms")
        return False
    try:
        pdfmetrics.registerFont(TTFont(PICTOGRAM_FONT, str(found)))
    except (OSError, TTFError) as error:
        log.warning("cannot use the pictogram font %s: %s", found.name, error)
        return False
    return True


class PictogramCell(Flowable):
    """A sector's pictogram centred in a table cell, ``size`` points high (empty when the
    sector has none or the font is missing)."""

    def __init__(self, sector_code: str | None, size: float) -> None:
        super().__init__()
        self.char = glyph(sector_code) if register_pdf_font() else ""
        self.size = size

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        self.width = available_width
        return available_width, self.size

    def draw(self) -> None:
        if not self.char:
            return
        canvas = self.canv
        canvas.setFont(PICTOGRAM_FONT, self.size)
        canvas.drawCentredString(self.width / 2, self.size * 0.15, self.char)
