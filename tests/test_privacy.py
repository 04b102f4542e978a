import dataclasses
import doctest
from pathlib import Path

import pytest

from bot import privacy, settings
from bot.privacy import hash_sender, privacy_key, redact


def test_hash_is_stable_keyed_and_not_the_number() -> None:
    a = hash_sender("+13125550199", b"key-one")
    assert a == hash_sender("+13125550199", b"key-one")
    assert a != hash_sender("+13125550199", b"key-two")
    assert "3125550199" not in a and len(a) == 64


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("my number is +1 312-555-0199", "my number is [phone]"),
        ("write ana.perez@example.org", "write [email]"),
        ("ZIP 60614, age 65", "ZIP 60614, age 65"),
        ("¿la vacuna es gratis? 💉", "¿la vacuna es gratis? 💉"),
    ],
)
def test_redact(text: str, expected: str) -> None:
    assert redact(text) == expected


def test_generated_key_is_created_once_with_private_permissions(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(settings, "PROJECT_ROOT", tmp_path)
    config = dataclasses.replace(settings.load({}), privacy_key="")
    monkeypatch.setattr(type(config), "var_dir", property(lambda self: tmp_path / "var"))
    first = privacy_key(config)
    assert first == privacy_key(config)
    assert ((tmp_path / "var" / "privacy.key").stat().st_mode & 0o777) == 0o600
    assert privacy_key(dataclasses.replace(config, privacy_key="set")) == b"set"


def test_doctests() -> None:
    assert doctest.testmod(privacy).failed == 0
