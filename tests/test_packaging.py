"""Issue 15: what the wheel and the bundle need, checked without building them.

The smoke test (packaging/smoke_test.py) runs every report and spreadsheet kind against an
installed program; its lists must be the program's, or a new kind would go untested. The
wheel's layout (compiled catalogues without their .po, resources under the package) must
give a Spanish program, and paths.py must prefer the bundle, then the package's data, then
the checkout.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

from planner_desktop import commands, i18n, paths
from planner_desktop.exchange.xlsx import export as xlsx_export
from planner_desktop.exchange.xlsx import importer as xlsx_importer
from planner_desktop.reports import registry

ROOT = Path(__file__).resolve().parent.parent


def load(path: Path, name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # dataclasses look their module up by name
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def smoke() -> ModuleType:
    return load(ROOT / "packaging" / "smoke_test.py", "smoke_test")


@pytest.fixture(scope="module")
def build_hook() -> ModuleType:
    """setup.py's helpers (its setup() call runs only as a script)."""
    return load(ROOT / "setup.py", "setup_hook")


def test_the_smoke_test_runs_every_report_kind(smoke):
    assert set(smoke.REPORT_KINDS) == set(registry.MODULES) == set(commands.REPORT_KINDS)
    assert len(smoke.REPORT_KINDS) == len(set(smoke.REPORT_KINDS))
    assert set(smoke.REPORT_NEEDS) <= set(smoke.REPORT_KINDS)


def test_the_smoke_test_runs_every_spreadsheet_kind(smoke):
    assert set(smoke.XLSX_EXPORT_KINDS) == set(xlsx_export.KINDS)
    assert set(smoke.XLSX_EXPORT_KINDS) == set(commands.XLSX_EXPORT_KINDS)
    assert set(smoke.XLSX_IMPORT_KINDS) == set(xlsx_importer.IMPORTS)
    assert set(smoke.XLSX_IMPORT_KINDS) == set(commands.XLSX_IMPORT_KINDS)


def test_the_smoke_tests_spanish_words_are_the_catalogues(smoke):
    """The words the smoke test looks for are what the Spanish catalogue prints, and not
    what the English one does."""
    before = i18n.current_language()
    try:
        i18n.set_language("es")
        demo = i18n._("demo municipality created: {summary}")
        refusal = i18n._("this document needs --event ID")
        i18n.set_language("en")
        english = i18n._("this document needs --event ID")
    finally:
        i18n.set_language(before)
    assert smoke.SPANISH_DEMO in demo
    assert smoke.SPANISH_REFUSAL in refusal
    assert smoke.ENGLISH_REFUSAL in english
    assert smoke.SPANISH_REFUSAL not in english


def test_the_wheels_layout_gives_a_spanish_program(build_hook, tmp_path, monkeypatch):
    """What setup.py lays out (a .mo with no .po beside it, the resources copied) is what
    the installed program reads."""
    translations = tmp_path / "translations"
    written = build_hook.compile_catalogues(ROOT / "translations", translations)
    assert {path.parent.parent.name for path in written} >= {"es", "en"}
    assert not list(translations.rglob("*.po"))
    resources = tmp_path / "resources"
    build_hook.copy_resources(ROOT / "resources", resources)
    for needed in ("demo/municipality.json", "fonts/DejaVuSans.ttf", "pictograms.json",
                   "styles/navigation.qss", "icons/planner-desktop.png"):
        assert (resources / needed).is_file(), needed
    monkeypatch.setenv(paths.ENV_TRANSLATIONS, str(translations))
    before = i18n.current_language()
    i18n.clear_cache()
    try:
        i18n.set_language("es")
        assert i18n._("this document needs --event ID") != "this document needs --event ID"
        assert i18n.ngettext("{file}: {count} row written", "{file}: {count} rows written", 2) \
            != "{file}: {count} rows written"
    finally:
        i18n.clear_cache()
        i18n.set_language(before)


def test_no_catalogue_stops_the_build(build_hook, tmp_path):
    with pytest.raises(RuntimeError, match="no message catalogue"):
        build_hook.compile_catalogues(tmp_path / "nothing", tmp_path / "out")


def _package_at(root: Path, monkeypatch) -> Path:
    """paths.py as if installed in root/planner_desktop; that folder."""
    package = root / "planner_desktop"
    package.mkdir(parents=True)
    monkeypatch.setattr(paths, "__file__", str(package / "paths.py"))
    monkeypatch.delenv(paths.ENV_RESOURCES, raising=False)
    monkeypatch.delenv(paths.ENV_TRANSLATIONS, raising=False)
    return package


def test_the_checkout_serves_when_there_is_no_package_data(tmp_path, monkeypatch):
    _package_at(tmp_path, monkeypatch)
    assert paths.resources_dir() == tmp_path / "resources"
    assert paths.translations_dir() == tmp_path / "translations"


def test_the_installed_package_data_comes_before_the_checkout(tmp_path, monkeypatch):
    package = _package_at(tmp_path, monkeypatch)
    (tmp_path / "resources").mkdir()
    for name in ("resources", "translations"):
        (package / "_data" / name).mkdir(parents=True)
    assert paths.resources_dir() == package / "_data" / "resources"
    assert paths.translations_dir() == package / "_data" / "translations"


def test_the_bundle_comes_first_and_the_environment_before_all(tmp_path, monkeypatch):
    package = _package_at(tmp_path / "site", monkeypatch)
    (package / "_data" / "resources").mkdir(parents=True)
    bundle = tmp_path / "bundle"
    (bundle / "planner_desktop" / "_data" / "resources").mkdir(parents=True)
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "_MEIPASS", str(bundle), raising=False)
    assert paths.resources_dir() == bundle / "planner_desktop" / "_data" / "resources"
    monkeypatch.setenv(paths.ENV_RESOURCES, str(tmp_path / "mine"))
    assert paths.resources_dir() == tmp_path / "mine"


def test_the_spec_collects_every_submodule_and_the_package_data():
    """No hand list of modules to forget: the spec collects the package by name."""
    spec = (ROOT / "packaging" / "planner-desktop.spec").read_text(encoding="utf-8")
    assert 'collect_submodules("planner_desktop")' in spec
    assert 'collect_data_files("planner_desktop")' in spec
    assert "hiddenimports=hiddenimports" in spec
