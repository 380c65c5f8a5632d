"""Creating a new municipality (the first-run wizard): districts, dimensions and sectors.

The dimensions and sectors come from the country template chosen
(:mod:`planner_desktop.domain.templates`); Bolivia's are the ones of the demo data, with
the same codes. A planning office renames or adds to them later.
"""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy.orm import Session

from planner_desktop.domain.enums import DistrictKind
from planner_desktop.domain.templates import (
    BOLIVIA_DIMENSIONS,
    BOLIVIA_SECTORS,
    DEFAULT,
    CountryTemplate,
)
from planner_desktop.domain.territory import Dimension, District, Municipality, Sector
from planner_desktop.i18n import _

STANDARD_DIMENSIONS = BOLIVIA_DIMENSIONS
STANDARD_SECTORS = BOLIVIA_SECTORS

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
    template: CountryTemplate = DEFAULT,
    country: str | None = None,
    currency: str | None = None,
    fiscal_year_start: int | None = None,
    districts: Sequence[str] = (),
    department: str = "",
    province: str = "",
) -> Municipality:
    """Add a municipality with its districts (codes D1, D2…), dimensions and sectors.

    ``template`` gives the dimensions and sectors, and the country, currency and first
    month of the fiscal year when they are not given.

    Raises :class:`ValueError` with a one-line message for an empty name, a currency that
    is not three letters, a month outside 1–12, or an empty or repeated district name;
    nothing is added then. The new rows are flushed, so their ids are set on return.
    """
    if fiscal_year_start is None:
        fiscal_year_start = template.fiscal_year_start
    clean, code, district_names = _check(
        name, template.currency if currency is None else currency, fiscal_year_start, districts
    )
    municipality = Municipality(
        name=clean,
        country=_one_line(template.country if country is None else country) or template.country,
        department=_one_line(department),
        province=_one_line(province),
        currency=code,
        fiscal_year_start=fiscal_year_start,
    )
    for number, district_name in enumerate(district_names, start=1):
        municipality.districts.append(
            District(code=f"D{number}", name=district_name, kind=DistrictKind.district)
        )
    for position, (dimension_code, dimension_name) in enumerate(template.dimensions, start=1):
        municipality.dimensions.append(
            Dimension(code=dimension_code, name=dimension_name, position=position)
        )
    for sector_code, sector_name in template.sectors:
        municipality.sectors.append(Sector(code=sector_code, name=sector_name))
    session.add(municipality)
    session.flush()
    return municipality


def check_municipality(name: str, currency: str, fiscal_year_start: int) -> tuple[str, str]:
    """The cleaned name and currency code of a municipality edited later, or a ValueError."""
    clean, code, _names = _check(name, currency, fiscal_year_start, ())
    return clean, code
