"""Every code people can see has a label."""

from __future__ import annotations

from enum import StrEnum

from planner_desktop.domain import enums
from planner_desktop.domain.labels import LABELS, label
from planner_desktop.i18n import set_language


def all_codes() -> list[StrEnum]:
    return [
        member
        for value in vars(enums).values()
        if isinstance(value, type) and issubclass(value, StrEnum) and value is not StrEnum
        for member in value
    ]


def test_every_enum_member_has_a_label():
    missing = [
        f"{type(m).__name__}.{m.name}" for m in all_codes() if (type(m), m.value) not in LABELS
    ]
    assert missing == []


def test_labels_are_translated():
    set_language("es")
    try:
        assert label(enums.FindingKind.potentiality) == "Potencialidad"
        assert label(enums.Group.women) == "Mujeres"
        # the same code in two vocabularies keeps its own label
        assert label(enums.CommunityKind.community) != label(enums.FundingKind.community)
    finally:
        set_language("es")
    set_language("en")
    try:
        assert label(enums.Group.women) == "Women"
    finally:
        set_language("es")
