"""``vaxbot i18n``: extract, update, compile and check the gettext catalogs with Babel."""

from __future__ import annotations

import os
import string

import click
from babel.messages.catalog import Catalog, TranslationError
from babel.messages.checkers import checkers
from babel.messages.frontend import CommandLineInterface
from babel.messages.pofile import read_po

from bot.i18n.languages import BASE_LANGUAGE, DOMAIN, catalog_path, supported_languages
from bot.settings import PROJECT_ROOT

LOCALES = PROJECT_ROOT / "locales"
TEMPLATE = LOCALES / f"{DOMAIN}.pot"


def _pybabel(*args: str) -> None:
    try:
        CommandLineInterface().run(["pybabel", "--quiet", *args])
    except SystemExit as error:  # pybabel exits on errors
        if error.code:
            raise click.ClickException(f"pybabel {args[0]} failed") from error


@click.group()
def i18n() -> None:
    """Manage the translated UI text in locales/."""


@i18n.command()
def update() -> None:
    """Extract message ids from the code and domain, and add new ones to every catalog."""
    # Relative paths, so the catalogs' "#: file:line" comments are the same in every checkout.
    previous = os.getcwd()
    os.chdir(PROJECT_ROOT)
    try:
        _extract()
    finally:
        os.chdir(previous)
    _update_catalogs()
    click.echo(
        f"Updated {TEMPLATE.relative_to(PROJECT_ROOT)} and {len(supported_languages(LOCALES))} catalogs."
    )


def _extract() -> None:
    _pybabel(
        "extract",
        "--mapping-file",
        "babel.cfg",
        "--no-default-keywords",
        "--keyword",
        "text",
        "--keyword",
        "N_",
        "--omit-header",
        "--sort-by-file",
        "--output-file",
        str(TEMPLATE),
        ".",
    )


def _update_catalogs() -> None:
    _pybabel(
        "update",
        "--domain",
        DOMAIN,
        "--input-file",
        str(TEMPLATE),
        "--output-dir",
        str(LOCALES),
        "--no-fuzzy-matching",
        "--ignore-obsolete",
    )


@i18n.command()
def compile() -> None:
    """Compile every catalog (.po) into the .mo file the bot loads."""
    _pybabel("compile", "--domain", DOMAIN, "--directory", str(LOCALES), "--statistics")
    click.echo(f"Compiled {len(supported_languages(LOCALES))} catalogs.")


def _value_names(text: str) -> set[str]:
    """The ``{named}`` values a message uses."""
    return {field for _, field, _, _ in string.Formatter().parse(text) if field}


def catalog_problems() -> list[str]:
    """Babel's checkers, every template id translated in every catalog, the same {values} as English."""
    with TEMPLATE.open("rb") as handle:
        wanted = {message.id for message in read_po(handle) if message.id}
    catalogs: dict[str, Catalog] = {}
    for language in supported_languages(LOCALES):
        with catalog_path(language, LOCALES).open("rb") as handle:
            catalogs[language] = read_po(handle, locale=language)
    english = {m.id: m.string for m in catalogs[BASE_LANGUAGE] if m.id}
    problems: list[str] = []
    for language, catalog in catalogs.items():
        where = catalog_path(language, LOCALES).relative_to(PROJECT_ROOT)
        have = {m.id for m in catalog if m.id and m.string and not m.fuzzy}
        problems += [f"{where}: {msgid!r} is not translated" for msgid in sorted(wanted - have)]
        problems += [f"{where}: {msgid!r} is not used by the code" for msgid in sorted(have - wanted)]
        for message in catalog:
            if not message.id or not message.string:
                continue
            for checker in checkers:
                try:
                    checker(catalog, message)
                except TranslationError as error:
                    problems.append(f"{where}: {message.id!r}: {error}")
            base = english.get(message.id)
            if base is not None and _value_names(base) != _value_names(message.string):
                problems.append(f"{where}: {message.id!r} uses other {{values}} than English")
    return problems


@i18n.command()
def check() -> None:
    """Check every catalog: complete, no unused ids, same {values} as English, Babel's checkers."""
    problems = catalog_problems()
    for problem in problems:
        click.echo(problem)
    if problems:
        raise click.ClickException(f"{len(problems)} catalog problem(s)")
    click.echo(f"Catalogs OK: {', '.join(supported_languages(LOCALES))}.")
