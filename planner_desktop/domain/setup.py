"""Creating a new municipality (the first-run wizard): districts, dimensions and sectors.

The standard dimensions and sectors are the ones of Bolivian municipal planning, with the
same codes as the demo data; a planning office renames or adds to them later.
"""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy.orm import Session

from planner_desktop.domain.enums import DistrictKind
from planner_desktop.domain.territory import Dimension, District, Municipality, Sector
from planner_desktop.i18n import _

STANDARD_DIMENSIONS: tuple[tuple[str, str], ...] = (
    ("fisico_natural", "Físico-natural"),
    ("socio_cultural", "Socio-cultural"),
    ("economico_productiva", "Económico-productiva"),
    ("organizativo_institucional", "Organizativo-institucional"),
    ("espacial", "Espacial"),
)

STANDARD_SECTORS: tuple[tuple[str, str], ...] = (
    ("educacion", "Educación"),
    ("salud", "Salud"),
    ("agua_saneamiento", "Agua potable y saneamiento básico"),
    ("riego", "Riego"),
    ("caminos_transporte", "Caminos y transporte"),
    ("produccion_agropecuaria", "Producción agropecuaria"),
    ("energia", "Energía y electrificación"),
    ("medio_ambiente_riesgos", "Medio ambiente y gestión de riesgos"),
    ("vivienda", "Vivienda"),
    ("deporte_cultura", "Deporte y cultura"),
    ("genero_generacional", "Género y generacional"),
    ("fortalecimiento_institucional", "Fortalecimiento institucional"),
    ("turismo", "Turismo"),
    ("seguridad_ciudadana", "Seguridad ciudadana"),
    ("desarrollo_urbano", "Desarrollo urbano y equipamiento"),
)

NAME_MAX = 200


def _one_line(value: object) -> str:
    return " ".join(str(value).split())


def _check(
    name: str, currency: str, fiscal_year_start: int, districts: Sequence[str]
) -> tuple[str, str, list[str]]:
    """The cleaned name, currency code and district names, or a one-line ValueError."""
    clean = _one_line(name)
    if not clean:
        raise ValueError(_("The name of the municipality is empty."))
    if len(clean) > NAME_MAX:
        raise ValueError(
            _("The name of the municipality is longer than {limit} characters.").format(
                limit=NAME_MAX
            )
        )
    code = str(currency).strip().upper()
    if len(code) != 3 or not code.isascii() or not code.isalpha():
        raise ValueError(
            _("The currency must be a three-letter code such as BOB, not «{value}».").format(
                value=currency
            )
        )
    if isinstance(fiscal_year_start, bool) or not isinstance(fiscal_year_start, int):
        raise ValueError(_("The first month of the fiscal year must be a number from 1 to 12."))
    if not 1 <= fiscal_year_start <= 12:
        raise ValueError(
            _("The first month of the fiscal year must be from 1 to 12, not {value}.").format(
                value=fiscal_year_start
            )
        )
    if isinstance(districts, str):
        raise ValueError(_("The districts must be a list of names."))
    names: list[str] = []
    seen: set[str] = set()
    for number, district in enumerate(districts, start=1):
        text = _one_line(district)
        if not text:
            raise ValueError(_("The name of district {number} is empty.").format(number=number))
        if len(text) > NAME_MAX:
            raise ValueError(
                _("The name of district {number} is longer than {limit} characters.").format(
                    number=number, limit=NAME_MAX
                )
            )
        if text.casefold() in seen:
            raise ValueError(_("The district name «{name}» appears twice.").format(name=text))
        seen.add(text.casefold())
        names.append(text)
    return clean, code, names


def create_municipality(
    session: Session,
    *,
    name: str,
    country: str = "Bolivia",
    currency: str = "BOB",
    fiscal_year_start: int = 1,
    districts: Sequence[str] = (),
    department: str = "",
    province: str = "",
) -> Municipality:
    """Add a municipality with its districts (codes D1, D2…), dimensions and sectors.

    Raises :class:`ValueError` with a one-line message for an empty name, a currency that
    is not three letters, a month outside 1–12, or an empty or repeated district name;
    nothing is added then. The new rows are flushed, so their ids are set on return.
    """
    clean, code, district_names = _check(name, currency, fiscal_year_start, districts)
    municipality = Municipality(
        name=clean,
        country=_one_line(country),
        department=_one_line(department),
        province=_one_line(province),
        currency=code,
        fiscal_year_start=fiscal_year_start,
    )
    for number, district_name in enumerate(district_names, start=1):
        municipality.districts.append(
            District(code=f"D{number}", name=district_name, kind=DistrictKind.district)
        )
    for position, (dimension_code, dimension_name) in enumerate(STANDARD_DIMENSIONS, start=1):
        municipality.dimensions.append(
            Dimension(code=dimension_code, name=dimension_name, position=position)
        )
    for sector_code, sector_name in STANDARD_SECTORS:
        municipality.sectors.append(Sector(code=sector_code, name=sector_name))
    session.add(municipality)
    session.flush()
    return municipality
