"""Territory: municipio → distrito/cantón → comunidad/OTB/barrio, and its configuration."""

from __future__ import annotations

import uuid

from sqlalchemy import CheckConstraint, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from planner_desktop.domain.base import Base, Synced, enum_type, fk
from planner_desktop.domain.enums import AreaType, CommunityKind, DistrictKind

POPULATION_FIELDS = (
    "population_women",
    "population_men",
    "population_children",
    "population_youth",
    "population_adults",
    "population_elders",
)


class Municipality(Synced, Base):
    __tablename__ = "municipality"
    __table_args__ = (
        CheckConstraint("fiscal_year_start BETWEEN 1 AND 12", name="fiscal_year_start"),
        CheckConstraint("plan_end_year >= plan_start_year", name="plan_period"),
    )

    name: Mapped[str] = mapped_column(String(200))
    official_name: Mapped[str] = mapped_column(String(200), default="")
    """The government's own name on documents ("Gobierno Autónomo Municipal de Tiquipaya",
    "Alcaldía de Villa de Leyva", "Municipalidad de Rafaela"); empty: ``name`` is used."""
    country: Mapped[str] = mapped_column(String(100), default="Bolivia")
    department: Mapped[str] = mapped_column(String(100), default="")
    province: Mapped[str] = mapped_column(String(100), default="")
    currency: Mapped[str] = mapped_column(String(3), default="BOB")
    fiscal_year_start: Mapped[int] = mapped_column(Integer, default=1)
    plan_start_year: Mapped[int] = mapped_column(Integer, default=2026)
    plan_end_year: Mapped[int] = mapped_column(Integer, default=2030)
    legal_basis: Mapped[str] = mapped_column(Text, default="")

    districts: Mapped[list[District]] = relationship(
        back_populates="municipality", order_by="District.code"
    )
    dimensions: Mapped[list[Dimension]] = relationship(order_by="Dimension.position")
    sectors: Mapped[list[Sector]] = relationship(order_by="Sector.code")


class District(Synced, Base):
    __tablename__ = "district"

    municipality_id: Mapped[uuid.UUID] = fk("municipality.id")
    code: Mapped[str] = mapped_column(String(20))
    name: Mapped[str] = mapped_column(String(200))
    kind: Mapped[DistrictKind] = mapped_column(
        enum_type(DistrictKind), default=DistrictKind.district
    )

    geometry: Mapped[str | None] = mapped_column(Text, default=None)
    """Its shape as a GeoJSON geometry in longitude and latitude (WGS 84), or None."""

    municipality: Mapped[Municipality] = relationship(back_populates="districts")
    communities: Mapped[list[Community]] = relationship(
        back_populates="district", order_by="Community.name"
    )


class Community(Synced, Base):
    """A comunidad, OTB or barrio, with its population by sex and by age group."""

    __tablename__ = "community"
    __table_args__ = tuple(
        CheckConstraint(f"{field} >= 0", name=f"{field}_not_negative")
        for field in POPULATION_FIELDS
    )

    district_id: Mapped[uuid.UUID] = fk("district.id")
    code: Mapped[str] = mapped_column(String(20))
    name: Mapped[str] = mapped_column(String(200), index=True)
    kind: Mapped[CommunityKind] = mapped_column(
        enum_type(CommunityKind), default=CommunityKind.community
    )
    area: Mapped[AreaType] = mapped_column(enum_type(AreaType), default=AreaType.rural)
    population_women: Mapped[int] = mapped_column(Integer, default=0)
    population_men: Mapped[int] = mapped_column(Integer, default=0)
    population_children: Mapped[int] = mapped_column(Integer, default=0)
    population_youth: Mapped[int] = mapped_column(Integer, default=0)
    population_adults: Mapped[int] = mapped_column(Integer, default=0)
    population_elders: Mapped[int] = mapped_column(Integer, default=0)
    families: Mapped[int] = mapped_column(Integer, default=0)
    geometry: Mapped[str | None] = mapped_column(Text, default=None)
    """Its place (a point) or shape as a GeoJSON geometry in longitude and latitude (WGS 84),
    or None."""

    district: Mapped[District] = relationship(back_populates="communities")

    @property
    def population(self) -> int:
        return self.population_women + self.population_men


class Dimension(Synced, Base):
    """A diagnosis dimension (físico-natural, socio-cultural…), configurable per municipality."""

    __tablename__ = "dimension"
    __table_args__ = (UniqueConstraint("municipality_id", "code"),)

    municipality_id: Mapped[uuid.UUID] = fk("municipality.id")
    code: Mapped[str] = mapped_column(String(40))
    name: Mapped[str] = mapped_column(String(120))
    position: Mapped[int] = mapped_column(Integer, default=0)


class Sector(Synced, Base):
    """A sector of demands and programmes (salud, educación, riego…), configurable."""

    __tablename__ = "sector"
    __table_args__ = (UniqueConstraint("municipality_id", "code"),)

    municipality_id: Mapped[uuid.UUID] = fk("municipality.id")
    code: Mapped[str] = mapped_column(String(40))
    name: Mapped[str] = mapped_column(String(120))
