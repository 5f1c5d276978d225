"""Reads of the psychotherapy-notes area: kept apart from the record, open to its authors.

That a psychotherapy note exists is itself psychotherapy-note information. The area is
offered only to someone who may keep such notes in this chart (a clinician or trainee
treating the client) or who supervises a trainee on its care team; inside it each author's
list is a decision recorded in the audit log, and nobody's list holds another's notes.
"""

from collections.abc import Sequence
from datetime import date, datetime, time, timedelta

from django.db.models import QuerySet
from django.utils import timezone

from alcove.access.decisions import AccessDenied
from alcove.access.policy import Action, DataClass, Relationship
from alcove.access.services import decide, permitted
from alcove.accounts.models import User
from alcove.audit.models import Outcome
from alcove.audit.services import audit_record
from alcove.clients.models import Client
from alcove.clients.selectors import relationship_of, supervisees_of
from alcove.notes.models import Note, NoteKind, NoteStatus

AREA_RULE = (
    "Psychotherapy notes are open to their author alone, and to a trainee author's "
    "supervisor (alcove access matrix)."
)
AREA_REMEDY = (
    "A clinician or trainee on the client's care team keeps their own here; no other role, "
    "the owner included, and no break-the-glass opens them."
)
SUPERVISING = frozenset({Relationship.SUPERVISES_AUTHOR, Relationship.SUPERVISES_CARE_TEAM})


def _standing(actor: User, client: Client, relationship: Relationship) -> tuple[bool, bool]:
    """(keeps their own here, supervises a trainee here), from the table; records nothing."""

    def may(action: Action, data_class: DataClass, standing: Relationship) -> bool:
        return permitted(
            actor=actor,
            action=action,
            data_class=data_class,
            client_id=client.pk,
            relationship=standing,
        )

    keeps_own = may(Action.WRITE, DataClass.CLINICAL, relationship) and may(
        Action.WRITE, DataClass.PSYCHOTHERAPY_NOTES, Relationship.AUTHOR
    )
    supervises = relationship in SUPERVISING and may(
        Action.READ, DataClass.PSYCHOTHERAPY_NOTES, Relationship.SUPERVISES_AUTHOR
    )
    return keeps_own, supervises


def psychotherapy_area_open(
    *, actor: User, client: Client, relationship: Relationship | None = None
) -> bool:
    """Whether to offer the area at all (a link, a page). Opens nothing, so records nothing."""
    if relationship is None:
        relationship = relationship_of(actor_id=actor.pk, client_id=client.pk)
    return any(_standing(actor, client, relationship))


def psychotherapy_note_may_start(*, actor: User, client: Client) -> bool:
    """Whether to offer "start a psychotherapy note" (note_create decides when it is used)."""
    relationship = relationship_of(actor_id=actor.pk, client_id=client.pk)
    return _standing(actor, client, relationship)[0]


def _psychotherapy_notes(client: Client) -> QuerySet[Note]:
    return Note.objects.filter(client=client, kind=NoteKind.PSYCHOTHERAPY)


def psychotherapy_notes_list(*, actor: User, client: Client) -> list[Note]:
    """The psychotherapy notes in this chart the actor may read: their own and their trainees'.

    Refused, and recorded, for anyone the area is not offered to.
    """
    relationship = relationship_of(actor_id=actor.pk, client_id=client.pk)
    keeps_own, supervises = _standing(actor, client, relationship)
    if not (keeps_own or supervises):
        audit_record(
            actor_id=actor.pk,
            action=f"{DataClass.PSYCHOTHERAPY_NOTES}.{Action.READ}",
            outcome=Outcome.DENIED,
            resource_type="psychotherapy_notes_list",
            client_id=client.pk,
            rule=AREA_RULE,
        )
        raise AccessDenied(AREA_RULE, AREA_REMEDY)
    # Their own, and those their trainees wrote; decide() has the last word on each author.
    trainees = _psychotherapy_notes(client).filter(author_id__in=supervisees_of(actor.pk))
    authors = set(trainees.values_list("author_id", flat=True))
    if keeps_own:
        authors.add(actor.pk)
    readable: list[int] = []
    for author_id in sorted(authors):
        decision = decide(
            actor=actor,
            action=Action.READ,
            data_class=DataClass.PSYCHOTHERAPY_NOTES,
            client_id=client.pk,
            resource_type="psychotherapy_notes_list",
            resource_id=author_id,
            author_id=author_id,
        )
        if decision.allowed:
            readable.append(author_id)
    notes = _psychotherapy_notes(client).filter(author_id__in=readable)
    return list(notes.select_related("author").order_by("-created_at"))


def notes_signed_between(
    *, client: Client, kinds: Sequence[str], start: date, end: date, author_id: int | None = None
) -> list[Note]:
    """Signed notes of these kinds written from start to end (inclusive), oldest first: what
    a release can hold. Drafts, and notes awaiting a co-signature, never leave."""
    zone = timezone.get_current_timezone()
    since = datetime.combine(start, time.min, tzinfo=zone)
    until = datetime.combine(end + timedelta(days=1), time.min, tzinfo=zone)
    notes = Note.objects.filter(
        client=client,
        kind__in=list(kinds),
        status=NoteStatus.SIGNED,
        created_at__gte=since,
        created_at__lt=until,
    )
    if author_id is not None:
        notes = notes.filter(author_id=author_id)
    return list(notes.select_related("author").order_by("created_at"))
