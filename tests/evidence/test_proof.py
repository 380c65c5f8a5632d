"""Issue 18, point 5: which actas are proven by the QR of their photos, per event and per
community, and the printed list (through the command line too)."""

from __future__ import annotations

from pathlib import Path

import pytest
import zxingcpp
from PIL import Image
from pypdf import PdfReader

from planner_desktop.capture import records
from planner_desktop.commands import main as run_command
from planner_desktop.domain.enums import EventKind
from planner_desktop.domain.events import Event, EventCommunity
from planner_desktop.evidence.proof import Status, community_proofs, event_proofs
from planner_desktop.evidence.qr import read_qr
from planner_desktop.prioritization.entry import record_vote
from planner_desktop.prioritization.opening import reopen_round
from planner_desktop.prioritization.results import recompute
from tests.evidence.acta_photos import (
    add_minutes,
    attach,
    page_image,
    photographed,
    printed_workshop,
)

OTHER_TEXT = "WIFI:S:Sede;T:WPA;P:clave;;"


@pytest.fixture
def office(tmp_path: Path):
    """The workshop of Chuquiña with its printed acta, and a second event in Totorani
    whose acta was started but never photographed."""
    store, built, pdf, _code = printed_workshop(tmp_path)
    other = records.create(store, Event, {
        "municipality_id": built.municipality, "kind": EventKind.community_workshop,
        "title": "Taller comunal de Totorani", "date": built_date(store, built.event),
        "place": "Escuela"})
    records.create(store, EventCommunity, {"event_id": other,
                                           "community_id": built.other_community})
    other_minutes = add_minutes(store, other)
    with store.session() as session:
        minutes = next(p.minutes_id for p in event_proofs(session) if p.event_id == built.event)
    yield store, built, pdf, _code, minutes, other, other_minutes
    store.close()


def built_date(store, event_id):
    with store.session() as session:
        return session.get(Event, event_id).date


def proofs(store):
    with store.session() as session:
        return {proof.event_title: proof for proof in event_proofs(session)}


def foreign_photo() -> Image.Image:
    barcode = zxingcpp.create_barcode(OTHER_TEXT, zxingcpp.BarcodeFormat.QRCode)
    picture = Image.fromarray(zxingcpp.write_barcode_to_image(barcode, scale=8))
    page = Image.new("RGB", (1200, 1600), "white")
    page.paste(picture.convert("RGB"), (200, 300))
    return photographed(page)


def test_each_acta_is_missing_foreign_proven_or_disagrees(office):
    store, built, pdf, _code, minutes, _other, _other_minutes = office
    found = proofs(store)
    assert [(p.status, p.reason) for p in found.values()] == [
        (Status.missing, "no photo of the signed acta")
    ] * 2

    first_page = photographed(page_image(pdf, page=0))
    attach(store, minutes, first_page, read_qr(first_page))
    chuquina = proofs(store)["Taller comunal de Chuquiña"]
    assert chuquina.status is Status.missing and chuquina.photos == 1
    assert chuquina.reason == "no QR code found in the photo"

    foreign = foreign_photo()
    foreign_id = attach(store, minutes, foreign, read_qr(foreign))
    chuquina = proofs(store)["Taller comunal de Chuquiña"]
    assert chuquina.status is Status.foreign and chuquina.photo_id == foreign_id
    assert chuquina.reason == f"the photo's QR code is not an acta code: «{OTHER_TEXT[:40]}»"

    signed = photographed(page_image(pdf), degrees=-4)
    signed_id = attach(store, minutes, signed, read_qr(signed))
    chuquina = proofs(store)["Taller comunal de Chuquiña"]
    assert (chuquina.status, chuquina.photo_id) == (Status.proven, signed_id)
    assert chuquina.reason == "the QR in the photo matches the results"

    with store.session() as session:  # the office changes the women's votes
        dots = built.rounds["dots"]
        reopen_round(session, dots, "Recuento en la oficina")
        record_vote(session, dots, "D", "women", 5)
        recompute(session, dots)
    chuquina = proofs(store)["Taller comunal de Chuquiña"]
    assert chuquina.status is Status.disagrees and chuquina.photo_id == signed_id
    assert chuquina.reason.startswith("the paper shows other priorities: ")
    assert (
        "round «Priorización por puntos», Women: the paper ranks A (D1-01-01) first, "
        "the database D (D1-01-04)" in chuquina.reason
    )


def test_the_acta_of_another_event_disagrees(office):
    store, _built, pdf, _code, _minutes, _other, other_minutes = office
    photo = photographed(page_image(pdf))
    attach(store, other_minutes, photo, read_qr(photo))
    totorani = proofs(store)["Taller comunal de Totorani"]
    assert totorani.status is Status.disagrees
    assert totorani.reason.startswith(
        "the photo shows the acta of another event: Taller comunal de Chuquiña")


def test_per_community_and_the_printed_list(office, tmp_path):
    store, built, pdf, _code, minutes, _other, _other_minutes = office
    photo = photographed(page_image(pdf))
    attach(store, minutes, photo, read_qr(photo))
    with store.session() as session:
        rows = community_proofs(session)
    assert [(row.community_name, row.acta.status) for row in rows] == [
        ("Chuquiña", Status.proven), ("Totorani", Status.missing)]
    assert rows[0].community_id == built.community

    out = tmp_path / "actas.pdf"
    command = ["--lang", "en", "report", "acta-proofs", "--db", str(store.path), "--out", str(out)]
    assert run_command(command) == 0
    text = " ".join((page.extract_text() or "") for page in PdfReader(out).pages)
    flat = " ".join(text.split())
    assert "Actas: proven, missing, disagreeing" in flat
    assert "1 proven, 0 disagreeing, 0 with a QR from another program, 1 missing." in flat
    assert "Chuquiña Taller comunal de Chuquiña" in flat and "Proven" in flat
    assert "Totorani Taller comunal de Totorani" in flat and "no photo of the signed acta" in flat


def test_the_printed_list_is_refused_without_actas(tmp_path, capsys):
    from planner_desktop.domain.setup import create_municipality
    from planner_desktop.domain.templates import template
    from tests.helpers import new_store

    store = new_store(tmp_path / "town.sqlite")
    with store.session() as session:
        create_municipality(session, name="Villa Ñandú", template=template("bo"),
                            districts=["Distrito Norte"])
    store.close()
    out = tmp_path / "actas.pdf"
    assert run_command(["--lang", "en", "report", "acta-proofs", "--db",
                        str(tmp_path / "town.sqlite"), "--out", str(out)]) == 1
    assert not out.exists()
    assert "no event has an acta yet" in capsys.readouterr().err
