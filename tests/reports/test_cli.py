"""``planner-desktop report``: paper sizes, and refusals that write no file (DESIGN §5, §7)."""

from __future__ import annotations

import uuid

import pytest
from pypdf import PdfReader
from sqlalchemy import text

from planner_desktop.cli import main
from tests.helpers import as_uuid, location

A4 = (595.28, 841.89)
LETTER = (612.0, 792.0)


def _ids(store):
    with store.engine.connect() as conn:
        workshop = conn.execute(
            text("SELECT event_id FROM prioritization_round ORDER BY created_at LIMIT 1")
        ).scalar()
        summit = conn.execute(text("SELECT id FROM event WHERE kind = 'summit' LIMIT 1")).scalar()
    return str(as_uuid(workshop)), str(as_uuid(summit))


def _size(path):
    box = PdfReader(path).pages[0].mediabox
    return round(float(box.width), 2), round(float(box.height), 2)


@pytest.mark.parametrize(
    "kind,paper,expected",
    [
        ("acta", "a4", A4),
        ("acta", "letter", LETTER),
        ("tally-sheet", "a4", A4[::-1]),
        ("tally-sheet", "letter", LETTER[::-1]),
    ],
)
def test_paper_size_and_orientation(demo, tmp_path, capsys, kind, paper, expected):
    workshop, _summit = _ids(demo)
    out = tmp_path / f"{kind}-{paper}.pdf"
    code = main(
        [
            "--lang",
            "en",
            "report",
            kind,
            "--db",
            location(demo),
            "--out",
            str(out),
            "--event",
            workshop,
            "--paper",
            paper,
        ]
    )
    assert code == 0, capsys.readouterr().err
    assert _size(out) == pytest.approx(expected, abs=0.5)
    assert [p.name for p in tmp_path.iterdir()] == [out.name]


def test_acta_of_a_cumbre_without_rounds_is_printed(demo, tmp_path):
    _workshop, summit = _ids(demo)
    out = tmp_path / "acta.pdf"
    assert (
        main(
            [
                "--lang",
                "en",
                "report",
                "acta",
                "--db",
                location(demo),
                "--out",
                str(out),
                "--event",
                summit,
            ]
        )
        == 0
    )
    assert "No prioritisation took place" in "".join(
        page.extract_text() for page in PdfReader(out).pages
    )


def refusals(summit):
    return [
        (["acta", "--event", str(uuid.UUID(int=7))], "there is no event"),
        (["acta", "--event", "not-an-id"], "is not a valid event id"),
        (["acta"], "needs --event"),
        (["ballot", "--event", summit], "no prioritisation round yet"),
        (["tally-sheet", "--community", "NO-SUCH"], "there is no community"),
        (["profile", "--project", "PRY-999"], "there is no project"),
        (["poa", "--year", "1999"], "there is no POA for 1999"),
        (["progress", "--year", "1999"], "no progress recorded"),
        (["diagnosis-form"], "needs --community"),
    ]


def test_missing_data_is_refused_in_one_line_and_writes_no_file(demo, tmp_path, capsys):
    _workshop, summit = _ids(demo)
    out = tmp_path / "refused.pdf"
    for args, reason in refusals(summit):
        code = main(["--lang", "en", "report", *args, "--db", location(demo), "--out", str(out)])
        err = capsys.readouterr().err
        assert code == 1, args
        assert reason in err and err.count("\n") == 1, err
        assert list(tmp_path.iterdir()) == [], args


def test_an_empty_database_and_a_missing_database_are_refused(tmp_path, capsys):
    from tests.helpers import new_store

    empty = new_store(tmp_path / "empty.sqlite")
    empty.close()
    out = tmp_path / "x.pdf"
    report = ["--lang", "en", "report", "pdm", "--out", str(out), "--db"]
    assert main([*report, str(tmp_path / "empty.sqlite")]) == 1
    assert "no municipality" in capsys.readouterr().err
    assert main([*report, str(tmp_path / "none.sqlite")]) == 1
    assert not out.exists() and not (tmp_path / "none.sqlite").exists()


def test_a_failure_while_writing_leaves_neither_a_file_nor_a_partial_one(
    demo, tmp_path, monkeypatch
):
    from planner_desktop.reports import registry

    def broken(_document, _head, _paper, stream):
        stream.write(b"%PDF-1.4 half")
        raise RuntimeError("power cut")

    monkeypatch.setattr(registry, "render", broken)
    out = tmp_path / "pdm.pdf"
    out.write_bytes(b"the previous version")
    with pytest.raises(RuntimeError):
        main(["--lang", "en", "report", "pdm", "--db", location(demo), "--out", str(out)])
    assert out.read_bytes() == b"the previous version"
    assert [p.name for p in tmp_path.iterdir()] == ["pdm.pdf"]


@pytest.mark.parametrize(
    ("kind", "said"),
    [
        ("self-assessment", "Institutional self-assessment written to"),
        ("actors", "Actors by phase written to"),
    ],
)
def test_the_self_assessment_and_the_actors_print_from_the_command_line(
    demo, tmp_path, capsys, kind, said
):
    """Issue 14: two new kinds of ``report``."""
    out = tmp_path / f"{kind}.pdf"
    code = main(["--lang", "en", "report", kind, "--db", location(demo), "--out", str(out)])
    assert code == 0, capsys.readouterr().err
    assert said in capsys.readouterr().out
    assert PdfReader(out).pages
