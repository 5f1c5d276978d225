import time
from typing import Any

from django.contrib.auth.signals import user_logged_in
from django.dispatch import receiver
from django.http import HttpRequest

from alcove.accounts.middleware import LAST_SEEN_AT, SIGNED_IN_AT


@receiver(user_logged_in)
def session_clock_start(sender: Any, request: HttpRequest, **kwargs: Any) -> None:
    now = time.time()
    request.session[SIGNED_IN_AT] = now
    request.session[LAST_SEEN_AT] = now
