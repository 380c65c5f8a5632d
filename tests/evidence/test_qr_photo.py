"""Issue 18, point 5: the QR read from a photo of a printed acta and checked against the
database — matches, does not match (naming what differs), no QR found, a QR from another
program; and the acta code's version 2 (rankings carried, cut to fit) beside version 1."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from pathlib import Path

import pytest
import zxingcpp
from PIL import Image

from planner_desktop.evidence.qr import read_qr
from planner_desktop.prioritization.entry import record_vote
from planner_desktop.prioritization.opening import reopen_round
from planner_desktop.prioritization.results import recompute
from planner_desktop.reports.acta_check import Verdict, check_acta, verdict_line
from planner_desktop.reports.acta_code import (
    MAX_CODE_CHARS,
    GroupRanking,
    RoundRanking,
    code_text,
    parse_code,
)
from planner_desktop.reports.results_hash import event_code, event_payload
from planner_desktop.store.database import Store
from tests.event_workshop import Workshop, build_workshop
from tests.evidence.acta_photos import acta_pdf, add_minutes, page_image, photographed
from tests.helpers import new_store

DOTS_WOMEN = "round «Priorización por puntos», Women"


@dataclass
class Printed:
    store: Store
    built: Workshop
    pdf: Path
    code: str


@pytest.fixture
def printed(tmp_path: Path):
    store = new_store(tmp_path / "workshop.sqlite")
    built = build_workshop(store)
    add_minutes(store, built.event)
    with store.session() as session:
        code = event_code(session, built.event)
    yield Printed(store, built, acta_pdf(store, built.event, tmp_path / "acta.pdf"), code)
    store.close()


def foreign_qr(text: str) -> Image.Image:
    barcode = zxingcpp.create_barcode(text, zxingcpp.BarcodeFormat.QRCode)
    return Image.fromarray(zxingcpp.write_barcode_to_image(barcode, scale=6)).convert("RGB")


def test_a_photo_of_the_printed_acta_is_read_and_matches(printed):
    assert printed.code.startswith("PDACTA2 ") and len(printed.code) <= MAX_CODE_CHARS
    page = page_image(printed.pdf)
    for photo in (photographed(page), photographed(page, degrees=-7, scale=1.05, side=1600)):
        text = read_qr(photo)
        assert text == printed.code
        check = check_acta(printed.store, text)
        assert check.verdict is Verdict.matches and check.event_id == printed.built.event


def test_a_changed_result_does_not_match_and_names_what_differs(printed):
    photo = photographed(page_image(printed.pdf))
    with printed.store.session() as session:
        typed = event_payload(session, printed.built.event)  # the line under the QR
    with printed.store.session() as session:  # five more dots for D from the women
        dots = printed.built.rounds["dots"]
        reopen_round(session, dots, "Llegaron boletas de otra mesa")
        record_vote(session, dots, "D", "women", 5)
        recompute(session, dots)
    check = check_acta(printed.store, read_qr(photo))
    assert check.verdict is Verdict.changed
    assert (
        f"{DOTS_WOMEN}: the paper ranks A (D1-01-01) first, the database D (D1-01-04)"
        in check.differences
    )
    assert any(line.startswith("round «Priorización por puntos», Agreed: the paper ranks")
               for line in check.differences)
    assert not any("Comparación por pares" in line for line in check.differences)
    # the typed version 1 line of the same acta can only tell the fingerprint (and dates)
    assert typed.startswith("PDACTA1;") and check_acta(printed.store, typed).verdict is (
        Verdict.changed)


def test_a_class_set_again_is_named(printed):
    from planner_desktop.domain.enums import PriorityClass
    from planner_desktop.prioritization.decisions import set_class

    code = printed.code
    with printed.store.session() as session:
        dots = printed.built.rounds["dots"]
        reopen_round(session, dots, "La oficina revisó la clase")
        set_class(session, dots, "B", PriorityClass.b, "Se revisó en la oficina")
        recompute(session, dots)
    check = check_acta(printed.store, code)
    assert check.verdict is Verdict.changed
    assert (
        "round «Priorización por puntos», Agreed: the paper gives B (D1-01-02) class A, "
        "the database B" in check.differences
    )


def test_no_qr_found_in_a_page_without_one_or_a_blank_photo(printed):
    assert read_qr(photographed(page_image(printed.pdf, page=0))) is None
    assert read_qr(Image.new("RGB", (4000, 3000), (240, 240, 235))) is None


def test_a_qr_from_another_program_is_told_as_such(printed):
    other = "https://example.org/encuesta?id=42"
    page = Image.new("RGB", (1600, 2200), "white")
    page.paste(foreign_qr(other), (300, 400))
    text = read_qr(photographed(page))
    assert text == other
    check = check_acta(printed.store, text)
    assert check.verdict is Verdict.malformed and not check.ok
    assert verdict_line(check).startswith("Unreadable: this is not an acta code")
    # beside the acta's own QR, the acta code is the one returned
    acta = page_image(printed.pdf)
    acta.paste(foreign_qr(other), (120, 120))
    assert read_qr(photographed(acta)) == printed.code


def test_a_scanner_s_text_of_version_2_reads_as_printed(printed):
    garbled = "\x02" + printed.code.lower().replace(" ", "ñ") + "\r\n"
    assert parse_code(garbled) == parse_code(printed.code)
    assert check_acta(printed.store, garbled).verdict is Verdict.matches


def _round(key: str, depth: int, code: str = "") -> RoundRanking:
    letters = [chr(ord("A") + n % 26) * (1 + n // 26) for n in range(depth)]
    groups = tuple(
        GroupRanking(group, tuple((code or c, "A" if n < 3 else None)
                                  for n, c in enumerate(letters)), depth)
        for group in ("agreed", "women", "men", "youth", "elders", "mixed")
    )
    return RoundRanking(key, groups)


def test_long_rankings_are_cut_to_fit_and_odd_ones_left_out():
    session, digest = uuid.uuid4(), "ab" * 32
    rounds = [_round(f"{n:06X}", 40) for n in range(3)]
    text = code_text(session, digest, rounds)
    assert len(text) <= MAX_CODE_CHARS
    code = parse_code(text)
    assert code.session_id == session and code.digest == digest and code.rounds is not None
    depth = len(code.rounds[0].groups[0].items)
    assert 1 <= depth < 40
    assert all(g.total == 40 and g.cut for r in code.rounds for g in r.groups)
    assert code.rounds[0].groups[0].items[:3] == (("A", "A"), ("B", "A"), ("C", "A"))

    short = code_text(session, digest, [_round("00000A", 4)])
    assert parse_code(short).rounds == (_round("00000A", 4),)

    typed = code_text(session, digest, [_round("00000B", 2, code="7")])  # a code with a digit
    assert parse_code(typed).rounds == (RoundRanking("00000B", (), carried=False),)

    too_many = code_text(session, digest, [_round(f"{n:06X}", 1) for n in range(200)])
    assert too_many.startswith("PDACTA1;") and parse_code(too_many).rounds is None


@pytest.mark.parametrize("garbage", [
    "PDACTA2", "PDACTA2 " + "0" * 32, "PDACTA2 " + "0" * 32 + " " + "0" * 64 + " 0W A",
    "PDACTA2 " + "0" * 32 + " " + "0" * 64 + " 9ABCDEF 0W A 23 B",
])
def test_broken_version_2_codes_are_not_acta_codes(garbage):
    with pytest.raises(ValueError):
        parse_code(garbage)
