"""The psychotherapy-notes area: apart from the chart's notes, open only to their authors.

Everything goes through notes.selectors and notes.services, so every list and every note
opened is a decision recorded in the audit log.
"""

from uuid import UUID

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from alcove.accounts.models import Role
from alcove.clients.models import Client
from alcove.clients.views import client_names
from alcove.notes.models import Note, NoteKind, NoteStatus
from alcove.notes.selectors import psychotherapy_note_may_start, psychotherapy_notes_list
from alcove.notes.services import (
    ConsentMissing,
    note_cosign,
    note_create,
    note_read,
    note_save_draft,
    note_sign,
)
from alcove.web.decorators import role_required, staff_member

AREA_ROLES = (Role.CLINICIAN, Role.TRAINEE, Role.SUPERVISOR)


@role_required(*AREA_ROLES)
def psychotherapy_notes(request: HttpRequest, client_id: UUID) -> HttpResponse:
    actor = staff_member(request)
    client = get_object_or_404(Client, pk=client_id)
    notes = psychotherapy_notes_list(actor=actor, client=client)
    context = {
        "client": client,
        "names": client_names(actor, client),
        "notes": notes,
        "can_start": psychotherapy_note_may_start(actor=actor, client=client),
    }
    return render(request, "notes/psychotherapy_notes.html", context)


@require_POST
@role_required(Role.CLINICIAN, Role.TRAINEE)
def psychotherapy_note_new(request: HttpRequest, client_id: UUID) -> HttpResponse:
    client = get_object_or_404(Client, pk=client_id)
    note = note_create(actor=staff_member(request), client=client, kind=NoteKind.PSYCHOTHERAPY)
    return redirect("psychotherapy_note", note_id=note.pk)


def _psychotherapy_note_of(note_id: UUID) -> Note:
    note = get_object_or_404(Note, pk=note_id)
    if note.kind != NoteKind.PSYCHOTHERAPY:
        raise Http404
    return note


@role_required(*AREA_ROLES)
def psychotherapy_note(request: HttpRequest, note_id: UUID) -> HttpResponse:
    actor = staff_member(request)
    note = _psychotherapy_note_of(note_id)
    if request.method == "POST" and request.POST.get("verb") == "cosign":
        note_cosign(actor=actor, note=note)
        messages.success(request, "Co-signed. The psychotherapy note is now signed.")
        return redirect("psychotherapy_note", note_id=note.pk)
    if request.method == "POST":
        note_save_draft(actor=actor, note=note, body=request.POST.get("body", ""))
        if request.POST.get("verb") == "sign":
            try:
                note_sign(actor=actor, note=note)
            except ConsentMissing as missing:
                messages.error(request, f"Draft saved, not signed. {missing}")
                return redirect("psychotherapy_note", note_id=note.pk)
            messages.success(request, "Signed. The psychotherapy note is now locked.")
        else:
            messages.success(request, "Draft saved.")
        return redirect("psychotherapy_note", note_id=note.pk)
    read = note_read(actor=actor, note=note)
    context = {
        "note": note,
        "body": read["content"].get("body", ""),
        "editable": note.status == NoteStatus.DRAFT and note.author_id == actor.pk,
        "cosignable": note.status == NoteStatus.AWAITING_COSIGN and note.author_id != actor.pk,
    }
    return render(request, "notes/psychotherapy_note.html", context)
