import dataclasses
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from bot import settings
from bot.cli import cli
from bot.cli.train import training_fingerprint

DATA = Path(__file__).parent.parent / "data" / "content"


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


def test_every_command_has_help(runner: CliRunner) -> None:
    for args in (
        ["--help"],
        ["run", "--help"],
        ["train", "--help"],
        ["db", "upgrade", "--help"],
        ["content", "import", "--help"],
        ["content", "export", "--help"],
        ["chat", "--help"],
        ["i18n", "check", "--help"],
    ):
        result = runner.invoke(cli, args)
        assert result.exit_code == 0, (args, result.output)
        assert "Usage:" in result.output


def test_db_upgrade_and_current(runner: CliRunner, config: settings.Settings) -> None:
    result = runner.invoke(cli, ["db", "upgrade"])
    assert result.exit_code == 0
    assert "up to date" in result.output
    result = runner.invoke(cli, ["db", "current"])
    assert "(up to date)" in result.output


def test_unreachable_database_is_one_sentence_and_exit_1(
    runner: CliRunner, config: settings.Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(
        settings,
        "_current",
        dataclasses.replace(config, database_url="postgresql://postgres@127.0.0.1:1/x"),
    )
    result = runner.invoke(cli, ["db", "upgrade"])
    assert result.exit_code == 1
    assert "Error: cannot connect to the database at postgresql://postgres@127.0.0.1:1/x" in result.output
    assert "Traceback" not in result.output


def test_content_import_reports_changes(runner: CliRunner, config: settings.Settings, tmp_path: Path) -> None:
    shutil.copytree(DATA, tmp_path / "content")
    result = runner.invoke(cli, ["content", "import", "--dir", str(tmp_path / "content"), "-v"])
    assert result.exit_code == 0, result.output
    assert "Content: 4 created, 0 updated, 0 unchanged." in result.output
    assert "created flu_vaccine_timing/es" in result.output
    result = runner.invoke(cli, ["content", "import", "--dir", str(tmp_path / "content")])
    assert "Content: 0 created, 0 updated, 4 unchanged." in result.output


def test_content_import_of_a_broken_file_names_file_and_line(
    runner: CliRunner, config: settings.Settings, tmp_path: Path
) -> None:
    shutil.copytree(DATA, tmp_path / "content")
    path = tmp_path / "content" / "es" / "flu.yml"
    path.write_text(
        path.read_text(encoding="utf-8").replace("status: draft", "status: maybe"), encoding="utf-8"
    )
    result = runner.invoke(cli, ["content", "import", "--dir", str(tmp_path / "content")])
    assert result.exit_code == 1
    assert f"content not imported, nothing changed: {path}:16: 'status' must be one of" in result.output


def test_content_export(runner: CliRunner, config: settings.Settings, tmp_path: Path) -> None:
    shutil.copytree(DATA, tmp_path / "content")
    runner.invoke(cli, ["content", "import", "--dir", str(tmp_path / "content")])
    out = tmp_path / "out"
    result = runner.invoke(cli, ["content", "export", "--dir", str(out), "--language", "es"])
    assert result.exit_code == 0
    assert [p.name for p in (out / "es").iterdir()] == ["flu.yml"]
    assert not (out / "en").exists()


def test_training_fingerprint_follows_training_inputs_only(tmp_path: Path) -> None:
    root = tmp_path / "repo"
    for name in (
        "config.yml",
        "domain",
        "data/nlu",
        "data/rules",
        "data/stories",
        "data/content",
        "bot/nlu",
    ):
        source = settings.PROJECT_ROOT / name
        if source.is_dir():
            shutil.copytree(source, root / name)
        else:
            (root / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy(source, root / name)
    config = root / "config.yml"
    before = training_fingerprint(config, root)
    content = root / "data" / "content" / "en" / "access.yml"
    content.write_text(content.read_text(encoding="utf-8") + "\n# an edited answer\n", encoding="utf-8")
    assert training_fingerprint(config, root) == before
    nlu = root / "data" / "nlu" / "en" / "access.yml"
    nlu.write_text(nlu.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    assert training_fingerprint(config, root) != before


def test_chat_without_a_server_says_what_to_do(runner: CliRunner, config: settings.Settings) -> None:
    result = runner.invoke(
        cli, ["chat", "--url", "http://127.0.0.1:1/webhooks/rest/webhook"], input="hello\n"
    )
    assert result.exit_code == 1
    assert "is `vaxbot run` running?" in result.output


def test_bad_setting_is_reported_before_anything_runs(
    runner: CliRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(settings, "_current", None)
    monkeypatch.setenv("RASA_PORT", "fifty")
    result = runner.invoke(cli, ["db", "current"])
    assert result.exit_code == 1
    assert "Error: RASA_PORT='fifty' is invalid" in result.output
