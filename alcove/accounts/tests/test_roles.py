from allauth.account.internal.flows.login import AUTHENTICATION_METHODS_SESSION_KEY

from alcove.accounts.models import Role, User

ROLES_PATH = "/staff/{}/"


def stale_authentication(client, seconds=11 * 60):
    session = client.session
    for record in session[AUTHENTICATION_METHODS_SESSION_KEY]:
        record["at"] -= seconds
    session.save()


def test_owner_changes_a_role_right_after_signing_in(fresh_owner_client, make_staff):
    member = make_staff(Role.FRONT_DESK)
    fresh_owner_client.post(ROLES_PATH.format(member.pk), {"roles": ["billing"]})
    assert User.objects.get(pk=member.pk).roles == {Role.BILLING}


def test_a_role_change_after_ten_minutes_asks_for_the_password_again(
    fresh_owner_client, make_staff
):
    member = make_staff(Role.FRONT_DESK)
    stale_authentication(fresh_owner_client)
    response = fresh_owner_client.post(ROLES_PATH.format(member.pk), {"roles": ["billing"]})
    assert response.url.startswith("/accounts/reauthenticate/")
    assert User.objects.get(pk=member.pk).roles == {Role.FRONT_DESK}


def test_after_reauthenticating_the_role_change_goes_through(fresh_owner_client, make_staff):
    from alcove.conftest import PASSWORD

    member = make_staff(Role.FRONT_DESK)
    stale_authentication(fresh_owner_client)
    fresh_owner_client.post("/accounts/reauthenticate/", {"password": PASSWORD})
    fresh_owner_client.post(ROLES_PATH.format(member.pk), {"roles": ["billing"]})
    assert User.objects.get(pk=member.pk).roles == {Role.BILLING}


def test_a_clinician_cannot_change_roles(signed_in, make_staff):
    clinician = make_staff(Role.CLINICIAN)
    member = make_staff(Role.FRONT_DESK)
    response = signed_in(clinician).post(ROLES_PATH.format(member.pk), {"roles": ["owner"]})
    assert response.status_code == 403
    assert "Owner (privacy officer) role" in response.content.decode()
    assert User.objects.get(pk=member.pk).roles == {Role.FRONT_DESK}


def test_the_last_owner_cannot_give_up_the_owner_role(fresh_owner_client, fresh_owner):
    response = fresh_owner_client.post(ROLES_PATH.format(fresh_owner.pk), {"roles": ["clinician"]})
    assert response.status_code == 403
    assert "must always have an active owner" in response.content.decode()
    assert Role.OWNER in User.objects.get(pk=fresh_owner.pk).roles


def test_an_owner_can_hand_over_once_another_owner_exists(
    fresh_owner_client, fresh_owner, make_staff
):
    make_staff(Role.OWNER)
    fresh_owner_client.post(ROLES_PATH.format(fresh_owner.pk), {"roles": ["clinician"]})
    assert User.objects.get(pk=fresh_owner.pk).roles == {Role.CLINICIAN}


def test_deactivating_staff_ends_their_session(fresh_owner_client, make_staff, client_factory):
    member = make_staff(Role.BILLING)
    theirs = client_factory()
    theirs.force_login(member, backend="allauth.account.auth_backends.AuthenticationBackend")
    assert theirs.get("/").status_code == 200
    fresh_owner_client.post(f"/staff/{member.pk}/deactivate")
    assert theirs.get("/").status_code == 302
