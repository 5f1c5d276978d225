from datetime import date, timedelta

import pytest
from django.db import connection
from django.utils import timezone

from alcove.access.decisions import AccessDenied
from alcove.audit.models import AuditEvent, Outcome
from alcove.clients.models import CareTeamMember, CareTeamRole, ContactKind
from alcove.clients.services import client_contact_add, client_create
from alcove.consent.authorizations import (
    Elements,
    authorization_event_record,
    authorization_read,
    authorization_record,
    authorization_revoke,
    authorization_sign,
    authorization_status,
)
from alcove.consent.models import Authorization, SignatureMethod, SignerRole
from alcove.consent.services import ConsentRefused
from alcove.disclosures.scope import ReleaseClass

from .conftest import EARLY, TODAY, authorize


def elements(**changes):
    values = {
        "recipient": "Dr Oren Blum, 4 Quay Street, Portsmouth",
        "purpose": "Continuity of care",
        "classes": [ReleaseClass.PROGRESS],
        "covers_from": EARLY,
        "covers_to": TODAY,
        "expires_on": TODAY + timedelta(days=30),
    }
    return Elements(**{**values, **changes})


def test_it_refuses_an_authorization_naming_every_missing_element(chart):
    incomplete = Elements(recipient="", purpose="", classes=[], covers_from=None, covers_to=None)
    with pytest.raises(ConsentRefused) as refused:
        authorization_record(actor=chart["clinician"], client=chart["client"], elements=incomplete)
    rule = refused.value.rule
    for element in ("the recipient", "the purpose", "what may be released", "the dates", "expiry"):
        assert element in rule
    assert "164.508(c)" in rule
    assert not Authorization.objects.exists()
    denied = AuditEvent.objects.get(action="authorization.record", outcome=Outcome.DENIED)
    assert "Oren" not in denied.rule


def test_it_refuses_an_expiry_date_already_past_and_accepts_today(chart):
    day = timezone.localdate()  # the day now, not the module's TODAY: a run may cross midnight
    yesterday = elements(expires_on=day - timedelta(days=1))
    with pytest.raises(ConsentRefused, match="an expiry date that has not passed"):
        authorization_record(actor=chart["clinician"], client=chart["client"], elements=yesterday)
    today = authorization_record(
        actor=chart["clinician"], client=chart["client"], elements=elements(expires_on=day)
    )
    assert today.expires_on == day


def test_an_expiry_by_date_and_by_event_says_whichever_comes_first(chart):
    authorization = authorize(chart, expiry_event="the end of treatment")
    text = authorization_read(actor=chart["clinician"], authorization=authorization)["text"]
    assert "or when this happens, whichever comes first: the end of treatment" in text


def test_a_refusal_for_a_minor_signing_alone_is_in_the_audit_log(chart):
    child = client_create(actor_id=None, legal_name="Milo Park", date_of_birth=date(2019, 5, 1))
    CareTeamMember.objects.create(client=child, staff=chart["clinician"], role=CareTeamRole.PRIMARY)
    with pytest.raises(ConsentRefused, match="a guardian signs"):
        authorization_record(actor=chart["clinician"], client=child, elements=elements())
    assert AuditEvent.objects.filter(action="authorization.record", outcome=Outcome.DENIED).exists()


def test_psychotherapy_notes_need_an_authorization_of_their_own(chart):
    combined = elements(classes=[ReleaseClass.PROGRESS, ReleaseClass.PSYCHOTHERAPY])
    with pytest.raises(
        ConsentRefused, match="psychotherapy notes on an authorization of their own"
    ):
        authorization_record(actor=chart["clinician"], client=chart["client"], elements=combined)
    alone = authorize(chart, ReleaseClass.PSYCHOTHERAPY)
    assert alone.classes == [ReleaseClass.PSYCHOTHERAPY]


def test_its_wording_states_the_right_to_revoke_and_possible_redisclosure(chart):
    authorization = authorize(chart, ReleaseClass.PROGRESS, ReleaseClass.INTAKE)
    copy = authorization_read(actor=chart["clinician"], authorization=authorization)
    text = copy["text"]
    assert "You may revoke this authorization at any time" in text
    assert "may be redisclosed by the recipient" in text
    assert "does not depend on whether you sign" in text
    assert "Dr Oren Blum" in text and "Continuity of care" in text
    assert "Intake assessment; Progress notes" in text
    assert copy["hash_matches"] and copy["status"] == "active"


def test_the_recipient_and_purpose_are_sealed_at_rest(chart):
    authorize(chart)
    with connection.cursor() as cursor:
        cursor.execute("SELECT recipient, purpose, text FROM consent_authorization")
        row = cursor.fetchone()
    assert all(b"Oren" not in bytes(value) and b"Continuity" not in bytes(value) for value in row)


def test_a_device_authorization_is_active_only_once_the_client_signs(chart):
    authorization = authorization_record(
        actor=chart["clinician"], client=chart["client"], elements=elements()
    )
    assert authorization.method == SignatureMethod.DEVICE
    assert authorization_status(authorization) == "awaiting signature"
    with pytest.raises(ConsentRefused, match="full name typed and the box ticked"):
        authorization_sign(
            actor=chart["clinician"], authorization=authorization, typed_name="A W", agreed=False
        )
    signed = authorization_sign(
        actor=chart["clinician"], authorization=authorization, typed_name="A W", agreed=True
    )
    assert authorization_status(signed) == "active"


def test_an_authorization_that_expires_on_an_event_ends_when_the_event_is_recorded(chart):
    authorization = authorize(chart, expires_on=None, expiry_event="the end of treatment")
    assert authorization_status(authorization) == "active"
    ended = authorization_event_record(actor=chart["clinician"], authorization=authorization)
    assert authorization_status(ended) == "expired"


def test_a_revocation_takes_effect_at_once_and_keeps_the_authorization(chart):
    authorization = authorize(chart)
    revoked = authorization_revoke(actor=chart["owner"], authorization=authorization)
    assert authorization_status(revoked) == "revoked"
    assert Authorization.objects.filter(pk=authorization.pk).exists()
    with pytest.raises(ConsentRefused, match="already recorded"):
        authorization_revoke(actor=chart["clinician"], authorization=revoked)


def test_front_desk_neither_records_nor_reads_an_authorization(chart):
    with pytest.raises(AccessDenied):
        authorize(chart, actor=chart["desk"])
    authorization = authorize(chart)
    with pytest.raises(AccessDenied):
        authorization_read(actor=chart["desk"], authorization=authorization)


def test_a_guardian_signs_a_minors_authorization(chart):
    child = client_create(actor_id=None, legal_name="Milo Park", date_of_birth=date(2019, 5, 1))
    CareTeamMember.objects.create(client=child, staff=chart["clinician"], role=CareTeamRole.PRIMARY)
    guardian = client_contact_add(
        actor=chart["clinician"], client=child, kind=ContactKind.GUARDIAN, name="Hana Park"
    )
    with pytest.raises(ConsentRefused, match="a guardian signs"):
        authorization_record(actor=chart["clinician"], client=child, elements=elements())
    authorization = authorization_record(
        actor=chart["clinician"],
        client=child,
        elements=elements(),
        guardian=guardian,
        paper_signed_by="Hana Park",
    )
    assert authorization.signer_role == SignerRole.GUARDIAN
    text = authorization_read(actor=chart["clinician"], authorization=authorization)["text"]
    assert "guardian or personal representative" in text
