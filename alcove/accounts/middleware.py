"""Session rules every staff request passes through."""

import logging
import time
from collections.abc import Callable

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse

from alcove.accounts.adapters import has_second_factor
from alcove.accounts.models import IDLE_TIMEOUT_DEFAULT
from alcove.accounts.selectors import practice_get

log = logging.getLogger(__name__)

SIGNED_IN_AT = "alcove_signed_in_at"
LAST_SEEN_AT = "alcove_last_seen_at"
# Pages the browser polls or loads on its own must not count as activity.
PASSIVE_PREFIXES = ("/static/",)


def idle_timeout_seconds() -> int:
    practice = practice_get()
    minutes = practice.idle_timeout_minutes if practice else IDLE_TIMEOUT_DEFAULT
    return minutes * 60


class SessionLifetimeMiddleware:
    """End a session after the practice's idle period, and every session after 12 hours."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.user.is_authenticated and not request.path.startswith(PASSIVE_PREFIXES):
            ended = self._ended_because(request)
            if ended:
                log.info("session ended (%s) for user=%s", ended, request.user.pk)
                logout(request)
                messages.info(request, self._message(ended))
                return redirect(reverse("account_login"))
            request.session[LAST_SEEN_AT] = time.time()
        return self.get_response(request)

    @staticmethod
    def _ended_because(request: HttpRequest) -> str | None:
        now = time.time()
        signed_in = request.session.setdefault(SIGNED_IN_AT, now)
        last_seen = request.session.get(LAST_SEEN_AT, now)
        if now - signed_in > settings.SESSION_ABSOLUTE_LIMIT.total_seconds():
            return "absolute"
        if now - last_seen > idle_timeout_seconds():
            return "idle"
        return None

    @staticmethod
    def _message(reason: str) -> str:
        if reason == "absolute":
            return (
                "You were signed out because sessions last at most 12 hours. Please sign in again."
            )
        minutes = idle_timeout_seconds() // 60
        return (
            f"You were signed out after {minutes} minutes without activity. Please sign in again."
        )


# Enrolment itself, signing out and re-authentication stay reachable without a factor.
MFA_EXEMPT_PREFIXES = (
    "/accounts/2fa/",
    "/accounts/logout/",
    "/accounts/reauthenticate/",
    "/security/enrol/",
    "/static/",
)


class MfaRequiredMiddleware:
    """A staff member with no second factor can reach only the enrolment pages."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = request.user
        if (
            user.is_authenticated
            and not request.path.startswith(MFA_EXEMPT_PREFIXES)
            and not has_second_factor(user.pk)
        ):
            return redirect(reverse("security_enrol"))
        return self.get_response(request)
