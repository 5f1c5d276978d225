import pytest

from alcove.access.decisions import AccessDenied
from alcove.encryption.crypto import key_version_of
from alcove.encryption.models import DataKey
from alcove.notes.models import NoteKind, NoteStatus, PsychotherapyVersion
from alcove.notes.services import (
    NoteRefused,
    addendum_add,
    note_cosign,
    note_create,
    note_read,
    note_save_draft,
    note_sign,
)

PROCESS = "My countertransference: irritation when she mentions her father."


@pytest.fixture
def process_note(practice_staff):
    s = practice_staff
    note = note_create(actor=s["trainee"], client=s["client"], kind=NoteKind.PSYCHOTHERAPY)
    note_save_draft(actor=s["trainee"], note=note, body=PROCESS)
    return note


def test_psychotherapy_notes_are_sealed_under_their_own_key(practice_staff, process_note):
    version = PsychotherapyVersion.objects.get(note=process_note)
    assert key_version_of(version.body.ciphertext) == 1
    purposes = set(
        DataKey.objects.filter(client_id=practice_staff["client"].pk).values_list(
            "purpose", flat=True
        )
    )
    assert purposes == {"record", "psychotherapy"}


def test_the_author_and_the_trainees_supervisor_read_it(practice_staff, process_note):
    for who in ("trainee", "supervisor"):
        assert note_read(actor=practice_staff[who], note=process_note)["content"] == {
            "body": PROCESS
        }


@pytest.mark.parametrize("who", ["clinician", "co", "owner", "desk", "stranger"])
def test_nobody_else_reads_it_not_even_the_primary_clinician_or_the_owner(
    practice_staff, process_note, who
):
    with pytest.raises(AccessDenied):
        note_read(actor=practice_staff[who], note=process_note)


def test_it_can_be_signed_but_takes_no_addenda(practice_staff, process_note):
    note = note_sign(actor=practice_staff["trainee"], note=process_note)
    with pytest.raises(NoteRefused):
        addendum_add(actor=practice_staff["trainee"], note=note, text="more")


def test_a_trainees_psychotherapy_note_is_signed_once_their_supervisor_cosigns(
    practice_staff, process_note
):
    note = note_sign(actor=practice_staff["trainee"], note=process_note)
    assert note.status == NoteStatus.AWAITING_COSIGN
    note = note_cosign(actor=practice_staff["supervisor"], note=note)
    assert note.status == NoteStatus.SIGNED
    assert note.cosigned_by == practice_staff["supervisor"]


@pytest.mark.parametrize("who", ["clinician", "co", "owner"])
def test_nobody_but_the_trainees_supervisor_cosigns_a_psychotherapy_note(
    practice_staff, process_note, who
):
    note = note_sign(actor=practice_staff["trainee"], note=process_note)
    with pytest.raises(AccessDenied):
        note_cosign(actor=practice_staff[who], note=note)
