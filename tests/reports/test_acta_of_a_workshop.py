"""The acta of a workshop built from an empty database holds everything captured there:
attendance, the self-diagnosis findings by dimension, the demands raised, and each round
with how it was run and its agreed order (issue 12, point 2)."""

from __future__ import annotations

from planner_desktop.capture import deletion, records
from planner_desktop.domain.demands import Demand
from planner_desktop.domain.diagnosis import Finding
from planner_desktop.domain.events import Event
from tests.event_workshop import DEMANDS, FINDINGS, build_workshop
from tests.helpers import new_store
from tests.reports.conftest import print_report


def _acta(tmp_path):
    store = new_store(tmp_path / "workshop.sqlite")
    built = build_workshop(store)
    return store, built


def test_the_acta_holds_findings_demands_and_rounds(tmp_path):
    store, built = _acta(tmp_path)
    try:
        printed = print_report(store, "acta", tmp_path, event=str(built.event))
    finally:
        store.close()
    text = printed.text
    # the self-diagnosis: each finding under its dimension, with cause, effect and group
    assert printed.has("Self-diagnosis") and printed.has("Community Chuquiña")
    assert (
        text.index("Físico-natural")
        < text.index("Sequía prolongada")
        < text.index("Socio-cultural")
        < text.index("La escuela no tiene")
    )
    assert printed.has(
        "Problem Sequía prolongada en las parcelas altas Falta de riego Pérdida de cosechas Men"
    )
    assert printed.has("Limitation La escuela no tiene ítem de maestra Pocos alumnos")
    for _dimension, _kind, description, *_rest in FINDINGS:
        assert printed.has(description)
    # the demands raised: code, text, sector, group, beneficiaries
    assert printed.has("D1-01-01 Posta de salud con enfermera permanente Salud Women 40 / 38")
    for _sector, description, _group in DEMANDS:
        assert printed.has(description)
    assert printed.has("D1-01-05 Un centro para la juventud"), "raised from a finding"
    assert not printed.has("Ambulancia"), "another community's demand, not of this event"
    # the rounds: parameters, agreed order with classes and shared ranks, decisions
    assert printed.has(
        "3 dots per participant, several on one demand allowed; groups voting: Women, Men."
    )
    agreed = [
        "=1 A Posta de salud con enfermera permanente A+ 5",
        "=1 B Ítem de maestra para la escuela A 5",
        "=3 C Cancha polifuncional B 1",
    ]
    assert all(printed.has(row) for row in agreed)
    assert printed.has("B class A: La asamblea votó a mano alzada")
    assert printed.has("Faltaba contar una boleta de jóvenes")
    # the pairwise round: each choice with its reason; the agreed order by average rank
    assert printed.has("Youth B – C C: Cancha polifuncional B Los jóvenes no tienen dónde ir")
    assert printed.has("Average rank") and printed.has(
        "1 A Posta de salud con enfermera permanente A+ 1"
    )
    assert "-1" not in text.split("Comparación por pares")[1].split("Criterios")[0]
    # the criteria round, left open: its weights, and a warning that it may still change
    assert printed.has("Criteria: Urgencia 60 %, Beneficiarios 40 %")
    assert printed.has("This round is still open")
    assert text.count("This round is still open") == 1
    assert (
        text.index("Self-diagnosis")
        < text.index("Demands raised")
        < text.index("Priorities")
        < text.index("Signatures")
    )


def test_deleted_findings_and_demands_are_not_in_the_acta(tmp_path):
    store, built = _acta(tmp_path)
    try:
        deletion.delete(store, Finding, built.findings[0])
        code = sorted(built.demands)[-1]
        deletion.delete(store, Demand, built.demands[code])
        printed = print_report(store, "acta", tmp_path, event=str(built.event))
    finally:
        store.close()
    assert not printed.has("Sequía prolongada")
    assert printed.has("Vertiente de agua en la cabecera")
    assert not printed.has(code)


def test_an_event_with_nothing_captured_says_so(tmp_path):
    store, built = _acta(tmp_path)
    try:
        with store.session() as session:
            values = {
                c: getattr(session.get(Event, built.event), c)
                for c in ("municipality_id", "kind", "date")
            }
        empty = records.create(store, Event, {**values, "title": "Reunión sin registros"})
        printed = print_report(store, "acta", tmp_path, event=str(empty))
    finally:
        store.close()
    assert printed.has("No self-diagnosis was recorded at this event.")
    assert printed.has("No demand was recorded at this event.")
    assert printed.has("No prioritisation took place in this event.")
