from datetime import date

import pytest
from django.db import connection
from django.utils import timezone

from alcove.access.decisions import AccessDenied
from alcove.accounts.models import Practice
from alcove.audit.models import AuditEvent
from alcove.clients.models import CareTeamMember, CareTeamRole, CaseKind, ContactKind
from alcove.clients.services import client_contact_add, client_create
from alcove.consent.models import ConsentMethod, ConsentRecord, DocumentKind, SignerRole
from alcove.consent.services import (
    ConsentRefused,
    consent_read,
    consent_revoke,
    consent_sign,
    consent_starter_load,
    consent_verbal_record,
    text_hash,
)
from alcove.notes.case_notes import case_open

NAME = "Agnieszka Wolanski"


def sign(team, version, **kwargs):
    arguments = {"typed_name": NAME, "agreed": True, **kwargs}
    return consent_sign(
        actor=team["clinician"], client=team["client"], version=version, **arguments
    )


def test_a_signature_records_name_time_version_hash_and_witness(team, published):
    version = published[DocumentKind.TREATMENT]
    record = sign(team, version)
    assert record.method == ConsentMethod.SIGNED and record.signer_role == SignerRole.CLIENT
    assert record.version == version and record.recorded_at
    assert record.text_hash == text_hash(version.text) == version.text_hash
    assert record.recorded_by == team["clinician"]
    copy = consent_read(actor=team["clinician"], record=record)
    assert copy["typed_name"] == NAME and copy["hash_matches"]


def test_the_typed_name_is_stored_sealed(team, published):
    record = sign(team, published[DocumentKind.TREATMENT])
    stored = ConsentRecord.objects.get(pk=record.pk)
    assert str(stored.typed_name) == "<sealed>"
    with connection.cursor() as cursor:
        cursor.execute("SELECT typed_name FROM consent_consentrecord")
        (raw,) = cursor.fetchone()
    assert NAME.encode() not in bytes(raw)


def test_signing_and_reading_are_audited_without_the_name(team, published):
    record = sign(team, published[DocumentKind.TREATMENT])
    consent_read(actor=team["clinician"], record=record)
    signing = AuditEvent.objects.get(action="consent.write", resource_type="consent_signature")
    reading = AuditEvent.objects.get(action="consent.read", resource_type="consent_record")
    assert signing.resource_id == reading.resource_id == str(record.pk)
    for event in AuditEvent.objects.all():
        assert "Wolanski" not in f"{event.rule} {event.reason} {event.resource_id}"


def test_a_signature_needs_the_box_ticked_and_a_typed_name(team, published):
    version = published[DocumentKind.TREATMENT]
    with pytest.raises(ConsentRefused, match="box ticked"):
        sign(team, version, agreed=False)
    with pytest.raises(ConsentRefused, match="name typed in full"):
        sign(team, version, typed_name="   ")
    assert not ConsentRecord.objects.exists()


def test_only_a_published_version_is_signed(team):
    consent_starter_load(actor=team["owner"])
    from alcove.consent.models import ConsentVersion

    draft = ConsentVersion.objects.get(document__kind=DocumentKind.TREATMENT)
    with pytest.raises(ConsentRefused, match="Only a published consent version"):
        sign(team, draft)


def test_a_clinician_outside_the_care_team_cannot_take_the_consent(team, published):
    with pytest.raises(AccessDenied, match="Need to know"):
        consent_sign(
            actor=team["stranger"],
            client=team["client"],
            version=published[DocumentKind.TREATMENT],
            typed_name=NAME,
            agreed=True,
        )
    refusal = AuditEvent.objects.get(resource_type="consent_signature")
    assert refusal.outcome == "denied" and refusal.actor_id == team["stranger"].pk


def test_front_desk_neither_takes_nor_reads_a_consent(team, published):
    record = sign(team, published[DocumentKind.TREATMENT])
    with pytest.raises(ConsentRefused, match="clinician or trainee"):
        sign({**team, "clinician": team["desk"]}, published[DocumentKind.TELEHEALTH])
    with pytest.raises(AccessDenied, match="Need to know"):
        consent_read(actor=team["desk"], record=record)


@pytest.fixture
def minor(team):
    child = client_create(actor_id=None, legal_name="Milo Park", date_of_birth=date(2019, 5, 1))
    CareTeamMember.objects.create(client=child, staff=team["clinician"], role=CareTeamRole.PRIMARY)
    guardian = client_contact_add(
        actor=team["clinician"],
        client=child,
        kind=ContactKind.GUARDIAN,
        name="Hana Park",
        relation="mother",
    )
    return child, guardian


def test_a_guardian_signs_for_a_minor(team, published, minor):
    child, guardian = minor
    version = published[DocumentKind.TREATMENT]
    with pytest.raises(ConsentRefused, match="a guardian signs") as refused:
        consent_sign(
            actor=team["clinician"], client=child, version=version, typed_name="Milo", agreed=True
        )
    assert "Choose the guardian" in refused.value.remedy
    record = consent_sign(
        actor=team["clinician"],
        client=child,
        version=version,
        typed_name="Hana Park",
        agreed=True,
        guardian=guardian,
    )
    assert record.signer_role == SignerRole.GUARDIAN and record.guardian == guardian


def test_the_practice_sets_the_age_below_which_a_guardian_signs(team, published):
    today = timezone.localdate()
    seventeen = client_create(
        actor_id=None, legal_name="Ines Roth", date_of_birth=date(today.year - 17, 1, 1)
    )
    CareTeamMember.objects.create(
        client=seventeen, staff=team["clinician"], role=CareTeamRole.PRIMARY
    )
    version = published[DocumentKind.TREATMENT]
    arguments = {"client": seventeen, "version": version, "typed_name": "Ines Roth"}
    with pytest.raises(ConsentRefused, match="under 18"):
        consent_sign(actor=team["clinician"], agreed=True, **arguments)
    Practice.objects.update(age_of_majority=16)
    record = consent_sign(actor=team["clinician"], agreed=True, **arguments)
    assert record.signer_role == SignerRole.CLIENT


def test_only_the_clients_own_guardian_signs_for_them(team, published, minor):
    _child, guardian = minor
    with pytest.raises(ConsentRefused, match="Only a guardian recorded in this client's"):
        sign(team, published[DocumentKind.TREATMENT], guardian=guardian)


def test_each_adult_partner_in_a_couple_signs_in_their_own_chart(team, published):
    partner = client_create(actor_id=None, legal_name="Ben Moreau")
    CareTeamMember.objects.create(
        client=partner, staff=team["clinician"], role=CareTeamRole.PRIMARY
    )
    case_open(actor=team["clinician"], kind=CaseKind.COUPLE, clients=[team["client"], partner])
    version = published[DocumentKind.TREATMENT]
    sign(team, version)
    consent_sign(
        actor=team["clinician"], client=partner, version=version, typed_name="Ben", agreed=True
    )
    signed = ConsentRecord.objects.filter(version=version)
    assert set(signed.values_list("client_id", flat=True)) == {team["client"].pk, partner.pk}


def test_a_revocation_is_dated_and_keeps_the_signed_copy(team, published):
    record = sign(team, published[DocumentKind.TREATMENT])
    revoked = consent_revoke(actor=team["clinician"], record=record)
    assert revoked.revoked_at and revoked.revoked_by == team["clinician"]
    copy = consent_read(actor=team["clinician"], record=revoked)
    assert copy["typed_name"] == NAME and copy["hash_matches"]
    assert AuditEvent.objects.filter(resource_type="consent_revocation").count() == 1
    with pytest.raises(ConsentRefused, match="already revoked"):
        consent_revoke(actor=team["clinician"], record=revoked)


def test_the_owner_records_a_revocation(team, published):
    record = sign(team, published[DocumentKind.TREATMENT])
    assert consent_revoke(actor=team["owner"], record=record).revoked_at


def test_a_version_already_signed_and_in_force_is_not_signed_twice(team, published):
    version = published[DocumentKind.TREATMENT]
    first = sign(team, version)
    with pytest.raises(ConsentRefused, match="already on file"):
        sign(team, version)
    consent_revoke(actor=team["clinician"], record=first)
    assert sign(team, version).pk != first.pk


def test_a_verbal_consent_for_a_minor_is_a_guardians(team, published, minor):
    child, guardian = minor
    version = published[DocumentKind.TREATMENT]
    reason = "Telephone intake; read aloud to the mother, who agreed."
    with pytest.raises(ConsentRefused, match="a guardian signs"):
        consent_verbal_record(actor=team["clinician"], client=child, version=version, reason=reason)
    record = consent_verbal_record(
        actor=team["clinician"], client=child, version=version, reason=reason, guardian=guardian
    )
    assert record.signer_role == SignerRole.GUARDIAN and record.method == ConsentMethod.VERBAL
