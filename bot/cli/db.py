"""``vaxbot db``: the content database schema, through Alembic migrations only."""

from __future__ import annotations

import click

from bot import settings
from bot.content import migrate
from bot.content.database import DatabaseUnavailable


@click.group()
def db() -> None:
    """Create, migrate and inspect the content database (DATABASE_URL)."""


def upgrade_database(database_url: str) -> None:
    """Migrate to the newest schema and say what happened (also used by ``vaxbot run``)."""
    try:
        before, after = migrate.upgrade(database_url)
    except DatabaseUnavailable as error:
        raise click.ClickException(str(error)) from error
    if before == after:
        click.echo(f"Database schema is up to date (revision {after}).")
    else:
        click.echo(f"Database schema migrated from {before or 'empty'} to {after}.")


@db.command()
def upgrade() -> None:
    """Migrate the database to the newest schema (creates it on first run)."""
    upgrade_database(settings.current().database_url)


@db.command()
@click.argument("revision")
def downgrade(revision: str) -> None:
    """Migrate the database down to REVISION ('base' removes every content table)."""
    try:
        before, after = migrate.downgrade(settings.current().database_url, revision)
    except DatabaseUnavailable as error:
        raise click.ClickException(str(error)) from error
    click.echo(f"Database schema migrated from {before} to {after or 'empty'}.")


@db.command()
def current() -> None:
    """Show the schema revision of the database and of the code."""
    try:
        revision = migrate.current_revision(settings.current().database_url)
    except Exception as error:  # any driver error means we could not look
        raise click.ClickException(f"cannot read the database: {error}") from error
    head = migrate.head_revision()
    state = "up to date" if revision == head else "needs `vaxbot db upgrade`"
    click.echo(f"database: {revision or 'empty'}  code: {head}  ({state})")
