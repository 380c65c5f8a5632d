"""The shared page: letterhead and page numbers on every page, the logo, long cells wrapped."""

from __future__ import annotations

from datetime import date

from PIL import Image
from reportlab.lib.units import cm

from planner_desktop.reports.layout import Document, Letterhead, register_fonts, render
from planner_desktop.reports.tables import cell, table
from tests.reports.conftest import Printed

HEAD = Letterhead(
    "Gobierno Autónomo Municipal de Ñuñoa Q'asa", "Provincia Ñawpa Ñan", generated=date(2026, 11, 2)
)


def _document(rows: int) -> Document:
    register_fonts()
    long_text = "Construcción de un sistema de riego tecnificado por aspersión " * 4
    body = [[str(n), f"Señora Ñusta Quispe {n}", long_text] for n in range(rows)]
    return Document(
        "Prueba de páginas",
        [table(["N.º", "Nombre", "Descripción"], body, [1.5 * cm, 5 * cm, 10 * cm])],
    )


def test_every_page_has_the_letterhead_and_page_n_of_m(tmp_path):
    out = tmp_path / "long.pdf"
    render(_document(120), HEAD, "a4", out)
    printed = Printed(out)
    pages = len(printed.pages)
    assert pages > 3
    for number, text in enumerate(printed.pages, start=1):
        assert "Ñuñoa Q'asa" in text
        assert f"Page {number} of {pages}" in text
        assert "Nombre" in text and "Descripción" in text, "the header row repeats"
    assert printed.has("Señora Ñusta Quispe 119")


def test_long_cells_are_wrapped_into_lines_that_fit(tmp_path):
    register_fonts()
    wrapped = cell("palabra " * 40, 3 * cm)
    assert wrapped.count("\n") >= 5
    assert "".join(wrapped.split()) == "palabra" * 40
    very_long = cell("x" * 300, 2 * cm)
    assert very_long.replace("\n", "") == "x" * 300


def test_logo_is_drawn_when_readable_and_skipped_when_not(tmp_path):
    logo = tmp_path / "logo.png"
    Image.new("RGB", (120, 80), (90, 90, 90)).save(logo)
    with_logo, broken, without = tmp_path / "a.pdf", tmp_path / "b.pdf", tmp_path / "c.pdf"
    render(_document(5), Letterhead("Municipio", logo=logo), "letter", with_logo)
    (tmp_path / "broken.png").write_bytes(b"not an image")
    render(_document(5), Letterhead("Municipio", logo=tmp_path / "broken.png"), "letter", broken)
    render(_document(5), Letterhead("Municipio", logo=tmp_path / "missing.png"), "a4", without)
    images = [len(Printed(path).reader.pages[0].images) for path in (with_logo, broken, without)]
    assert images == [1, 0, 0]
