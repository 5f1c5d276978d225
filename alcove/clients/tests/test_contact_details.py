import pytest
from django.db import connection

from alcove.access.decisions import AccessDenied
from alcove.accounts.models import Role
from alcove.clients.models import Client, ContactKind
from alcove.clients.services import client_contact_add, client_create
from alcove.clients.views import client_contact


@pytest.fixture
def client_record(db):
    return client_create(
        actor_id=None,
        legal_name="Oluwaseun Adeyemi",
        pronouns="they/them",
        phone="+44 7700 900123",
        email="seun@example.org",
    )


def test_contact_details_and_people_are_sealed_at_rest(client_record, make_staff):
    desk = make_staff(Role.FRONT_DESK)
    client_contact_add(
        actor=desk,
        client=client_record,
        kind=ContactKind.EMERGENCY,
        name="Kemi Adeyemi",
        relation="sister",
        phone="+44 7700 900456",
    )
    with connection.cursor() as cursor:
        cursor.execute("SELECT * FROM clients_client")
        client_row = repr(cursor.fetchall())
        cursor.execute("SELECT * FROM clients_clientcontact")
        contact_row = repr(cursor.fetchall())
    # (clues long enough that a keyed digest in hex never holds one by chance: "7700" did)
    for clue in ("900456", "seun@", "they/them", "Kemi", "sister"):
        assert clue not in client_row and clue not in contact_row


def test_front_desk_and_billing_read_contact_details(client_record, make_staff):
    client = Client.objects.get(pk=client_record.pk)
    for role in (Role.FRONT_DESK, Role.BILLING):
        assert client_contact(make_staff(role), client)["email"] == "seun@example.org"


def test_billing_cannot_add_a_contact_and_a_stranger_cannot_read_them(client_record, make_staff):
    with pytest.raises(AccessDenied):
        client_contact_add(
            actor=make_staff(Role.BILLING),
            client=client_record,
            kind=ContactKind.RELATIVE,
            name="Someone",
        )
    with pytest.raises(AccessDenied):
        client_contact(make_staff(Role.CLINICIAN), Client.objects.get(pk=client_record.pk))


def test_the_chart_shows_contact_to_the_front_desk(client_record, signed_in, make_staff):
    page = signed_in(make_staff(Role.FRONT_DESK)).get(f"/clients/{client_record.pk}/")
    text = page.content.decode()
    assert "seun@example.org" in text and "they/them" in text
