from datetime import timedelta

import pytest
from django.utils import timezone

from alcove.accounts.models import Invitation, Role, User
from alcove.accounts.services import invitation_create

ACCEPT = {
    "full_name": "Cleo Clinician",
    "password1": "amber kettle over quiet hills",
    "password2": "amber kettle over quiet hills",
}


@pytest.fixture
def owner(make_staff):
    return make_staff(Role.OWNER, name="Ada Owner")


def invite(owner, email="cleo@harbour.example", roles=("clinician",)):
    return invitation_create(inviter=owner, email=email, full_name="Cleo C", roles=roles)


def test_owner_invites_a_clinician_through_the_staff_page(signed_in, owner):
    client = signed_in(owner)
    response = client.post(
        "/staff/", {"full_name": "Cleo C", "email": "cleo@harbour.example", "roles": ["clinician"]}
    )
    assert response.status_code == 200
    assert "/invite/" in response.content.decode()
    assert Invitation.objects.get().roles == ["clinician"]


def test_invited_clinician_gets_the_chosen_roles_and_goes_to_mfa_enrolment(client, owner):
    token = invite(owner, roles=("clinician", "supervisor"))
    assert client.get(f"/invite/{token}").url == "/invite/"
    response = client.post("/invite/", ACCEPT)
    assert response.url == "/security/enrol/"
    user = User.objects.get(email="cleo@harbour.example")
    assert user.roles == {Role.CLINICIAN, Role.SUPERVISOR}
    assert user.full_name == "Cleo Clinician"


def test_an_invitation_link_works_only_once(client, owner):
    token = invite(owner)
    client.get(f"/invite/{token}")
    client.post("/invite/", ACCEPT)
    client.logout()
    response = client.get(f"/invite/{token}")
    assert response.status_code == 410
    assert b"already been used" in response.content


def test_an_expired_invitation_is_refused(client, owner):
    token = invite(owner)
    Invitation.objects.update(expires_at=timezone.now() - timedelta(minutes=1))
    response = client.get(f"/invite/{token}")
    assert response.status_code == 410
    assert b"expired" in response.content


def test_a_withdrawn_invitation_is_refused(client, signed_in, owner):
    token = invite(owner)
    signed_in(owner).post(f"/invitations/{Invitation.objects.get().pk}/withdraw")
    client.logout()
    response = client.get(f"/invite/{token}")
    assert response.status_code == 410
    assert b"withdrawn" in response.content
    assert not User.objects.filter(email="cleo@harbour.example").exists()


def test_a_new_invitation_to_the_same_address_withdraws_the_old_one(client, owner):
    first = invite(owner)
    invite(owner)
    assert client.get(f"/invite/{first}").status_code == 410


def test_only_the_owner_can_invite(signed_in, make_staff):
    clinician = make_staff(Role.CLINICIAN)
    response = signed_in(clinician).post(
        "/staff/", {"full_name": "X", "email": "x@harbour.example", "roles": ["owner"]}
    )
    assert response.status_code == 403
    assert "owner" in response.content.decode().lower()
    assert not Invitation.objects.exists()


def test_inviting_an_existing_staff_email_is_refused(signed_in, owner):
    response = signed_in(owner).post(
        "/staff/", {"full_name": "Ada", "email": owner.email, "roles": ["clinician"]}
    )
    assert "already on the staff" in response.content.decode()
    assert not Invitation.objects.exists()


def test_an_invitation_needs_a_role(signed_in, owner):
    response = signed_in(owner).post("/staff/", {"full_name": "X", "email": "x@harbour.example"})
    assert response.status_code == 200
    assert not Invitation.objects.exists()


def test_a_weak_password_on_acceptance_is_refused_and_the_link_still_works(client, owner):
    token = invite(owner)
    client.get(f"/invite/{token}")
    weak = {**ACCEPT, "password1": "cleo clinician 2026", "password2": "cleo clinician 2026"}
    response = client.post("/invite/", weak)
    assert "contains your name" in response.content.decode()
    assert client.post("/invite/", ACCEPT).status_code == 302
