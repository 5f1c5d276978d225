"""Supervision packet pages: choose notes, review the draft, adjust, approve, export.

The draft is built for each request and shown only in its response; nothing readable is in
a URL (packets are named by their id)."""

from uuid import UUID

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from alcove.access.policy import Action
from alcove.accounts.models import Role
from alcove.clients.models import Client
from alcove.deidentify.models import Packet, PacketStatus
from alcove.deidentify.pdf import packet_pdf
from alcove.deidentify.selectors import (
    packet_adjustments,
    packet_draft,
    packet_notes_offered,
    packet_own,
    packets_of,
)
from alcove.deidentify.services import (
    PacketRefused,
    draft_digest,
    packet_adjust,
    packet_approve,
    packet_create,
    packet_export,
)
from alcove.disclosures.pdf import Unprintable
from alcove.web.decorators import role_required, staff_member

PACKET_ROLES = (Role.CLINICIAN, Role.TRAINEE)


@never_cache
@role_required(*PACKET_ROLES)
def packet_new(request: HttpRequest, client_id: UUID) -> HttpResponse:
    actor = staff_member(request)
    client = get_object_or_404(Client, pk=client_id)
    offered = packet_notes_offered(actor=actor, client=client)
    if request.method == "POST":
        chosen = set(request.POST.getlist("note"))
        notes = [n for n in offered if str(n.pk) in chosen]
        if not notes or len(notes) != len(chosen):
            messages.error(request, "Choose at least one of the signed notes listed here.")
        else:
            packet = packet_create(actor=actor, client=client, notes=notes)
            return redirect("packet_review", packet_id=packet.pk)
    context = {
        "client": client,
        "notes": offered,
        "packets": packets_of(actor=actor, client_id=client.pk),
    }
    return render(request, "deidentify/packet_new.html", context)


def _packet(packet_id: UUID) -> Packet:
    return get_object_or_404(Packet, pk=packet_id)


@never_cache
@role_required(*PACKET_ROLES)
def packet_review(request: HttpRequest, packet_id: UUID) -> HttpResponse:
    actor = staff_member(request)
    packet = _packet(packet_id)
    context: dict[str, object] = {"packet": packet}
    if packet.status == PacketStatus.DRAFT:
        adjustments = packet_adjustments(actor=actor, packet=packet)  # the author's alone
        draft = packet_draft(actor=actor, packet=packet, adjustments=adjustments)
        context |= {"draft": draft, "masked": adjustments.mask, "seen": draft_digest(draft.text)}
    else:
        packet_own(actor=actor, packet=packet, action=Action.READ)
    return render(request, "deidentify/packet_review.html", context)


@require_POST
@role_required(*PACKET_ROLES)
def packet_change(request: HttpRequest, packet_id: UUID) -> HttpResponse:
    actor = staff_member(request)
    packet = _packet(packet_id)
    changes = {
        "undo": request.POST.getlist("undo"),
        "redo": request.POST.getlist("redo"),
        "mask": [m for m in [request.POST.get("mask", "").strip()] if m],
        "unmask_phrases": request.POST.getlist("unmask_phrase"),
    }
    if any(changes.values()):
        packet_adjust(actor=actor, packet=packet, **changes)
        if request.POST.get("verb") == "approve":
            # Approval is of what was seen: changes made with it are shown first.
            messages.info(request, "Your changes are made. Review the draft, then approve it.")
        else:
            messages.success(request, "Draft updated.")
    elif request.POST.get("verb") == "approve":
        try:
            packet_approve(actor=actor, packet=packet, seen=request.POST.get("seen", ""))
        except PacketRefused as refused:
            messages.error(request, str(refused))
        else:
            messages.success(request, "Approved. The packet can now be exported.")
    else:
        messages.info(request, "Nothing was changed.")
    return redirect("packet_review", packet_id=packet.pk)


@never_cache
@role_required(*PACKET_ROLES)
def packet_download(request: HttpRequest, packet_id: UUID) -> HttpResponse:
    actor = staff_member(request)
    packet = _packet(packet_id)
    text = packet_export(actor=actor, packet=packet)
    response = HttpResponse(text, content_type="text/plain; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="supervision-packet-{packet.pk}.txt"'
    response["Cache-Control"] = "no-store"
    return response


@never_cache
@role_required(*PACKET_ROLES)
def packet_download_pdf(request: HttpRequest, packet_id: UUID) -> HttpResponse:
    actor = staff_member(request)
    packet = _packet(packet_id)
    text = packet_export(actor=actor, packet=packet)  # decided and recorded, as for text
    try:
        document = packet_pdf(text=text, reference=f"Supervision packet {str(packet.pk)[:8]}")
    except Unprintable as problem:
        messages.error(request, str(problem))
        return redirect("packet_review", packet_id=packet.pk)
    response = HttpResponse(document, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="supervision-packet-{packet.pk}.pdf"'
    response["Cache-Control"] = "no-store"
    return response
