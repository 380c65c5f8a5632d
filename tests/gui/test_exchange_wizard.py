"""The import wizard, used like a person would: a folder of session files (issue 4)."""

from __future__ import annotations

import re
import threading
import uuid
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWizard
from sqlalchemy import select

from planner_desktop.domain import models as m
from planner_desktop.domain.provenance import Provenance
from planner_desktop.exchange.session import (
    Scope,
    export_session,
    import_log,
    merge_files,
    trust_key,
    verify_file,
)
from planner_desktop.store.database import Store, open_store
from planner_desktop.ui import jobs
from planner_desktop.ui.exchange import checks as ck
from planner_desktop.ui.exchange.files_model import STATUS
from planner_desktop.ui.exchange.wizard import ImportWizard

pytestmark = pytest.mark.gui
COUNTS = ("added", "updated", "unchanged", "conflicts", "rejected")


def export_communities(store: Store, folder: Path, count: int) -> list[Path]:
    """One session file per community of ``store``, all signed by one new laptop key."""
    folder.mkdir(parents=True, exist_ok=True)
    key = Ed25519PrivateKey.generate()
    with store.session() as session:
        ids = session.scalars(select(m.Community.id).order_by(m.Community.code).limit(count))
        communities = list(ids)
    paths = []
    for n, community in enumerate(communities):
        path = folder / f"comunidad-{n}.cumbre"
        scope = Scope(kind="community", community_id=community)
        export_session(store, path, scope=scope, key=key, facilitator="Facilitadora")
        paths.append(path)
    return paths


def empty_store(path: Path) -> Store:
    return open_store(path, Provenance(uuid.uuid4(), "Equipo técnico"))


@pytest.fixture
def hq(tmp_path):
    store = empty_store(tmp_path / "hq.sqlite")
    yield store
    store.close()


def wait_idle(qtbot, page) -> None:
    qtbot.waitUntil(lambda: not page.busy, timeout=20000)


def click_next(qtbot, wizard: QWizard) -> None:
    button = wizard.button(QWizard.WizardButton.NextButton)
    if not button.isVisible():
        button = wizard.button(QWizard.WizardButton.CommitButton)
    assert button.isEnabled()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def start_wizard(qtbot, store: Store, folder: Path, monkeypatch) -> ImportWizard:
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(folder))
    wizard = ImportWizard(store)
    qtbot.addWidget(wizard)
    wizard.show()
    qtbot.mouseClick(wizard.choose_page.add_folder_button, Qt.MouseButton.LeftButton)
    click_next(qtbot, wizard)
    wait_idle(qtbot, wizard.check_page)
    return wizard


def trust_first_row(qtbot, page, monkeypatch) -> list[str]:
    """Select the first file and trust its laptop, answering Yes; returns the question."""
    asked: list[str] = []

    def question(_parent, _title, text, *_args, **_kwargs):
        asked.append(text)
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", staticmethod(question))
    page.table.selectRow(0)
    assert page.trust_button.isEnabled()
    qtbot.mouseClick(page.trust_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, page)
    return asked


def test_the_wizard_merges_a_folder_and_refuses_a_damaged_file(
    qtbot, demo_store, hq, tmp_path, monkeypatch
):
    folder = tmp_path / "usb"
    paths = export_communities(demo_store, folder, 3)
    data = paths[0].read_bytes()
    (folder / "dañado.cumbre").write_bytes(data[: len(data) // 2])
    wizard = start_wizard(qtbot, hq, folder, monkeypatch)
    assert wizard.choose_page.files.count() == 4

    page = wizard.check_page
    checks = {c.path.name: c for c in page.model.checks}
    damaged = checks["dañado.cumbre"]
    assert damaged.status == ck.REFUSED and damaged.reason
    row = page.model.checks.index(damaged)
    shown = page.model.index(row, STATUS).data()
    assert damaged.reason in shown and "\n" not in shown
    assert {checks[p.name].status for p in paths} == {ck.HELD}
    assert not wizard.button(QWizard.WizardButton.CommitButton).isEnabled()

    asked = trust_first_row(qtbot, page, monkeypatch)
    fingerprint = checks[paths[0].name].fingerprint
    assert len(asked) == 1 and fingerprint[:4] in asked[0] and "Facilitadora" in asked[0]
    assert {checks[p.name].status for p in paths} == {ck.VALID}
    assert checks[paths[0].name].plan.counts.added > 0
    click_next(qtbot, wizard)

    merge = wizard.merge_page
    wait_idle(qtbot, merge)
    assert [r.status for r in merge.reports] == ["merged"] * 3
    log = import_log(hq)
    assert sorted(b.file_name for b in log) == sorted(p.name for p in paths)
    logged = [sum(getattr(b, n) for b in log) for n in COUNTS]
    assert [int(n) for n in re.findall(r"\d+", merge.totals.text())] == logged
    assert logged[0] > 0
    assert merge.progress.value() == merge.progress.maximum()
    assert any("dañado.cumbre" in merge.lines.item(n).text() for n in range(merge.lines.count()))
    assert wizard.changed
    assert wizard.button(QWizard.WizardButton.FinishButton).isEnabled()
    assert fingerprint in ck.trust_policy(hq).keys


def test_a_cancelled_merge_changes_nothing(qtbot, demo_store, hq, tmp_path, monkeypatch):
    folder = tmp_path / "usb"
    export_communities(demo_store, folder, 2)
    wizard = start_wizard(qtbot, hq, folder, monkeypatch)
    trust_first_row(qtbot, wizard.check_page, monkeypatch)
    release = threading.Event()
    blocker = jobs.run_job(None, lambda _c: release.wait(10), on_done=lambda _r: None)
    click_next(qtbot, wizard)
    merge = wizard.merge_page
    assert merge.busy
    with qtbot.waitSignal(merge.sig_merged, timeout=20000):
        qtbot.mouseClick(merge.cancel_button, Qt.MouseButton.LeftButton)
        release.set()
    assert blocker.result is True
    assert [r.status for r in merge.reports] == ["cancelled", "cancelled"]
    assert import_log(hq) == []
    assert not wizard.changed
    # the person's decision about the laptop is kept: its files are not held next time
    [fingerprint] = {c.fingerprint for c in wizard.check_page.model.checks}
    assert fingerprint in ck.trust_policy(hq).keys


def test_a_file_held_by_an_earlier_merge_can_be_added_again(qtbot, demo_store, hq, tmp_path):
    paths = export_communities(demo_store, tmp_path / "usb", 1)
    [report] = merge_files(hq, paths)
    assert report.status == "held"
    wizard = ImportWizard(hq)
    qtbot.addWidget(wizard)
    wizard.show()
    button = wizard.choose_page.add_held_button
    assert button.isEnabled() and "(1)" in button.text()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert wizard.choose_page.paths() == [paths[0].resolve()]


def test_the_preview_counts_each_file_after_those_above_it(qtbot, hq, tmp_path, monkeypatch):
    """A copy of a file changes nothing and two computers' POA of one year is refused,
    both shown before anything is merged; the merge then does what the preview said."""
    from tests.exchange.builders import merge, new_laptop, populate

    usb = tmp_path / "usb"
    usb.mkdir()
    origin = new_laptop(tmp_path / "origin")
    ids = populate(origin.store)
    base = origin.export(name="1-base.cumbre")
    (usb / base.name).write_bytes(base.read_bytes())
    (usb / "2-copia.cumbre").write_bytes(base.read_bytes())
    laptops = [origin]
    for name in ("3-poa-a", "4-poa-b"):
        laptop = new_laptop(tmp_path / name)
        laptops.append(laptop)
        assert merge(laptop.store, base)[0].ok
        with laptop.store.session() as s:
            s.add(m.AnnualPlan(municipality_id=ids["municipality"], fiscal_year=2027))
        path = laptop.export(name=f"{name}.cumbre")
        (usb / path.name).write_bytes(path.read_bytes())
    for path in usb.iterdir():
        trust_key(hq, verify_file(path).manifest)

    wizard = start_wizard(qtbot, hq, usb, monkeypatch)
    page = wizard.check_page
    shown = {
        c.path.name: (page.model.index(row, STATUS).data(), c.plan.counts.added if c.plan else None)
        for row, c in enumerate(page.model.checks)
    }
    assert shown["1-base.cumbre"] == ("válido", 26)
    assert shown["2-copia.cumbre"][0] == "igual que 1-base.cumbre, más arriba: no cambia nada"
    assert shown["3-poa-a.cumbre"] == ("válido", 1)
    assert shown["4-poa-b.cumbre"][0].startswith(
        "rechazado: Plan operativo anual (Municipio, Gestión 2027) ya está en esta base"
    )
    assert import_log(hq) == []

    click_next(qtbot, wizard)
    wait_idle(qtbot, wizard.merge_page)
    statuses = {r.path.name: r.status for r in wizard.merge_page.reports}
    assert statuses == {
        "1-base.cumbre": "merged",
        "2-copia.cumbre": "already",
        "3-poa-a.cumbre": "merged",
    }
    added = {b.file_name: b.added for b in import_log(hq)}
    assert added == {"1-base.cumbre": 26, "3-poa-a.cumbre": 1}
    for laptop in laptops:
        laptop.close()
