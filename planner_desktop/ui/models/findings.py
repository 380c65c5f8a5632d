"""The findings of one self-diagnosis, by dimension, kind and local rank, editable."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QByteArray, QMimeData, QModelIndex, Qt, Signal
from sqlalchemy import case, select

from planner_desktop.capture.validation import parse_optional_text, parse_required_text
from planner_desktop.domain.diagnosis import Finding
from planner_desktop.domain.enums import FindingKind
from planner_desktop.domain.summaries import live
from planner_desktop.domain.territory import Dimension
from planner_desktop.i18n import N_
from planner_desktop.plan.ordering import bytewise
from planner_desktop.ui.columns import Column, Kind
from planner_desktop.ui.models.editable import EditableQueryModel
from planner_desktop.ui.models.editing import FieldSpec, Index, group_choices, parse_group
from planner_desktop.ui.queries import TableQuery

DIMENSION, KIND, RANK, DESCRIPTION, CAUSE, EFFECT, GROUP = range(7)
MIME_TYPE = "application/x-planner-desktop-finding-row"
KIND_ORDER = case({kind.value: n for n, kind in enumerate(FindingKind)}, value=Finding.kind)


def findings_query(self_diagnosis_id: uuid.UUID | None) -> TableQuery:
    return TableQuery(
        columns=(
            Column(N_("Dimension")),
            Column(N_("Type"), Kind.label),
            Column(N_("Rank"), Kind.number),
            Column(N_("Finding"), stretch=True),
            Column(N_("Cause")),
            Column(N_("Effect")),
            Column(N_("Raised by"), Kind.label),
        ),
        ids=select(Finding.id)
        .join(Dimension, Finding.dimension_id == Dimension.id)
        .where(Finding.self_diagnosis_id == self_diagnosis_id, live(Finding))
        .order_by(
            Dimension.position, bytewise(Dimension.code), KIND_ORDER, Finding.rank, Finding.id
        ),
        rows=lambda keys: (
            select(
                Finding.id,
                Dimension.name,
                Finding.kind,
                Finding.rank,
                Finding.description,
                Finding.cause,
                Finding.effect,
                Finding.raising_group,
            )
            .join(Dimension, Finding.dimension_id == Dimension.id)
            .where(Finding.id.in_(keys))
        ),
    )


def finding_fields() -> dict[int, FieldSpec]:
    return {
        DESCRIPTION: FieldSpec("description", parse_required_text, N_("Finding")),
        CAUSE: FieldSpec("cause", parse_optional_text, N_("Cause")),
        EFFECT: FieldSpec("effect", parse_optional_text, N_("Effect")),
        GROUP: FieldSpec("raising_group", parse_group, N_("Raised by"), group_choices),
    }


class FindingsModel(EditableQueryModel):
    """The findings of one self-diagnosis; a row dragged onto another of the same
    dimension and kind asks to move there (``sig_move_requested(finding id, steps)``).
    The model never moves rows itself: the move is an undoable command of the page."""

    sig_move_requested = Signal(object, int)

    def flags(self, index: Index) -> Qt.ItemFlag:
        flags = super().flags(index)
        if index.isValid():
            return flags | Qt.ItemFlag.ItemIsDragEnabled | Qt.ItemFlag.ItemIsDropEnabled
        return flags

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:
        return [MIME_TYPE]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:
        data = QMimeData()
        rows = sorted({index.row() for index in indexes if index.isValid()})
        if rows:
            data.setData(MIME_TYPE, QByteArray(str(rows[0]).encode("ascii")))
        return data

    def dropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: Index
    ) -> bool:
        if not data.hasFormat(MIME_TYPE) or action != Qt.DropAction.MoveAction:
            return False
        source = int(bytes(data.data(MIME_TYPE).data()).decode("ascii"))
        target = parent.row() if parent.isValid() else row
        if not (0 <= source < self.rowCount() and 0 <= target < self.rowCount()):
            return False
        if self.group_of(source) != self.group_of(target) or source == target:
            return False
        self.sig_move_requested.emit(self.key(source), target - source)
        return False  # nothing is removed by the view: the command moves the row

    def group_of(self, row: int) -> tuple[Any, Any]:
        """Rows ranked together share dimension and kind."""
        values = self.values(row)
        return (values[DIMENSION], values[KIND]) if values else (None, None)
