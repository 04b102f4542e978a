"""Every setting vaxbot reads from the environment, declared once with its default and help.

This is the only module that reads ``os.environ``. Values are cast strictly when :func:`load` is called
(never at import), so a typo such as ``RASA_PORT=50o5`` fails at start-up with the setting's name instead of
misbehaving later. The README's settings table is checked against :data:`SETTINGS` by the test suite.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

PROJECT_ROOT = Path(__file__).resolve().parent.parent


class SettingsError(ValueError):
    """A setting that is missing or cannot be read."""


@dataclass(frozen=True)
class Setting:
    """One environment variable: its name, default (None = required) and what it is for."""

    name: str
    default: str | None
    help: str
    cast: Callable[[str], Any] = str


def _port(value: str) -> int:
    port = int(value)
    if not 1 <= port <= 65535:
        raise ValueError(f"{port} is not a TCP port")
    return port


def _positive_int(value: str) -> int:
    number = int(value)
    if number < 1:
        raise ValueError(f"{number} is not a positive whole number")
    return number


def _language(value: str) -> str:
    value = value.strip()
    if not value or not value.replace("_", "").isalnum():
        raise ValueError(f"{value!r} is not a language code like 'en' or 'zh_Hant'")
    return value


SETTINGS: tuple[Setting, ...] = (
    Setting(
        "DATABASE_URL",
        f"sqlite:///{PROJECT_ROOT / 'var' / 'vaxbot.db'}",
        "SQLAlchemy URL of the content database, also used for Rasa's tracker store. "
        "SQLite file by default; postgresql://user@host/db for several instances.",
    ),
    Setting(
        "REDIS_URL",
        "",
        "redis://host:port/db for Rasa's lock store, needed to run several Rasa workers or instances. "
        "Empty: an in-memory lock store and one worker.",
    ),
    Setting("VAXBOT_HOST", "127.0.0.1", "Interface the Rasa and action servers listen on."),
    Setting("RASA_PORT", "5005", "Port of the Rasa server (REST channel and HTTP API).", _port),
    Setting("ACTIONS_PORT", "5055", "Port of the action server.", _port),
    Setting(
        "VAXBOT_WORKERS",
        "1",
        "Rasa server worker processes (Sanic workers). More than 1 needs REDIS_URL.",
        _positive_int,
    ),
    Setting(
        "VAXBOT_DEFAULT_LANGUAGE",
        "en",
        "Language of a conversation until the patron's language is known. (Missing translations "
        "always fall back to English, the base catalog.)",
        _language,
    ),
    Setting(
        "VAXBOT_PRIVACY_KEY",
        "",
        "Secret key for hashing patrons' sender ids before anything is stored for staff. Empty: a "
        "random key is created once in var/privacy.key.",
    ),
    Setting(
        "VAXBOT_LIBRARY_NAME",
        "",
        "Name of the library or museum, shown when the bot offers a person.",
    ),
    Setting("VAXBOT_LIBRARY_PHONE", "", "Phone number patrons can call to reach library staff."),
    Setting("VAXBOT_LIBRARY_URL", "", "Web page where patrons can contact library staff."),
    Setting("VAXBOT_MODEL_DIR", str(PROJECT_ROOT / "models"), "Where trained Rasa models are kept."),
    Setting("VAXBOT_LOG_LEVEL", "INFO", "Log level of vaxbot's own loggers (DEBUG, INFO, WARNING)."),
)


@dataclass(frozen=True)
class Settings:
    """The settings of one process, read once from the environment."""

    database_url: str
    redis_url: str
    host: str
    rasa_port: int
    actions_port: int
    workers: int
    default_language: str
    privacy_key: str
    library_name: str
    library_phone: str
    library_url: str
    model_dir: Path
    log_level: str

    @property
    def project_root(self) -> Path:
        """The checkout vaxbot runs from: domain, data and locales are read from here."""
        return PROJECT_ROOT

    @property
    def locales_dir(self) -> Path:
        """Where the gettext catalogs live."""
        return PROJECT_ROOT / "locales"

    @property
    def var_dir(self) -> Path:
        """Local state of the embedded defaults (SQLite file, generated key); never committed."""
        return PROJECT_ROOT / "var"


_FIELD_FOR = {
    "DATABASE_URL": "database_url",
    "REDIS_URL": "redis_url",
    "VAXBOT_HOST": "host",
    "RASA_PORT": "rasa_port",
    "ACTIONS_PORT": "actions_port",
    "VAXBOT_WORKERS": "workers",
    "VAXBOT_DEFAULT_LANGUAGE": "default_language",
    "VAXBOT_PRIVACY_KEY": "privacy_key",
    "VAXBOT_LIBRARY_NAME": "library_name",
    "VAXBOT_LIBRARY_PHONE": "library_phone",
    "VAXBOT_LIBRARY_URL": "library_url",
    "VAXBOT_MODEL_DIR": "model_dir",
    "VAXBOT_LOG_LEVEL": "log_level",
}


def load(environ: Mapping[str, str] | None = None) -> Settings:
    """Read and cast every setting; raise :class:`SettingsError` naming the first bad one."""
    env = os.environ if environ is None else environ
    values: dict[str, Any] = {}
    for setting in SETTINGS:
        raw = env.get(setting.name, setting.default)
        if raw is None:
            raise SettingsError(f"{setting.name} is not set: {setting.help}")
        try:
            values[_FIELD_FOR[setting.name]] = setting.cast(raw)
        except ValueError as error:
            raise SettingsError(f"{setting.name}={raw!r} is invalid: {error}") from error
    values["model_dir"] = Path(values["model_dir"])
    settings = Settings(**values)
    if settings.workers > 1 and not settings.redis_url:
        raise SettingsError(
            "VAXBOT_WORKERS > 1 needs REDIS_URL: Rasa's in-memory lock store cannot be shared by workers"
        )
    return settings


_current: Settings | None = None


def current() -> Settings:
    """This process's settings, read on first use and kept (the environment does not change under us)."""
    global _current
    if _current is None:
        _current = load()
    return _current
