"""A real workshop from an empty database, everything a facilitator does, by hand (issue 12).

Only widgets are used, as a person uses them (typing, clicking, keys): no demo data and
no write to the store behind the window's back. The path: a new municipality from the
first-run wizard → a district and two communities → an event, made current → eight
attendees → a self-diagnosis with findings in two dimensions → demands raised by women,
men, youth and elders → a dots round per group and one pairwise round → the groups
compared side by side → the agreed list with classes, a tie decided with the room's
reason → the round closed → the acta printed (its text holds the findings, the demands
and the agreed order) → ``session export --event`` → merged into a second empty database,
where the event's records are the same as in the first.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QMenu, QWizard
from sqlalchemy import select

from planner_desktop.domain import labels
from planner_desktop.domain.diagnosis import Finding, SelfDiagnosis
from planner_desktop.domain.enums import FindingKind, Group, Phase, PriorityClass
from planner_desktop.domain.enums import PrioritizationMethod as M
from planner_desktop.domain.events import Attendance, Event
from planner_desktop.domain.prioritization import PrioritizationRound, RoundResult
from planner_desktop.i18n import ngettext
from planner_desktop.ui.printing.print_dialog import PrintDialog
from tests.gui.capture_helpers import saved, type_text
from tests.gui.event_helpers import create_event, events_panel
from tests.gui.printing_helpers import click_and_wait
from tests.gui.test_first_run import press
from tests.gui.test_first_run_new_municipality import add, open_wizard, type_community
from tests.gui.test_round_from_empty import (
    choose_in_tally,
    choose_pair,
    click,
    close_round,
    column_texts,
    decide_class,
    open_round,
    tally,
)
from tests.gui.test_self_diagnosis_start import add_finding, self_diagnosis_panel

pytestmark = pytest.mark.gui

ATTENDEES = (  # name, sex key, age-group key (1 child, 2 youth, 3 adult, 4 elder)
    ("Juana Mamani", "F", "3"),
    ("Rosa Quispe", "F", "2"),
    ("Elena Choque", "F", "4"),
    ("Marta Flores", "F", "3"),
    ("Pedro Condori", "M", "3"),
    ("Luis Apaza", "M", "2"),
    ("Tomás Huanca", "M", "4"),
    ("Mario Poma", "M", "3"),
)
DEMANDS = (  # text, sector, the group that raised it
    ("Agua potable para la escuela", "Agua potable y saneamiento básico", Group.women),
    ("Ripiado del camino vecinal", "Caminos y transporte", Group.men),
    ("Cancha deportiva multiuso", "Deporte y cultura", Group.youth),
    ("Posta de salud con enfermera", "Salud", Group.elders),
)
POPULATION = {
    "population_women": 61,
    "population_men": 59,
    "population_children": 40,
    "population_youth": 30,
    "population_adults": 38,
    "population_elders": 12,
    "families": 30,
}


def shot(widget, name: str) -> None:
    """With PLANNER_DESKTOP_SHOTS set to a folder, keep a picture of ``widget`` there
    (how the README's "A workshop, step by step" is illustrated, in a real X window)."""
    folder = os.environ.get("PLANNER_DESKTOP_SHOTS")
    if folder:
        QApplication.processEvents()
        widget.grab().save(str(Path(folder) / f"{name}.png"))


def cli(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "planner_desktop", *map(str, args)],
        capture_output=True, text=True, timeout=120, check=False,
    )


def new_municipality_by_hand(qtbot, tmp_path, language: str):
    window, wizard = open_wizard(qtbot, tmp_path, language)
    page = wizard.new
    assert page.template.currentText() == "Bolivia", "Bolivia's cycle is the default"
    page.districts.setFocus()
    type_text(qtbot, page.districts, "Distrito 1 – Centro")
    page.name.setFocus()
    type_text(qtbot, page.name, "Villa Ñandú")
    shot(wizard, "01-new-municipality")
    press(qtbot, wizard, QWizard.WizardButton.CommitButton)
    qtbot.waitUntil(lambda: wizard.currentPage() is wizard.territory, timeout=10000)
    territory = wizard.territory
    for name in ("Chaupi Loma", "Villa Esperanza"):
        type_community(qtbot, territory.form, name, POPULATION)
        add(qtbot, territory)
    shot(wizard, "02-communities")
    with qtbot.waitSignal(wizard.accepted, timeout=10000):
        press(qtbot, wizard, QWizard.WizardButton.FinishButton)
    qtbot.waitUntil(lambda: "Villa Ñandú" in window.municipality_label.text(), timeout=10000)
    window.activateWindow()  # as the person's next click on the window does
    qtbot.waitUntil(window.isActiveWindow, timeout=2000)
    return window


def register_attendees(qtbot, window) -> None:
    window.show_phase(Phase.preparation)
    page = window.pages[Phase.preparation]
    page.tabs.setCurrentWidget(page.attendance)
    panel = page.attendance
    assert panel.event_id() == window.pages[Phase.preparation].context.current_event_id
    for name, sex, age in ATTENDEES:
        panel.name.setFocus()
        type_text(qtbot, panel.name, name)
        qtbot.keyClick(panel.name, Qt.Key.Key_Return)
        qtbot.keyClicks(panel.sex, sex)
        qtbot.keyClicks(panel.age, age)
    saved(qtbot, window)
    assert panel.model.total == len(ATTENDEES)
    assert panel.last_totals.total == len(ATTENDEES)
    persons = ngettext("{n} registered person", "{n} registered persons", len(ATTENDEES))
    qtbot.waitUntil(lambda: persons.format(n=len(ATTENDEES)) in page.summary.text(),
                    timeout=2000)


def self_diagnosis_with_findings(qtbot, window) -> None:
    panel = self_diagnosis_panel(window)
    starter = panel.starter
    starter.community.setCurrentIndex(starter.community.findText("Chaupi Loma"))
    click(qtbot, starter.start_button)
    saved(qtbot, window)
    dimensions = [panel.dimension.itemText(i) for i in range(panel.dimension.count())]
    first, second = dimensions[0], dimensions[1]
    add_finding(qtbot, panel, first, FindingKind.problem, Group.women,
                "Falta agua potable en la escuela")
    add_finding(qtbot, panel, first, FindingKind.potentiality, Group.youth,
                "Vertiente cercana con buen caudal")
    add_finding(qtbot, panel, second, FindingKind.limitation, Group.elders,
                "Poca participación de las autoridades")
    add_finding(qtbot, panel, second, FindingKind.aspiration, Group.men,
                "Un centro de salud con enfermera")
    assert panel.model.rowCount() >= 2 and panel.refusal.text() == ""


def type_demands(qtbot, window) -> None:
    window.show_phase(Phase.prioritization)
    page = window.pages[Phase.prioritization]
    page.tabs.setCurrentWidget(page.demands_panel)
    panel = page.demands_panel
    assert panel.community.currentText() == "Chaupi Loma", "the current event's community"
    for text, sector, group in DEMANDS:
        panel.new_sector.setCurrentIndex(panel.new_sector.findText(sector))
        panel.new_group.setCurrentIndex(panel.new_group.findData(group))
        panel.new_demand.setFocus()
        type_text(qtbot, panel.new_demand, text)
        qtbot.keyClick(panel.new_demand, Qt.Key.Key_Return)
        saved(qtbot, window)
    assert panel.refusal.text() == ""
    assert panel.model.total == len(DEMANDS)


EVENT_TABLES = (
    "attendance", "event", "event_community", "finding", "demand", "self_diagnosis",
    "prioritization_round", "round_item", "vote", "pairwise_choice", "round_decision",
    "round_result", "person",
)


def dumped(db: Path) -> dict[str, dict[str, dict[str, object]]]:
    """``planner-desktop dump``: every travelling row, by table and id."""
    done = cli("dump", "--db", db)
    assert done.returncode == 0, done.stderr
    tables = json.loads(done.stdout)["tables"]
    return {name: {row["id"]: row for row in rows} for name, rows in tables.items()}


@pytest.mark.parametrize("language", ["es", "en"])
def test_a_workshop_from_an_empty_database(qtbot, tmp_path, message_boxes, language):
    window = new_municipality_by_hand(qtbot, tmp_path, language)
    label = {group: labels.label(group) for group in Group}

    create_event(qtbot, events_panel(qtbot, window), "Taller comunal de Chaupi Loma",
                 "Chaupi Loma")
    event_id = window.pages[Phase.preparation].context.current_event_id
    assert event_id is not None
    assert "Taller comunal de Chaupi Loma" in window.current_event_bar.current_text()
    assert window.current_event_bar.isVisible(), "the current event is shown at all times"

    shot(window, "03-current-event")
    register_attendees(qtbot, window)
    shot(window, "04-attendance")
    self_diagnosis_with_findings(qtbot, window)
    shot(window, "05-self-diagnosis")
    type_demands(qtbot, window)
    shot(window, "06-demands")

    page = window.pages[Phase.prioritization]
    voting = (Group.women, Group.men, Group.youth, Group.elders)
    for group in voting:
        open_round(qtbot, window, f"Puntos: {label[group]}", M.dots, {group.value})
    open_round(qtbot, window, "Comparación por pares", M.pairwise, {"women", "men"})

    for group, votes in zip(
        voting, (("C 3", "B 3", "A 1"), ("B 3", "A 2"), ("C 3", "A 1"), ("D 3", "A 2")),
        strict=True,
    ):
        panel = choose_in_tally(qtbot, window, f"Puntos: {label[group]}")
        key = label[group][0]  # M mujeres, H hombres, J jóvenes, A adultos mayores
        for vote in votes:
            tally(qtbot, window, panel, key, vote)

    panel = choose_in_tally(qtbot, window, "Comparación por pares")
    choose_pair(qtbot, window, panel, label[Group.women], "A>B", "el agua es primero")
    choose_pair(qtbot, window, panel, label[Group.men], "B>A", "sin camino no hay feria")
    shot(window, "07-pairwise-compared")
    average = column_texts(panel, 5)  # (1 + 2) / 2 for A and B, 2 for C and D
    assert [text.split(" ")[0] for text in average] == (
        ["1,5", "1,5", "2", "2"] if language == "es" else ["1.5", "1.5", "2", "2"]
    ), "the agreed column shows the average rank, never a negative score"
    assert panel.results.headers()[3:5] == [label[Group.women], label[Group.men]], (
        "the groups side by side"
    )

    # The women's dots: B and C share the first rank, and the room decides the tie.
    panel = choose_in_tally(qtbot, window, f"Puntos: {label[Group.women]}")
    n = {"es": "n.º ", "en": "#"}[language]
    assert column_texts(panel, 3) == [f"3 ({n}=1)", f"3 ({n}=1)", f"1 ({n}3)", f"0 ({n}4)"]
    assert set(column_texts(panel, 1)[:2]) == {"B", "C"}
    decide_class(qtbot, window, panel, "C", PriorityClass.a_plus, "la cancha reúne a la comunidad")
    decide_class(qtbot, window, panel, "B", PriorityClass.a, "decidido por la plenaria")
    assert column_texts(panel, 0)[:2] == ["A+", "A"]
    agreed_codes = column_texts(panel, 1)
    assert agreed_codes[2:] == ["A", "D"]
    close_round(qtbot, window, panel, 4)
    assert panel.state.closed
    shot(window, "08-agreed-and-closed")
    assert "(A+: 1, A: 1, B: 1, C: 1)" in page.summary.text(), (
        "the counts above follow the closed round's agreed classes at once"
    )
    assert page is window.pages[Phase.prioritization]

    db = tmp_path / "empty.sqlite"
    with window.store.session() as session:
        rounds = session.scalars(select(PrioritizationRound)).all()
        assert {r.event_id for r in rounds} == {event_id} and len(rounds) == 5
        assert len(session.scalars(select(Attendance)).all()) == len(ATTENDEES)
        diagnosis = session.scalars(select(SelfDiagnosis)).one()
        assert diagnosis.event_id == event_id
        findings = session.scalars(select(Finding.description)).all()
        women = next(r for r in rounds if r.title == f"Puntos: {label[Group.women]}")
        agreed = session.scalars(select(RoundResult).where(
            RoundResult.round_id == women.id, RoundResult.group == "agreed",
            RoundResult.deleted_at.is_(None)).order_by(RoundResult.rank)).all()
        assert [(r.shared_rank, r.tied) for r in agreed][:2] == [(1, True), (1, True)]
        assert session.get(Event, event_id).title == "Taller comunal de Chaupi Loma"
    assert message_boxes.texts("critical") == []

    # The acta, from the Print menu: the current event is offered first, and the paper
    # to sign holds the findings, the demands and the agreed order.
    print_menu = window.menuBar().findChild(QMenu, "menu_print")
    print_menu.findChild(QAction, "action_print_acta").trigger()
    dialog = window.findChild(PrintDialog)
    assert dialog is not None and dialog.isVisible()
    assert dialog.choice().event == str(event_id), "the current event, first"
    click_and_wait(qtbot, dialog, dialog.print_button)
    shot(dialog, "09-acta-printed")
    assert dialog.pdf is not None and dialog.pdf.is_file(), dialog.message.text()
    text = " ".join(page.extract_text() for page in PdfReader(dialog.pdf).pages)
    text = " ".join(text.split())
    for finding in findings:
        assert finding in text
    for demand, _sector, _group in DEMANDS:
        assert demand in text
    assert "decidido por la plenaria" in text and "la cancha reúne a la comunidad" in text
    women_round = text[text.index(women.title):text.index(f"Puntos: {label[Group.men]}")]
    agreed_texts = [
        DEMANDS["ABCD".index(code)][0] for code in agreed_codes
    ]
    places = [women_round.index(demand) for demand in agreed_texts]
    assert places == sorted(places), "the agreed order, as the room agreed it"
    dialog.reject()

    # The session file of the event, merged into a second, empty database.
    session_file = tmp_path / "taller.cumbre"
    done = cli("session", "export", "--db", db, "--out", session_file, "--event", str(event_id))
    assert done.returncode == 0, done.stderr
    office = tmp_path / "office.sqlite"
    done = cli("session", "merge", "--db", office, "--trust-new", session_file)
    assert done.returncode == 0, done.stderr
    assert "rejected=0" in done.stdout and "conflicts=0" in done.stdout
    laptop, merged = dumped(db), dumped(office)
    for table in EVENT_TABLES:
        assert merged[table] == laptop[table], f"{table}: the event's records differ"
    for table, rows in merged.items():  # and what they need came along unchanged
        for row_id, row in rows.items():
            assert laptop[table][row_id] == row, f"{table} {row_id} differs"
