"""A request id for every request, so audit entries of one request can be found together."""

import contextvars
import secrets
from collections.abc import Callable

from django.http import HttpRequest, HttpResponse

request_id: contextvars.ContextVar[str] = contextvars.ContextVar("alcove_request_id", default="")


class RequestIdMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        token = request_id.set(secrets.token_hex(8))
        try:
            response = self.get_response(request)
        finally:
            request_id.reset(token)
        return response
