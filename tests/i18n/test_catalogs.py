import importlib
import os
import shutil
from pathlib import Path

import pytest
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

from bot.cli.i18n import catalog_problems
from bot.i18n.catalogs import CatalogError, Catalogs
from bot.i18n.languages import BASE_LANGUAGE, catalog_path, supported_languages
from bot.settings import PROJECT_ROOT

LOCALES = PROJECT_ROOT / "locales"


def _compile(locales: Path) -> None:
    for language in supported_languages.__wrapped__(locales):
        with catalog_path(language, locales).open("rb") as handle:
            catalog = read_po(handle, locale=language)
        with catalog_path(language, locales, ".mo").open("wb") as handle:
            write_mo(handle, catalog)


@pytest.fixture
def locales(tmp_path: Path) -> Path:
    """A copy of the shipped catalogs, compiled, that a test may change."""
    target = tmp_path / "locales"
    shutil.copytree(LOCALES, target, ignore=shutil.ignore_patterns("*.mo"))
    _compile(target)
    return target


def test_every_shipped_catalog_is_complete_and_passes_babel_checks() -> None:
    assert catalog_problems() == []


def test_english_is_first_and_every_language_has_a_catalog(locales: Path) -> None:
    languages = supported_languages.__wrapped__(locales)
    assert languages[0] == BASE_LANGUAGE
    assert "es" in languages


def test_text_in_the_patrons_language(locales: Path) -> None:
    catalogs = Catalogs(locales)
    got = catalogs.text("es", "library.contact_phone", phone="555-0100")
    assert got.language == "es"
    assert "555-0100" in got.text
    assert got.text != catalogs.text("en", "library.contact_phone", phone="555-0100").text


def test_missing_translation_falls_back_to_english_and_says_so(
    locales: Path, caplog: pytest.LogCaptureFixture
) -> None:
    po = catalog_path("es", locales)
    with po.open("rb") as handle:
        catalog = read_po(handle, locale="es")
    del catalog["utter_goodbye"]
    with catalog_path("es", locales, ".mo").open("wb") as handle:
        write_mo(handle, catalog)
    catalogs = Catalogs(locales)
    got = catalogs.text("es", "utter_goodbye")
    assert got.language == "en"
    assert got.text == catalogs.text("en", "utter_goodbye").text
    assert "i18n.missing_translation language=es msgid=utter_goodbye" in caplog.text


def test_unknown_message_and_missing_values_are_errors(locales: Path) -> None:
    catalogs = Catalogs(locales)
    with pytest.raises(CatalogError, match="is not in the en catalog"):
        catalogs.text("en", "no.such.message")
    with pytest.raises(CatalogError, match="needs values"):
        catalogs.text("en", "library.contact_phone")


def test_a_stale_compiled_catalog_is_refused(locales: Path) -> None:
    po = catalog_path("es", locales)
    po.touch()
    mo = catalog_path("es", locales, ".mo")
    os.utime(mo, (po.stat().st_mtime - 10, po.stat().st_mtime - 10))
    with pytest.raises(CatalogError, match="run `vaxbot i18n compile`"):
        Catalogs(locales)


def test_a_catalog_with_wrong_values_is_reported(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    i18n = importlib.import_module("bot.cli.i18n")  # the package re-exports the click group by that name
    target = tmp_path / "locales"
    shutil.copytree(LOCALES, target, ignore=shutil.ignore_patterns("*.mo"))
    po = catalog_path("es", target)
    po.write_text(
        po.read_text(encoding="utf-8").replace("Llame al {phone}.", "Llame al {telefono}."),
        encoding="utf-8",
    )
    monkeypatch.setattr(i18n, "LOCALES", target)
    monkeypatch.setattr(i18n, "TEMPLATE", target / "vaxbot.pot")
    monkeypatch.setattr(i18n, "PROJECT_ROOT", tmp_path)
    problems = i18n.catalog_problems()
    assert problems == [
        "locales/es/LC_MESSAGES/vaxbot.po: 'library.contact_phone' uses other {values} than English"
    ]


def test_the_template_has_exactly_the_ids_the_code_and_domain_use() -> None:
    from babel.messages.extract import extract_from_dir
    from babel.messages.frontend import parse_mapping_cfg
    from babel.messages.pofile import read_po as read

    with (PROJECT_ROOT / "babel.cfg").open(encoding="utf-8") as handle:
        method_map, options_map = parse_mapping_cfg(handle)
    found = {
        message
        for _file, _line, message, _comments, _context in extract_from_dir(
            str(PROJECT_ROOT), method_map, options_map, keywords={"text": None, "N_": None}
        )
    }
    with (LOCALES / "vaxbot.pot").open("rb") as handle:
        template = {m.id for m in read(handle) if m.id}
    assert found == template, "run `vaxbot i18n update`"
