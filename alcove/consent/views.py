"""Consent pages: the owner's documents, taking a consent with the client in the locked
hand-over, verbal consent, revocation and the signed copy."""

from typing import Any
from uuid import UUID

from allauth.account.internal.flows.reauthentication import reauthenticate_by_password
from django.contrib import messages
from django.contrib.auth import logout
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from alcove.access.policy import Action, DataClass
from alcove.access.services import permitted
from alcove.accounts.models import Role
from alcove.audit.models import Outcome
from alcove.audit.services import audit_record
from alcove.clients.models import Client, ClientContact, ContactKind
from alcove.clients.selectors import relationship_of
from alcove.consent.authorizations import authorization_read, authorization_sign
from alcove.consent.forms import SignatureForm, UnlockForm, VerbalConsentForm, VersionTextForm
from alcove.consent.handover import (
    UNLOCK_TRIES,
    handover_begin,
    handover_end,
    handover_state,
    handover_update,
)
from alcove.consent.models import (
    Authorization,
    ConsentDocument,
    ConsentRecord,
    ConsentVersion,
    VersionStatus,
)
from alcove.consent.selectors import documents_all, versions_published_latest
from alcove.consent.services import (
    ConsentRefused,
    consent_draft_start,
    consent_guardians_read,
    consent_read,
    consent_revoke,
    consent_sign,
    consent_starter_load,
    consent_verbal_record,
    consent_version_publish,
    consent_version_save,
)
from alcove.web.decorators import role_required, staff_member

TAKERS = (Role.CLINICIAN, Role.TRAINEE)
# The hand-over page shows the document and the form, and nothing to navigate by.
LOCKED = {"navigation": None, "break_glass_unreviewed": None, "locked": True}


# --- The owner's documents ------------------------------------------------------------------


@role_required(Role.OWNER)
def documents(request: HttpRequest) -> HttpResponse:
    if request.method == "POST":
        added = consent_starter_load(actor=staff_member(request))
        messages.success(request, f"Starter documents added as drafts: {added}.")
        return redirect("consent_documents")
    docs = list(documents_all())
    context = {"documents": docs, "starter_missing": len(docs) < 5}
    return render(request, "consent/documents.html", context)


@require_POST
@role_required(Role.OWNER)
def draft_new(request: HttpRequest, document_id: int) -> HttpResponse:
    document = get_object_or_404(ConsentDocument, pk=document_id)
    draft = consent_draft_start(actor=staff_member(request), document=document)
    return redirect("consent_version", version_id=draft.pk)


@role_required(Role.OWNER)
def version(request: HttpRequest, version_id: UUID) -> HttpResponse:
    actor = staff_member(request)
    found = get_object_or_404(ConsentVersion.objects.select_related("document"), pk=version_id)
    form = VersionTextForm(request.POST or None, initial={"text": found.text})
    if request.method == "POST" and form.is_valid():
        try:
            found = consent_version_save(actor=actor, version=found, text=form.cleaned_data["text"])
            if request.POST.get("verb") == "publish":
                consent_version_publish(actor=actor, version=found)
                messages.success(request, "Published. This version can now be signed.")
                return redirect("consent_documents")
            messages.success(request, "Draft saved.")
            return redirect("consent_version", version_id=found.pk)
        except ConsentRefused as refused:
            messages.error(request, str(refused))
    return render(request, "consent/version.html", {"version": found, "form": form})


# --- Taking a consent with the client ---------------------------------------------------------


def _versions_choices() -> list[tuple[str, str]]:
    return [
        (str(v.pk), f"{v.document.title} (version {v.number})") for v in versions_published_latest()
    ]


@role_required(*TAKERS)
def sign_start(request: HttpRequest, client_id: UUID) -> HttpResponse:
    """Choose the document and the signer, then hand the device over."""
    actor = staff_member(request)
    client = get_object_or_404(Client, pk=client_id)
    relationship = relationship_of(actor_id=actor.pk, client_id=client.pk)
    if not permitted(
        actor=actor,
        action=Action.WRITE,
        data_class=DataClass.CONSENT,
        client_id=client.pk,
        relationship=relationship,
    ):
        raise ConsentRefused(
            "Only a clinician treating the client takes their consent.",
            "Ask the client's clinician, or join the care team first.",
        )
    guardians = consent_guardians_read(actor=actor, client=client)
    choices = _versions_choices()
    if request.method == "POST":
        chosen = get_object_or_404(
            ConsentVersion, pk=request.POST.get("version") or None, status=VersionStatus.PUBLISHED
        )
        guardian_id = request.POST.get("signer") or ""
        guardian = None
        if guardian_id != "client":
            guardian = get_object_or_404(
                ClientContact, pk=guardian_id or None, client=client, kind=ContactKind.GUARDIAN
            )
        handover_begin(
            request,
            client_id=client.pk,
            version_id=chosen.pk,
            guardian_id=guardian.pk if guardian else None,
        )
        audit_record(
            actor_id=actor.pk,
            action="consent.handover_begin",
            resource_type="consent_version",
            resource_id=chosen.pk,
            client_id=client.pk,
        )
        return redirect("consent_handover")
    context = {"client": client, "choices": choices, "guardians": guardians}
    return render(request, "consent/sign_start.html", context)


def _unlock_refusal(tries: int) -> str:
    if not tries:
        return ""
    return (
        "That is not the clinician's password. The hand-over ends only with the clinician's "
        f"password; {UNLOCK_TRIES - tries} more wrong tries sign the session out."
    )


def _handover_document(request: HttpRequest, state: dict[str, Any]) -> dict[str, object]:
    """What the signer reads: a consent version, or an authorization's sealed wording (a
    recorded read by the witnessing clinician)."""
    if state.get("authorization"):
        found = get_object_or_404(Authorization, pk=state["authorization"])
        copy = authorization_read(actor=staff_member(request), authorization=found)
        return {"title": "Authorization to release information", "text": copy["text"]}
    version = get_object_or_404(
        ConsentVersion.objects.select_related("document"), pk=state["version"]
    )
    title = version.document.title
    return {"title": title, "text": version.text, "number": version.number}


def _handover_page(request: HttpRequest, state: dict[str, Any], **extra: object) -> HttpResponse:
    context = {
        **LOCKED,
        "document": _handover_document(request, state),
        "as_guardian": bool(state["guardian"]),
        "signed": state["signed"],
        "form": SignatureForm(),
        "unlock": UnlockForm(),
        "unlock_refusal": _unlock_refusal(int(state["tries"])),
        **extra,
    }
    return render(request, "consent/handover.html", context)


@role_required(*TAKERS)
def handover(request: HttpRequest) -> HttpResponse:
    state = handover_state(request)
    if state is None:
        return redirect("caseload")
    if request.method == "POST" and not state["signed"]:
        form = SignatureForm(request.POST)
        if form.is_valid() and state.get("authorization"):
            return _handover_authorization_sign(request, state, form)
        if form.is_valid():
            client = get_object_or_404(Client, pk=state["client"])
            guardian = (
                get_object_or_404(ClientContact, pk=state["guardian"], client=client)
                if state["guardian"]
                else None
            )
            try:
                consent_sign(
                    actor=staff_member(request),
                    client=client,
                    version=get_object_or_404(ConsentVersion, pk=state["version"]),
                    typed_name=form.cleaned_data["typed_name"],
                    agreed=form.cleaned_data["agreed"],
                    guardian=guardian,
                )
            except ConsentRefused as refused:
                return _handover_page(request, state, form=form, refusal=str(refused))
            handover_update(request, signed=True)
            return redirect("consent_handover")
        return _handover_page(request, state, form=form)
    return _handover_page(request, state)


def _handover_authorization_sign(
    request: HttpRequest, state: dict[str, Any], form: SignatureForm
) -> HttpResponse:
    try:
        authorization_sign(
            actor=staff_member(request),
            authorization=get_object_or_404(Authorization, pk=state["authorization"]),
            typed_name=form.cleaned_data["typed_name"],
            agreed=form.cleaned_data["agreed"],
        )
    except ConsentRefused as refused:
        return _handover_page(request, state, form=form, refusal=str(refused))
    handover_update(request, signed=True)
    return redirect("consent_handover")


@require_POST
@role_required(*TAKERS)
def handover_unlock(request: HttpRequest) -> HttpResponse:
    """Back to the clinician's session: their password, and nothing else, ends the hand-over."""
    state = handover_state(request)
    if state is None:
        return redirect("caseload")
    actor = staff_member(request)
    form = UnlockForm(request.POST)
    client_id = UUID(state["client"])
    where: dict[str, Any] = {"resource_type": "consent_handover", "client_id": client_id}
    if form.is_valid() and actor.check_password(form.cleaned_data["password"]):
        reauthenticate_by_password(request)
        handover_end(request)
        audit_record(actor_id=actor.pk, action="consent.handover_end", **where)
        return redirect("client_chart", client_id=state["client"])
    tries = int(state["tries"]) + 1
    audit_record(
        actor_id=actor.pk,
        action="consent.handover_unlock",
        outcome=Outcome.DENIED,
        rule="The hand-over ends only with the clinician's password.",
        **where,
    )
    if tries >= UNLOCK_TRIES:
        logout(request)
        messages.info(
            request,
            f"Signed out after {UNLOCK_TRIES} wrong passwords at the consent hand-over. "
            "Please sign in again.",
        )
        return redirect("account_login")
    handover_update(request, tries=tries)
    return redirect("consent_handover")


@role_required(*TAKERS)
def verbal(request: HttpRequest, client_id: UUID) -> HttpResponse:
    actor = staff_member(request)
    client = get_object_or_404(Client, pk=client_id)
    guardians = consent_guardians_read(actor=actor, client=client)
    signers = [(str(g.pk), f"{name}, guardian") for g, name in guardians]
    form = VerbalConsentForm(request.POST or None, versions=_versions_choices(), signers=signers)
    if request.method == "POST" and form.is_valid():
        signer = form.cleaned_data["signer"]
        try:
            consent_verbal_record(
                actor=actor,
                client=client,
                version=get_object_or_404(ConsentVersion, pk=form.cleaned_data["version"]),
                reason=form.cleaned_data["reason"],
                guardian=next((g for g, _ in guardians if str(g.pk) == signer), None),
            )
        except ConsentRefused as refused:
            messages.error(request, str(refused))
        else:
            messages.success(request, "Verbal consent recorded.")
            return redirect("client_chart", client_id=client.pk)
    return render(request, "consent/verbal.html", {"client": client, "form": form})


@require_POST
@role_required(Role.OWNER, *TAKERS)
def revoke(request: HttpRequest, record_id: UUID) -> HttpResponse:
    record = get_object_or_404(ConsentRecord, pk=record_id)
    consent_revoke(actor=staff_member(request), record=record)
    messages.success(request, "Revoked, dated today. The signed copy is kept.")
    return redirect("client_chart", client_id=record.client_id)


@role_required(*Role)
def record(request: HttpRequest, record_id: UUID) -> HttpResponse:
    found = get_object_or_404(ConsentRecord.objects.select_related("recorded_by"), pk=record_id)
    copy = consent_read(actor=staff_member(request), record=found)
    return render(request, "consent/record.html", copy)
