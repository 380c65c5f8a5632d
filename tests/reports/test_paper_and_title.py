"""Issue 7: the saved paper is the default of ``report``; its success line names the document
in the language of the interface."""

from __future__ import annotations

import argparse
import json

import pytest

from planner_desktop import paths
from planner_desktop.cli import main
from planner_desktop.reports.command import options_from
from planner_desktop.reports.titles import TITLES, title
from planner_desktop.settings import Settings
from tests.helpers import location


@pytest.fixture
def config(tmp_path, monkeypatch):
    """The settings folder of this test only."""
    monkeypatch.setenv(paths.ENV_HOME, str(tmp_path / "home"))
    return paths.config_dir()


def _args(paper: str | None) -> argparse.Namespace:
    return argparse.Namespace(paper=paper, event=None, community=None, project=None, year=None)


def test_paper_is_a4_until_letter_is_saved(config):
    assert Settings.load(config).get("paper") == "a4"
    assert options_from(_args(None)).paper == "a4"
    settings = Settings.load(config)
    settings.set("paper", "letter")
    settings.save()

    assert options_from(_args(None)).paper == "letter"
    assert options_from(_args("a4")).paper == "a4"


def test_an_unknown_paper_is_refused_and_a_bad_saved_one_reads_as_a4(config):
    settings = Settings.load(config)
    with pytest.raises(ValueError):
        settings.set("paper", "a3")
    config.mkdir(parents=True)
    (config / "settings.json").write_text(json.dumps({"version": 1, "paper": "a3"}))
    assert Settings.load(config).get("paper") == "a4"
    assert options_from(_args(None)).paper == "a4"


def test_every_document_kind_has_a_title():
    from planner_desktop.commands import REPORT_KINDS

    assert set(TITLES) == set(REPORT_KINDS)


@pytest.mark.parametrize(
    "lang,expected",
    [("es", "Borrador del PDM: guardado en "), ("en", "PDM draft written to ")],
)
def test_the_success_line_names_the_document_in_the_interface_language(
    demo, tmp_path, capsys, lang, expected
):
    out = tmp_path / "pdm.pdf"
    code = main(["--lang", lang, "report", "pdm", "--db", location(demo), "--out", str(out)])
    printed = capsys.readouterr().out
    assert code == 0 and out.is_file()
    assert printed == f"{expected}{out}\n"
    assert title("pdm") in printed and "pdm:" not in printed


def test_report_without_paper_prints_on_the_saved_paper(config, demo, tmp_path):
    from pypdf import PdfReader

    settings = Settings.load(config)
    settings.set("paper", "letter")
    settings.save()
    sizes = {}
    for name, extra in (("saved", []), ("given", ["--paper", "a4"])):
        out = tmp_path / f"{name}.pdf"
        argv = ["--lang", "en", "report", "pdm", "--db", location(demo), "--out", str(out)]
        assert main(argv + extra) == 0
        box = PdfReader(out).pages[0].mediabox
        # The PDM is printed landscape: the paper is told by its two sides, in any order.
        sizes[name] = tuple(sorted((round(float(box.width)), round(float(box.height)))))
    assert sizes == {"saved": (612, 792), "given": (595, 842)}
