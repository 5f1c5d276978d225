from allauth.mfa.models import Authenticator
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import get_template

from alcove.accounts.models import Role
from alcove.accounts.selectors import invitation_pending_list, practice_exists, staff_list


def home(request: HttpRequest) -> HttpResponse:
    if not request.user.is_authenticated:
        return redirect("account_login" if practice_exists() else "setup_pending")
    return _dashboard(request)


@login_required
def _dashboard(request: HttpRequest) -> HttpResponse:
    user = request.user
    factors = Authenticator.objects.filter(user_id=user.pk).values_list("type", flat=True)
    context: dict[str, object] = {
        "roles": sorted(user.roles, key=list(Role).index),  # type: ignore[union-attr]
        "factor_types": set(factors),
    }
    if user.has_role(Role.OWNER):  # type: ignore[union-attr]
        context["staff"] = staff_list()
        context["invitations"] = invitation_pending_list()
    return render(request, "web/home.html", context)


def setup_pending(request: HttpRequest) -> HttpResponse:
    if practice_exists():
        return redirect("account_login")
    return render(request, "web/setup_pending.html")


def error_400(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return render(request, "400.html", status=400)


def error_404(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return render(request, "404.html", status=404)


def error_500(request: HttpRequest) -> HttpResponse:
    # Rendered without the request: the failure may be the database the context needs.
    return HttpResponse(get_template("500.html").render(), status=500)
