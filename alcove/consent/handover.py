"""The locked hand-over: the clinician passes the device to the client to sign.

While a hand-over is under way the session reaches only the hand-over page and its
unlock form; every other address leads back to it, and the page shows no navigation.
Only the clinician's password ends it (five wrong tries sign the session out). The
session holds opaque identifiers only, never a name.
"""

import time
from collections.abc import Callable
from typing import Any
from uuid import UUID

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse

HANDOVER = "alcove_consent_handover"
UNLOCK_TRIES = 5
OPEN_PREFIXES = ("/static/",)


def handover_begin(
    request: HttpRequest,
    *,
    client_id: UUID,
    guardian_id: UUID | None,
    version_id: UUID | None = None,
    authorization_id: UUID | None = None,
) -> None:
    """Hand the device over to sign a consent version, or an authorization to release."""
    if (version_id is None) == (authorization_id is None):
        raise ValueError("A hand-over is for one consent version or one authorization.")
    request.session[HANDOVER] = {
        "client": str(client_id),
        "version": str(version_id or ""),
        "authorization": str(authorization_id or ""),
        "guardian": str(guardian_id) if guardian_id else "",
        "signed": False,
        "tries": 0,
        "since": time.time(),
    }


def handover_state(request: HttpRequest) -> dict[str, Any] | None:
    session = getattr(request, "session", None)
    state = session.get(HANDOVER) if session is not None else None
    return state if isinstance(state, dict) else None


def handover_update(request: HttpRequest, **changes: Any) -> None:
    state = handover_state(request)
    if state is not None:
        request.session[HANDOVER] = {**state, **changes}


def handover_end(request: HttpRequest) -> None:
    request.session.pop(HANDOVER, None)


def _allowed_paths() -> tuple[str, ...]:
    return (reverse("consent_handover"), reverse("consent_handover_unlock"))


class HandOverLockMiddleware:
    """During a hand-over, every page but the hand-over's own leads back to it."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if (
            request.user.is_authenticated
            and handover_state(request) is not None
            and not request.path.startswith(OPEN_PREFIXES)
            and request.path not in _allowed_paths()
        ):
            return redirect("consent_handover")
        return self.get_response(request)
