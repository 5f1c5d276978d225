import pytest

from alcove.access.decisions import AccessDenied
from alcove.access.policy import Action, DataClass, Relationship
from alcove.access.services import decide
from alcove.accounts.models import Role
from alcove.audit.models import AuditEvent
from alcove.clients.models import Client
from alcove.clients.services import client_create
from alcove.encryption.blind_index import client_pseudonym


@pytest.fixture
def client_record(db):
    return Client.objects.get(pk=client_create(actor_id=None, legal_name="Odile Brandt").pk)


def read_demographics(actor, client, relationship):
    return decide(
        actor=actor,
        action=Action.READ,
        data_class=DataClass.DEMOGRAPHICS,
        relationship=relationship,
        client_id=client.pk,
        resource_type="client",
    )


def test_front_desk_opens_a_clients_name_and_the_opening_is_audited(make_staff, client_record):
    desk = make_staff(Role.FRONT_DESK)
    decision = read_demographics(desk, client_record, Relationship.NONE)
    assert decision.open(client_record.legal_name) == "Odile Brandt"
    entry = AuditEvent.objects.get(queued_as=decision.audit_entry)
    assert (entry.actor_id, entry.outcome, entry.action) == (
        desk.pk,
        "allowed",
        "demographics.read",
    )
    assert entry.client == client_pseudonym(client_record.pk)
    assert "front_desk" in entry.rule


def test_a_clinician_without_a_relationship_is_refused_with_the_rule_and_a_remedy(
    make_staff, client_record
):
    clinician = make_staff(Role.CLINICIAN)
    decision = read_demographics(clinician, client_record, Relationship.NONE)
    with pytest.raises(AccessDenied) as refused:
        decision.open(client_record.legal_name)
    assert "Need to know" in refused.value.rule and "care team" in refused.value.remedy
    entry = AuditEvent.objects.get(queued_as=decision.audit_entry)
    assert entry.outcome == "denied" and "Odile" not in entry.rule


def test_the_owner_cannot_open_psychotherapy_notes(make_staff, client_record):
    owner = make_staff(Role.OWNER, Role.CLINICIAN)
    for relationship in Relationship:
        if relationship == Relationship.AUTHOR:
            continue  # an owner who is also the author is the author
        decision = decide(
            actor=owner,
            action=Action.READ,
            data_class=DataClass.PSYCHOTHERAPY_NOTES,
            relationship=relationship,
            client_id=client_record.pk,
            resource_type="psychotherapy_note",
        )
        assert not decision.allowed
