from datetime import date, datetime, timedelta

import pytest
from django.utils import timezone

from alcove.accounts.models import Role
from alcove.clients.models import CareTeamMember, CareTeamRole
from alcove.clients.services import client_create
from alcove.conftest import consent_on_file
from alcove.consent.authorizations import Elements, authorization_record
from alcove.disclosures.scope import ReleaseClass
from alcove.notes.models import Note, NoteKind
from alcove.notes.services import note_create, note_save_draft, note_sign

TODAY = timezone.localdate()  # the practice's day, as the code reckons it
EARLY, MIDDLE, LATE = (
    TODAY - timedelta(days=90),
    TODAY - timedelta(days=40),
    TODAY - timedelta(days=5),
)


def written_on(note: Note, day: date) -> Note:
    """Back-date a note, as if it had been written on that day."""
    moment = timezone.make_aware(datetime.combine(day, datetime.min.time()).replace(hour=10))
    Note.objects.filter(pk=note.pk).update(created_at=moment)
    return Note.objects.get(pk=note.pk)


def signed_note(author, client, kind, day, **parts):
    note = note_create(actor=author, client=client, kind=kind)
    note_save_draft(actor=author, note=note, **parts)
    note_sign(actor=author, note=note)
    return written_on(note, day)


@pytest.fixture
def chart(make_staff):
    """A client with consent on file and signed notes on three days, one draft, and a
    psychotherapy note by their clinician."""
    staff = {
        "clinician": make_staff(Role.CLINICIAN, name="Clara Ibsen"),
        "co": make_staff(Role.CLINICIAN, name="Colm Reyes"),
        "owner": make_staff(Role.OWNER),
        "desk": make_staff(Role.FRONT_DESK),
        "trainee": make_staff(Role.TRAINEE),
        "stranger": make_staff(Role.CLINICIAN),
    }
    client = client_create(
        actor_id=None, legal_name="Agnieszka Wolanski", date_of_birth=date(1984, 3, 9)
    )
    CareTeamMember.objects.create(
        client=client, staff=staff["clinician"], role=CareTeamRole.PRIMARY
    )
    for who in ("co", "trainee"):
        CareTeamMember.objects.create(
            client=client, staff=staff[who], role=CareTeamRole.CO_THERAPIST
        )
    consent_on_file(client)
    author = staff["clinician"]
    staff["intake"] = signed_note(
        author, client, NoteKind.INTAKE, EARLY, body="Intake: low mood since the move."
    )
    staff["progress_early"] = signed_note(
        author, client, NoteKind.PROGRESS, EARLY, subjective="Early session: sleep poor."
    )
    staff["progress_middle"] = signed_note(
        author, client, NoteKind.PROGRESS, MIDDLE, assessment="Middle session: improving."
    )
    staff["progress_late"] = signed_note(
        author, client, NoteKind.PROGRESS, LATE, plan="Late session: taper to fortnightly."
    )
    draft = note_create(actor=author, client=client, kind=NoteKind.PROGRESS)
    note_save_draft(actor=author, note=draft, plan="Draft never leaves.")
    written_on(draft, MIDDLE)
    staff["psychotherapy"] = signed_note(
        author, client, NoteKind.PSYCHOTHERAPY, MIDDLE, body="Process note: countertransference."
    )
    staff["client"] = client
    return staff


def authorize(chart, *classes, start=EARLY, end=TODAY, actor=None, **more):
    elements = Elements(
        recipient=more.pop("recipient", "Dr Oren Blum, 4 Quay Street, Portsmouth"),
        purpose=more.pop("purpose", "Continuity of care"),
        classes=[str(c) for c in classes] or [ReleaseClass.PROGRESS],
        covers_from=start,
        covers_to=end,
        expires_on=more.pop("expires_on", TODAY + timedelta(days=180)),
        expiry_event=more.pop("expiry_event", ""),
    )
    return authorization_record(
        actor=actor or chart["clinician"],
        client=chart["client"],
        elements=elements,
        paper_signed_by=more.pop("paper_signed_by", "Agnieszka Wolanski"),
        **more,
    )
