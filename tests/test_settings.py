import pytest

from bot.settings import SETTINGS, SettingsError, load


def test_defaults_need_nothing() -> None:
    config = load({})
    assert config.database_url.startswith("sqlite:///")
    assert (config.rasa_port, config.actions_port, config.workers) == (5005, 5055, 1)
    assert config.default_language == "en"


@pytest.mark.parametrize(
    ("env", "message"),
    [
        ({"RASA_PORT": "50o5"}, "RASA_PORT='50o5' is invalid"),
        ({"ACTIONS_PORT": "70000"}, "ACTIONS_PORT='70000' is invalid: 70000 is not a TCP port"),
        ({"VAXBOT_WORKERS": "0"}, "VAXBOT_WORKERS='0' is invalid"),
        ({"VAXBOT_WORKERS": "2"}, "VAXBOT_WORKERS > 1 needs REDIS_URL"),
        ({"VAXBOT_DEFAULT_LANGUAGE": "e n"}, "VAXBOT_DEFAULT_LANGUAGE='e n' is invalid"),
    ],
)
def test_bad_values_name_the_setting(env: dict[str, str], message: str) -> None:
    with pytest.raises(
        SettingsError, match=message.replace("(", r"\(").replace(")", r"\)").replace("'", ".")
    ):
        load(env)


def test_workers_with_redis() -> None:
    assert load({"VAXBOT_WORKERS": "2", "REDIS_URL": "redis://127.0.0.1:6379/0"}).workers == 2


def test_every_setting_has_help() -> None:
    assert all(s.help.strip() for s in SETTINGS)
    assert len({s.name for s in SETTINGS}) == len(SETTINGS)
