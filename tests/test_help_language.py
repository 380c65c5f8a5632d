"""``--help`` and usage errors wholly in the interface language (issue 15, item 8):
argparse's own words go through the program's catalogue, every option and positional of
every command has its help, every sub-command its description, and wrong usage still
exits 2. Sub-commands are collected from the parser, so a new one cannot be left out."""

from __future__ import annotations

import argparse
import ast
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from babel.messages.pofile import read_po, write_po

from planner_desktop import cli_text, i18n, paths
from planner_desktop.cli import main
from planner_desktop.commands import build_parser

ARGPARSE_ENGLISH = (
    "usage:",
    "options:",
    "positional arguments",
    "show this help message",
    "show program's version",
    "subcommands",
)
"""argparse's own words, none of which may be left in a Spanish help."""

ENGLISH_METAVARS = re.compile(r"\b(FILE|PATH_OR_URL|KIND|ACTION|COMMAND|YEAR|TEXT|YYYY)\b")


def sub_commands(
    parser: argparse.ArgumentParser, path: tuple[str, ...] = ()
) -> list[tuple[tuple[str, ...], argparse.ArgumentParser]]:
    """``parser`` and every sub-command under it, each with the words that call it."""
    found = [(path, parser)]
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, child in action.choices.items():
                found += sub_commands(child, (*path, name))
    return found


COMMANDS = [path for path, _parser in sub_commands(build_parser())]


@pytest.fixture
def spanish(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The Spanish catalogue with the entries still waiting in ``translations/incoming/``
    read on top of it (the whole catalogue once they are merged)."""
    source = paths.translations_dir()
    with (source / "es" / "LC_MESSAGES" / "planner_desktop.po").open("rb") as stream:
        catalogue = read_po(stream, locale="es", domain=i18n.DOMAIN)
    for incoming in sorted((source / "incoming").glob("*.po")):
        with incoming.open("rb") as stream:
            for message in read_po(stream, locale="es"):
                if message.id and message.string:
                    catalogue[message.id] = message
    target = tmp_path / "translations" / "es" / "LC_MESSAGES"
    target.mkdir(parents=True)
    with (target / "planner_desktop.po").open("wb") as stream:
        write_po(stream, catalogue)
    monkeypatch.setenv(paths.ENV_TRANSLATIONS, str(tmp_path / "translations"))
    i18n.clear_cache()
    yield
    i18n.clear_cache()


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    """Exit code, stdout and stderr of a command line that ends in the parser."""
    with pytest.raises(SystemExit) as exited:
        main(argv)
    out, err = capsys.readouterr()
    code = exited.value.code
    return code if isinstance(code, int) else 1, out, err


def parser_at(path: tuple[str, ...]) -> argparse.ArgumentParser:
    return dict(sub_commands(build_parser()))[path]


def test_every_command_is_collected():
    names = {" ".join(path) for path in COMMANDS}
    assert {"", "demo", "session merge", "xlsx import", "acta verify", "check"} <= names
    assert {"territory import-geometry", "photo attach", "photo list", "photo export"} <= names
    assert len(COMMANDS) == 20


@pytest.mark.parametrize("path", COMMANDS, ids=lambda p: " ".join(p) or "planner-desktop")
def test_help_is_wholly_spanish(path, spanish, capsys):
    code, out, err = run(["--lang", "es", *path, "--help"], capsys)
    assert code == 0, err
    assert out.startswith(" ".join(("uso: planner-desktop", *path)))
    assert "\nopciones:\n" in out
    assert "mostrar esta ayuda y salir" in out
    for word in ARGPARSE_ENGLISH:
        assert word not in out, f"{word!r} left in English:\n{out}"
    assert not ENGLISH_METAVARS.search(out), out
    parser = parser_at(path)
    if any(not action.option_strings for action in parser._actions):
        assert "\nargumentos posicionales:\n" in out


@pytest.mark.parametrize("path", COMMANDS, ids=lambda p: " ".join(p) or "planner-desktop")
def test_every_option_and_positional_has_help(path, spanish):
    i18n.set_language("es")
    parser = parser_at(path)
    assert parser.description, f"{' '.join(path)} has no description"
    for action in parser._actions:
        name = "/".join(action.option_strings) or action.metavar or action.dest
        assert action.help and action.help != argparse.SUPPRESS, f"{name} has no help"
        if isinstance(action, argparse._SubParsersAction):
            for choice in action._choices_actions:
                assert choice.help, f"{choice.dest} has no summary"


def test_usage_errors_are_spanish_and_exit_2(spanish, capsys):
    code, out, err = run(["--lang", "es", "session", "merge"], capsys)
    assert code == 2
    assert out == ""
    assert err.startswith("uso: planner-desktop session merge")
    assert err.endswith(
        "planner-desktop session merge: error: faltan estos argumentos obligatorios: "
        "--db, ARCHIVO\n"
    )
    expected = {
        ("session",): "faltan estos argumentos obligatorios: ACCIÓN",
        ("report", "foo", "--db", "x", "--out", "y.pdf"): (
            "argumento TIPO: valor no válido: 'foo' (elija entre 'attendance-sheet'"
        ),
        ("demo", "--db", "x", "--frobnicate"): "argumentos no reconocidos: --frobnicate",
        ("demo", "--db"): "argumento --db: se esperaba un argumento",
        ("demo", "--db", "x", "--seed", "many"): (
            "argumento --seed: valor no válido para int: 'many'"
        ),
        ("session", "merge", "--db", "x"): "faltan estos argumentos obligatorios: ARCHIVO",
    }
    for argv, message in expected.items():
        code, _out, err = run(["--lang", "es", *argv], capsys)
        assert code == 2, argv
        assert message in err, err
        assert "usage:" not in err and "error: the following" not in err


def test_english_stays_argparse_s_own(capsys):
    code, _out, err = run(["--lang", "en", "session", "merge"], capsys)
    assert code == 2
    assert err.startswith("usage: planner-desktop session merge")
    assert "error: the following arguments are required: --db, FILE\n" in err


def test_an_empty_message_is_not_the_catalogue_header(spanish):
    i18n.set_language("es")
    assert cli_text.translate("") == ""
    assert cli_text.translate("options") == "opciones"
    assert cli_text.translate_plural("expected %s argument", "expected %s arguments", 2) == (
        "se esperaban %s argumentos"
    )


def argparse_messages() -> set[str]:
    """Every literal message the running Python's argparse passes to ``_`` or
    ``ngettext`` (the singular of a plural)."""
    tree = ast.parse(Path(argparse.__file__).read_text(encoding="utf-8"))
    found = set()
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Name)
            and node.func.id in ("_", "ngettext")
            and node.args
            and isinstance(node.args[0], ast.Constant)
            and isinstance(node.args[0].value, str)
        ):
            found.add(node.args[0].value)
    return found


def test_every_message_argparse_can_show_is_listed():
    listed = set(cli_text.MESSAGES) | {singular for singular, _ in cli_text.PLURAL_MESSAGES}
    found = argparse_messages()
    assert "usage: " in found and "the following arguments are required: %s" in found
    missing = sorted(found - listed - cli_text.DEVELOPER_ONLY)
    assert not missing, f"argparse messages not in planner_desktop/cli_text.py: {missing}"
