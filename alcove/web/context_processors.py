from typing import Any

from django.http import HttpRequest

from alcove.access.breakglass import break_glass_unreviewed_count
from alcove.accounts.middleware import idle_timeout_seconds
from alcove.accounts.models import Role
from alcove.accounts.selectors import practice_get
from alcove.web.navigation import navigation_for


def practice(request: HttpRequest) -> dict[str, Any]:
    context: dict[str, Any] = {"practice": practice_get()}
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        context["navigation"] = navigation_for(user.roles)
        # The page reloads itself just after the idle limit, so an unattended screen
        # does not keep showing what was on it.
        context["idle_reload_seconds"] = idle_timeout_seconds() + 5
        if user.has_role(Role.OWNER):
            # The privacy officer's banner on every page: a count and a link, no names.
            context["break_glass_unreviewed"] = break_glass_unreviewed_count()
    return context
