"""How a group looks on the projection: a colour and a hatching that survive black and
white print (the pattern and the label tell the groups apart, not the colour)."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QTransform


@dataclass(frozen=True)
class Look:
    tint: str
    ink: str
    pattern: Qt.BrushStyle


LOOKS = {
    "women": Look("#f6d5e6", "#8e1b5a", Qt.BrushStyle.BDiagPattern),
    "men": Look("#d3e4f5", "#174a7c", Qt.BrushStyle.HorPattern),
    "youth": Look("#d9f0d3", "#2f6b1f", Qt.BrushStyle.DiagCrossPattern),
    "elders": Look("#fbe3c4", "#8a4b08", Qt.BrushStyle.VerPattern),
    "mixed": Look("#e4e0f2", "#4b3a8c", Qt.BrushStyle.CrossPattern),
}
AGREED_LOOK = Look("#e6e6e6", "#222222", Qt.BrushStyle.SolidPattern)


def look(group: str) -> Look:
    return LOOKS.get(group, AGREED_LOOK)


def brushes(group: str, scale: float = 1.0, tinted: bool = True) -> tuple[QBrush, QBrush]:
    """The light fill and the hatching over it; ``scale`` thickens the hatching so it
    stays visible on a projector. Without ``tinted`` (black on white, for bright rooms
    where pale tints wash out) the fill is white and the hatching black."""
    found = look(group)
    fill = QBrush(QColor(found.tint if tinted else "#ffffff"))
    if found.pattern is Qt.BrushStyle.SolidPattern:
        return fill, QBrush(QColor(found.ink).lighter(260) if tinted else QColor("#9a9a9a"))
    hatch = QBrush(QColor(found.ink if tinted else "#000000"), found.pattern)
    hatch.setTransform(QTransform.fromScale(scale, scale))
    return fill, hatch
