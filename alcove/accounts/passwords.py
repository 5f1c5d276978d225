"""Password rules beyond Django's own, after NIST SP 800-63B section 3.1.1.2."""

import re
import unicodedata
from typing import Any

from django.core.exceptions import ValidationError

MAX_LENGTH = 128
# Parts shorter than this (initials, "Dr") would refuse too many good passphrases.
MIN_PART_LENGTH = 3


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", text).casefold()
    return "".join(ch for ch in text if ch.isalnum())


class MaximumLengthValidator:
    """Long passphrases are welcome; only absurd lengths are refused."""

    def validate(self, password: str, user: Any = None) -> None:
        if len(password) > MAX_LENGTH:
            raise ValidationError(
                f"This password is longer than {MAX_LENGTH} characters; please shorten it.",
                code="password_too_long",
            )

    def get_help_text(self) -> str:
        return f"Up to {MAX_LENGTH} characters; spaces and any characters are allowed."


class PersonalDetailsValidator:
    """Refuse a password that contains the person's name, email or the practice's name."""

    def validate(self, password: str, user: Any = None) -> None:
        folded = _fold(password)
        for label, value in self._details(user):
            for part in self._parts(value):
                if part in folded:
                    raise ValidationError(
                        f"This password contains your {label}; choose one that does not.",
                        code="password_contains_personal_details",
                    )

    def get_help_text(self) -> str:
        return "It may not contain your name, your email address or the practice's name."

    def _details(self, user: Any) -> list[tuple[str, str]]:
        details: list[tuple[str, str]] = []
        if user is not None:
            details.append(("name", getattr(user, "full_name", "") or ""))
            email = getattr(user, "email", "") or ""
            details.append(("email address", email.split("@")[0]))
        details.append(("practice's name", self._practice_name(user)))
        return details

    @staticmethod
    def _parts(value: str) -> set[str]:
        whole = _fold(value)
        words = {_fold(w) for w in re.split(r"[\s._\-+@']+", value)}
        return {p for p in words | {whole} if len(p) >= MIN_PART_LENGTH}

    @staticmethod
    def _practice_name(user: Any) -> str:
        # During setup the practice does not exist yet; the form passes its name along.
        pending = getattr(user, "pending_practice_name", None)
        if pending:
            return str(pending)
        from alcove.accounts.selectors import practice_get

        practice = practice_get()
        return practice.name if practice else ""


class PredictablePasswordValidator:
    """Common passwords stretched to length: repeated, or padded with digits and symbols.

    Django's common-password list has few entries of 15 or more characters, so a long
    password built from a short common one would otherwise pass.
    """

    def __init__(self) -> None:
        from django.contrib.auth.password_validation import CommonPasswordValidator

        self._common = CommonPasswordValidator().passwords

    def validate(self, password: str, user: Any = None) -> None:
        lowered = password.casefold()
        if len(set(lowered)) < 5:
            raise ValidationError(
                "This password uses too few different characters.", code="password_repetitive"
            )
        if re.fullmatch(r"(.+?)\1+", lowered):
            raise ValidationError(
                "This password repeats a shorter one; use unrelated words instead.",
                code="password_repetitive",
            )
        core = re.sub(r"^[\W\d_]+|[\W\d_]+$", "", lowered)
        if not core or core in self._common or _fold(core) in self._common:
            raise ValidationError(
                "This password is a common password with numbers or symbols added.",
                code="password_too_common",
            )

    def get_help_text(self) -> str:
        return "It may not be a common password, repeated or with numbers added."
