from bot.content.dialogue import derived_files


def test_generated_domain_and_rules_match_the_topic_catalogue() -> None:
    from bot.settings import PROJECT_ROOT

    for path, text in derived_files(PROJECT_ROOT).items():
        assert path.read_text(encoding="utf-8") == text, f"{path} is stale: run `vaxbot train`"
