"""The translation function and the catalogues (pure Python, no Qt)."""

import gettext
import os
from collections.abc import Iterator
from io import BytesIO
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog, Message
from babel.messages.extract import extract_from_dir
from babel.messages.frontend import parse_mapping_cfg
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

from planner_desktop import i18n, paths
from planner_desktop.i18n import N_, _, current_language, ngettext, set_language

ROOT = Path(__file__).resolve().parent.parent
# The same keywords as `make translations` (pybabel extract -k _ -k N_ -k NN_:1,2
# -k ngettext:1,2).
KEYWORDS = {"_": None, "N_": None, "NN_": (1, 2), "ngettext": (1, 2)}


@pytest.fixture(autouse=True)
def restore_language() -> Iterator[None]:
    before = current_language()
    i18n.clear_cache()
    yield
    i18n.clear_cache()
    set_language(before)


def read_catalogue(lang: str) -> Catalog:
    with (ROOT / "translations" / lang / "LC_MESSAGES" / "planner_desktop.po").open("rb") as f:
        return read_po(f, locale=lang)


def write_catalogue(folder: Path, lang: str, messages: dict[str, str], *, mo: bool) -> Path:
    """Write a small catalogue for *lang* under *folder*; return the .po path."""
    catalog = Catalog(locale=lang, domain=i18n.DOMAIN, fuzzy=False)
    for msgid, msgstr in messages.items():
        catalog.add(msgid, msgstr)
    target = folder / lang / "LC_MESSAGES"
    target.mkdir(parents=True, exist_ok=True)
    po = target / "planner_desktop.po"
    with po.open("wb") as f:
        write_po(f, catalog)
    if mo:
        with (target / "planner_desktop.mo").open("wb") as f:
            write_mo(f, catalog)
    return po


def test_default_language_is_spanish():
    assert i18n.DEFAULT_LANGUAGE == "es"
    assert set(i18n.LANGUAGES) == {"es", "en"}


@pytest.mark.parametrize("lang", ["es", "en"])
def test_real_catalogues_load(lang):
    assert i18n.catalogue_file(lang).is_file()
    set_language(lang)
    assert current_language() == lang
    assert isinstance(i18n._catalogue(lang), gettext.GNUTranslations)


def test_spanish_catalogue_translates_its_messages():
    translated = [m for m in read_catalogue("es") if m.id and m.string and not m.fuzzy]
    if not translated:
        pytest.skip("es.po has no translated message yet")
    for message in translated:
        plural = isinstance(message.id, tuple)
        msgid = message.id[0] if plural else message.id
        expected = message.string[0] if plural else message.string
        for lang, wanted in (("es", expected), ("en", msgid)):
            set_language(lang)
            assert (ngettext(*message.id, 1) if plural else _(msgid)) == wanted


def test_switching_language_changes_messages(tmp_path, monkeypatch):
    monkeypatch.setenv(paths.ENV_TRANSLATIONS, str(tmp_path))
    write_catalogue(tmp_path, "es", {"Demand": "Demanda"}, mo=True)
    set_language("es")
    assert _("Demand") == "Demanda"
    set_language("en")
    assert _("Demand") == "Demand"
    set_language("es")
    assert _("Demand") == "Demanda"


def test_untranslated_and_marked_messages_pass_through(tmp_path, monkeypatch):
    monkeypatch.setenv(paths.ENV_TRANSLATIONS, str(tmp_path))
    write_catalogue(tmp_path, "es", {}, mo=False)
    set_language("es")
    assert _("Not in any catalogue") == "Not in any catalogue"
    assert N_("Demand") == "Demand"
    assert ngettext("{n} vote", "{n} votes", 1) == "{n} vote"
    assert ngettext("{n} vote", "{n} votes", 3) == "{n} votes"


SPANISH_PLURALS_PO = r"""msgid ""
msgstr ""
"Language: es\n"
"Plural-Forms: nplurals=2; plural=(n != 1);\n"
"Content-Type: text/plain; charset=utf-8\n"

msgid "{n} vote"
msgid_plural "{n} votes"
msgstr[0] "{n} voto"
msgstr[1] "{n} votos"
"""


def test_plural_forms_follow_the_number(tmp_path, monkeypatch):
    """The catalogue's own Plural-Forms decide, not the Babel release's locale data."""
    monkeypatch.setenv(paths.ENV_TRANSLATIONS, str(tmp_path))
    target = tmp_path / "es" / "LC_MESSAGES"
    target.mkdir(parents=True)
    (target / "planner_desktop.po").write_text(SPANISH_PLURALS_PO, encoding="utf-8")
    set_language("es")
    assert ngettext("{n} vote", "{n} votes", 1) == "{n} voto"
    assert ngettext("{n} vote", "{n} votes", 2) == "{n} votos"
    assert ngettext("{n} vote", "{n} votes", 1_000_000) == "{n} votos"


@pytest.mark.parametrize("lang", ["es", "en"])
def test_real_catalogue_states_its_plural_forms_and_fills_them(lang):
    """Spanish has two forms here, whatever a Babel release's locale data says."""
    text = (ROOT / "translations" / lang / "LC_MESSAGES" / "planner_desktop.po").read_text(
        encoding="utf-8"
    )
    assert '"Plural-Forms: nplurals=2; plural=(n != 1);\\n"' in text
    catalogue = read_catalogue(lang)
    for message in catalogue:
        if isinstance(message.id, tuple) and message.string and any(message.string):
            assert len(message.string) == 2, message.id
            assert all(message.string), message.id


def test_po_is_used_when_mo_is_missing_or_stale(tmp_path, monkeypatch):
    monkeypatch.setenv(paths.ENV_TRANSLATIONS, str(tmp_path))
    po = write_catalogue(tmp_path, "es", {"Demand": "Demanda vieja"}, mo=True)
    mo = po.with_suffix(".mo")
    write_catalogue(tmp_path, "es", {"Demand": "Demanda"}, mo=False)
    os.utime(mo, (1_000_000, 1_000_000))  # the .mo predates the edited .po
    set_language("es")
    assert _("Demand") == "Demanda"

    mo.unlink()
    i18n.clear_cache()
    assert _("Demand") == "Demanda"


def test_compiled_catalogue_is_used_when_up_to_date(tmp_path, monkeypatch):
    monkeypatch.setenv(paths.ENV_TRANSLATIONS, str(tmp_path))
    po = write_catalogue(tmp_path, "es", {"Demand": "Demanda"}, mo=False)
    catalog = Catalog(locale="es", domain=i18n.DOMAIN, fuzzy=False)
    catalog.add("Demand", "Demanda compilada")
    buffer = BytesIO()
    write_mo(buffer, catalog)
    po.with_suffix(".mo").write_bytes(buffer.getvalue())
    os.utime(po, (1_000_000, 1_000_000))
    set_language("es")
    assert _("Demand") == "Demanda compilada"


def test_missing_catalogue_falls_back_to_english(tmp_path, monkeypatch):
    monkeypatch.setenv(paths.ENV_TRANSLATIONS, str(tmp_path))
    set_language("es")
    assert _("Demand") == "Demand"


@pytest.mark.parametrize("lang", ["fr", "", "ES", "es_BO", "spanish"])
def test_unknown_language_is_rejected(lang):
    set_language("es")
    with pytest.raises(ValueError, match=r"unknown language .*: choose one of es, en"):
        set_language(lang)
    assert current_language() == "es"


def extract_source_messages(root: Path = ROOT) -> dict[str | tuple[str, ...], list[str]]:
    """Every message marked in the program's source under *root*, with where it is used."""
    with (ROOT / "babel.cfg").open(encoding="utf-8") as f:
        method_map, options_map = parse_mapping_cfg(f)
    found: dict[str | tuple[str, ...], list[str]] = {}
    for filename, lineno, message, _comments, _context in extract_from_dir(
        root, method_map, options_map, keywords=KEYWORDS
    ):
        key = tuple(m for m in message if m) if isinstance(message, tuple) else message
        found.setdefault(key, []).append(f"{filename}:{lineno}")
    return found


def is_translated(message: Message | None) -> bool:
    if message is None or message.fuzzy:
        return False
    strings = message.string if isinstance(message.string, tuple) else (message.string,)
    return all(s.strip() for s in strings)


def test_extraction_finds_every_kind_of_marked_message(tmp_path):
    package = tmp_path / "planner_desktop" / "ui"
    package.mkdir(parents=True)
    (package / "page.py").write_text(
        "from planner_desktop.i18n import _, N_, ngettext\n"
        "TITLE = N_('Demands')\n"
        "def label(n):\n"
        "    return _('Community'), ngettext('{n} vote', '{n} votes', n)\n",
        encoding="utf-8",
    )
    (tmp_path / "tests").mkdir()
    (tmp_path / "tests" / "test_page.py").write_text("_('Not part of the program')\n")
    assert set(extract_source_messages(tmp_path)) == {
        "Demands",
        "Community",
        ("{n} vote", "{n} votes"),
    }


def test_spanish_misses_no_message():
    catalog = read_catalogue("es")
    missing = []
    for key, places in sorted(extract_source_messages().items(), key=lambda kv: str(kv[0])):
        msgid = key[0] if isinstance(key, tuple) else key
        if not is_translated(catalog.get(msgid)):
            missing.append(f"  {msgid!r}  ({places[0]})")
    if missing:
        pytest.fail(
            f"{len(missing)} message(s) have no Spanish translation (or are fuzzy) in "
            "translations/es/LC_MESSAGES/planner_desktop.po; run `make translations` and "
            "translate them:\n" + "\n".join(missing),
            pytrace=False,
        )
