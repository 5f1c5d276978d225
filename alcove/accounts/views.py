"""Setup, invitations, staff and practice settings. Tokens leave the URL at once."""

import logging

from allauth.account.internal.flows.login import record_authentication
from allauth.account.utils import perform_login
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_POST

from alcove.accounts import services
from alcove.accounts.forms import (
    InvitationAcceptForm,
    InvitationForm,
    PracticeSettingsForm,
    PracticeSetupForm,
    RolesForm,
)
from alcove.accounts.models import Invitation, Role, Supervision, User
from alcove.accounts.reauth import recent_authentication_required
from alcove.accounts.selectors import invitation_pending_list, practice_get, staff_list
from alcove.accounts.services import LinkRefused
from alcove.web.decorators import role_required, staff_member

log = logging.getLogger(__name__)

# Session keys under which an opened link waits for its form.
SETUP_TOKEN = "alcove_setup_token"  # noqa: S105
INVITE_TOKEN = "alcove_invite_token"  # noqa: S105


def _refused(request: HttpRequest, reason: str) -> HttpResponse:
    log.warning("link refused: %s", reason)
    return render(request, "accounts/link_refused.html", {"reason": reason}, status=410)


@require_GET
def setup_link_open(request: HttpRequest, token: str) -> HttpResponse:
    # The token moves into the session so it is in no later URL, history entry or referrer.
    try:
        services.setup_link_check(token=token)
    except LinkRefused as refusal:
        return _refused(request, str(refusal))
    request.session[SETUP_TOKEN] = token
    return redirect("practice_setup")


def practice_setup(request: HttpRequest) -> HttpResponse:
    token = request.session.get(SETUP_TOKEN)
    if not token:
        return _refused(request, "Open the setup link that `make run` printed to begin.")
    form = PracticeSetupForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            owner = services.practice_create(token=token, **_fields(form, "practice_name"))
        except ValidationError as error:
            form.add_error("password1", error)
        except LinkRefused as refusal:
            return _refused(request, str(refusal))
        else:
            del request.session[SETUP_TOKEN]
            return _signed_in_fresh(request, owner)
    return render(request, "accounts/setup.html", {"form": form})


def _signed_in_fresh(request: HttpRequest, user: User) -> HttpResponse:
    """Sign in a person who has just chosen their password, as a recent authentication.

    Otherwise allauth would ask for that password again to show the recovery codes made a
    minute later.
    """
    response = perform_login(request, user, redirect_url=reverse("security_enrol"))
    record_authentication(request, user, "password", email=user.email)
    return response


def _fields(form: PracticeSetupForm | InvitationAcceptForm, *extra: str) -> dict[str, str]:
    data = form.cleaned_data
    fields = {"full_name": data["full_name"], "password": data["password1"]}
    for name in (*extra, "email"):
        if name in data:
            fields[name] = data[name]
    return fields


@require_GET
def invitation_open(request: HttpRequest, token: str) -> HttpResponse:
    try:
        services.invitation_check(token=token)
    except LinkRefused as refusal:
        return _refused(request, str(refusal))
    request.session[INVITE_TOKEN] = token
    return redirect("invitation_accept")


def invitation_accept(request: HttpRequest) -> HttpResponse:
    token = request.session.get(INVITE_TOKEN)
    try:
        invitation = services.invitation_check(token=token or "")
    except LinkRefused as refusal:
        return _refused(request, str(refusal))
    form = InvitationAcceptForm(request.POST or None, initial={"full_name": invitation.full_name})
    if request.method == "POST" and form.is_valid():
        try:
            user = services.invitation_accept(token=token or "", **_fields(form))
        except ValidationError as error:
            form.add_error("password1", error)
        except LinkRefused as refusal:
            return _refused(request, str(refusal))
        else:
            del request.session[INVITE_TOKEN]
            return _signed_in_fresh(request, user)
    context = {"form": form, "invitation": invitation, "practice": practice_get()}
    return render(request, "accounts/invitation_accept.html", context)


@login_required
def security_enrol(request: HttpRequest) -> HttpResponse:
    return render(request, "accounts/security_enrol.html")


@role_required(Role.OWNER)
def staff_index(request: HttpRequest) -> HttpResponse:
    form = InvitationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            token = services.invitation_create(inviter=staff_member(request), **form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            link = request.build_absolute_uri(reverse("invitation_open", args=[token]))
            context = {"link": link, "email": form.cleaned_data["email"]}
            return render(request, "accounts/invitation_created.html", context)
    context = {"form": form, "staff": staff_list(), "invitations": invitation_pending_list()}
    return render(request, "accounts/staff.html", context)


@role_required(Role.OWNER)
@recent_authentication_required
def staff_detail(request: HttpRequest, user_id: int) -> HttpResponse:
    member = get_object_or_404(User, pk=user_id)
    form = RolesForm(request.POST or None, initial={"roles": [str(r) for r in member.roles]})
    if request.method == "POST" and form.is_valid():
        services.staff_roles_set(
            actor=staff_member(request), user=member, roles=form.cleaned_data["roles"]
        )
        return redirect("staff_index")
    context = {"member": member, "form": form}
    if member.has_role(Role.TRAINEE):
        context["supervisors"] = User.objects.filter(
            is_active=True, role_grants__role=Role.SUPERVISOR
        ).exclude(pk=member.pk)
        context["current_supervisor"] = (
            Supervision.objects.filter(trainee=member, ended_at__isnull=True)
            .values_list("supervisor_id", flat=True)
            .first()
        )
    return render(request, "accounts/staff_detail.html", context)


@require_POST
@role_required(Role.OWNER)
@recent_authentication_required
def staff_supervisor(request: HttpRequest, user_id: int) -> HttpResponse:
    member = get_object_or_404(User, pk=user_id)
    chosen = request.POST.get("supervisor") or ""
    supervisor = get_object_or_404(User, pk=int(chosen)) if chosen.isdigit() else None
    services.supervision_set(actor=staff_member(request), user=member, supervisor=supervisor)
    return redirect("staff_detail", user_id=member.pk)


@require_POST
@role_required(Role.OWNER)
@recent_authentication_required
def staff_deactivate(request: HttpRequest, user_id: int) -> HttpResponse:
    member = get_object_or_404(User, pk=user_id)
    services.staff_deactivate(actor=staff_member(request), user=member)
    return redirect("staff_index")


@require_POST
@role_required(Role.OWNER)
def invitation_revoke(request: HttpRequest, invitation_id: int) -> HttpResponse:
    invitation = get_object_or_404(Invitation, pk=invitation_id)
    services.invitation_revoke(actor=staff_member(request), invitation=invitation)
    return redirect("staff_index")


@role_required(Role.OWNER)
@recent_authentication_required
def practice_settings(request: HttpRequest) -> HttpResponse:
    form = PracticeSettingsForm(request.POST or None, instance=practice_get())
    if request.method == "POST" and form.is_valid():
        services.practice_settings_update(actor=staff_member(request), **form.cleaned_data)
        return redirect("home")
    return render(request, "accounts/practice_settings.html", {"form": form})
