"""Couple, family and group cases: open one from the caseload, write joint session notes."""

from uuid import UUID

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from alcove.accounts.models import Role, User
from alcove.clients.models import Case, CaseKind, Client
from alcove.clients.selectors import caseload_of
from alcove.clients.services import CaseRefused, case_participant_add, case_participant_leave
from alcove.clients.views import client_names
from alcove.notes.case_notes import case_note_write, case_open
from alcove.notes.services import NoteRefused
from alcove.web.decorators import role_required, staff_member


@role_required(Role.CLINICIAN, Role.TRAINEE)
def case_new(request: HttpRequest) -> HttpResponse:
    actor = staff_member(request)
    caseload = [(c, client_names(actor, c)) for c in caseload_of(actor.pk)]
    error = ""
    if request.method == "POST":
        chosen = set(request.POST.getlist("clients"))
        clients = [c for c, _ in caseload if str(c.pk) in chosen]
        kind = request.POST.get("kind", "")
        if kind not in CaseKind.values or len(clients) < 2:
            error = "Choose the kind of case and at least two clients."
        else:
            case = case_open(
                actor=actor,
                kind=CaseKind(kind),
                clients=clients,
                label=request.POST.get("label", ""),
            )
            return redirect("case_detail", case_id=case.pk)
    context = {"caseload": caseload, "kinds": CaseKind.choices, "error": error}
    return render(request, "notes/case_new.html", context)


@role_required(Role.CLINICIAN, Role.TRAINEE)
def case_detail(request: HttpRequest, case_id: UUID) -> HttpResponse:
    actor = staff_member(request)
    case = get_object_or_404(Case, pk=case_id)
    members: list[Client] = [p.client for p in case.participants.filter(left_at__isnull=True)]
    people = [(m, client_names(actor, m)) for m in members]
    error, unconsented = "", list[UUID]()
    if request.method == "POST":
        parts = {m.pk: request.POST.get(f"part-{m.pk}", "") for m in members}
        try:
            case_note_write(
                actor=actor, case=case, shared=request.POST.get("shared", ""), parts=parts
            )
        except NoteRefused as refused:
            error = str(refused)
            unconsented = getattr(refused, "missing", [])
        else:
            messages.success(request, "Session note signed; each participant's chart has its copy.")
            return redirect("case_detail", case_id=case.pk)
    context = {
        "case": case,
        "people": people,
        "error": error,
        "unconsented": unconsented,
        "posted": request.POST,
    }
    if case.primary_clinician_id == actor.pk:
        context |= _membership(actor, case)
    return render(request, "notes/case_detail.html", context)


def _membership(actor: User, case: Case) -> dict[str, object]:
    """For the primary clinician: clients of their caseload who could join, and who left."""
    ever = set(case.participants.values_list("client_id", flat=True))
    joinable = [c for c in caseload_of(actor.pk) if c.pk not in ever]
    return {
        "manages": True,
        "joinable": [(c, client_names(actor, c)) for c in joinable],
        "left_count": case.participants.filter(left_at__isnull=False).count(),
    }


@require_POST
@role_required(Role.CLINICIAN, Role.TRAINEE)
def case_join(request: HttpRequest, case_id: UUID) -> HttpResponse:
    case = get_object_or_404(Case, pk=case_id)
    try:
        client = get_object_or_404(Client, pk=UUID(request.POST.get("client", "")))
    except ValueError as unknown:
        raise Http404 from unknown
    try:
        case_participant_add(actor=staff_member(request), case=case, client=client)
    except CaseRefused as refused:
        messages.error(request, str(refused))
    else:
        messages.success(request, "Added. They share the sessions written from now on.")
    return redirect("case_detail", case_id=case.pk)


@require_POST
@role_required(Role.CLINICIAN, Role.TRAINEE)
def case_leave(request: HttpRequest, case_id: UUID, client_id: UUID) -> HttpResponse:
    case = get_object_or_404(Case, pk=case_id)
    client = get_object_or_404(Client, pk=client_id)
    try:
        case_participant_leave(actor=staff_member(request), case=case, client=client)
    except CaseRefused as refused:
        messages.error(request, str(refused))
    else:
        messages.success(
            request, "Marked as left today. Their past sessions stay in their own chart only."
        )
    return redirect("case_detail", case_id=case.pk)
