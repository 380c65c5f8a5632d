"""Build hook: what the program reads at run time goes into the wheel as package data.

``resources/`` and ``translations/`` stay at the top of the repository, where the
translators and the documents' authors find them. Building the package (wheel, or ``pip
install .``) copies them into ``planner_desktop/_data/`` in the build folder:

* ``resources/``   fonts, style sheets, demo sources, ``pictograms.json``, icons;
* ``translations/<lang>/LC_MESSAGES/planner_desktop.mo``, compiled here from the ``.po``
  files with Babel (a build requirement), so no ``make mo`` is needed first.

:mod:`planner_desktop.paths` looks there after the environment overrides and the
PyInstaller bundle, and before the source checkout. An editable install builds nothing
here: it reads the checkout itself. Everything else lives in ``pyproject.toml``.
"""

from __future__ import annotations

import shutil
from io import BytesIO
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

ROOT = Path(__file__).resolve().parent
PACKAGE = "planner_desktop"
DATA = "_data"
DOMAIN = "planner_desktop"


def compile_catalogues(source: Path, target: Path) -> list[Path]:
    """Compile every ``<lang>/LC_MESSAGES/*.po`` under *source* to the same place under
    *target*; the written ``.mo`` files."""
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    written = []
    for po in sorted(source.glob("*/LC_MESSAGES/*.po")):
        lang = po.parent.parent.name
        with po.open("rb") as stream:
            catalog = read_po(stream, locale=lang, domain=po.stem)
        buffer = BytesIO()
        write_mo(buffer, catalog)
        mo = target / lang / "LC_MESSAGES" / f"{po.stem}.mo"
        mo.parent.mkdir(parents=True, exist_ok=True)
        mo.write_bytes(buffer.getvalue())
        written.append(mo)
    if not written:
        raise RuntimeError(f"no message catalogue in {source}")
    return written


def copy_resources(source: Path, target: Path) -> list[Path]:
    """Copy every file under *source* to *target* (no caches, no hidden files)."""
    written = []
    for path in sorted(source.rglob("*")):
        relative = path.relative_to(source)
        if not path.is_file() or any(part.startswith(".") for part in relative.parts):
            continue
        if "__pycache__" in relative.parts:
            continue
        out = target / relative
        out.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(path, out)
        written.append(out)
    return written


class BuildWithData(build_py):
    """``build_py`` that also lays out ``planner_desktop/_data`` in the build folder."""

    def run(self) -> None:
        super().run()
        if getattr(self, "editable_mode", False):
            return  # the checkout's own resources/ and translations/ are read in place
        target = Path(self.build_lib) / PACKAGE / DATA
        shutil.rmtree(target, ignore_errors=True)
        self._data_files = [
            *copy_resources(ROOT / "resources", target / "resources"),
            *compile_catalogues(ROOT / "translations", target / "translations"),
        ]

    def get_outputs(self, include_bytecode: bool = True) -> list[str]:
        return [*super().get_outputs(include_bytecode), *map(str, getattr(self, "_data_files", []))]


if __name__ == "__main__":  # setuptools runs this file as a script; tests import the helpers
    setup(cmdclass={"build_py": BuildWithData})
