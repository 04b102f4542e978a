"""What vaxbot keeps about patrons: keyed hashes instead of phone numbers, and redacted message text.

Staff see unanswered questions to write new content; they never need to know who asked. A sender id (a
phone number on SMS) is replaced by an HMAC-SHA256 under a secret key, so the same patron's questions can be
grouped without the number being recoverable by anyone holding the database. Text is redacted of the
personal data patrons most often type: e-mail addresses, phone numbers and other long digit runs.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import re
from pathlib import Path

from bot.settings import Settings

_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(\.[\w-]+)+")
_PHONE = re.compile(r"(?<!\w)(?:\+?\d|\(\d)[\d\s().-]{6,}\d(?!\w)")
_KEY_BYTES = 32


def privacy_key(config: Settings) -> bytes:
    """The secret for sender hashes: ``VAXBOT_PRIVACY_KEY``, else a random key kept in ``var/``."""
    if config.privacy_key:
        return config.privacy_key.encode("utf-8")
    path: Path = config.var_dir / "privacy.key"
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "wb") as handle:
            handle.write(os.urandom(_KEY_BYTES).hex().encode("ascii"))
    return path.read_bytes().strip()


def hash_sender(sender_id: str, key: bytes) -> str:
    """A stable pseudonym for a sender: the same id and key always give the same 64 hex digits."""
    return hmac.new(key, sender_id.encode("utf-8"), hashlib.sha256).hexdigest()


def redact(text: str) -> str:
    """Replace e-mail addresses and phone-like numbers with placeholders.

    >>> redact("call me at (312) 555-0199 or mail ana@example.org, zip 60614")
    'call me at [phone] or mail [email], zip 60614'
    """
    return _PHONE.sub("[phone]", _EMAIL.sub("[email]", text))
