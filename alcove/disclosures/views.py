"""Release-of-information pages: authorizations, releases on a checked basis, the guided
report and warning, the release record with its package, and the accounting.

Every page reads through the domain functions, which decide and record; no identifier
but an opaque id ever sits in a URL.
"""

from typing import Any
from uuid import UUID

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from alcove.access.policy import Action, DataClass
from alcove.access.services import decide, permitted
from alcove.accounts.models import Role
from alcove.audit.services import audit_record
from alcove.clients.models import Client
from alcove.clients.selectors import relationship_of
from alcove.consent.authorizations import (
    Elements,
    authorization_event_record,
    authorization_read,
    authorization_record,
    authorization_revoke,
    authorization_status,
)
from alcove.consent.handover import handover_begin
from alcove.consent.models import Authorization
from alcove.consent.services import ConsentRefused, consent_guardians_read
from alcove.disclosures.accounting import accounting_pdf, accounting_read
from alcove.disclosures.bases import GUIDED
from alcove.disclosures.forms import AuthorizationForm, NoticeForm, ReleaseForm, ReportForm
from alcove.disclosures.models import Basis, Disclosure, Told
from alcove.disclosures.pdf import Unprintable
from alcove.disclosures.selectors import releases_overview
from alcove.disclosures.services import (
    DisclosureRefused,
    Release,
    disclosure_notice_add,
    disclosure_package_open,
    disclosure_read,
    disclosure_release,
)
from alcove.web.decorators import role_required, staff_member

RELEASERS = (Role.OWNER, Role.CLINICIAN)
READERS = (Role.OWNER, Role.CLINICIAN, Role.TRAINEE, Role.SUPERVISOR)


def _pdf(document: bytes, name: str) -> HttpResponse:
    response = HttpResponse(document, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    response["Cache-Control"] = "no-store"
    return response


@role_required(*READERS)
def releases(request: HttpRequest, client_id: UUID) -> HttpResponse:
    client = get_object_or_404(Client, pk=client_id)
    actor = staff_member(request)
    overview = releases_overview(actor=actor, client=client)
    relationship = relationship_of(actor_id=actor.pk, client_id=client.pk)

    def may(action: Action, data_class: DataClass) -> bool:
        return permitted(
            actor=actor,
            action=action,
            data_class=data_class,
            client_id=client.pk,
            relationship=relationship,
        )

    offers = {
        "can_record": may(Action.WRITE, DataClass.CONSENT),
        "can_release": may(Action.RELEASE, DataClass.DISCLOSURES),
        "can_print": may(Action.EXPORT, DataClass.DISCLOSURES),
    }
    return render(request, "disclosures/releases.html", {"client": client, **overview, **offers})


# --- Authorizations ---------------------------------------------------------------------------


def _elements(data: dict[str, Any]) -> Elements:
    return Elements(
        recipient=data["recipient"],
        purpose=data["purpose"],
        classes=list(data["classes"]),
        covers_from=data["covers_from"],
        covers_to=data["covers_to"],
        expires_on=data.get("expires_on"),
        expiry_event=data.get("expiry_event", ""),
    )


@role_required(Role.OWNER, Role.CLINICIAN, Role.TRAINEE)
def authorization_new(request: HttpRequest, client_id: UUID) -> HttpResponse:
    actor = staff_member(request)
    client = get_object_or_404(Client, pk=client_id)
    guardians = consent_guardians_read(actor=actor, client=client)
    signers = [(str(g.pk), f"{name}, guardian") for g, name in guardians]
    form = AuthorizationForm(request.POST or None, signers=signers)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        guardian = next((g for g, _ in guardians if str(g.pk) == data["signer"]), None)
        paper = data["method"] == "paper"
        try:
            found = authorization_record(
                actor=actor,
                client=client,
                elements=_elements(data),
                guardian=guardian,
                paper_signed_by=data["paper_signed_by"] if paper else "",
            )
        except ConsentRefused as refused:
            messages.error(request, str(refused))
        else:
            if paper:
                messages.success(request, "Authorization recorded, signed on paper.")
                return redirect("authorization_detail", authorization_id=found.pk)
            return _sign_on_device(request, found)
    return render(request, "disclosures/authorization_new.html", {"client": client, "form": form})


def _sign_on_device(request: HttpRequest, authorization: Authorization) -> HttpResponse:
    """Lock the session into the hand-over, only for a witness who may write this client's
    consents and only for an authorization that awaits its signature."""
    actor = staff_member(request)
    if not actor.has_role(Role.CLINICIAN, Role.TRAINEE):
        messages.error(request, "A signature on the device is witnessed by a clinician or trainee.")
        return redirect("authorization_detail", authorization_id=authorization.pk)
    decide(
        actor=actor,
        action=Action.WRITE,
        data_class=DataClass.CONSENT,
        client_id=authorization.client_id,
        resource_type="authorization_handover",
        resource_id=authorization.pk,
    ).require()
    if authorization_status(authorization) != "awaiting signature":
        messages.error(request, "This authorization does not await a signature.")
        return redirect("authorization_detail", authorization_id=authorization.pk)
    handover_begin(
        request,
        client_id=authorization.client_id,
        authorization_id=authorization.pk,
        guardian_id=authorization.guardian_id,
    )
    audit_record(
        actor_id=actor.pk,
        action="authorization.handover_begin",
        resource_type="authorization",
        resource_id=authorization.pk,
        client_id=authorization.client_id,
    )
    return redirect("consent_handover")


@role_required(*READERS)
def authorization_detail(request: HttpRequest, authorization_id: UUID) -> HttpResponse:
    found = get_object_or_404(Authorization, pk=authorization_id)
    copy = authorization_read(actor=staff_member(request), authorization=found)
    return render(request, "disclosures/authorization.html", copy)


@require_POST
@role_required(Role.OWNER, Role.CLINICIAN, Role.TRAINEE)
def authorization_change(request: HttpRequest, authorization_id: UUID) -> HttpResponse:
    """Revoke it, record its expiry event, or hand the device over for its signature."""
    found = get_object_or_404(Authorization, pk=authorization_id)
    actor, verb = staff_member(request), request.POST.get("verb")
    if verb == "sign":
        return _sign_on_device(request, found)
    if verb == "revoke":
        authorization_revoke(actor=actor, authorization=found)
        messages.success(request, "Revoked as of now: nothing more is released under it.")
    elif verb == "event":
        authorization_event_record(actor=actor, authorization=found)
        messages.success(request, "Recorded: the authorization has expired.")
    else:
        raise Http404
    return redirect("authorization_detail", authorization_id=found.pk)


# --- Releases ---------------------------------------------------------------------------------


def _basis(request: HttpRequest) -> Basis | None:
    value = request.GET.get("basis", "")
    return Basis(value) if value in Basis.values else None


def _authorization_choices(overview: dict[str, Any]) -> list[tuple[str, str]]:
    return [
        (str(row["authorization"].pk), f"{row['recipient']}: {row['classes']}")
        for row in overview["authorizations"]
        if row["status"] == "active"
    ]


@role_required(*RELEASERS)
def release_new(request: HttpRequest, client_id: UUID) -> HttpResponse:
    """Step one chooses the basis (a plain link); step two asks what that basis needs."""
    actor = staff_member(request)
    client = get_object_or_404(Client, pk=client_id)
    basis = _basis(request)
    if basis is None or basis in GUIDED:
        context = {"client": client, "bases": Basis.choices, "guided": GUIDED}
        return render(request, "disclosures/release_basis.html", context)
    choices = None
    if basis == Basis.AUTHORIZATION:
        choices = _authorization_choices(releases_overview(actor=actor, client=client))
    form = ReleaseForm(request.POST or None, basis=basis, authorizations=choices)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        release = Release(
            basis=basis,
            classes=list(data["classes"]),
            covers_from=data["covers_from"],
            covers_to=data["covers_to"],
            recipient=data.get("recipient", ""),
            purpose=data.get("purpose", ""),
            facts=form.facts(),
            authorization=_authorization(client, data.get("authorization")),
        )
        return _released(request, client, release, "disclosures/release_new.html", form)
    context = {"client": client, "basis": basis, "basis_label": basis.label, "form": form}
    return render(request, "disclosures/release_new.html", context)


def _authorization(client: Client, chosen: str | None) -> Authorization | None:
    if not chosen:
        return None
    return get_object_or_404(Authorization, pk=chosen, client=client)


def _released(
    request: HttpRequest, client: Client, release: Release, template: str, form: object
) -> HttpResponse:
    try:
        disclosure = disclosure_release(actor=staff_member(request), client=client, release=release)
    except DisclosureRefused as refused:
        context = {
            "client": client,
            "basis": release.basis,
            "basis_label": Basis(release.basis).label,
            "form": form,
            "refusal": refused,
        }
        return render(request, template, context, status=422)
    messages.success(request, "Released. The package is kept sealed and is in the accounting.")
    return redirect("disclosure_detail", disclosure_id=disclosure.pk)


@role_required(*RELEASERS)
def report_new(request: HttpRequest, client_id: UUID, basis: str) -> HttpResponse:
    """The guided flow for a mandatory report or a duty to warn or protect."""
    client = get_object_or_404(Client, pk=client_id)
    if basis not in GUIDED:
        raise Http404
    chosen = Basis(basis)
    form = ReportForm(request.POST or None, basis=chosen)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        release = Release(
            basis=chosen,
            classes=list(data["classes"]),
            covers_from=data["covers_from"],
            covers_to=data["covers_to"],
            recipient=data["recipient"],
            purpose=GUIDED[chosen],
            facts=form.facts(),
            statement=data["statement"],
            disclosed_at=data["when"],
            notice=(Told(data["told"]), data["told_detail"]),
        )
        return _released(request, client, release, "disclosures/report_new.html", form)
    context = {"client": client, "basis": chosen, "basis_label": chosen.label, "form": form}
    return render(request, "disclosures/report_new.html", context)


# --- A release, its package and its notices ----------------------------------------------------


@role_required(*READERS)
def disclosure_detail(request: HttpRequest, disclosure_id: UUID) -> HttpResponse:
    found = get_object_or_404(Disclosure.objects.select_related("released_by"), pk=disclosure_id)
    actor = staff_member(request)
    form = NoticeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        disclosure_notice_add(
            actor=actor,
            disclosure=found,
            told=Told(form.cleaned_data["told"]),
            detail=form.cleaned_data["detail"],
        )
        messages.success(request, "Recorded.")
        return redirect("disclosure_detail", disclosure_id=found.pk)
    context = {**disclosure_read(actor=actor, disclosure=found), "form": form}
    return render(request, "disclosures/disclosure.html", context)


@role_required(*RELEASERS)
def disclosure_package(request: HttpRequest, disclosure_id: UUID) -> HttpResponse:
    found = get_object_or_404(Disclosure, pk=disclosure_id)
    document = disclosure_package_open(actor=staff_member(request), disclosure=found)
    return _pdf(document, f"disclosure-{found.pk}.pdf")


# --- Accounting of disclosures ------------------------------------------------------------------


@role_required(*READERS)
def accounting(request: HttpRequest, client_id: UUID) -> HttpResponse:
    client = get_object_or_404(Client, pk=client_id)
    actor = staff_member(request)
    lines = accounting_read(actor=actor, client=client)
    can_print = permitted(
        actor=actor,
        action=Action.EXPORT,
        data_class=DataClass.DISCLOSURES,
        client_id=client.pk,
        relationship=relationship_of(actor_id=actor.pk, client_id=client.pk),
    )
    context = {"client": client, "lines": lines, "can_print": can_print}
    return render(request, "disclosures/accounting.html", context)


@role_required(*RELEASERS)
def accounting_print(request: HttpRequest, client_id: UUID) -> HttpResponse:
    client = get_object_or_404(Client, pk=client_id)
    try:
        document = accounting_pdf(actor=staff_member(request), client=client)
    except Unprintable as unprintable:
        messages.error(request, str(unprintable))
        return redirect("accounting", client_id=client.pk)
    return _pdf(document, f"accounting-{client.pk}.pdf")
