"""Sign-ins, sign-outs and failed sign-ins are audit entries (never with the typed email)."""

from typing import Any

from allauth.mfa import signals as mfa_signals
from django.contrib.auth import get_user_model
from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.dispatch import receiver

from alcove.audit.models import Outcome
from alcove.audit.services import audit_record


@receiver(user_logged_in)
def sign_in_recorded(sender: Any, user: Any, **kwargs: Any) -> None:
    audit_record(
        actor_id=user.pk, action="account.sign_in", resource_type="account", resource_id=user.pk
    )


@receiver(user_logged_out)
def sign_out_recorded(sender: Any, user: Any, **kwargs: Any) -> None:
    if user is not None:
        audit_record(
            actor_id=user.pk,
            action="account.sign_out",
            resource_type="account",
            resource_id=user.pk,
        )


@receiver(user_login_failed)
def sign_in_failure_recorded(sender: Any, credentials: dict[str, Any], **kwargs: Any) -> None:
    # The account is named by id when the email is a staff member's; the email never is.
    email = str(credentials.get("email") or credentials.get("username") or "")
    user = (
        get_user_model().objects.filter(email__iexact=email).only("pk").first() if email else None
    )
    audit_record(
        actor_id=None,
        action="account.sign_in",
        outcome=Outcome.DENIED,
        resource_type="account",
        resource_id=str(user.pk) if user else "",
        rule="wrong email or password",
    )


def _authenticator_recorded(action: str) -> Any:
    def record(sender: Any, request: Any, user: Any, authenticator: Any, **kwargs: Any) -> None:
        audit_record(
            actor_id=user.pk,
            action=action,
            resource_type=f"authenticator.{authenticator.type}",
            resource_id=authenticator.pk,
        )

    return record


# Second factors added, removed or reset are security events the privacy officer reviews.
for _signal, _action in (
    (mfa_signals.authenticator_added, "account.factor_add"),
    (mfa_signals.authenticator_removed, "account.factor_remove"),
    (mfa_signals.authenticator_reset, "account.factor_reset"),
):
    _signal.connect(_authenticator_recorded(_action), weak=False, dispatch_uid=_action)


@receiver(mfa_signals.authentication_failed)
def second_factor_failure_recorded(sender: Any, request: Any, user: Any, **kwargs: Any) -> None:
    audit_record(
        actor_id=None,
        action="account.second_factor",
        outcome=Outcome.DENIED,
        resource_type="account",
        resource_id=user.pk,
        rule="wrong second-factor code",
    )
