"""The ``vaxbot`` command: one module per command group, errors as one sentence and a non-zero exit."""

from __future__ import annotations

import logging

import click

from bot import settings
from bot.cli.chat import chat
from bot.cli.content import content
from bot.cli.db import db
from bot.cli.i18n import i18n
from bot.cli.run import run
from bot.cli.train import train


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="vaxbot")
def cli() -> None:
    """vaxbot: curated, CDC-sourced vaccine answers for library patrons, by SMS and web chat."""
    try:
        level = settings.current().log_level.upper()
    except settings.SettingsError as error:
        raise click.ClickException(str(error)) from error
    logging.basicConfig(level=level, format="%(asctime)s %(levelname)s %(name)s %(message)s")
    # Alembic narrates every step at INFO; our own commands say what happened in one line.
    logging.getLogger("alembic").setLevel(logging.WARNING)


cli.add_command(run)
cli.add_command(train)
cli.add_command(db)
cli.add_command(content)
cli.add_command(chat)
cli.add_command(i18n)


def main() -> None:
    """Entry point of the ``vaxbot`` script."""
    cli(prog_name="vaxbot")
