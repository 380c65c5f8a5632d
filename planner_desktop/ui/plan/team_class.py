"""The technical team's class of a project (A+, A, B, C) and the reason for it, saved
together: a class with no reason is refused in place (naming the reason), and a class
cleared keeps whatever reason was written."""

from __future__ import annotations

import uuid
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QComboBox, QPlainTextEdit
from sqlalchemy.orm import Session

from planner_desktop.domain.enums import PriorityClass
from planner_desktop.domain.projects import ProjectProfile
from planner_desktop.i18n import _
from planner_desktop.plan import frame, frame_links
from planner_desktop.ui.changes import ChangeHub
from planner_desktop.ui.plan.frame_fields import FrameFields


class TeamClassFields(QObject):
    """The class drop-down and the reason field of the profile shown."""

    sig_refused = Signal(str)

    def __init__(self, hub: ChangeHub, undo_stack: QUndoStack, parent: QObject) -> None:
        super().__init__(parent)
        self.hub = hub
        self.fields = FrameFields(hub, undo_stack, self)
        self.fields.sig_refused.connect(self.sig_refused)
        combo = QComboBox()
        combo.setObjectName("profileTeamClass")
        combo.addItem(_("No class yet"), None)
        for value in PriorityClass:
            combo.addItem(value.value, value)
        self.team_class = self.fields.bind(combo, "team_class", "Team class", self._write_class)
        reason = QPlainTextEdit()
        reason.setObjectName("profileTeamReason")
        reason.setTabChangesFocus(True)
        reason.setMaximumHeight(60)
        reason.setPlaceholderText(_("Why the technical team gives this class"))
        self.reason = self.fields.bind(
            reason,
            "team_class_reason",
            "Reason for the class",
            self._write_reason,
            lambda text: frame.long_text(text, "team_class_reason"),
        )

    def _write_class(self, session: Session, profile_id: uuid.UUID, value: Any) -> None:
        reason = frame.long_text(self.reason.toPlainText(), "team_class_reason")
        frame_links.set_team_class(session, profile_id, value, reason)

    def _write_reason(self, session: Session, profile_id: uuid.UUID, value: str) -> None:
        frame_links.set_team_class(session, profile_id, self.team_class.currentData(), value)

    def show_profile(self, profile_id: uuid.UUID | None) -> None:
        values: dict[str, Any] = {}
        if profile_id is not None:
            with self.hub.store.session() as session:
                record = session.get(ProjectProfile, profile_id)
                if record is not None:
                    values = {
                        "team_class": record.team_class,
                        "team_class_reason": record.team_class_reason,
                    }
        self.fields.show(profile_id, values)
