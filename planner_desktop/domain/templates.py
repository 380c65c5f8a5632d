"""Country templates of a new municipality: currency, territorial levels, dimensions, sectors.

A template is data, not code: every difference between countries is a value below, and
the code that creates a municipality or names a level only reads these values. A
template is chosen once, when the municipality is created; what it set (currency,
dimensions, sectors) is then edited freely, and the municipality's ``country`` picks the
names of its territorial levels (:func:`template_for`).

The names of levels, dimensions and sectors are the official Spanish words of each
country: they are proper names of the planning method there and stay Spanish in every
language of the interface, as *PDM* or *OTB* do.

Sector codes are shared between countries where the sector is the same (``educacion``,
``salud``…), so what is keyed by sector code (a pictogram, a report's grouping) works for
every template.
"""

from __future__ import annotations

from dataclasses import dataclass

from planner_desktop.domain.enums import CommunityKind, DistrictKind

BOLIVIA_DIMENSIONS: tuple[tuple[str, str], ...] = (
    ("fisico_natural", "Físico-natural"),
    ("socio_cultural", "Socio-cultural"),
    ("economico_productiva", "Económico-productiva"),
    ("organizativo_institucional", "Organizativo-institucional"),
    ("espacial", "Espacial"),
)

BOLIVIA_SECTORS: tuple[tuple[str, str], ...] = (
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


@dataclass(frozen=True)
class CountryTemplate:
    """The defaults of a new municipality in one country.

    ``district_levels`` and ``community_levels`` name each kind of territorial unit
    (the value of :class:`DistrictKind` or :class:`CommunityKind`) in that country;
    ``district_level`` is the word for the first level as a whole (a column title).
    """

    code: str
    country: str
    currency: str
    fiscal_year_start: int
    district_level: str
    community_level: str
    district_levels: tuple[tuple[DistrictKind, str], ...]
    community_levels: tuple[tuple[CommunityKind, str], ...]
    dimensions: tuple[tuple[str, str], ...]
    sectors: tuple[tuple[str, str], ...]

    def district_name(self, kind: DistrictKind) -> str:
        return dict(self.district_levels)[kind]

    def community_name(self, kind: CommunityKind) -> str:
        return dict(self.community_levels)[kind]


BOLIVIA = CountryTemplate(
    code="bo",
    country="Bolivia",
    currency="BOB",
    fiscal_year_start=1,
    district_level="Distrito",
    community_level="Comunidad",
    district_levels=((DistrictKind.district, "Distrito"), (DistrictKind.canton, "Cantón")),
    community_levels=(
        (CommunityKind.community, "Comunidad"),
        (CommunityKind.otb, "OTB"),
        (CommunityKind.neighbourhood, "Barrio"),
    ),
    dimensions=BOLIVIA_DIMENSIONS,
    sectors=BOLIVIA_SECTORS,
)

COLOMBIA = CountryTemplate(
    code="co",
    country="Colombia",
    currency="COP",
    fiscal_year_start=1,
    district_level="Comuna o corregimiento",
    community_level="Barrio o vereda",
    district_levels=(
        (DistrictKind.district, "Comuna"),
        (DistrictKind.canton, "Corregimiento"),
    ),
    community_levels=(
        (CommunityKind.community, "Vereda"),
        (CommunityKind.otb, "Junta de Acción Comunal"),
        (CommunityKind.neighbourhood, "Barrio"),
    ),
    dimensions=(
        ("social", "Social"),
        ("economica", "Económica"),
        ("ambiental", "Ambiental"),
        ("institucional", "Institucional"),
    ),
    sectors=(
        ("educacion", "Educación"),
        ("salud", "Salud y protección social"),
        ("agua_saneamiento", "Agua potable y saneamiento básico"),
        ("produccion_agropecuaria", "Agricultura y desarrollo rural"),
        ("caminos_transporte", "Transporte"),
        ("energia", "Minas y energía"),
        ("medio_ambiente_riesgos", "Ambiente y desarrollo sostenible"),
        ("vivienda", "Vivienda, ciudad y territorio"),
        ("deporte_cultura", "Deporte, recreación y cultura"),
        ("genero_generacional", "Inclusión social y reconciliación"),
        ("fortalecimiento_institucional", "Gobierno territorial"),
        ("turismo", "Comercio, industria y turismo"),
        ("seguridad_ciudadana", "Justicia, seguridad y convivencia"),
        ("tic", "Tecnologías de la información y las comunicaciones"),
    ),
)

ARGENTINA = CountryTemplate(
    code="ar",
    country="Argentina",
    currency="ARS",
    fiscal_year_start=1,
    district_level="Delegación o localidad",
    community_level="Barrio o paraje",
    district_levels=(
        (DistrictKind.district, "Delegación"),
        (DistrictKind.canton, "Localidad"),
    ),
    community_levels=(
        (CommunityKind.community, "Paraje"),
        (CommunityKind.otb, "Sociedad de fomento"),
        (CommunityKind.neighbourhood, "Barrio"),
    ),
    dimensions=(
        ("social", "Social"),
        ("economica", "Económico-productiva"),
        ("ambiental", "Ambiental"),
        ("urbano_territorial", "Urbano-territorial"),
        ("institucional", "Institucional"),
    ),
    sectors=(
        ("educacion", "Educación"),
        ("salud", "Salud"),
        ("agua_saneamiento", "Agua, cloacas y desagües"),
        ("caminos_transporte", "Calles, transporte y movilidad"),
        ("produccion_agropecuaria", "Producción y empleo"),
        ("energia", "Energía y alumbrado público"),
        ("medio_ambiente_riesgos", "Ambiente y residuos"),
        ("vivienda", "Vivienda y hábitat"),
        ("deporte_cultura", "Deporte y cultura"),
        ("genero_generacional", "Desarrollo social, género y diversidad"),
        ("fortalecimiento_institucional", "Modernización y participación"),
        ("turismo", "Turismo"),
        ("seguridad_ciudadana", "Seguridad ciudadana"),
        ("desarrollo_urbano", "Espacio público y equipamiento"),
    ),
)

TEMPLATES: tuple[CountryTemplate, ...] = (BOLIVIA, COLOMBIA, ARGENTINA)
"""In the order offered; the first one is the default."""
DEFAULT = TEMPLATES[0]


def template(code: str) -> CountryTemplate:
    """The template of ``code`` ("bo", "co", "ar"); a ValueError names an unknown one."""
    for found in TEMPLATES:
        if found.code == code:
            return found
    raise ValueError(f"unknown country template {code!r}")


def template_for(country: str) -> CountryTemplate:
    """The template of a municipality's country (by name, any case), Bolivia's otherwise."""
    wanted = " ".join(country.split()).casefold()
    for found in TEMPLATES:
        if found.country.casefold() == wanted:
            return found
    return DEFAULT
