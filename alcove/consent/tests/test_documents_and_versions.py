import pytest

from alcove.audit.models import AuditEvent
from alcove.consent.models import ConsentDocument, ConsentVersion, DocumentKind, VersionStatus
from alcove.consent.services import (
    ConsentRefused,
    consent_draft_start,
    consent_starter_load,
    consent_version_publish,
    consent_version_save,
    text_hash,
)
from alcove.consent.starter import MARKER

from .conftest import complete

LIMITS = (
    "Abuse or neglect of a child",
    "older adult or a dependent adult",
    "Duty to warn and protect",
    "Court orders",
    "Insurance and payment",
    "Supervision and consultation",
    "Emergencies",
    "Minors and their parents or guardians",
    "Couples, families and groups",
    "Electronic communication",
)


def test_the_starter_set_loads_every_document_as_a_draft_and_only_once(team):
    assert consent_starter_load(actor=team["owner"]) == 5
    assert consent_starter_load(actor=team["owner"]) == 0
    assert {d.kind for d in ConsentDocument.objects.all()} == set(DocumentKind)
    assert set(ConsentVersion.objects.values_list("status", flat=True)) == {VersionStatus.DRAFT}
    assert AuditEvent.objects.filter(action="consent_document.starter_load").count() == 2


def test_the_informed_consent_names_every_limit_of_confidentiality(team):
    consent_starter_load(actor=team["owner"])
    text = ConsentVersion.objects.get(document__kind=DocumentKind.TREATMENT).text
    for limit in LIMITS:
        assert limit in text, limit
    assert MARKER in text  # jurisdiction-specific passages are left to the practice


def test_a_draft_with_passages_left_to_complete_is_not_published(team):
    consent_starter_load(actor=team["owner"])
    draft = ConsentVersion.objects.get(document__kind=DocumentKind.TELEHEALTH)
    with pytest.raises(ConsentRefused, match="PRACTICE TO COMPLETE") as refused:
        consent_version_publish(actor=team["owner"], version=draft)
    assert "Replace each marked passage" in refused.value.remedy


def test_publishing_fixes_the_text_and_its_sha256(published):
    version = published[DocumentKind.TREATMENT]
    assert version.status == VersionStatus.PUBLISHED and version.published_at
    assert version.text_hash == text_hash(version.text)


def test_a_published_version_cannot_be_edited(team, published):
    version = published[DocumentKind.TREATMENT]
    with pytest.raises(ConsentRefused, match="A published consent version is never edited") as r:
        consent_version_save(actor=team["owner"], version=version, text="Changed.")
    assert "Start a new draft" in r.value.remedy
    version.refresh_from_db()
    assert version.text_hash == text_hash(version.text) and "Changed." not in version.text


def test_a_new_draft_starts_from_the_published_text_as_the_next_version(team, published):
    owner, document = team["owner"], published[DocumentKind.TREATMENT].document
    draft = consent_draft_start(actor=owner, document=document)
    assert draft.number == 2 and draft.status == VersionStatus.DRAFT
    assert draft.text == published[DocumentKind.TREATMENT].text
    assert consent_draft_start(actor=owner, document=document) == draft  # one draft at a time
    consent_version_save(actor=owner, version=draft, text=complete(draft.text) + "\nAdded.")
    assert consent_version_publish(actor=owner, version=draft).number == 2


@pytest.mark.parametrize("who", ["clinician", "desk"])
def test_only_the_owner_edits_consent_documents_and_the_refusal_is_audited(team, who):
    consent_starter_load(actor=team["owner"])
    draft = ConsentVersion.objects.first()
    with pytest.raises(ConsentRefused, match="Only the practice owner"):
        consent_version_save(actor=team[who], version=draft, text="Mine now.")
    denied = AuditEvent.objects.get(action="consent_version.save", outcome="denied")
    assert denied.actor_id == team[who].pk and "Mine now" not in denied.rule
