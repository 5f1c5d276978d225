"""The note editor: draft, sign, co-sign and addenda, each through the notes services."""

from uuid import UUID

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from alcove.accounts.models import Role
from alcove.clients.models import Client
from alcove.notes.models import Note, NoteKind, NoteStatus
from alcove.notes.services import (
    ConsentMissing,
    addendum_add,
    note_cosign,
    note_create,
    note_read,
    note_save_draft,
    note_sign,
)
from alcove.web.decorators import role_required, staff_member

CLINICAL_ROLES = (Role.CLINICIAN, Role.TRAINEE, Role.SUPERVISOR)
PART_LABELS = {
    "subjective": "Subjective",
    "objective": "Objective",
    "assessment": "Assessment",
    "plan": "Plan",
    "body": "Note",
}


@require_POST
@role_required(Role.CLINICIAN, Role.TRAINEE)
def note_new(request: HttpRequest, client_id: UUID) -> HttpResponse:
    client = get_object_or_404(Client, pk=client_id)
    kind = NoteKind(request.POST.get("kind", NoteKind.PROGRESS))
    if kind == NoteKind.PSYCHOTHERAPY:
        return redirect("psychotherapy_notes", client_id=client.pk)  # kept apart: their own area
    note = note_create(actor=staff_member(request), client=client, kind=kind)
    return redirect("note_edit", note_id=note.pk)


@role_required(*Role)
def note_edit(request: HttpRequest, note_id: UUID) -> HttpResponse:
    actor = staff_member(request)
    note = get_object_or_404(Note, pk=note_id)
    if note.kind == NoteKind.PSYCHOTHERAPY:
        return redirect("psychotherapy_note", note_id=note.pk)  # opened, and decided, there
    if request.method == "POST":
        return _note_post(request, note)
    read = note_read(actor=actor, note=note)
    parts = [
        (name, PART_LABELS[name], read["content"].get(name, ""))
        for name in (
            ("subjective", "objective", "assessment", "plan")
            if note.kind == NoteKind.PROGRESS
            else ("body",)
        )
    ]
    context = {
        "note": note,
        "parts": parts,
        "addenda": read["addenda"],
        "editable": note.status == NoteStatus.DRAFT and note.author_id == actor.pk,
        "can_cosign": note.status == NoteStatus.AWAITING_COSIGN and actor.pk != note.author_id,
    }
    return render(request, "notes/note.html", context)


def _note_post(request: HttpRequest, note: Note) -> HttpResponse:
    actor = staff_member(request)
    verb = request.POST.get("verb")
    if verb in ("save", "sign"):
        fields = {name: request.POST.get(name, "") for name in PART_LABELS if name in request.POST}
        note_save_draft(actor=actor, note=note, **fields)
        if verb == "sign":
            try:
                note_sign(actor=actor, note=note)
            except ConsentMissing as missing:
                messages.error(request, f"Draft saved, not signed. {missing}")
                return redirect("note_edit", note_id=note.pk)
            messages.success(request, "Signed. The note is now locked; corrections are addenda.")
        else:
            messages.success(request, "Draft saved.")
    elif verb == "cosign":
        note_cosign(actor=actor, note=note)
        messages.success(request, "Co-signed.")
    elif verb == "addendum":
        addendum_add(actor=actor, note=note, text=request.POST.get("addendum", ""))
        messages.success(request, "Addendum added.")
    return redirect("note_edit", note_id=note.pk)
