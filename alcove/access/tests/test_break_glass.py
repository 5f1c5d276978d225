from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from alcove.access.breakglass import break_glass_open, break_glass_queue, break_glass_review
from alcove.access.decisions import AccessDenied
from alcove.access.models import Alert, BreakGlass
from alcove.access.policy import Action, DataClass
from alcove.access.services import decide
from alcove.accounts.models import Role
from alcove.audit.models import AuditEvent
from alcove.clients.models import Client
from alcove.clients.services import client_create

REASON = "Client presented in crisis at reception; primary clinician unreachable."


@pytest.fixture
def client_record(db):
    return Client.objects.get(pk=client_create(actor_id=None, legal_name="Ilse Marchetti").pk)


def read(actor, client, data_class=DataClass.CLINICAL):
    return decide(
        actor=actor,
        action=Action.READ,
        data_class=data_class,
        client_id=client.pk,
        resource_type="client",
        author_id=None,
    )


def test_a_clinician_opens_a_strangers_record_after_writing_a_reason(make_staff, client_record):
    clinician = make_staff(Role.CLINICIAN)
    assert not read(clinician, client_record).allowed
    break_glass_open(actor=clinician, client_id=client_record.pk, reason=REASON)
    decision = read(clinician, client_record, DataClass.DEMOGRAPHICS)
    assert decision.allowed and "break-the-glass" in decision.rule
    assert decision.open(client_record.legal_name) == "Ilse Marchetti"
    entry = AuditEvent.objects.get(queued_as=decision.audit_entry)
    assert entry.reason == REASON


def test_psychotherapy_notes_never_open_by_break_the_glass(make_staff, client_record):
    clinician = make_staff(Role.CLINICIAN)
    break_glass_open(actor=clinician, client_id=client_record.pk, reason=REASON)
    assert not read(clinician, client_record, DataClass.PSYCHOTHERAPY_NOTES).allowed


def test_break_the_glass_expires(make_staff, client_record):
    clinician = make_staff(Role.CLINICIAN)
    glass = break_glass_open(actor=clinician, client_id=client_record.pk, reason=REASON)
    assert glass.expires_at - glass.opened_at == timedelta(minutes=60)
    BreakGlass.objects.filter(pk=glass.pk).update(expires_at=timezone.now() - timedelta(seconds=1))
    assert not read(clinician, client_record).allowed


def test_it_covers_one_client_only(make_staff, client_record):
    clinician = make_staff(Role.CLINICIAN)
    other = client_create(actor_id=None, legal_name="Someone Else")
    break_glass_open(actor=clinician, client_id=client_record.pk, reason=REASON)
    assert not read(clinician, other).allowed


def test_a_short_reason_or_a_non_clinician_is_refused_and_recorded(make_staff, client_record):
    clinician, desk = make_staff(Role.CLINICIAN), make_staff(Role.FRONT_DESK)
    with pytest.raises(AccessDenied, match="reason"):
        break_glass_open(actor=clinician, client_id=client_record.pk, reason="urgent")
    with pytest.raises(AccessDenied, match="clinician or a supervisor"):
        break_glass_open(actor=desk, client_id=client_record.pk, reason=REASON)
    assert AuditEvent.objects.filter(action="break_glass.open", outcome="denied").count() == 2
    assert not BreakGlass.objects.exists()


def test_the_privacy_officer_is_alerted_by_an_email_that_names_nobody(
    make_staff, client_record, django_capture_on_commit_callbacks
):
    owner = make_staff(Role.OWNER, email="privacy@harbour.example")
    clinician = make_staff(Role.CLINICIAN, name="Cormac Delaney")
    with django_capture_on_commit_callbacks(execute=True):
        glass = break_glass_open(actor=clinician, client_id=client_record.pk, reason=REASON)
    assert Alert.objects.filter(kind="break_glass", subject_id=str(glass.pk)).exists()
    (message,) = mail.outbox
    assert message.to == [owner.email]
    text = message.subject + message.body
    for secret in ("Ilse", "Marchetti", "Cormac", "Delaney", "crisis", str(client_record.pk)):
        assert secret not in text


def test_every_use_waits_in_the_review_queue_until_the_owner_marks_it(make_staff, client_record):
    owner, clinician = make_staff(Role.OWNER), make_staff(Role.CLINICIAN)
    glass = break_glass_open(actor=clinician, client_id=client_record.pk, reason=REASON)
    assert break_glass_queue() == [glass]
    with pytest.raises(AccessDenied):
        break_glass_review(reviewer=clinician, grant=glass, justified=True, note="")
    break_glass_review(reviewer=owner, grant=glass, justified=False, note="Should have called.")
    assert break_glass_queue() == []
    glass.refresh_from_db()
    assert glass.justified is False and glass.reviewed_by == owner
    with pytest.raises(AccessDenied, match="already"):
        break_glass_review(reviewer=owner, grant=glass, justified=True, note="")
    assert AuditEvent.objects.filter(action="break_glass.review", rule="not justified").exists()
