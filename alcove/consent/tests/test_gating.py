import pytest

from alcove.audit.models import AuditEvent, Outcome
from alcove.consent.models import ConsentRecord, DocumentKind
from alcove.consent.services import (
    ConsentRefused,
    consent_draft_start,
    consent_revoke,
    consent_sign,
    consent_verbal_record,
    consent_version_publish,
    consent_version_save,
)
from alcove.notes.models import Note, NoteKind, NoteStatus
from alcove.notes.services import ConsentMissing, note_create, note_save_draft, note_sign

from .conftest import complete


def draft(team, kind=NoteKind.PROGRESS):
    note = note_create(actor=team["clinician"], client=team["client"], kind=kind)
    part = {"plan": "Weekly."} if kind == NoteKind.PROGRESS else {"body": "Hunch."}
    note_save_draft(actor=team["clinician"], note=note, **part)
    return note


def signs(team, note):
    return note_sign(actor=team["clinician"], note=note).status == NoteStatus.SIGNED


def sign_consent(team, version):
    return consent_sign(
        actor=team["clinician"],
        client=team["client"],
        version=version,
        typed_name="Agnieszka Wolanski",
        agreed=True,
    )


@pytest.mark.parametrize("kind", [NoteKind.PROGRESS, NoteKind.INTAKE, NoteKind.PSYCHOTHERAPY])
def test_a_note_cannot_be_signed_without_informed_consent(team, published, kind):
    note = draft(team, kind)
    with pytest.raises(ConsentMissing) as refused:
        note_sign(actor=team["clinician"], note=note)
    assert "Informed consent to treatment" in refused.value.rule  # names the document
    assert "Sign it with the client" in refused.value.remedy
    assert "verbal consent" in refused.value.remedy
    assert Note.objects.get(pk=note.pk).status == NoteStatus.DRAFT


def test_a_note_refused_for_want_of_consent_is_in_the_audit_log(team, published):
    note = draft(team)
    with pytest.raises(ConsentMissing):
        note_sign(actor=team["clinician"], note=note)
    refusal = AuditEvent.objects.get(action="note.sign", outcome=Outcome.DENIED)
    assert refusal.actor_id == team["clinician"].pk and "Consent first" in refusal.rule


def test_a_signed_informed_consent_lets_the_note_be_signed(team, published):
    sign_consent(team, published[DocumentKind.TREATMENT])
    assert signs(team, draft(team))


def test_another_document_does_not_stand_in_for_informed_consent(team, published):
    sign_consent(team, published[DocumentKind.PRIVACY_NOTICE])
    with pytest.raises(ConsentMissing):
        note_sign(actor=team["clinician"], note=draft(team))


def test_a_revoked_consent_no_longer_lets_notes_be_signed(team, published):
    record = sign_consent(team, published[DocumentKind.TREATMENT])
    consent_revoke(actor=team["clinician"], record=record)
    with pytest.raises(ConsentMissing):
        note_sign(actor=team["clinician"], note=draft(team))


def test_a_documented_verbal_consent_stands_in_and_is_audited(team, published):
    record = consent_verbal_record(
        actor=team["clinician"],
        client=team["client"],
        version=published[DocumentKind.TREATMENT],
        reason="Telephone session; read aloud and agreed.",
    )
    event = AuditEvent.objects.get(resource_type="consent_verbal")
    assert event.action == "consent.write" and event.resource_id == str(record.pk)
    assert "Telephone" not in f"{event.rule} {event.reason}"
    assert str(ConsentRecord.objects.get(pk=record.pk).reason) == "<sealed>"
    assert signs(team, draft(team))


def test_a_verbal_consent_needs_its_reason(team, published):
    with pytest.raises(ConsentRefused, match="only with its reason documented"):
        consent_verbal_record(
            actor=team["clinician"],
            client=team["client"],
            version=published[DocumentKind.TREATMENT],
            reason=" ",
        )


def test_a_consent_to_an_earlier_version_still_counts_after_the_wording_changes(team, published):
    owner, first = team["owner"], published[DocumentKind.TREATMENT]
    sign_consent(team, first)
    second = consent_draft_start(actor=owner, document=first.document)
    consent_version_save(actor=owner, version=second, text=complete(second.text) + "\nNew.")
    consent_version_publish(actor=owner, version=second)
    assert signs(team, draft(team))


def test_the_note_page_keeps_the_draft_and_says_what_is_missing(team, published, signed_in):
    note = note_create(actor=team["clinician"], client=team["client"], kind=NoteKind.PROGRESS)
    browser = signed_in(team["clinician"])
    response = browser.post(f"/notes/{note.pk}/", {"verb": "sign", "plan": "Weekly."}, follow=True)
    html = response.content.decode()
    assert "Draft saved, not signed." in html and "Informed consent to treatment" in html
    assert Note.objects.get(pk=note.pk).status == NoteStatus.DRAFT
