"""Writing, signing and reading notes: every step through decide(), every read audited."""

import hashlib
import json
from collections.abc import Sequence
from datetime import date, datetime, time, timedelta
from typing import Any
from uuid import UUID

from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from alcove.access.decisions import AccessDenied, Decision
from alcove.access.policy import Action, DataClass
from alcove.access.services import decide
from alcove.accounts.models import Role, User
from alcove.audit.models import Outcome
from alcove.audit.services import audit_record
from alcove.clients.models import Client
from alcove.consent.models import DocumentKind
from alcove.consent.selectors import REQUIRED_FOR_NOTES, notes_consent_on_file
from alcove.notes.models import (
    Addendum,
    Note,
    NoteKind,
    NoteStatus,
    NoteVersion,
    PsychotherapyVersion,
)

SOAP = ("subjective", "objective", "assessment", "plan")


class NoteRefused(AccessDenied):
    """A note action refused by the note's state (signed notes are never edited)."""


class ConsentMissing(NoteRefused):
    """A note waits for the client's informed consent to treatment (each participant's,
    for a joint note: `missing` holds those who have none on file)."""

    def __init__(self, missing: Sequence[UUID] = (), participants: int = 1) -> None:
        document = DocumentKind(REQUIRED_FOR_NOTES).label
        who = "the client has"
        if participants > 1:
            who = f"every participant has ({len(missing)} of {participants} do not yet)"
        super().__init__(
            f"Consent first: a note is signed only when {who} '{document}' on file, "
            "signed and not revoked.",
            "Sign it with the client from the Consent section of the chart, or record a verbal "
            "consent there with its reason. The note stays a draft until then.",
        )
        self.missing = list(missing)


def consent_required(*, actor: User, client_ids: Sequence[UUID], resource: str) -> None:
    """Refuse, and record the refusal where no rollback takes it back, unless every client
    has an informed consent to treatment in force. Call it before the signing transaction."""
    missing = [c for c in client_ids if not notes_consent_on_file(c)]
    if not missing:
        return
    refused = ConsentMissing(missing, participants=len(client_ids))
    for client_id in missing:
        audit_record(
            actor_id=actor.pk,
            action="note.sign",
            outcome=Outcome.DENIED,
            resource_type=resource,
            client_id=client_id,
            rule=refused.rule,
        )
    raise refused


def _chart_of(note: Note) -> UUID:
    if note.client_id is None:
        raise NoteRefused("This is a joint session note.", "Open it from one participant's chart.")
    return note.client_id


def _decide(actor: User, note: Note, action: Action) -> Decision:
    _chart_of(note)
    return decide(
        actor=actor,
        action=action,
        data_class=DataClass(note.data_class),
        client_id=note.client_id,
        resource_type="note",
        resource_id=note.pk,
        author_id=note.author_id,
    )


def _parts(note: Note) -> tuple[str, ...]:
    if note.kind == NoteKind.PROGRESS:
        return SOAP
    return ("body",)


def _versions(note: Note) -> Any:
    model = PsychotherapyVersion if note.kind == NoteKind.PSYCHOTHERAPY else NoteVersion
    return model.objects.filter(note=note)


def note_create(*, actor: User, client: Client, kind: NoteKind) -> Note:
    """Start a draft. Only someone treating the client may write in their chart."""
    decide(
        actor=actor,
        action=Action.WRITE,
        data_class=DataClass.CLINICAL,
        client_id=client.pk,
        resource_type="note",
    ).require()
    return Note.objects.create(client=client, author=actor, kind=kind)


def note_save_draft(*, actor: User, note: Note, **parts: str) -> int:
    """Save the draft as a new version (every version is kept); returns its number."""
    _decide(actor, note, Action.WRITE).require()  # before the transaction: a refusal stays
    with transaction.atomic():
        return _draft_save(note, parts)


def _draft_save(note: Note, parts: dict[str, str]) -> int:
    note = Note.objects.select_for_update().get(pk=note.pk)
    if note.status != NoteStatus.DRAFT:
        raise NoteRefused(
            "A signed note is never edited.", "Add an addendum to correct or add to it."
        )
    unknown = set(parts) - set(_parts(note))
    if unknown:
        raise ValueError(f"A {note.kind} note has no {', '.join(sorted(unknown))}.")
    number = (_versions(note).aggregate(n=Max("number"))["n"] or 0) + 1
    model = PsychotherapyVersion if note.kind == NoteKind.PSYCHOTHERAPY else NoteVersion
    model.objects.create(
        note=note,
        client_id_copy=_chart_of(note),
        number=number,
        **{p: parts.get(p, "") for p in _parts(note)},
    )
    return number


def _content(decision: Decision, note: Note, version: Any) -> dict[str, str]:
    return {part: decision.open(getattr(version, part)) for part in _parts(note)}


def content_hash(content: dict[str, str]) -> str:
    canonical = json.dumps(content, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(canonical.encode()).hexdigest()


def note_sign(*, actor: User, note: Note) -> Note:
    """Sign the latest version: the note is locked; a trainee's then awaits co-signature.

    Only once the client has an informed consent to treatment in force (consent.selectors).
    """
    decision = _decide(actor, note, Action.SIGN)
    decision.require()
    consent_required(actor=actor, client_ids=[_chart_of(note)], resource="note")
    with transaction.atomic():
        return _sign(actor, note, decision)


def _sign(actor: User, note: Note, decision: Decision) -> Note:
    note = Note.objects.select_for_update().get(pk=note.pk)
    if note.status != NoteStatus.DRAFT:
        raise NoteRefused("This note is already signed.", "Add an addendum instead.")
    latest = _versions(note).order_by("-number").first()
    if latest is None:
        raise NoteRefused("An empty note cannot be signed.", "Save a draft first.")
    if not notes_consent_on_file(_chart_of(note)):
        raise ConsentMissing()
    trainee = actor.has_role(Role.TRAINEE) and not actor.has_role(Role.CLINICIAN)
    note.status = NoteStatus.AWAITING_COSIGN if trainee else NoteStatus.SIGNED
    note.signed_at = timezone.now()
    note.signed_version = latest.number
    note.content_hash = content_hash(_content(decision, note, latest))
    note.save()
    return note


def note_cosign(*, actor: User, note: Note) -> Note:
    """The supervisor co-signs a trainee's signed note."""
    _decide(actor, note, Action.SIGN).require()
    if actor.pk == note.author_id:
        raise NoteRefused("A co-signature must come from the trainee's supervisor.")
    with transaction.atomic():
        note = Note.objects.select_for_update().get(pk=note.pk)
        if note.status != NoteStatus.AWAITING_COSIGN:
            raise NoteRefused("This note is not awaiting a co-signature.")
        note.status, note.cosigned_by, note.cosigned_at = NoteStatus.SIGNED, actor, timezone.now()
        note.save()
    return note


def addendum_add(*, actor: User, note: Note, text: str) -> Addendum:
    note = Note.objects.get(pk=note.pk)  # its state now, not as the caller last saw it
    if note.status == NoteStatus.DRAFT:
        raise NoteRefused("A draft is edited, not amended.", "Save the draft instead.")
    if note.kind == NoteKind.PSYCHOTHERAPY:
        raise NoteRefused("Psychotherapy notes take no addenda.", "Write a new psychotherapy note.")
    _decide(actor, note, Action.WRITE).require()
    return Addendum.objects.create(
        note=note,
        client_id_copy=_chart_of(note),
        author=actor,
        body=text,
        content_hash=content_hash({"body": text}),
    )


def note_read(*, actor: User, note: Note) -> dict[str, Any]:
    """The note as plain values for this request: latest version and addenda."""
    decision = _decide(actor, note, Action.READ)
    decision.require()
    latest = _versions(note).order_by("-number").first()
    return {
        "kind": note.kind,
        "status": note.status,
        "content": _content(decision, note, latest) if latest else {},
        "addenda": decision.open_many(note.addenda.order_by("written_at"), "body"),
    }


def note_signed_read(
    *, decision: Decision, note: Note, addenda_until: date | None = None
) -> dict[str, Any]:
    """What was signed (that version, not a later draft) and its addenda (those written up
    to a day, when given), opened by a decision the caller made and recorded for this
    client's notes (a release package)."""
    version = _versions(note).get(number=note.signed_version)
    addenda = note.addenda.order_by("written_at")
    if addenda_until is not None:
        zone = timezone.get_current_timezone()
        addenda = addenda.filter(
            written_at__lt=datetime.combine(addenda_until + timedelta(days=1), time.min, zone)
        )
    return {
        "content": _content(decision, note, version),
        "addenda": decision.open_many(addenda, "body"),
    }
