"""``vaxbot content``: seed content between the YAML files and the database, and its checks."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import click

from bot import settings
from bot.content.checks import check_all
from bot.content.database import DatabaseUnavailable, check_connection, session_scope
from bot.content.importer import ImportReport, export_seed, import_seed
from bot.content.seed import AnswerSeed, ContentFileError
from bot.i18n.languages import supported_languages

DEFAULT_DIR = settings.PROJECT_ROOT / "data" / "content"


@click.group()
def content() -> None:
    """Import, export and check the curated answers."""


def import_content(database_url: str, content_dir: Path, force: bool = False) -> ImportReport:
    """Import the seed files with a progress bar (also used by ``vaxbot run``)."""
    try:
        check_connection(database_url)
        with (
            session_scope(database_url) as session,
            click.progressbar(length=0, label="Importing content", show_pos=True) as bar,
        ):

            def progress(seeds: list[AnswerSeed]) -> Iterator[AnswerSeed]:
                bar.length = len(seeds)
                for seed in seeds:
                    yield seed
                    bar.update(1)

            report = import_seed(session, content_dir, force=force, progress=progress)
    except ContentFileError as error:
        raise click.ClickException(f"content not imported, nothing changed: {error}") from error
    except DatabaseUnavailable as error:
        raise click.ClickException(str(error)) from error
    click.echo(f"Content: {report.summary()}.")
    for label in report.kept_edited:
        click.echo(f"  kept {label}: edited in the database after its last import (--force overwrites)")
    return report


@content.command("import")
@click.option(
    "--dir",
    "content_dir",
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    default=DEFAULT_DIR,
    show_default=True,
    help="Folder with topics.yml and <language>/<group>.yml files.",
)
@click.option("--force", is_flag=True, help="Also overwrite answers edited in the database.")
@click.option("-v", "--verbose", is_flag=True, help="List every created and updated answer.")
def import_(content_dir: Path, force: bool, verbose: bool) -> None:
    """Load the seed YAML into the database: updates in place, never duplicates."""
    report = import_content(settings.current().database_url, content_dir, force=force)
    if verbose:
        for label in report.created:
            click.echo(f"  created {label}")
        for label in report.updated:
            click.echo(f"  updated {label}")


@content.command("export")
@click.option(
    "--dir",
    "content_dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=DEFAULT_DIR,
    show_default=True,
    help="Folder to write <language>/<group>.yml files into.",
)
@click.option("--language", "languages", multiple=True, help="Only these languages (repeatable).")
def export(content_dir: Path, languages: tuple[str, ...]) -> None:
    """Write the answers in the database back to YAML files."""
    database_url = settings.current().database_url
    try:
        check_connection(database_url)
        with session_scope(database_url) as session:
            written = export_seed(session, content_dir, languages or None)
    except DatabaseUnavailable as error:
        raise click.ClickException(str(error)) from error
    for path in written:
        click.echo(f"wrote {path}")
    click.echo(f"{len(written)} file(s) written.")


@content.command("check")
@click.option("--partial", is_flag=True, help="Check only what exists; do not demand full coverage.")
def check(partial: bool) -> None:
    """Check every answer and NLU file against the content rules (docs/content-guide.md)."""
    languages = list(supported_languages())
    problems = check_all(settings.PROJECT_ROOT, languages, complete=not partial)
    for problem in problems:
        click.echo(str(problem))
    if problems:
        raise click.ClickException(f"{len(problems)} content problem(s)")
    click.echo(f"Content OK for {', '.join(languages)}.")
