"""Rasa's own conversation tests (tests/stories) and data validation, on the trained model."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from bot.settings import PROJECT_ROOT

pytestmark = pytest.mark.e2e
RASA = str(Path(sys.executable).with_name("rasa"))


def test_story_predictions(model: Path, tmp_path: Path) -> None:
    result = subprocess.run(
        [
            RASA,
            "test",
            "core",
            "--model",
            str(model),
            "--stories",
            str(PROJECT_ROOT / "tests" / "stories"),
            "--out",
            str(tmp_path),
            "--fail-on-prediction-errors",
        ],
        cwd=PROJECT_ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    failed = tmp_path / "failed_test_stories.yml"
    detail = failed.read_text(encoding="utf-8") if failed.exists() else result.stdout[-3000:]
    assert result.returncode == 0, detail


def test_rasa_data_validate() -> None:
    result = subprocess.run(
        [
            RASA,
            "data",
            "validate",
            "--domain",
            "domain",
            "--data",
            "data/nlu",
            "data/rules",
            "data/stories",
            "--fail-on-warnings",
        ],
        cwd=PROJECT_ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout[-4000:]
