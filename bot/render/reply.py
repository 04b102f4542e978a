"""Rendering replies: curated answers and catalog messages, in the patron's language, for a profile.

Both processes use this module: the action server renders curated answers, the Rasa server's NLG renders
catalog messages (``utter_*``). So an answer and a greeting follow the same rules for language fallback,
library contact details and layout.
"""

from __future__ import annotations

from dataclasses import dataclass

from bot.content.store import PublishedAnswer
from bot.i18n.catalogs import Localized, Messages
from bot.i18n.formatting import format_date
from bot.i18n.languages import display_name
from bot.render.profiles import Profile


@dataclass(frozen=True)
class Library:
    """How patrons can reach the people behind the bot (from settings; any part may be empty)."""

    name: str = ""
    phone: str = ""
    url: str = ""


# The response id under which curated answers are rendered (see bot.nlg); its words come from the
# content database, not from the catalogs.
ANSWER_RESPONSE = "utter_answer"


def _join(*parts: str) -> str:
    return "\n\n".join(part for part in parts if part)


def _fallback_notice(messages: Messages, got: Localized) -> str:
    """Say, in the patron's language, that what follows is in another language."""
    if got.language == messages.language:
        return ""
    name = display_name(got.language, messages.language)
    return messages.text("notice.not_translated", language=name).text


def library_values(messages: Messages, library: Library) -> dict[str, str]:
    """The named values every catalog message may use: ``{library}`` and ``{contact}``."""
    name = library.name or messages.text("library.generic_name").text
    if library.phone and library.url:
        contact = messages.text("library.contact_phone_url", phone=library.phone, url=library.url)
    elif library.phone:
        contact = messages.text("library.contact_phone", phone=library.phone)
    elif library.url:
        contact = messages.text("library.contact_url", url=library.url)
    else:
        contact = messages.text("library.contact_in_person", library=name)
    return {"library": name, "contact": contact.text}


def render_message(messages: Messages, msgid: str, library: Library, **values: object) -> str:
    """A catalog message (``utter_greet``) as one text, in the patron's language where it exists."""
    got = messages.text(msgid, **library_values(messages, library), **values)
    return _join(_fallback_notice(messages, got), got.text)


def render_answer(messages: Messages, answer: PublishedAnswer, profile: Profile) -> str:
    """A curated answer with its source and review date, shaped for ``profile``."""
    body = answer.sms_text if profile.answer_text == "sms" else answer.web_text
    notice = _fallback_notice(messages, Localized(body, answer.language))
    source = messages.text(
        profile.source_message,
        sources=" ".join(answer.sources),
        date=format_date(answer.reviewed_on, messages.language, profile.date_width),
    ).text
    return _join(notice, body, source)
