"""Rating a weighted-criteria round: a group, then a demand code and one rating per
criterion in their order (``A 4 2 5``) and Enter.

Emits ``sig_rated(group, code, ratings)`` for a readable line and ``sig_refused(reason)``
for one that is not (the panel shows it in place, one line naming the field).
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from planner_desktop.i18n import _
from planner_desktop.prioritization.criteria import CriterionSpec
from planner_desktop.ui.prioritization.keys import group_label


def criteria_hint(criteria: Sequence[CriterionSpec]) -> str:
    """The criteria in the order their ratings are typed, with scale and weight."""
    parts = [_("{name} {low}–{high} ({weight:g} %)").format(
        name=c.name, low=c.scale_min, high=c.scale_max, weight=c.weight) for c in criteria]
    return _("Ratings in this order: {criteria}").format(criteria=", ".join(parts))


def parse_ratings(text: str) -> tuple[str, list[float]]:
    """``"A 4 2 5"`` → ``("A", [4, 2, 5])``; raises ValueError naming the field."""
    words = text.replace(",", " ").replace(";", " ").split()
    if not words:
        raise ValueError(_("Ratings: type the demand code, then one rating per criterion"))
    code, rest = words[0].upper(), words[1:]
    try:
        values = [float(word) for word in rest]
    except ValueError:
        raise ValueError(
            _("Ratings: after the demand code, only numbers, e.g. A 4 2 5")) from None
    return code, values


class RatingLine(QWidget):
    sig_rated = Signal(str, str, object)
    sig_refused = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.criteria: tuple[CriterionSpec, ...] = ()
        self.group = QComboBox()
        self.group.setObjectName("ratingGroup")
        self.ratings = QLineEdit()
        self.ratings.setObjectName("ratingEntry")
        self.ratings.setPlaceholderText(_("Demand code and one rating per criterion, "
                                          "e.g. A 4 2 5, then Enter"))
        self.record = QPushButton(_("Record the ratings"))
        self.record.setObjectName("ratingRecord")
        self.hint = QLabel()
        self.hint.setObjectName("ratingHint")
        self.hint.setWordWrap(True)
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        for text, widget, stretch in ((_("Group"), self.group, 0),
                                      (_("Demand and ratings"), self.ratings, 1)):
            label = QLabel(text)
            label.setBuddy(widget)
            row.addWidget(label)
            row.addWidget(widget, stretch)
        row.addWidget(self.record)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addLayout(row)
        column.addWidget(self.hint)
        self.ratings.returnPressed.connect(self.submit)
        self.record.clicked.connect(self.submit)

    def set_round(self, groups: Sequence[str], criteria: Sequence[CriterionSpec]) -> None:
        chosen = self.group.currentData()
        self.group.clear()
        for group in groups:
            self.group.addItem(group_label(group), group)
        self.group.setCurrentIndex(max(self.group.findData(chosen), 0))
        self.criteria = tuple(criteria)
        self.hint.setText(criteria_hint(self.criteria))

    def submit(self) -> None:
        group = self.group.currentData()
        try:
            code, values = parse_ratings(self.ratings.text())
        except ValueError as refusal:
            self.sig_refused.emit(str(refusal))
            self.ratings.setFocus()
            return
        if len(values) != len(self.criteria):
            self.sig_refused.emit(
                _("Ratings: type {count} ratings after the code, one per criterion").format(
                    count=len(self.criteria)))
            self.ratings.setFocus()
            return
        if group is None:
            self.sig_refused.emit(_("Group: choose the group that rated the demand"))
            return
        self.sig_rated.emit(str(group), code, values)

    def recorded(self) -> None:
        """The ratings are stored: clear the line for the next demand."""
        self.ratings.clear()
        self.ratings.setFocus()
