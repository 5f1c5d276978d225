import base64
from typing import Any

from allauth.account.adapter import DefaultAccountAdapter
from allauth.core import context
from allauth.mfa.adapter import DefaultMFAAdapter
from allauth.mfa.models import Authenticator
from cryptography.fernet import Fernet
from django.http import HttpRequest

from alcove.accounts.selectors import practice_get
from alcove.encryption.keys import keyring

SECOND_FACTORS = (Authenticator.Type.TOTP, Authenticator.Type.WEBAUTHN)


class AccountAdapter(DefaultAccountAdapter):
    def is_open_for_signup(self, request: HttpRequest) -> bool:
        # Staff join only through an owner's invitation link.
        return False

    def is_reauthentication_required(self, *, app: str, **kwargs: Any) -> bool:
        # Enrolling the first second factor right after choosing a password gains
        # nothing from typing that password again; every later MFA change asks.
        user = context.request.user
        if app == "allauth.mfa" and user.is_authenticated and not has_second_factor(user.pk):
            return False
        return super().is_reauthentication_required(app=app, **kwargs)


def _secret_box() -> Fernet:
    # TOTP seeds are credentials: sealed under a key derived from the keyring, which never
    # sits in the database, so a copy of the database holds no usable seed.
    key = keyring().derive(b"alcove mfa secrets v1")
    return Fernet(base64.urlsafe_b64encode(key))


class MfaAdapter(DefaultMFAAdapter):
    def get_totp_issuer(self) -> str:
        practice = practice_get()
        return f"Alcove ({practice.name})" if practice else "Alcove"

    def encrypt(self, text: str) -> str:
        return _secret_box().encrypt(text.encode()).decode()

    def decrypt(self, encrypted_text: str) -> str:
        return _secret_box().decrypt(encrypted_text.encode()).decode()

    def can_delete_authenticator(self, authenticator: Authenticator) -> bool:
        # A second factor is mandatory: the last one cannot be removed.
        if authenticator.type not in SECOND_FACTORS:
            return True
        others = Authenticator.objects.filter(
            user_id=authenticator.user_id, type__in=SECOND_FACTORS
        ).exclude(pk=authenticator.pk)
        return others.exists()


def has_second_factor(user_id: int) -> bool:
    return Authenticator.objects.filter(user_id=user_id, type__in=SECOND_FACTORS).exists()
