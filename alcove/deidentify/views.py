"""Supervision packet pages: choose notes, review the draft, adjust, approve, export.

The draft is built for each request and shown only in its response; nothing readable is in
a URL (packets are named by their id)."""

from uuid import UUID

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from alcove.accounts.models import Role
from alcove.clients.models import Client
from alcove.deidentify.models import Packet, PacketStatus
from alcove.deidentify.pdf import packet_pdf
from alcove.deidentify.selectors import packet_adjustments, packet_draft, packet_notes_offered
from alcove.deidentify.services import packet_adjust, packet_approve, packet_create, packet_export
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
        if not notes:
            messages.error(request, "Choose at least one signed note.")
        else:
            packet = packet_create(actor=actor, client=client, notes=notes)
            return redirect("packet_review", packet_id=packet.pk)
    return render(request, "deidentify/packet_new.html", {"client": client, "notes": offered})


def _packet(packet_id: UUID) -> Packet:
    return get_object_or_404(Packet, pk=packet_id)


@never_cache
@role_required(*PACKET_ROLES)
def packet_review(request: HttpRequest, packet_id: UUID) -> HttpResponse:
    actor = staff_member(request)
    packet = _packet(packet_id)
    adjustments = packet_adjustments(actor=actor, packet=packet)
    draft = (
        packet_draft(actor=actor, packet=packet, adjustments=adjustments)
        if packet.status == PacketStatus.DRAFT
        else None
    )
    context = {"packet": packet, "draft": draft, "masked": adjustments.mask}
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
    if any(changes.values()):  # ticks made before "Approve" count too
        packet_adjust(actor=actor, packet=packet, **changes)
    if request.POST.get("verb") == "approve":
        packet_approve(actor=actor, packet=packet)
        messages.success(request, "Approved. The packet can now be exported.")
    else:
        messages.success(request, "Draft updated.")
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
