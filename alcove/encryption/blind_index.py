"""Exact search without a searchable plaintext: HMAC-SHA256 of a normalised value.

Each kind of value (name, date of birth) has its own key derived from the keyring, so a
name digest can never be matched against a date digest, and a copy of the database
without the keyring cannot test guesses.
"""

import hashlib
import hmac
import re
import unicodedata
from datetime import date
from uuid import UUID

from alcove.encryption.keys import keyring

_NOT_NAME = re.compile(r"[^\w\s]|_")
_SPACES = re.compile(r"\s+")


def name_normalise(name: str) -> str:
    """Case, accents, punctuation and spacing do not matter: "  O'Brien-José " = "obrien jose"."""
    decomposed = unicodedata.normalize("NFKD", name)
    bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    bare = bare.replace("-", " ")
    return _SPACES.sub(" ", _NOT_NAME.sub("", bare.casefold())).strip()


def _digest(kind: bytes, value: str) -> str:
    key = keyring().derive(b"alcove blind index v1 " + kind)
    return hmac.new(key, value.encode(), hashlib.sha256).hexdigest()


def name_digest(name: str) -> str:
    return _digest(b"name", name_normalise(name))


def dob_digest(day: date) -> str:
    return _digest(b"date of birth", day.isoformat())


def client_pseudonym(client_id: UUID | None) -> str:
    """How the audit log names a client: stable, keyed, and not the client's id or name."""
    if client_id is None:
        return ""
    key = keyring().derive(b"alcove audit pseudonym v1")
    return hmac.new(key, str(client_id).encode(), hashlib.sha256).hexdigest()[:32]
