"""The quick scan for the last row with data, on sheet XML as different programs write it."""

from __future__ import annotations

import zipfile

import pytest

from planner_desktop.exchange.xlsx import rows

HEAD = '<?xml version="1.0"?><worksheet xmlns="main"><sheetData>'
TAIL = "</sheetData></worksheet>"


def scan(tmp_path, body):
    path = tmp_path / "s.zip"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("sheet.xml", HEAD + body + TAIL)
    with zipfile.ZipFile(path) as archive:
        return rows.last_content_row(archive, "sheet.xml")


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("", (0, None)),
        (
            '<row r="1"><c r="A1" t="s"><v>0</v></c></row><row r="9" s="2"><c r="C9" s="2"/></row>',
            (1, "A"),
        ),
        ('<x:row r="4"><x:c r="D4"><x:f>SUM(A1)</x:f></x:c></x:row>', (4, "D")),
        (
            '<row><c t="inlineStr"><is><t>a</t></is></c></row><row><c r="B2"><v>1</v></c></row>',
            (2, "B"),
        ),
    ],
    ids=["empty", "formatted-tail", "prefixed-formula", "rows-without-numbers"],
)
def test_last_content_row(tmp_path, body, expected):
    assert scan(tmp_path, body) == expected


def test_a_tag_split_across_chunks_is_still_found(tmp_path, monkeypatch):
    monkeypatch.setattr(rows, "_CHUNK", 7)
    body = "".join(f'<row r="{n}"><c r="A{n}"><v>{n}</v></c></row>' for n in range(1, 40))
    assert scan(tmp_path, body + '<row r="50" s="1"/>') == (39, "A")
