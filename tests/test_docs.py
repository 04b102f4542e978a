"""The README cannot drift from the code: every setting and every command is documented."""

import click

from bot.cli import cli
from bot.settings import PROJECT_ROOT, SETTINGS

README = (PROJECT_ROOT / "README.md").read_text(encoding="utf-8")


def _commands(group: click.Group, prefix: str = "vaxbot") -> list[str]:
    names = []
    for name, command in group.commands.items():
        names.append(f"{prefix} {name}")
        if isinstance(command, click.Group):
            names += _commands(command, f"{prefix} {name}")
    return names


def test_every_setting_is_in_the_readme() -> None:
    missing = [s.name for s in SETTINGS if f"`{s.name}`" not in README]
    assert missing == []


def test_every_command_is_in_the_readme() -> None:
    missing = [c for c in _commands(cli) if c not in README]
    assert missing == []


def test_readme_starts_with_the_two_commands() -> None:
    head = README.split("\n## ", 1)[0]
    assert "make run" in head and "make test" in head
