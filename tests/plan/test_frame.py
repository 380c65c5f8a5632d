"""The strategic frame edited through the core: plan, levels, elements, links (no Qt)."""

from __future__ import annotations

import uuid
from collections.abc import Iterator

import pytest
from sqlalchemy import select

from planner_desktop.domain import models  # noqa: F401  (every table)
from planner_desktop.domain.enums import IndicatorLevel, PlanTemplate, PriorityClass
from planner_desktop.domain.plan import (
    CrossCutting,
    ElementCrossCutting,
    Plan,
    PlanElement,
    PlanLevel,
    SdgLink,
)
from planner_desktop.domain.projects import Indicator, IndicatorTarget, ProjectProfile
from planner_desktop.domain.provenance import Provenance
from planner_desktop.domain.territory import Municipality
from planner_desktop.plan import frame, frame_change
from planner_desktop.plan import frame_elements as elements
from planner_desktop.plan import frame_links as links
from planner_desktop.plan import frame_plan as plans
from planner_desktop.plan.frame import FrameRefused
from planner_desktop.store.database import Store, open_store
from tests.postgres_server import Target

DEVICE = uuid.UUID("00000000-0000-4000-8000-000000000001")


@pytest.fixture(autouse=True)
def english() -> Iterator[None]:
    from planner_desktop.i18n import set_language

    set_language("en")
    yield


@pytest.fixture
def store(empty_target: Target) -> Iterator[Store]:
    opened = open_store(empty_target, Provenance(DEVICE, "Equipo técnico"))
    yield opened
    opened.close()


@pytest.fixture
def town(store: Store) -> uuid.UUID:
    with store.session() as session:
        town = Municipality(name="Rafaela", country="Argentina", currency="ARS")
        session.add(town)
        session.flush()
        return town.id


@pytest.fixture
def plan(store: Store, town: uuid.UUID) -> uuid.UUID:
    with store.session() as session:
        return plans.create_plan(session, town, PlanTemplate.argentina_pem, 2026, 2029)


def add(
    store: Store, plan_id: uuid.UUID, name: str, parent: uuid.UUID | None = None, **kw: object
) -> uuid.UUID:
    with store.session() as session:
        return elements.add_element(session, plan_id, name, parent, **kw)  # type: ignore[arg-type]


def get(store: Store, element_id: uuid.UUID) -> PlanElement:
    with store.session() as session:
        found = session.get(PlanElement, element_id)
        assert found is not None
        return found


# -- values checked one at a time ------------------------------------------------------


def test_values_refused_name_their_field() -> None:
    with pytest.raises(FrameRefused, match="Title") as error:
        frame.line("   ", "title", frame.TITLE_MAX)
    assert error.value.field == "title"
    assert frame.line(" Plan\t2026\n", "title", 200) == "Plan 2026"
    with pytest.raises(FrameRefused, match="at most 200"):
        frame.line("x" * 201, "title", frame.TITLE_MAX)
    assert frame.long_text("  Una visión\r\ncon dos líneas\x00 ", "vision") == (
        "Una visión\ncon dos líneas"
    )


def test_period_rules() -> None:
    assert frame.period("2026", 2030) == (2026, 2030)
    with pytest.raises(FrameRefused, match="end before") as error:
        frame.period(2030, 2026)
    assert error.value.field == "end_year"
    with pytest.raises(FrameRefused, match="four digits"):
        frame.period("dos mil", 2030)
    with pytest.raises(FrameRefused, match="2000"):
        frame.period(1999, 2003)
    with pytest.raises(FrameRefused, match="20 years"):
        frame.period(2026, 2050)


def test_level_names_rules() -> None:
    assert frame.level_names([" Eje ", "Objetivo"]) == ["Eje", "Objetivo"]
    with pytest.raises(FrameRefused, match="from 2 to 6"):
        frame.level_names(["Eje"])
    with pytest.raises(FrameRefused, match="from 2 to 6"):
        frame.level_names([f"N{n}" for n in range(7)])
    with pytest.raises(FrameRefused, match="twice"):
        frame.level_names(["Política", "politica"])
    with pytest.raises(FrameRefused, match="Level: it cannot be empty"):
        frame.level_names(["Eje", ""])


def test_code_and_sdg_rules() -> None:
    assert frame.code(" PR01 ") == "PR01"
    with pytest.raises(FrameRefused, match="no spaces"):
        frame.code("PR 01")
    with pytest.raises(FrameRefused, match="Code"):
        frame.code("")
    assert frame.sdg("6", "6.1") == (6, "6.1")
    assert frame.sdg(6, " 6.A ") == (6, "6.a")
    assert frame.sdg(17, "") == (17, "")
    for goal in (0, 18, "seis", None):
        with pytest.raises(FrameRefused, match="SDG: a goal from 1 to 17"):
            frame.sdg(goal)
    with pytest.raises(FrameRefused, match="not a target of goal 6") as error:
        frame.sdg(6, "7.1")
    assert error.value.field == "target"
    with pytest.raises(FrameRefused, match=r"goal\.number"):
        frame.sdg(6, "agua")


def test_team_class_and_target_rules() -> None:
    assert frame.team_class("A+", " urgente ") == (PriorityClass.a_plus, "urgente")
    assert frame.team_class(None, "") == (None, "")
    with pytest.raises(FrameRefused, match="Reason for the class"):
        frame.team_class("B", "  ")
    with pytest.raises(FrameRefused, match="A\\+, A, B or C"):
        frame.team_class("D", "no")
    assert frame.yearly_target(" 85 % ", 2027, 2026, 2029) == "85 %"
    assert frame.yearly_target("", 2040, 2026, 2029) == ""
    with pytest.raises(FrameRefused, match="outside the plan period"):
        frame.yearly_target("10", 2031, 2026, 2029)
    with pytest.raises(FrameRefused, match="Target: a target must be a number"):
        frame.yearly_target("muchos", 2027, 2026, 2029)


# -- the plan ------------------------------------------------------------------------


def test_plan_from_template_has_its_levels(store: Store, plan: uuid.UUID, town: uuid.UUID) -> None:
    with store.session() as session:
        made = session.get(Plan, plan)
        assert made is not None
        assert (made.title, made.start_year, made.end_year) == (
            "Plan Estratégico Municipal",
            2026,
            2029,
        )
        assert made.device_id == DEVICE and made.facilitator == "Equipo técnico"
        assert [lv.name for lv in plans.levels(session, plan)] == [
            "Eje de gestión",
            "Objetivo",
            "Lineamiento",
            "Política pública",
        ]
        with pytest.raises(FrameRefused, match="already has a plan"):
            plans.create_plan(session, town, PlanTemplate.bolivia_pdm, 2026, 2030)


def test_custom_plan_with_named_levels(store: Store, town: uuid.UUID) -> None:
    with store.session() as session:
        with pytest.raises(FrameRefused, match="from 2 to 6"):
            plans.create_plan(session, town, PlanTemplate.custom, 2026, 2030, level_names=["A"])
        plan_id = plans.create_plan(
            session,
            town,
            PlanTemplate.custom,
            2026,
            2030,
            title="Plan Rafaela 2030",
            level_names=["Eje", "Meta", "Programa", "Proyecto"],
        )
        assert [lv.name for lv in plans.levels(session, plan_id)] == [
            "Eje",
            "Meta",
            "Programa",
            "Proyecto",
        ]
    with store.session() as session:
        assert session.scalar(select(Plan.template)) == PlanTemplate.custom


def test_levels_rename_add_remove_at_the_bottom(store: Store, plan: uuid.UUID) -> None:
    with store.session() as session:
        plans.rename_level(session, plan, 4, "Programa")
        with pytest.raises(FrameRefused, match="another level"):
            plans.rename_level(session, plan, 1, "programa")
        assert plans.add_level(session, plan, "Proyecto") == 5
        assert plans.add_level(session, plan, "Actividad") == 6
        with pytest.raises(FrameRefused, match="at most 6"):
            plans.add_level(session, plan, "Tarea")
    top = add(store, plan, "Ciudad sostenible")
    chain = [top]
    for depth in range(2, 7):
        chain.append(add(store, plan, f"Elemento {depth}", chain[-1]))
    assert get(store, chain[-1]).depth == 6
    with store.session() as session:
        with pytest.raises(FrameRefused, match="1 element is at the level “Actividad”"):
            plans.remove_level(session, plan)
        for element_id in reversed(chain[2:]):
            elements.delete_element(session, element_id)
        plans.remove_level(session, plan)
        plans.remove_level(session, plan)
        plans.remove_level(session, plan)
        plans.remove_level(session, plan)
        with pytest.raises(FrameRefused, match="at least 2"):
            plans.remove_level(session, plan)
    with store.session() as session:
        # a level removed and added again reuses its row (one per plan and depth)
        plans.add_level(session, plan, "Lineamiento")
    with store.session() as session:
        rows = session.scalars(select(PlanLevel).where(PlanLevel.depth == 3)).all()
        assert [(r.name, r.deleted_at) for r in rows] == [("Lineamiento", None)]


def test_statements_and_period(store: Store, plan: uuid.UUID) -> None:
    with store.session() as session:
        plans.edit_plan(
            session, plan, vision="Rafaela,\nciudad verde", mission="Servir", title=" Plan 2030 "
        )
        with pytest.raises(FrameRefused, match="end before"):
            plans.edit_plan(session, plan, end_year=2020)
        plans.edit_plan(session, plan, start_year="2027", end_year="2031")
    with store.session() as session:
        made = session.get(Plan, plan)
        assert made is not None
        assert (made.title, made.vision, made.start_year, made.end_year) == (
            "Plan 2030",
            "Rafaela,\nciudad verde",
            2027,
            2031,
        )


def test_values_list_add_edit_reorder_delete(store: Store, plan: uuid.UUID) -> None:
    with store.session() as session:
        first = plans.add_value(session, plan, "Transparencia", "Cuentas claras")
        second = plans.add_value(session, plan, "Participación")
        third = plans.add_value(session, plan, "Equidad")
        with pytest.raises(FrameRefused, match="Value: it cannot be empty"):
            plans.add_value(session, plan, " ")
        plans.edit_value(session, second, "Participación ciudadana", "Todos deciden")
        plans.move_value(session, third, -2)
        plans.delete_value(session, first)
    with store.session() as session:
        found = plans.values_of(session, plan)
        assert [(v.name, v.position) for v in found] == [
            ("Equidad", 0),
            ("Participación ciudadana", 1),
        ]


# -- elements ------------------------------------------------------------------------


def test_add_elements_with_codes_levels_and_positions(store: Store, plan: uuid.UUID) -> None:
    eje = add(store, plan, "Ciudad sostenible")
    eje2 = add(store, plan, "Ciudad inclusiva", code="E2")
    objetivo = add(store, plan, "Agua para todos", eje, problem="Barrios sin red")
    skipped = add(store, plan, "Política de agua", eje, depth=4)
    assert (get(store, eje).code, get(store, eje).depth) == ("1", 1)
    assert (get(store, objetivo).code, get(store, objetivo).depth) == ("1.1", 2)
    assert get(store, objetivo).problem == "Barrios sin red"
    assert (get(store, skipped).depth, get(store, skipped).position) == (4, 1)
    assert get(store, eje2).position == 1
    with store.session() as session:
        with pytest.raises(FrameRefused, match="e2 is already used"):
            elements.add_element(session, plan, "Otro", code="e2")
        with pytest.raises(FrameRefused, match="there is none below"):
            elements.add_element(session, plan, "Muy abajo", skipped, depth=5)
        with pytest.raises(FrameRefused, match="below the level"):
            elements.add_element(session, plan, "Al lado", objetivo, depth=2)
        with pytest.raises(FrameRefused, match="Name: it cannot be empty"):
            elements.add_element(session, plan, "  ", eje)


def test_rename_describe_code_unit_sector(store: Store, plan: uuid.UUID, town: uuid.UUID) -> None:
    from planner_desktop.domain.plan import OrgUnit

    eje = add(store, plan, "Ciudad")
    other = add(store, plan, "Otra")
    with store.session() as session:
        unit = OrgUnit(municipality_id=town, name="Secretaría de Obras")
        session.add(unit)
        session.flush()
        elements.edit_element(
            session, eje, name="Ciudad sostenible", problem="Basurales", code="E1", unit_id=unit.id
        )
        with pytest.raises(FrameRefused, match="E1 is already used"):
            elements.set_code(session, other, "E1")
        with pytest.raises(FrameRefused, match="Responsible unit: it no longer exists"):
            elements.edit_element(session, eje, unit_id=uuid.uuid4())
    record = get(store, eje)
    assert (record.name, record.problem, record.code, record.unit_id) == (
        "Ciudad sostenible",
        "Basurales",
        "E1",
        unit.id,
    )


def test_move_keeps_levels_and_refuses_cycles(store: Store, plan: uuid.UUID) -> None:
    e1, e2 = add(store, plan, "Eje 1"), add(store, plan, "Eje 2")
    o1 = add(store, plan, "Objetivo", e1)
    l1 = add(store, plan, "Lineamiento", o1)
    p1 = add(store, plan, "Política", l1)
    with store.session() as session:
        elements.move_element(session, o1, e2)  # same level, other eje
    assert [get(store, i).depth for i in (o1, l1, p1)] == [2, 3, 4]
    assert get(store, o1).parent_id == e2
    with store.session() as session:
        with pytest.raises(FrameRefused, match="itself or from one below"):
            elements.move_element(session, o1, l1)
        with pytest.raises(FrameRefused, match="fall below the plan's 4 levels"):
            elements.move_element(session, o1, e1, depth=3)
        elements.move_element(session, p1, o1)  # a policy straight under an objective
    assert (get(store, p1).parent_id, get(store, p1).depth) == (o1, 4)
    with store.session() as session:
        elements.move_element(session, l1, None)  # to the top: its subtree moves up
    assert (get(store, l1).depth, get(store, l1).position) == (1, 2)


def test_reorder_among_siblings(store: Store, plan: uuid.UUID) -> None:
    ids = [add(store, plan, name) for name in ("A", "B", "C")]
    with store.session() as session:
        elements.move_among_siblings(session, ids[2], -1)
        elements.move_among_siblings(session, ids[0], 5)
    with store.session() as session:
        assert [e.name for e in elements.siblings(session, plan, None)] == ["C", "B", "A"]


def test_delete_refuses_what_others_hang_from(
    store: Store, plan: uuid.UUID, town: uuid.UUID
) -> None:
    eje = add(store, plan, "Eje")
    objetivo = add(store, plan, "Objetivo", eje)
    with store.session() as session:
        session.add(
            ProjectProfile(municipality_id=town, element_id=objetivo, code="P1", name="Red de agua")
        )
        with pytest.raises(FrameRefused, match="1 element hangs from it") as error:
            elements.delete_element(session, eje)
        assert error.value.field == "element_id"
        with pytest.raises(FrameRefused, match=r"1\.1 cannot be deleted: 1 project"):
            elements.delete_element(session, objetivo)


def test_delete_takes_its_own_details_and_undo_brings_them_back(
    store: Store, plan: uuid.UUID
) -> None:
    eje = add(store, plan, "Eje")
    objetivo = add(store, plan, "Objetivo", eje)
    with store.session() as session:
        dim = plans.add_dimension(session, plan, "Ambiental")
        links.set_tag(session, objetivo, dim, True)
        links.add_sdg(session, 6, "6.1", element_id=objetivo)
        indicator = links.add_indicator(session, objetivo, "Hogares con agua", "%", "60")
        links.set_target(session, indicator, 2027, "80")
    with store.session() as session, frame_change.recording(session) as change:
        elements.delete_element(session, objetivo)
    with store.session() as session:
        assert elements.elements(session, plan)[0].id == eje
        assert len(elements.elements(session, plan)) == 1
        assert not links.tags(session, objetivo) and not links.indicators(session, objetivo)
        assert session.scalar(select(IndicatorTarget.deleted_at)) is not None
    assert set(change.tables) >= {
        "plan_element",
        "indicator",
        "indicator_target",
        "sdg_link",
        "element_cross_cutting",
    }
    with store.session() as session:
        frame_change.undo(session, change)
    with store.session() as session:
        assert links.tags(session, objetivo) == [dim]
        assert links.targets(session, indicator) == {2027: "80"}
        assert [(s.sdg, s.target) for s in links.sdg_links(session, element_id=objetivo)] == [
            (6, "6.1")
        ]


# -- links ---------------------------------------------------------------------------


def test_sdg_links_on_plan_and_element(store: Store, plan: uuid.UUID) -> None:
    eje = add(store, plan, "Eje")
    with store.session() as session:
        links.add_sdg(session, 11, plan_id=plan)
        link = links.add_sdg(session, "6", "6.b", plan_id=plan)
        with pytest.raises(FrameRefused, match="already linked"):
            links.add_sdg(session, 11, "", plan_id=plan)
        with pytest.raises(FrameRefused, match="not a target of goal 3"):
            links.add_sdg(session, 3, "4.1", element_id=eje)
        links.add_sdg(session, 3, "3.8", element_id=eje)
        links.remove_sdg(session, link)
    with store.session() as session:
        assert [s.sdg for s in links.sdg_links(session, plan_id=plan)] == [11]
        assert session.scalar(select(SdgLink.target).where(SdgLink.element_id == eje)) == "3.8"


def test_cross_cutting_dimensions_and_tags(store: Store, plan: uuid.UUID) -> None:
    eje = add(store, plan, "Eje")
    with store.session() as session:
        a = plans.add_dimension(session, plan, "Planificada")
        b = plans.add_dimension(session, plan, "Accesible")
        with pytest.raises(FrameRefused, match="already there"):
            plans.add_dimension(session, plan, "accesible")
        plans.rename_dimension(session, b, "Accesible e inclusiva")
        links.set_tag(session, eje, a, True)
        links.set_tag(session, eje, b, True)
        links.set_tag(session, eje, a, False)
        links.set_tag(session, eje, a, True)  # the same row, its tombstone lifted
    with store.session() as session:
        assert links.tags(session, eje) == [a, b]
        assert len(session.scalars(select(ElementCrossCutting)).all()) == 2
        plans.delete_dimension(session, a)
    with store.session() as session:
        assert links.tags(session, eje) == [b]
        assert [d.name for d in plans.dimensions(session, plan)] == ["Accesible e inclusiva"]
        assert session.scalar(select(CrossCutting.position).where(CrossCutting.id == b)) == 0


def test_indicators_with_targets(store: Store, plan: uuid.UUID) -> None:
    eje = add(store, plan, "Eje")
    with store.session() as session:
        product = links.add_indicator(session, eje, "Km de red", "km", "0", "product")
        impact = links.add_indicator(session, eje, "Cobertura", "%", "60", IndicatorLevel.impact)
        with pytest.raises(FrameRefused, match="Indicator level"):
            links.add_indicator(session, eje, "Otro", level="meta")
        with pytest.raises(FrameRefused, match="Unit of measure: at most 60"):
            links.edit_indicator(session, impact, unit="x" * 61)
        links.edit_indicator(session, impact, baseline="62")
        links.set_target(session, impact, 2026, "70")
        links.set_target(session, impact, 2029, "95 %")
        with pytest.raises(FrameRefused, match="2030 is outside"):
            links.set_target(session, impact, 2030, "99")
        links.set_target(session, impact, 2026, "")
    with store.session() as session:
        assert [i.id for i in links.indicators(session, eje)] == [impact, product]
        assert links.targets(session, impact) == {2029: "95 %"}
        assert session.get(Indicator, impact).baseline == "62"  # type: ignore[union-attr]
        links.set_target(session, impact, 2026, "75")  # the tombstoned row reused
    with store.session() as session:
        assert links.targets(session, impact) == {2026: "75", 2029: "95 %"}
        links.delete_indicator(session, product)
    with store.session() as session:
        assert [i.id for i in links.indicators(session, eje)] == [impact]


def test_team_class_on_a_profile(store: Store, town: uuid.UUID) -> None:
    with store.session() as session:
        profile = ProjectProfile(municipality_id=town, code="P1", name="Red de agua")
        session.add(profile)
        session.flush()
        links.set_team_class(session, profile.id, "A+", "Riesgo sanitario")
        with pytest.raises(FrameRefused, match="Reason for the class"):
            links.set_team_class(session, profile.id, "C", "")
    with store.session() as session:
        found = session.get(ProjectProfile, profile.id)
        assert found is not None
        assert (found.team_class, found.team_class_reason) == (
            PriorityClass.a_plus,
            "Riesgo sanitario",
        )


# -- undo ----------------------------------------------------------------------------


def test_a_recorded_move_is_undone_and_done_again(store: Store, plan: uuid.UUID) -> None:
    e1, e2 = add(store, plan, "Eje 1"), add(store, plan, "Eje 2")
    o1 = add(store, plan, "Objetivo", e1)
    l1 = add(store, plan, "Lineamiento", o1)
    with store.session() as session, frame_change.recording(session) as change:
        elements.move_element(session, o1, None)
    assert [get(store, i).depth for i in (o1, l1)] == [1, 2]
    with store.session() as session:
        frame_change.undo(session, change)
    assert (get(store, o1).parent_id, get(store, o1).depth, get(store, l1).depth) == (e1, 2, 3)
    with store.session() as session:
        frame_change.redo(session, change)
    assert (get(store, o1).parent_id, get(store, o1).depth, get(store, o1).position) == (None, 1, 2)
    assert get(store, e2).position == 1


def test_a_recorded_creation_is_undone_by_a_tombstone(store: Store, town: uuid.UUID) -> None:
    with store.session() as session, frame_change.recording(session) as change:
        plan_id = plans.create_plan(session, town, PlanTemplate.bolivia_pdm, 2026, 2030)
    assert change.tables == ("plan", "plan_level")
    with store.session() as session:
        frame_change.undo(session, change)
    with store.session() as session:
        assert plans.plan_of(session, town) is None
        assert not plans.levels(session, plan_id)
        frame_change.redo(session, change)
    with store.session() as session:
        assert len(plans.levels(session, plan_id)) == 5
        made = session.get(Plan, plan_id)
        assert made is not None and made.base_version_id is not None  # a new version
