import pytest
from django.db import connection

from alcove.access.decisions import AccessDenied
from alcove.audit.models import AuditEvent
from alcove.notes.models import Note, NoteKind, NoteStatus, NoteVersion
from alcove.notes.services import (
    NoteRefused,
    addendum_add,
    content_hash,
    note_cosign,
    note_create,
    note_read,
    note_save_draft,
    note_sign,
)

SOAP = {
    "subjective": "Reports sleeping four hours; worry about the custody hearing.",
    "objective": "Tearful at times; speech normal; oriented.",
    "assessment": "Adjustment disorder with anxiety, stable.",
    "plan": "Continue weekly CBT; sleep diary.",
}


@pytest.fixture
def signed_note(practice_staff):
    s = practice_staff
    note = note_create(actor=s["clinician"], client=s["client"], kind=NoteKind.PROGRESS)
    note_save_draft(actor=s["clinician"], note=note, **SOAP)
    return note_sign(actor=s["clinician"], note=note)


def test_soap_parts_are_stored_sealed_and_read_back_by_the_care_team(practice_staff, signed_note):
    with connection.cursor() as cursor:
        cursor.execute("SELECT subjective, plan FROM notes_noteversion")
        stored = b"".join(bytes(v) for v in cursor.fetchone())
    assert b"custody" not in stored and b"CBT" not in stored
    for who in ("clinician", "co", "trainee", "supervisor"):
        assert note_read(actor=practice_staff[who], note=signed_note)["content"] == SOAP


@pytest.mark.parametrize("who", ["desk", "billing", "owner", "stranger"])
def test_front_desk_billing_owner_and_strangers_cannot_read_progress_notes(
    practice_staff, signed_note, who
):
    with pytest.raises(AccessDenied):
        note_read(actor=practice_staff[who], note=signed_note)


def test_every_draft_version_is_kept(practice_staff):
    s = practice_staff
    note = note_create(actor=s["clinician"], client=s["client"], kind=NoteKind.PROGRESS)
    note_save_draft(actor=s["clinician"], note=note, subjective="first")
    note_save_draft(actor=s["clinician"], note=note, subjective="second")
    assert list(NoteVersion.objects.filter(note=note).values_list("number", flat=True)) == [1, 2]
    assert note_read(actor=s["clinician"], note=note)["content"]["subjective"] == "second"


def test_signing_locks_the_note_and_records_signer_time_and_hash(practice_staff, signed_note):
    s = practice_staff
    assert signed_note.status == NoteStatus.SIGNED and signed_note.signed_at
    assert signed_note.author == s["clinician"] and signed_note.signed_version == 1
    assert signed_note.content_hash == content_hash(SOAP)
    with pytest.raises(NoteRefused, match="never edited"):
        note_save_draft(actor=s["clinician"], note=signed_note, plan="changed")
    assert NoteVersion.objects.filter(note=signed_note).count() == 1


def test_after_signing_corrections_are_addenda(practice_staff, signed_note):
    s = practice_staff
    addendum_add(actor=s["clinician"], note=signed_note, text="Correction: sleep is five hours.")
    read = note_read(actor=s["co"], note=signed_note)
    assert read["addenda"] == ["Correction: sleep is five hours."] and read["content"] == SOAP


def test_a_draft_takes_no_addendum_and_only_its_author_edits_it(practice_staff):
    s = practice_staff
    note = note_create(actor=s["clinician"], client=s["client"], kind=NoteKind.PROGRESS)
    with pytest.raises(NoteRefused):
        addendum_add(actor=s["clinician"], note=note, text="x")
    with pytest.raises(AccessDenied):
        note_sign(actor=s["co"], note=note)


def test_a_stranger_cannot_start_a_note_in_the_chart(practice_staff):
    with pytest.raises(AccessDenied):
        note_create(
            actor=practice_staff["stranger"],
            client=practice_staff["client"],
            kind=NoteKind.PROGRESS,
        )
    assert not Note.objects.exists()


def test_a_trainees_note_needs_the_supervisors_co_signature(practice_staff):
    s = practice_staff
    note = note_create(actor=s["trainee"], client=s["client"], kind=NoteKind.PROGRESS)
    note_save_draft(actor=s["trainee"], note=note, **SOAP)
    note = note_sign(actor=s["trainee"], note=note)
    assert note.status == NoteStatus.AWAITING_COSIGN
    with pytest.raises(AccessDenied):
        note_cosign(actor=s["co"], note=note)
    note = note_cosign(actor=s["supervisor"], note=note)
    assert note.status == NoteStatus.SIGNED and note.cosigned_by == s["supervisor"]


@pytest.mark.parametrize("who", ["stranger", "desk", "owner"])
def test_a_refused_signature_edit_or_co_signature_stays_in_the_audit_log(practice_staff, who):
    s = practice_staff
    note = note_create(actor=s["clinician"], client=s["client"], kind=NoteKind.PROGRESS)
    note_save_draft(actor=s["clinician"], note=note, **SOAP)
    attempts = [
        lambda: note_save_draft(actor=s[who], note=note, **SOAP),
        lambda: note_sign(actor=s[who], note=note),
        lambda: note_cosign(actor=s[who], note=note),
    ]
    for attempt in attempts:
        with pytest.raises(AccessDenied):
            attempt()
    refused = AuditEvent.objects.filter(actor_id=s[who].pk, outcome="denied", resource_id=note.pk)
    assert refused.count() == len(attempts)
    note.refresh_from_db()
    assert note.status == NoteStatus.DRAFT
