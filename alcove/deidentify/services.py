"""Writes for supervision packets: create, adjust, approve, export. Each is decided (and
the decision recorded) before it changes anything, so a refusal stays in the audit log."""

from collections.abc import Sequence

from django.db import transaction
from django.utils import timezone

from alcove.access.decisions import AccessDenied
from alcove.access.policy import Action, DataClass
from alcove.access.services import decide
from alcove.accounts.models import User
from alcove.audit.models import Outcome
from alcove.audit.services import audit_record
from alcove.clients.models import Client
from alcove.deidentify.models import Packet, PacketStatus
from alcove.deidentify.packets import Adjustments
from alcove.deidentify.selectors import (
    RESOURCE,
    packet_adjustments,
    packet_draft,
    packet_may_export,
    packet_own,
    packet_refuse,
)
from alcove.notes.models import Note, NoteKind, NoteStatus
from alcove.notes.services import note_read

PSYCHOTHERAPY_RULE = "A psychotherapy note goes into a packet only by its own author."


class PacketRefused(AccessDenied):
    """A packet action refused by the packet's state or the notes chosen."""


def _decide_write(actor: User, client_id: object, packet: Packet | None = None) -> None:
    decide(
        actor=actor,
        action=Action.WRITE,
        data_class=DataClass.CLINICAL,
        client_id=client_id,  # type: ignore[arg-type]
        resource_type=RESOURCE,
        resource_id=packet.pk if packet else "",
    ).require()


def packet_create(*, actor: User, client: Client, notes: Sequence[Note]) -> Packet:
    """A draft from signed notes of this client. Each note is read through note_read (so
    the actor must be allowed to read it, and the read is recorded)."""
    _decide_write(actor, client.pk)
    if not notes:
        raise PacketRefused("Choose at least one signed note.", "Tick the notes to include.")
    for note in notes:
        if note.client_id != client.pk or note.status != NoteStatus.SIGNED:
            raise PacketRefused(
                "A packet holds signed notes of this client only.",
                "Sign the note first, or start a packet from the other client's chart.",
            )
        if note.kind == NoteKind.PSYCHOTHERAPY and note.author_id != actor.pk:
            audit_record(
                actor_id=actor.pk,
                action=f"{DataClass.PSYCHOTHERAPY_NOTES}.{Action.EXPORT}",
                outcome=Outcome.DENIED,
                resource_type="note",
                resource_id=str(note.pk),
                client_id=client.pk,
                rule=PSYCHOTHERAPY_RULE,
            )
            raise AccessDenied(PSYCHOTHERAPY_RULE, "Leave it out, or ask its author.")
        note_read(actor=actor, note=note)  # decided and recorded; the text is not kept
    with transaction.atomic():
        packet = Packet.objects.create(
            client=client,
            author=actor,
            note_ids=[str(n.pk) for n in notes],
            adjustments=Adjustments().dumps(),
        )
        audit_record(
            actor_id=actor.pk,
            action="supervision_packet.create",
            resource_type=RESOURCE,
            resource_id=str(packet.pk),
            client_id=client.pk,
        )
    return packet


def _draft_only(actor: User, packet: Packet, action: str) -> None:
    packet_own(actor=actor, packet=packet, action=action)
    if packet.status != PacketStatus.DRAFT:
        packet_refuse(
            actor=actor,
            packet=packet,
            action=action,
            rule="An approved packet is not changed.",
            remedy="Start a new packet to change what it holds.",
        )


def packet_adjust(
    *,
    actor: User,
    packet: Packet,
    undo: Sequence[str] = (),
    redo: Sequence[str] = (),
    mask: Sequence[str] = (),
    unmask_phrases: Sequence[str] = (),
) -> Packet:
    """The reviewer undoes replacements (`undo`, by their keys), restores them (`redo`), or
    masks phrases the engine missed (`mask`), or stops masking one (`unmask_phrases`)."""
    _draft_only(actor, packet, Action.WRITE)
    _decide_write(actor, packet.client_id, packet)
    current = packet_adjustments(actor=actor, packet=packet)
    unmask = (set(current.unmask) | set(undo)) - set(redo)
    phrases = [p for p in current.mask if p not in set(unmask_phrases)]
    for phrase in mask:
        phrase = " ".join(phrase.split())
        if phrase and phrase not in phrases:
            phrases.append(phrase)
    with transaction.atomic():
        packet.adjustments = Adjustments(unmask=sorted(unmask), mask=phrases).dumps()
        packet.save(update_fields=["adjustments"])
        audit_record(
            actor_id=actor.pk,
            action="supervision_packet.adjust",
            resource_type=RESOURCE,
            resource_id=str(packet.pk),
            client_id=packet.client_id,
        )
    return packet


def packet_approve(*, actor: User, packet: Packet) -> Packet:
    """The reviewer approves the draft as it stands; its text is kept, sealed, for export."""
    _draft_only(actor, packet, Action.WRITE)
    _decide_write(actor, packet.client_id, packet)
    text = packet_draft(actor=actor, packet=packet).text
    with transaction.atomic():
        packet.approved_text = text
        packet.status = PacketStatus.APPROVED
        packet.approved_at = timezone.now()
        packet.save(update_fields=["approved_text", "status", "approved_at"])
        audit_record(
            actor_id=actor.pk,
            action="supervision_packet.approve",
            resource_type=RESOURCE,
            resource_id=str(packet.pk),
            client_id=packet.client_id,
        )
    return packet


def packet_export(*, actor: User, packet: Packet) -> str:
    """The approved text, for this request only. Each export is an EXPORT decision in the
    audit log: the packet's author, still treating or supervising the client."""
    packet_own(actor=actor, packet=packet, action=Action.EXPORT)
    if packet.status != PacketStatus.APPROVED:
        packet_refuse(
            actor=actor,
            packet=packet,
            action=Action.EXPORT,
            rule="A packet is exported only once its author has approved it.",
            remedy="Review the draft and approve it first.",
        )
    if not packet_may_export(actor=actor, packet=packet):
        packet_refuse(
            actor=actor,
            packet=packet,
            action=Action.EXPORT,
            rule="Only someone still treating or supervising the client exports a packet.",
            remedy="Ask a member of the client's care team.",
        )
    decision = decide(
        actor=actor,
        action=Action.EXPORT,
        data_class=DataClass.CLINICAL,
        client_id=packet.client_id,
        resource_type=RESOURCE,
        resource_id=packet.pk,
        author_id=packet.author_id,
    )
    decision.require()
    return decision.open(packet.approved_text)
