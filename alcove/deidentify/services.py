"""Writes for supervision packets: create, adjust, approve, export. Each is decided (and
the decision recorded) before it changes anything, so a refusal stays in the audit log."""

import hashlib
import hmac
from collections.abc import Iterator, Sequence
from contextlib import contextmanager

from django.db import transaction
from django.utils import timezone

from alcove.access.decisions import AccessDenied
from alcove.access.policy import Action, DataClass
from alcove.access.services import decide
from alcove.accounts.models import User
from alcove.audit.models import Outcome
from alcove.audit.services import audit_record, refusal_record
from alcove.clients.models import Client
from alcove.deidentify.models import CLINICAL, PSYCHOTHERAPY, Packet, PacketStatus
from alcove.deidentify.packets import Adjustments
from alcove.deidentify.selectors import (
    RESOURCE,
    SIGNED,
    packet_adjustments,
    packet_decide,
    packet_draft,
    packet_may_export,
    packet_own,
    packet_refuse,
)
from alcove.notes.models import Note, NoteKind
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
        if note.client_id != client.pk or note.status not in SIGNED:
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
    apart = any(n.kind == NoteKind.PSYCHOTHERAPY for n in notes)
    empty = Adjustments().dumps()
    with transaction.atomic():
        packet = Packet.objects.create(
            client=client,
            author=actor,
            note_ids=[str(n.pk) for n in notes],
            data_class=PSYCHOTHERAPY if apart else CLINICAL,
            adjustments=None if apart else empty,
            adjustments_apart=empty if apart else None,
        )
        audit_record(
            actor_id=actor.pk,
            action="supervision_packet.create",
            resource_type=RESOURCE,
            resource_id=str(packet.pk),
            client_id=client.pk,
        )
    return packet


def _locked_draft(actor: User, packet: Packet, action: str) -> Packet:
    """The packet, locked for this transaction, if it is the actor's and still a draft: an
    approval and a change cannot cross (the second waits, then finds it approved)."""
    packet_own(actor=actor, packet=packet, action=action)
    locked = Packet.objects.select_for_update().get(pk=packet.pk)
    if locked.status != PacketStatus.DRAFT:
        raise PacketRefused(
            "An approved packet is not changed.", "Start a new packet to change what it holds."
        )
    return locked


@contextmanager
def _refusal_kept(actor: User, packet: Packet, verb: str) -> Iterator[None]:
    """A refusal raised inside the transaction is recorded once it has rolled back."""
    try:
        yield
    except PacketRefused as refused:
        refusal_record(
            actor_id=actor.pk,
            action=f"supervision_packet.{verb}",
            rule=refused.rule,
            resource_type=RESOURCE,
            resource_id=str(packet.pk),
            client_id=packet.client_id,
        )
        raise


def _audited(actor: User, packet: Packet, verb: str) -> None:
    audit_record(
        actor_id=actor.pk,
        action=f"supervision_packet.{verb}",
        resource_type=RESOURCE,
        resource_id=str(packet.pk),
        client_id=packet.client_id,
    )


def _adjustments_set(packet: Packet, adjustments: Adjustments) -> None:
    field = "adjustments_apart" if packet.apart else "adjustments"
    setattr(packet, field, adjustments.dumps())
    packet.save(update_fields=[field])


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
    packet_decide(actor=actor, packet=packet, action=Action.WRITE).require()
    with _refusal_kept(actor, packet, "adjust"), transaction.atomic():
        locked = _locked_draft(actor, packet, Action.WRITE)
        current = packet_adjustments(actor=actor, packet=locked)
        unmask = (set(current.unmask) | set(undo)) - set(redo)
        phrases = [p for p in current.mask if p not in set(unmask_phrases)]
        for phrase in mask:
            phrase = " ".join(phrase.split())
            if phrase and phrase not in phrases:
                phrases.append(phrase)
        _adjustments_set(locked, Adjustments(unmask=sorted(unmask), mask=phrases))
        _audited(actor, locked, "adjust")
    packet.refresh_from_db()  # the caller's copy shows what is now stored
    return packet


def draft_digest(text: str) -> str:
    """What the reviewer saw, as the page gives it back with "Approve" (of de-identified
    text only)."""
    return hashlib.sha256(text.encode()).hexdigest()


def packet_approve(*, actor: User, packet: Packet, seen: str | None = None) -> Packet:
    """The reviewer approves the draft they saw (`seen`: its digest); if anything changed it
    since (their own other tab, a note's addendum, the client's details), it is refused and
    shown again. Its text is kept, sealed, for export."""
    packet_decide(actor=actor, packet=packet, action=Action.WRITE).require()
    with _refusal_kept(actor, packet, "approve"), transaction.atomic():
        locked = _locked_draft(actor, packet, Action.WRITE)
        text = packet_draft(actor=actor, packet=locked).text
        if seen is not None and not hmac.compare_digest(seen, draft_digest(text)):
            raise PacketRefused(
                "The draft changed after you reviewed it, so it was not approved.",
                "Review the draft as it is now, then approve it.",
            )
        setattr(locked, "approved_text_apart" if locked.apart else "approved_text", text)
        locked.status = PacketStatus.APPROVED
        locked.approved_at = timezone.now()
        locked.save()
        _audited(actor, locked, "approve")
    packet.refresh_from_db()
    return packet


def packet_export(*, actor: User, packet: Packet) -> str:
    """The approved text, for this request only. Each export is an EXPORT decision in the
    audit log, on the packet's class, for its author while they still treat or supervise
    the client (a recorded read of the chart, by the table)."""
    if packet.status != PacketStatus.APPROVED:
        packet_refuse(
            actor=actor,
            packet=packet,
            action=Action.EXPORT,
            rule="A packet is exported only once its author has approved it.",
            remedy="Review the draft and approve it first.",
        )
    decision = packet_decide(actor=actor, packet=packet, action=Action.EXPORT)
    if not packet_may_export(actor=actor, packet=packet):
        packet_refuse(
            actor=actor,
            packet=packet,
            action=Action.EXPORT,
            rule="Only someone still treating or supervising the client exports a packet.",
            remedy="Ask a member of the client's care team.",
        )
    decision.require()
    return decision.open(packet.approved_text_apart if packet.apart else packet.approved_text)
