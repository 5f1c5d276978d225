import pytest

from alcove.access.decisions import AccessDenied
from alcove.access.policy import Action, DataClass
from alcove.access.services import decide
from alcove.accounts.models import Role
from alcove.audit.selectors import access_history
from alcove.clients.models import CareTeamMember, CareTeamRole
from alcove.clients.services import client_create


@pytest.fixture
def chart(make_staff):
    clinician = make_staff(Role.CLINICIAN)
    client = client_create(actor_id=None, legal_name="Hedda Sørensen")
    CareTeamMember.objects.create(client=client, staff=clinician, role=CareTeamRole.PRIMARY)
    return client, clinician


def test_the_treating_clinician_sees_who_opened_the_record(chart, make_staff):
    client, clinician = chart
    desk = make_staff(Role.FRONT_DESK)
    decide(
        actor=desk,
        action=Action.READ,
        data_class=DataClass.CONTACT,
        client_id=client.pk,
        resource_type="client",
    )
    history = access_history(viewer=clinician, client_id=client.pk)
    reads = [e for e in history if e.action == "contact.read"]
    assert [(e.actor_id, e.outcome) for e in reads] == [(desk.pk, "allowed")]
    assert "front_desk" in reads[0].rule


def test_the_privacy_officer_sees_it_and_a_stranger_does_not(chart, make_staff):
    client, _ = chart
    assert access_history(viewer=make_staff(Role.OWNER), client_id=client.pk)
    with pytest.raises(AccessDenied):
        access_history(viewer=make_staff(Role.CLINICIAN), client_id=client.pk)


def test_looking_at_the_history_is_itself_in_the_history(chart):
    client, clinician = chart
    access_history(viewer=clinician, client_id=client.pk)
    latest = access_history(viewer=clinician, client_id=client.pk)[0]
    assert (latest.action, latest.actor_id) == ("audit.read", clinician.pk)
