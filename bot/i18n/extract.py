"""A Babel extractor for the response ids in Rasa's domain files, so ``pybabel extract`` finds them.

Registered in ``babel.cfg``. The domain keeps each ``utter_*`` response with its id as its only text; this
yields those ids as messages to translate.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import IO, Any

import yaml

from bot.render.reply import ANSWER_RESPONSE


def extract_responses(
    fileobj: IO[bytes], keywords: Any, comment_tags: Any, options: dict[str, Any]
) -> Iterator[tuple[int, str | None, str, list[str]]]:
    """Yield ``(line, function, message, comments)`` for every response id of a domain file."""
    node = yaml.compose(fileobj.read().decode("utf-8"), Loader=yaml.SafeLoader)
    if not isinstance(node, yaml.MappingNode):
        return
    for key, value in node.value:
        if key.value != "responses" or not isinstance(value, yaml.MappingNode):
            continue
        for response, _variants in value.value:
            if response.value == ANSWER_RESPONSE:  # its words are curated answers, not catalog text
                continue
            yield response.start_mark.line + 1, None, response.value, ["Rasa response (domain)"]
