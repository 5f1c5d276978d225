"""Reads for supervision packets. Every note, name and detail is read through the one door:
notes through notes.services.note_read and notes.selectors, the client's own identifiers
through decide() and Decision.open, each a decision recorded in the audit log."""

from datetime import date
from typing import Any
from uuid import UUID

from alcove.access.decisions import AccessDenied, Decision
from alcove.access.policy import Action, DataClass
from alcove.access.services import decide
from alcove.accounts.models import User
from alcove.accounts.selectors import practice_get
from alcove.audit.models import Outcome
from alcove.audit.services import audit_record
from alcove.clients.models import CareTeamMember, CaseParticipant, Client, ClientContact
from alcove.deidentify.engine import Known, Person
from alcove.deidentify.models import Packet
from alcove.deidentify.packets import Adjustments, Draft, date_offset, draft_build, note_text
from alcove.notes.models import Note, NoteKind, NoteStatus
from alcove.notes.selectors import psychotherapy_area_open, psychotherapy_notes_list
from alcove.notes.services import note_read

RESOURCE = "supervision_packet"
# A trainee's note awaiting co-signature is signed by its author: supervision is its place.
SIGNED = (NoteStatus.SIGNED, NoteStatus.AWAITING_COSIGN)
OWN_RULE = "A supervision packet is its author's working copy until it is exported."
OWN_REMEDY = "Ask its author to export it, or start your own from the client's chart."


def packet_refuse(*, actor: User, packet: Packet, action: str, rule: str, remedy: str) -> None:
    """Record a refusal in the audit log, then raise it."""
    audit_record(
        actor_id=actor.pk,
        action=f"{DataClass.CLINICAL}.{action}",
        outcome=Outcome.DENIED,
        resource_type=RESOURCE,
        resource_id=str(packet.pk),
        client_id=packet.client_id,
        rule=rule,
    )
    raise AccessDenied(rule, remedy)


def packet_own(*, actor: User, packet: Packet, action: str) -> None:
    if packet.author_id != actor.pk:
        packet_refuse(actor=actor, packet=packet, action=action, rule=OWN_RULE, remedy=OWN_REMEDY)


def packet_notes_offered(*, actor: User, client: Client) -> list[Note]:
    """The signed notes the actor may put in a packet: the chart's notes they may read, and
    psychotherapy notes they wrote themselves (never another author's)."""
    listing = decide(
        actor=actor,
        action=Action.READ,
        data_class=DataClass.CLINICAL,
        client_id=client.pk,
        resource_type="notes_list",
    )
    listing.require()
    notes = list(
        Note.objects.filter(client=client, status__in=SIGNED)
        .exclude(kind=NoteKind.PSYCHOTHERAPY)
        .order_by("signed_at")
    )
    if psychotherapy_area_open(actor=actor, client=client):
        own = psychotherapy_notes_list(actor=actor, client=client)
        notes += [n for n in own if n.author_id == actor.pk and n.status in SIGNED]
    return notes


def packet_known(*, actor: User, client: Client) -> Known:
    """The client's own identifiers, for record-aware de-identification."""
    demographics = decide(
        actor=actor,
        action=Action.READ,
        data_class=DataClass.DEMOGRAPHICS,
        client_id=client.pk,
        resource_type=RESOURCE,
    )
    demographics.require()
    known = Known()
    for sealed in (client.legal_name, client.preferred_name):
        if value := demographics.open(sealed):
            known.client.append(value)
    if employer := demographics.open(client.employer_or_school):
        known.employers.append(employer)
    if born := demographics.open(client.date_of_birth):
        try:
            known.dates_of_birth.append(date.fromisoformat(born))
        except ValueError:
            pass
    contact = decide(
        actor=actor,
        action=Action.READ,
        data_class=DataClass.CONTACT,
        client_id=client.pk,
        resource_type=RESOURCE,
    )
    if contact.allowed:
        for sealed, target in (
            (client.phone, known.phones),
            (client.email, known.emails),
            (client.address, known.addresses),
        ):
            if value := contact.open(sealed):
                target.append(value)
        for person in ClientContact.objects.filter(client=client):
            name = contact.open(person.name)
            relation = contact.open(person.relation) or person.kind
            if name:
                known.relatives.append(Person(name, relation))
            if phone := contact.open(person.phone):
                known.phones.append(phone)
    # Staff names are not the client's data: the care team's, from the staff list.
    team = CareTeamMember.objects.filter(client=client).select_related("staff")
    known.staff.extend(sorted({m.staff.full_name for m in team if m.staff.full_name}))
    known.others.extend(_co_participant_names(actor=actor, client=client))
    # The practice's own name says where the client is seen: masked wherever it appears.
    practice = practice_get()
    if practice is not None and practice.name.strip():
        known.organisations.append(practice.name)
    return known


def _co_participant_names(*, actor: User, client: Client) -> list[str]:
    """The legal and preferred names of everyone taking part now in the client's couple,
    family or group cases, each read by its own recorded decision on that person's
    demographics; a person whose names the actor may not read is left out."""
    cases = CaseParticipant.objects.filter(client=client).values("case_id")
    others = (
        CaseParticipant.objects.filter(case_id__in=cases, left_at__isnull=True)
        .exclude(client=client)
        .select_related("client")
        .order_by("client_id")
    )
    names: list[str] = []
    for participant in {p.client_id: p for p in others}.values():
        other = participant.client
        decision = decide(
            actor=actor,
            action=Action.READ,
            data_class=DataClass.DEMOGRAPHICS,
            client_id=other.pk,
            resource_type=RESOURCE,
        )
        if not decision.allowed:
            continue
        for sealed in (other.legal_name, other.preferred_name):
            if value := decision.open(sealed):
                names.append(value)
    return names


def _notes_of(packet: Packet) -> list[Note]:
    by_id = {str(n.pk): n for n in Note.objects.filter(pk__in=packet.note_ids)}
    return [by_id[i] for i in packet.note_ids if i in by_id]


def packet_decide(*, actor: User, packet: Packet, action: Action) -> Decision:
    """A recorded decision on the packet's own class (psychotherapy notes for a packet
    holding one: their author alone), made only for the packet's author. Reading and
    changing it go by the chart (still treating); exporting it by authorship, as for a
    note its author exports."""
    packet_own(actor=actor, packet=packet, action=action)
    apart = packet.apart
    return decide(
        actor=actor,
        action=action,
        data_class=DataClass.PSYCHOTHERAPY_NOTES if apart else DataClass.CLINICAL,
        client_id=packet.client_id,
        resource_type=RESOURCE,
        resource_id=packet.pk,
        author_id=packet.author_id if apart or action == Action.EXPORT else None,
    )


def packet_adjustments(*, actor: User, packet: Packet) -> Adjustments:
    decision = packet_decide(actor=actor, packet=packet, action=Action.READ)
    decision.require()
    sealed = packet.adjustments_apart if packet.apart else packet.adjustments
    return Adjustments.loads(decision.open(sealed))


def _note_text(read: dict[str, Any]) -> str:
    """The note as signed, then its addenda (a correction must travel with what it corrects)."""
    text = note_text(read["content"])
    for number, addendum in enumerate(read["addenda"], 1):
        text += f"\nAddendum {number}: {addendum.strip()}"
    return text


def packet_draft(*, actor: User, packet: Packet, adjustments: Adjustments | None = None) -> Draft:
    """The draft as it stands: the chosen notes read again (each read decided and recorded),
    de-identified with the client's own identifiers and the reviewer's adjustments."""
    if adjustments is None:
        adjustments = packet_adjustments(actor=actor, packet=packet)
    packet_own(actor=actor, packet=packet, action=Action.READ)
    texts = []
    for number, note in enumerate(_notes_of(packet), 1):
        read = note_read(actor=actor, note=note)
        texts.append((f"Note {number}: {note.get_kind_display()}", _note_text(read)))
    return draft_build(
        texts,
        known=packet_known(actor=actor, client=packet.client),
        adjustments=adjustments,
        offset_days=date_offset(packet.client_id),
    )


def packets_of(*, actor: User, client_id: UUID) -> list[Packet]:
    """The actor's own packets for this client (ids and states only, nothing sealed)."""
    return list(Packet.objects.filter(client_id=client_id, author=actor).order_by("-created_at"))


def packet_may_export(*, actor: User, packet: Packet) -> bool:
    """Still treating (or supervising) the client, by the table: a recorded read of the
    chart's clinical record. A packet leaves only with a current tie."""
    return decide(
        actor=actor,
        action=Action.READ,
        data_class=DataClass.CLINICAL,
        client_id=packet.client_id,
        resource_type=RESOURCE,
        resource_id=packet.pk,
    ).allowed
