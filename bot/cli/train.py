"""``vaxbot train``: train the Rasa model only when its training inputs changed."""

from __future__ import annotations

import hashlib
import subprocess
import sys
from importlib.metadata import version
from pathlib import Path

import click

from bot import settings
from bot.content.dialogue import write_derived_files

ROOT = settings.PROJECT_ROOT
# Everything a trained model depends on. Curated answers are not here: they are read at run time, so
# editing one never needs a new model.
TRAINING_INPUTS = ("domain", "data/nlu", "data/rules", "data/stories", "bot/nlu")


def _input_files(root: Path) -> list[Path]:
    files: list[Path] = []
    for name in TRAINING_INPUTS:
        path = root / name
        if path.is_file():
            files.append(path)
        elif path.is_dir():
            files += sorted(p for p in path.rglob("*") if p.is_file() and p.suffix in {".yml", ".py"})
    return files


def training_fingerprint(config: Path, root: Path = ROOT) -> str:
    """A digest of the pipeline config and every training input's path and bytes, plus the Rasa version."""
    digest = hashlib.sha256(f"rasa {version('rasa')}\n".encode() + config.read_bytes())
    for path in _input_files(root):
        digest.update(str(path.relative_to(root)).encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()[:16]


def ensure_model(model_dir: Path, force: bool = False, config: Path = ROOT / "config.yml") -> Path:
    """Train unless a model for the current training inputs exists; return the model's path.

    The model's file name carries the fingerprint of its inputs, so "is it up to date" is a file lookup;
    retraining gives byte-different archives, so the archive itself cannot tell.
    """
    for path in write_derived_files(ROOT):
        click.echo(f"Regenerated {path.relative_to(ROOT)} from data/content/topics.yml.")
    prefix = "vaxbot" if config.name == "config.yml" else config.stem
    target = model_dir / f"{prefix}-{training_fingerprint(config)}.tar.gz"
    if target.exists() and not force:
        click.echo(f"Model is up to date: {target}")
        return target
    click.echo(f"Training data changed: training {target.name} (this takes a minute or two) ...")
    model_dir.mkdir(parents=True, exist_ok=True)
    command = [
        str(Path(sys.executable).with_name("rasa")),
        "train",
        "--config",
        str(config),
        "--domain",
        str(ROOT / "domain"),
        "--data",
        str(ROOT / "data" / "nlu"),
        str(ROOT / "data" / "rules"),
        str(ROOT / "data" / "stories"),
        "--out",
        str(model_dir),
        "--fixed-model-name",
        target.name.removesuffix(".tar.gz"),
    ]
    result = subprocess.run(command, cwd=ROOT, check=False)
    if result.returncode != 0 or not target.exists():
        raise click.ClickException(f"training failed (rasa train exited with {result.returncode})")
    click.echo(f"Trained {target}")
    return target


@click.command()
@click.option("--force", is_flag=True, help="Train even if a model for these inputs exists.")
def train(force: bool) -> None:
    """Train the NLU and dialogue model when the training data changed (and only then)."""
    ensure_model(settings.current().model_dir, force=force)
