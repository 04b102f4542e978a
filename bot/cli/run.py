"""``vaxbot run``: everything from an empty checkout to a running assistant, in one command."""

from __future__ import annotations

import signal
import time
from types import FrameType

import click

from bot import settings
from bot.cli.content import DEFAULT_DIR, import_content
from bot.cli.db import upgrade_database
from bot.cli.train import ensure_model
from bot.i18n.catalogs import CatalogError, catalogs
from bot.servers import ServerError, start_servers


def _stop_on_signals() -> None:
    """Turn SIGTERM and SIGHUP into KeyboardInterrupt, so every way of stopping us stops the servers."""

    def interrupt(signum: int, _frame: FrameType | None) -> None:
        raise KeyboardInterrupt(signal.Signals(signum).name)

    signal.signal(signal.SIGTERM, interrupt)
    signal.signal(signal.SIGHUP, interrupt)


@click.command()
@click.option("--no-import", is_flag=True, help="Do not import the seed content before starting.")
def run(no_import: bool) -> None:
    """Migrate the database, import content, train if needed, and serve the assistant until Ctrl-C."""
    config = settings.current()
    _stop_on_signals()
    click.echo("[1/4] Database")
    upgrade_database(config.database_url)
    click.echo("[2/4] Content")
    if no_import:
        click.echo("Skipped (--no-import).")
    else:
        import_content(config.database_url, DEFAULT_DIR)
    try:
        catalogs(config.locales_dir)
    except CatalogError as error:
        raise click.ClickException(str(error)) from error
    click.echo("[3/4] Model")
    model = ensure_model(config.model_dir)
    click.echo("[4/4] Starting the action server and the Rasa server (about 30 s) ...")
    try:
        servers = start_servers(config, model)
    except ServerError as error:
        raise click.ClickException(str(error)) from error
    except KeyboardInterrupt:
        raise click.ClickException("stopped while the servers were starting") from None
    click.echo(
        "\nvaxbot is running.\n"
        f"  Chat in this terminal:  vaxbot chat   (in another terminal)\n"
        f"  REST channel:           POST {servers.rasa_url}/webhooks/rest/webhook"
        ' {"sender": "me", "message": "hi"}\n'
        f'  NLU only:               POST {servers.rasa_url}/model/parse {{"text": "..."}}\n'
        f"  Action server:          {servers.actions_url}/health\n"
        "Press Ctrl-C to stop.\n"
    )
    try:
        while (exited := servers.poll()) is None:
            time.sleep(0.5)
        servers.stop()
        raise click.ClickException(f"{exited}; stopped the other server too")
    except KeyboardInterrupt:
        click.echo("\nStopping ...")
        servers.stop()
        click.echo("Stopped.")
