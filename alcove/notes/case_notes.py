"""Joint session notes for couples, families and groups.

The author writes one shared account of the session and a part for each participant.
Every participant's chart receives its own sealed copy of the shared account and only
their own part. In a group the shared account, and each member's part, may name no other
member: Alcove knows the members' names and refuses a note that does.
"""

import re
from uuid import UUID

from django.db import transaction
from django.utils import timezone

from alcove.access.policy import Action, DataClass
from alcove.access.services import decide
from alcove.accounts.models import Role, User
from alcove.clients.models import Case, CaseKind, Client
from alcove.encryption.blind_index import name_normalise
from alcove.notes.models import CaseNoteEntry, Note, NoteKind, NoteStatus
from alcove.notes.services import NoteRefused, consent_required, content_hash


def _decide(actor: User, client: Client, action: Action, note: Note | None = None) -> None:
    decide(
        actor=actor,
        action=action,
        data_class=DataClass.CLINICAL,
        client_id=client.pk,
        resource_type="case_note",
        resource_id=note.pk if note else "",
    ).require()


def case_open(*, actor: User, kind: CaseKind, clients: list[Client], label: str = "") -> Case:
    """Open a couple, family or group case; the author must treat every participant."""
    for client in clients:
        _decide(actor, client, Action.WRITE)
    with transaction.atomic():
        case = Case.objects.create(kind=kind, label=label, primary_clinician=actor)
        for client in clients:
            case.participants.create(client=client)
    return case


def _name_words(actor: User, client: Client) -> set[str]:
    decision = decide(
        actor=actor,
        action=Action.READ,
        data_class=DataClass.DEMOGRAPHICS,
        client_id=client.pk,
        resource_type="group_name_check",
    )
    names = (decision.open(client.legal_name), decision.open(client.preferred_name))
    return {word for name in names for word in name_normalise(name).split() if len(word) > 1}


def _names_someone(text: str, words: set[str]) -> bool:
    said = set(re.findall(r"\w+", name_normalise(text)))
    return bool(said & words)


def _group_check(actor: User, members: list[Client], shared: str, parts: dict[UUID, str]) -> None:
    words = {m.pk: _name_words(actor, m) for m in members}
    if any(_names_someone(shared, w) for w in words.values()):
        raise NoteRefused(
            "The shared part of a group note names a member.",
            "Write about members only in their own parts, without naming anyone else.",
        )
    for member in members:
        others = set().union(*(w for pk, w in words.items() if pk != member.pk))
        if _names_someone(parts.get(member.pk, ""), others):
            raise NoteRefused(
                "A member's part of a group note names another member.",
                "Each member's part may speak only of that member.",
            )


def case_note_write(*, actor: User, case: Case, shared: str, parts: dict[UUID, str]) -> Note:
    """Write and sign a joint session note; each current participant gets their own sealed
    copy (one who has left gets none)."""
    members = [p.client for p in case.participants.filter(left_at__isnull=True)]
    for client in members:
        _decide(actor, client, Action.WRITE)
    if case.kind == CaseKind.GROUP:
        _group_check(actor, members, shared, parts)
    consent_required(actor=actor, client_ids=[m.pk for m in members], resource="case_note")
    trainee = actor.has_role(Role.TRAINEE) and not actor.has_role(Role.CLINICIAN)
    with transaction.atomic():
        note = Note.objects.create(
            case=case,
            author=actor,
            kind=NoteKind.PROGRESS,
            status=NoteStatus.AWAITING_COSIGN if trainee else NoteStatus.SIGNED,
            signed_at=timezone.now(),
            signed_version=1,
            content_hash=content_hash({"shared": shared, **{str(k): v for k, v in parts.items()}}),
        )
        for client in members:
            CaseNoteEntry.objects.create(
                note=note,
                client=client,
                number=1,
                shared=shared,
                individual=parts.get(client.pk, ""),
            )
    return note


def case_note_read_for(*, actor: User, note: Note, client: Client) -> dict[str, str]:
    """What this client's chart shows of a joint note: the shared account and their part."""
    decision = decide(
        actor=actor,
        action=Action.READ,
        data_class=DataClass.CLINICAL,
        client_id=client.pk,
        resource_type="case_note",
        resource_id=note.pk,
    )
    decision.require()
    entry = CaseNoteEntry.objects.filter(note=note, client=client).order_by("-number").first()
    if entry is None:
        raise NoteRefused("This client took no part in that session.")
    return {"shared": decision.open(entry.shared), "individual": decision.open(entry.individual)}
