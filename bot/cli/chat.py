"""``vaxbot chat``: talk to the running assistant from the terminal, through its real REST webhook."""

from __future__ import annotations

import json
import urllib.error
import urllib.request
import uuid

import click

from bot import settings


def send(url: str, sender: str, message: str, timeout: float = 30.0) -> list[dict[str, object]]:
    """POST one message to Rasa's REST channel and return the bot's messages."""
    body = json.dumps({"sender": sender, "message": message}).encode("utf-8")
    request = urllib.request.Request(url, data=body, headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=timeout) as response:
        return json.loads(response.read().decode("utf-8"))


@click.command()
@click.option("--url", help="REST webhook URL (default: the local server from the settings).")
@click.option("--sender", help="Conversation id (default: a new random one).")
def chat(url: str | None, sender: str | None) -> None:
    """Chat with the assistant that `vaxbot run` is serving. Ctrl-D or /quit ends."""
    config = settings.current()
    url = url or f"http://{config.host}:{config.rasa_port}/webhooks/rest/webhook"
    sender = sender or f"chat-{uuid.uuid4().hex[:12]}"
    click.echo(f"Talking to {url} as {sender}. Ctrl-D or /quit ends.")
    while True:
        try:
            message = click.prompt("you", prompt_suffix="> ", default="", show_default=False)
        except (EOFError, click.Abort):
            click.echo()
            return
        if message.strip() in ("/quit", "/exit"):
            return
        if not message.strip():
            continue
        try:
            replies = send(url, sender, message)
        except urllib.error.HTTPError as error:
            raise click.ClickException(f"the assistant answered HTTP {error.code} at {url}") from error
        except (urllib.error.URLError, ConnectionError, TimeoutError) as error:
            raise click.ClickException(
                f"cannot reach the assistant at {url} ({getattr(error, 'reason', error)}); "
                "is `vaxbot run` running?"
            ) from error
        for reply in replies:
            if reply.get("text"):
                click.echo(
                    click.wrap_text(
                        str(reply["text"]),
                        width=88,
                        initial_indent="bot> ",
                        subsequent_indent="     ",
                        preserve_paragraphs=True,
                    )
                )
