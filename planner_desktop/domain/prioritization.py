"""Prioritisation rounds: items, criteria, the append-only votes, and the results."""

from __future__ import annotations

import uuid
from decimal import Decimal

from sqlalchemy import Boolean, CheckConstraint, Float, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from planner_desktop.domain.base import Appended, Base, Synced, enum_type, fk
from planner_desktop.domain.demands import Demand
from planner_desktop.domain.enums import Group, PrioritizationMethod, PriorityClass, RoundLevel


class PrioritizationRound(Synced, Base):
    """One prioritisation in the room: a method over a set of demands, run per group.

    ``groups`` lists the group codes that vote, separated by commas (configurable).
    """

    __tablename__ = "prioritization_round"
    __table_args__ = (
        CheckConstraint("dots_per_participant >= 0", name="dots_not_negative"),
        CheckConstraint("ballots_issued >= 0", name="ballots_issued_not_negative"),
        CheckConstraint("ballots_counted >= 0", name="ballots_counted_not_negative"),
        CheckConstraint("participants_present >= 0", name="participants_not_negative"),
    )

    municipality_id: Mapped[uuid.UUID] = fk("municipality.id")
    event_id: Mapped[uuid.UUID | None] = fk("event.id", nullable=True)
    community_id: Mapped[uuid.UUID | None] = fk("community.id", nullable=True)
    district_id: Mapped[uuid.UUID | None] = fk("district.id", nullable=True)
    level: Mapped[RoundLevel] = mapped_column(enum_type(RoundLevel))
    method: Mapped[PrioritizationMethod] = mapped_column(enum_type(PrioritizationMethod))
    title: Mapped[str] = mapped_column(String(250))
    groups: Mapped[str] = mapped_column(String(120), default="women,men,youth,elders")
    dots_per_participant: Mapped[int] = mapped_column(Integer, default=3)
    allow_stacking: Mapped[bool] = mapped_column(Boolean, default=True)
    max_choices: Mapped[int | None] = mapped_column(Integer, default=None)
    budget_ceiling: Mapped[Decimal | None] = mapped_column(default=None)
    ballots_issued: Mapped[int] = mapped_column(Integer, default=0)
    ballots_counted: Mapped[int] = mapped_column(Integer, default=0)
    participants_present: Mapped[int] = mapped_column(Integer, default=0)
    reconciliation_note: Mapped[str] = mapped_column(Text, default="")
    agreed_note: Mapped[str] = mapped_column(Text, default="")
    """How the room reached an agreed order set by hand (see :class:`RoundDecision`)."""
    closed: Mapped[bool] = mapped_column(Boolean, default=False)
    reopen_log: Mapped[str] = mapped_column(Text, default="")
    """Every reopening of the closed round, one line each: ``<UTC time>\t<reason>``
    (see :mod:`planner_desktop.prioritization.opening`); printed in the acta."""

    items: Mapped[list[RoundItem]] = relationship(
        back_populates="round", order_by="RoundItem.position"
    )
    criteria: Mapped[list[Criterion]] = relationship(order_by="Criterion.position")


class RoundItem(Synced, Base):
    """A demand on the ballot of a round, with the short code typed during tallying."""

    __tablename__ = "round_item"
    __table_args__ = (UniqueConstraint("round_id", "demand_id"),)

    round_id: Mapped[uuid.UUID] = fk("prioritization_round.id")
    demand_id: Mapped[uuid.UUID] = fk("demand.id")
    code: Mapped[str] = mapped_column(String(10))
    position: Mapped[int] = mapped_column(Integer, default=0)

    round: Mapped[PrioritizationRound] = relationship(back_populates="items")
    demand: Mapped[Demand] = relationship()


class Criterion(Synced, Base):
    """A weighted criterion (weights of a round sum to 100 %) with its rating scale."""

    __tablename__ = "criterion"
    __table_args__ = (
        CheckConstraint("weight >= 0 AND weight <= 100", name="weight_range"),
        CheckConstraint("scale_max > scale_min", name="scale"),
    )

    round_id: Mapped[uuid.UUID] = fk("prioritization_round.id")
    name: Mapped[str] = mapped_column(String(120))
    weight: Mapped[float] = mapped_column(Float)
    scale_min: Mapped[int] = mapped_column(Integer, default=1)
    scale_max: Mapped[int] = mapped_column(Integer, default=5)
    position: Mapped[int] = mapped_column(Integer, default=0)


class Vote(Appended, Base):
    """A tally or ballot entry: dots (``count``) or a rank on one item, for one group.

    Entries of one paper ballot share ``ballot_id``.
    """

    __tablename__ = "vote"
    __table_args__ = (
        CheckConstraint("count >= 0", name="count_not_negative"),
        CheckConstraint("rank IS NULL OR rank >= 1", name="rank_positive"),
    )

    round_id: Mapped[uuid.UUID] = fk("prioritization_round.id")
    item_id: Mapped[uuid.UUID] = fk("round_item.id")
    group: Mapped[Group] = mapped_column(enum_type(Group))
    ballot_id: Mapped[uuid.UUID | None] = mapped_column(default=None, index=True)
    count: Mapped[int] = mapped_column(Integer, default=1)
    rank: Mapped[int | None] = mapped_column(Integer, default=None)


class Score(Appended, Base):
    """A rating of one item on one criterion by one group."""

    __tablename__ = "score"

    round_id: Mapped[uuid.UUID] = fk("prioritization_round.id")
    item_id: Mapped[uuid.UUID] = fk("round_item.id")
    criterion_id: Mapped[uuid.UUID] = fk("criterion.id")
    group: Mapped[Group] = mapped_column(enum_type(Group))
    value: Mapped[float] = mapped_column(Float)


class PairwiseChoice(Appended, Base):
    """One comparison of two items by one group, with the reason given in the room."""

    __tablename__ = "pairwise_choice"

    round_id: Mapped[uuid.UUID] = fk("prioritization_round.id")
    group: Mapped[Group] = mapped_column(enum_type(Group))
    item_a_id: Mapped[uuid.UUID] = fk("round_item.id")
    item_b_id: Mapped[uuid.UUID] = fk("round_item.id")
    winner_id: Mapped[uuid.UUID] = fk("round_item.id")
    reason: Mapped[str] = mapped_column(Text, default="")


class RoundDecision(Synced, Base):
    """What the room decided by hand about one item: its priority class, with the reason
    (required), and its place in an agreed order reached by discussion (the round's
    ``agreed_note`` says how). Inputs of the results like the votes, so recomputing gives
    the same agreed list and classes. A decision is cleared, never deleted; when two
    laptops decided about the same item, the one saved last counts.
    """

    __tablename__ = "round_decision"
    __table_args__ = (
        CheckConstraint(
            "agreed_position IS NULL OR agreed_position >= 1", name="agreed_position_positive"
        ),
    )

    round_id: Mapped[uuid.UUID] = fk("prioritization_round.id")
    item_id: Mapped[uuid.UUID] = fk("round_item.id")
    priority_class: Mapped[PriorityClass | None] = mapped_column(
        enum_type(PriorityClass), default=None
    )
    class_reason: Mapped[str] = mapped_column(Text, default="")
    agreed_position: Mapped[int | None] = mapped_column(Integer, default=None)


class RoundResult(Synced, Base):
    """The computed (or agreed) position of an item for one group, or ``agreed``.

    ``group`` is a group code or ``"agreed"``; the inputs stay in votes, scores and
    choices so any result can be recomputed. ``rank`` is the place in the list (distinct,
    the order shown); ``shared_rank`` is the rank equal scores share and ``tied`` says
    the item shares it (printed ``=2``). Results stored before the ranks were shared have
    no ``shared_rank``: read ``rank`` then.
    """

    __tablename__ = "round_result"
    __table_args__ = (CheckConstraint("rank >= 1", name="rank_positive"),)

    round_id: Mapped[uuid.UUID] = fk("prioritization_round.id")
    item_id: Mapped[uuid.UUID] = fk("round_item.id")
    group: Mapped[str] = mapped_column(String(20))
    rank: Mapped[int] = mapped_column(Integer)
    shared_rank: Mapped[int | None] = mapped_column(Integer, default=None)
    tied: Mapped[bool] = mapped_column(Boolean, default=False)
    score: Mapped[float] = mapped_column(Float, default=0.0)
    priority_class: Mapped[PriorityClass | None] = mapped_column(
        enum_type(PriorityClass), default=None
    )
    class_reason: Mapped[str] = mapped_column(Text, default="")
    dissent: Mapped[str] = mapped_column(Text, default="")
