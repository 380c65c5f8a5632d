"""The municipality, its districts and communities, and its diagnosis configuration."""

from __future__ import annotations

from planner_desktop.demo.context import (
    SETUP_DAY,
    CommunityInfo,
    Context,
    DistrictInfo,
    SectorInfo,
    at,
)
from planner_desktop.demo.geometry import demo_shapes
from planner_desktop.demo.names import PersonNames, PlaceNames
from planner_desktop.domain.enums import AreaType, CommunityKind, DistrictKind
from planner_desktop.domain.models import Community, Dimension, District, Municipality, Sector

BASE_COMMUNITIES = (52, 56)
"""How many communities a scale-1 municipality has (drawn in this range)."""

PERIURBAN_SHARE = 0.3
"""Share of the urban district's communities that are periurban comunidades, not barrios."""

SECTOR_DIMENSION = {
    "educacion": "socio_cultural",
    "salud": "socio_cultural",
    "genero_generacional": "socio_cultural",
    "deporte_cultura": "socio_cultural",
    "produccion_agropecuaria": "economico_productiva",
    "riego": "economico_productiva",
    "turismo": "economico_productiva",
    "medio_ambiente_riesgos": "fisico_natural",
    "agua_saneamiento": "espacial",
    "caminos_transporte": "espacial",
    "energia": "espacial",
    "vivienda": "espacial",
    "desarrollo_urbano": "espacial",
    "fortalecimiento_institucional": "organizativo_institucional",
    "seguridad_ciudadana": "organizativo_institucional",
}
"""The diagnosis dimension whose problems a sector's demands usually answer."""


def make_municipality(ctx: Context) -> None:
    source = ctx.sources.municipality
    ctx.municipality_name = source["name"]
    ctx.official_name = source.get("official_name") or (
        f"Gobierno Autónomo Municipal de {source['name']}"
    )
    ctx.town = source["urban_centre"]
    ctx.plan_start = int(source["plan_period"]["start"])
    ctx.plan_end = int(source["plan_period"]["end"])
    facilitator = ctx.facilitators[0]
    ctx.municipality_id = ctx.writer.synced(
        Municipality,
        at(SETUP_DAY),
        facilitator,
        name=source["name"],
        official_name=ctx.official_name,
        country=source["country"],
        department=source["department"],
        province=source["province"],
        currency=source["currency"],
        fiscal_year_start=int(source["fiscal_year_start"]),
        plan_start_year=ctx.plan_start,
        plan_end_year=ctx.plan_end,
        legal_basis=source["legal_basis"],
    )
    people = ctx.sources.people
    ctx.person_names = PersonNames(people["women_first"], people["men_first"], people["surnames"])
    places = ctx.sources.places
    ctx.place_names = PlaceNames(
        prefixes=places["prefixes"],
        roots=places["roots"],
        suffixes=places["suffixes"],
        fixed=places["fixed"],
        barrios=places["urban_barrios"],
        reserved=(source["urban_centre"],),
    )


def make_configuration(ctx: Context) -> None:
    """The five diagnosis dimensions and the sectors, from the demo sources."""
    facilitator = ctx.facilitators[0]
    when = at(SETUP_DAY, 5)
    for position, dimension in enumerate(ctx.sources.diagnosis["dimensions"], start=1):
        ctx.dimensions[dimension["code"]] = ctx.writer.synced(
            Dimension,
            when,
            facilitator,
            municipality_id=ctx.municipality_id,
            code=dimension["code"],
            name=dimension["name"],
            position=position,
        )
    first_dimension = next(iter(ctx.dimensions))
    for sector in ctx.sources.sectors["sectors"]:
        sector_id = ctx.writer.synced(
            Sector,
            when,
            facilitator,
            municipality_id=ctx.municipality_id,
            code=sector["code"],
            name=sector["name"],
        )
        dimension = SECTOR_DIMENSION.get(sector["code"], first_dimension)
        if dimension not in ctx.dimensions:
            dimension = first_dimension
        ctx.sectors.append(
            SectorInfo(
                id=sector_id,
                code=sector["code"],
                name=sector["name"],
                dimension=dimension,
                templates=list(sector["demand_templates"]),
            )
        )


def _community_counts(ctx: Context, shares: list[float]) -> list[int]:
    """Communities per district: the scale-1 total times the scale, split by share."""
    total = ctx.rng.randint(*BASE_COMMUNITIES) * ctx.scale
    weight = sum(shares)
    counts = [max(2, round(total * share / weight)) for share in shares]
    counts[-1] = max(2, counts[-1] + total - sum(counts))
    return counts


def make_territory(ctx: Context) -> None:
    districts = ctx.sources.municipality["districts"]
    counts = _community_counts(ctx, [float(d["community_share"]) for d in districts])
    width = 3 if max(counts) >= 100 else 2
    shapes = demo_shapes(ctx.municipality_id, len(districts), [bool(d["urban"]) for d in districts])
    for index, (source, count) in enumerate(zip(districts, counts, strict=True)):
        facilitator = ctx.facilitators[index % len(ctx.facilitators)]
        kind = DistrictKind.canton if "cant" in source["kind"].lower() else DistrictKind.district
        district = DistrictInfo(
            id=ctx.writer.synced(
                District,
                at(SETUP_DAY, 10),
                facilitator,
                municipality_id=ctx.municipality_id,
                code=source["code"],
                name=source["name"],
                kind=kind,
                geometry=shapes.district_text(index),
            ),
            code=source["code"],
            name=source["name"],
            short_name=source["short_name"],
            urban=bool(source["urban"]),
            capital=source["capital"],
            facilitator=facilitator,
        )
        ctx.districts.append(district)
        points = shapes.community_points(index, count, district.urban)
        for number, point in enumerate(points, start=1):
            district.communities.append(_make_community(ctx, district, number, width, point))


def _make_community(
    ctx: Context, district: DistrictInfo, number: int, width: int, geometry: str
) -> CommunityInfo:
    rng = ctx.rng
    names = ctx.place_names
    assert names is not None and ctx.person_names is not None
    urban = district.urban and rng.random() >= PERIURBAN_SHARE
    if number == 1 and not district.urban:
        name = names.claim(district.capital)
    elif urban:
        name = names.barrio(rng)
    else:
        name = names.rural(rng)
    if urban:
        families = rng.randint(90, 280)
        per_family = rng.uniform(3.6, 4.4)
        shares = (0.30, 0.30, 0.32)
    else:
        families = rng.randint(35, 150)
        per_family = rng.uniform(3.4, 4.6)
        shares = (0.33, 0.22, 0.31)
    population = max(20, round(families * per_family))
    women = round(population * rng.uniform(0.48, 0.535))
    men = population - women
    children = round(population * rng.uniform(shares[0] - 0.03, shares[0] + 0.03))
    youth = round(population * rng.uniform(shares[1] - 0.03, shares[1] + 0.03))
    adults = round(population * rng.uniform(shares[2] - 0.03, shares[2] + 0.03))
    elders = population - children - youth - adults
    code = f"{district.code}-{number:0{width}d}"
    community_id = ctx.writer.synced(
        Community,
        at(SETUP_DAY, 15),
        district.facilitator,
        district_id=district.id,
        code=code,
        name=name,
        kind=CommunityKind.neighbourhood if urban else CommunityKind.community,
        area=AreaType.urban if urban else AreaType.rural,
        population_women=women,
        population_men=men,
        population_children=children,
        population_youth=youth,
        population_adults=adults,
        population_elders=elders,
        families=families,
        geometry=geometry,
    )
    surnames = ctx.person_names.surnames
    return CommunityInfo(
        id=community_id,
        code=code,
        name=name,
        district=district,
        urban=urban,
        women=women,
        men=men,
        families=families,
        surnames=[rng.choice(surnames) for _ in range(4)],
    )
