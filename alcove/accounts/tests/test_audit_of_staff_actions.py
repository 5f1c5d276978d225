"""What the privacy officer finds in the audit log about staff accounts and sign-ins."""

import pytest
from django.db import connection

from alcove.accounts.models import Invitation, Role, User
from alcove.accounts.services import (
    StaffActionRefused,
    invitation_create,
    invitation_revoke,
    practice_settings_update,
    staff_deactivate,
    staff_roles_set,
)
from alcove.audit.models import AuditEvent
from alcove.conftest import PASSWORD, password_login, totp_code

ONLY_OWNERS = "Only the owner (privacy officer) can"
LAST_OWNER = "The practice must always have an active owner (privacy officer)."


def entries(action: str) -> list[AuditEvent]:
    return list(AuditEvent.objects.filter(action=action).order_by("seq"))


def every_column_of_every_entry() -> str:
    with connection.cursor() as cursor:
        cursor.execute("SELECT * FROM audit_auditevent")
        rows = cursor.fetchall()
    return " ".join(
        bytes(v).hex() if isinstance(v, bytes | memoryview) else str(v) for r in rows for v in r
    ).casefold()


# --- Role changes --------------------------------------------------------------------------


def test_a_role_change_is_in_the_audit_log_with_the_new_roles(make_staff):
    owner = make_staff(Role.OWNER)
    member = make_staff(Role.FRONT_DESK)
    staff_roles_set(actor=owner, user=member, roles=["clinician", "billing"])
    (entry,) = entries("staff.roles_set")
    assert entry.outcome == "allowed"
    assert entry.actor_id == owner.pk
    assert (entry.resource_type, entry.resource_id) == ("user", str(member.pk))
    assert entry.reason.startswith("roles: ")
    assert set(entry.reason.removeprefix("roles: ").split(", ")) == {"billing", "clinician"}


def test_a_role_change_on_the_staff_page_is_logged_with_the_requests_id(
    fresh_owner_client, fresh_owner, make_staff
):
    member = make_staff(Role.FRONT_DESK)
    fresh_owner_client.post(f"/staff/{member.pk}/", {"roles": ["billing"]})
    (entry,) = entries("staff.roles_set")
    assert (entry.actor_id, entry.resource_id, entry.reason) == (
        fresh_owner.pk,
        str(member.pk),
        "roles: billing",
    )
    assert entry.request_id
    assert entry.request_id != entries("account.sign_in")[-1].request_id


def test_a_role_change_refused_to_a_non_owner_is_logged_as_denied_and_changes_nothing(
    make_staff,
):
    clinician = make_staff(Role.CLINICIAN)
    member = make_staff(Role.FRONT_DESK)
    with pytest.raises(StaffActionRefused):
        staff_roles_set(actor=clinician, user=member, roles=["owner"])
    assert User.objects.get(pk=member.pk).roles == {Role.FRONT_DESK}
    (entry,) = entries("staff.roles_set")
    assert entry.outcome == "denied"
    assert entry.actor_id == clinician.pk
    assert (entry.resource_type, entry.resource_id) == ("user", str(member.pk))
    assert entry.rule.startswith(ONLY_OWNERS)


def test_removing_the_last_owner_is_refused_logged_as_denied_and_changes_nothing(make_staff):
    owner = make_staff(Role.OWNER)
    with pytest.raises(StaffActionRefused):
        staff_roles_set(actor=owner, user=owner, roles=["clinician"])
    assert User.objects.get(pk=owner.pk).roles == {Role.OWNER}
    (entry,) = entries("staff.roles_set")
    assert (entry.outcome, entry.rule) == ("denied", LAST_OWNER)
    assert (entry.actor_id, entry.resource_id) == (owner.pk, str(owner.pk))


def test_a_refused_role_change_on_the_staff_page_is_still_logged(fresh_owner_client, fresh_owner):
    response = fresh_owner_client.post(f"/staff/{fresh_owner.pk}/", {"roles": ["clinician"]})
    assert response.status_code == 403
    (entry,) = entries("staff.roles_set")
    assert (entry.outcome, entry.rule) == ("denied", LAST_OWNER)
    assert entry.request_id


@pytest.mark.parametrize(
    "action",
    [
        "staff.invite",
        "staff.invitation_revoke",
        "staff.deactivate",
        "practice.settings_update",
    ],
)
def test_other_staff_actions_refused_to_a_non_owner_are_logged_as_denied(
    make_staff, practice, action
):
    owner = make_staff(Role.OWNER)
    clinician = make_staff(Role.CLINICIAN)
    invitation_create(inviter=owner, email="new@harbour.example", full_name="N", roles=["billing"])
    attempts = {
        "staff.invite": lambda: invitation_create(
            inviter=clinician, email="x@harbour.example", full_name="X", roles=["owner"]
        ),
        "staff.invitation_revoke": lambda: invitation_revoke(
            actor=clinician, invitation=Invitation.objects.get()
        ),
        "staff.deactivate": lambda: staff_deactivate(actor=clinician, user=owner),
        "practice.settings_update": lambda: practice_settings_update(
            actor=clinician, name="Taken Over", idle_timeout_minutes=60
        ),
    }
    with pytest.raises(StaffActionRefused):
        attempts[action]()
    denied = [e for e in entries(action) if e.outcome == "denied"]
    assert len(denied) == 1
    assert denied[0].actor_id == clinician.pk
    assert denied[0].rule.startswith(ONLY_OWNERS)
    assert User.objects.get(pk=owner.pk).is_active
    assert Invitation.objects.get().revoked_at is None


# --- Sign-ins ------------------------------------------------------------------------------


def test_signing_in_with_password_and_authenticator_is_logged_once(client, fresh_owner):
    password_login(client, fresh_owner.email)
    assert entries("account.sign_in") == []  # a password alone does not sign in
    client.post("/accounts/2fa/authenticate/", {"code": totp_code(fresh_owner.totp_secret)})
    (entry,) = entries("account.sign_in")
    assert entry.outcome == "allowed"
    assert entry.actor_id == fresh_owner.pk
    assert (entry.resource_type, entry.resource_id) == ("account", str(fresh_owner.pk))
    assert entry.request_id


def test_a_wrong_password_is_logged_against_the_account_without_the_typed_email(
    client, fresh_owner
):
    password_login(client, "Ada@Harbour.Example", "not the password at all")
    (entry,) = entries("account.sign_in")
    assert entry.outcome == "denied"
    assert entry.actor_id is None
    assert (entry.resource_type, entry.resource_id) == ("account", str(fresh_owner.pk))
    assert entry.rule
    logged = every_column_of_every_entry()
    for secret in ("ada@harbour.example", "harbour.example", "not the password", PASSWORD):
        assert secret.casefold() not in logged


def test_a_sign_in_as_an_unknown_email_is_logged_without_the_email(client, fresh_owner):
    password_login(client, "mallory@elsewhere.example", PASSWORD)
    (entry,) = entries("account.sign_in")
    assert (entry.outcome, entry.actor_id, entry.resource_id) == ("denied", None, "")
    logged = every_column_of_every_entry()
    assert "mallory" not in logged and "elsewhere" not in logged
    assert PASSWORD not in logged


def test_adding_a_second_factor_is_in_the_audit_log(
    client, make_staff, django_capture_on_commit_callbacks
):
    user = make_staff(Role.CLINICIAN, mfa=False)
    password_login(client, user.email)
    page = client.get("/accounts/2fa/totp/activate/")
    secret = page.context["form"].secret
    with django_capture_on_commit_callbacks(execute=True):  # allauth signals after commit
        response = client.post("/accounts/2fa/totp/activate/", {"code": totp_code(secret)})
    assert response.status_code == 302, response.content.decode()[:3000]
    added = AuditEvent.objects.filter(action="account.factor_add", actor_id=user.pk)
    kinds = set(added.values_list("resource_type", flat=True))
    assert kinds == {"authenticator.totp", "authenticator.recovery_codes"}


def test_a_wrong_second_factor_code_is_in_the_audit_log(client, make_staff):
    user = make_staff(Role.CLINICIAN)
    password_login(client, user.email)
    client.post("/accounts/2fa/authenticate/", {"code": "000000"})
    entry = AuditEvent.objects.get(action="account.second_factor")
    assert entry.outcome == "denied" and entry.resource_id == str(user.pk)
    assert "000000" not in str(entry.__dict__)
