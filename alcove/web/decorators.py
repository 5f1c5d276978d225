from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse

from alcove.accounts.models import Role, User
from alcove.accounts.services import StaffActionRefused

View = Callable[..., HttpResponse]


def staff_member(request: HttpRequest) -> User:
    """The signed-in staff member; views behind role_required always have one."""
    user = request.user
    assert isinstance(user, User)
    return user


def role_required(*roles: Role) -> Callable[[View], View]:
    """Deny by default: the view runs only for signed-in staff holding one of these roles."""
    names = " or ".join(r.label for r in roles)

    def decorate(view: View) -> View:
        @login_required
        @wraps(view)
        def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
            if not request.user.has_role(*roles):  # type: ignore[union-attr]
                raise StaffActionRefused(
                    f"This page is for the {names} role.",
                    "Ask the practice owner if your work needs it.",
                )
            return view(request, *args, **kwargs)

        return wrapped

    return decorate
