import pytest
from allauth.mfa.models import Authenticator

from alcove.accounts.models import Role
from alcove.conftest import PASSWORD, password_login, totp_code


@pytest.fixture
def clinician(make_staff):
    return make_staff(Role.CLINICIAN, email="cleo@harbour.example")


def test_a_password_alone_does_not_sign_in_an_enrolled_clinician(client, clinician):
    response = password_login(client, clinician.email)
    assert response.url.startswith("/accounts/2fa/authenticate/")
    assert client.get("/").status_code == 302
    assert "_auth_user_id" not in client.session


def test_password_and_authenticator_code_sign_in(client, clinician):
    password_login(client, clinician.email)
    response = client.post(
        "/accounts/2fa/authenticate/", {"code": totp_code(clinician.totp_secret)}
    )
    assert response.url == "/"
    assert client.get("/").status_code == 200


def test_a_wrong_authenticator_code_is_refused(client, clinician):
    password_login(client, clinician.email)
    wrong = "000000" if totp_code(clinician.totp_secret) != "000000" else "111111"
    response = client.post("/accounts/2fa/authenticate/", {"code": wrong})
    assert "Incorrect code" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_an_authenticator_code_cannot_be_replayed(client, clinician):
    code = totp_code(clinician.totp_secret)
    password_login(client, clinician.email)
    client.post("/accounts/2fa/authenticate/", {"code": code})
    client.post("/accounts/logout/")
    password_login(client, clinician.email)
    response = client.post("/accounts/2fa/authenticate/", {"code": code})
    assert "_auth_user_id" not in client.session
    assert response.status_code == 200


def test_staff_without_a_second_factor_reach_only_enrolment(client, make_staff):
    newcomer = make_staff(Role.CLINICIAN, mfa=False)
    password_login(client, newcomer.email)
    for path in ("/", "/staff/", "/practice/settings/", "/accounts/password/change/"):
        assert client.get(path).url == "/security/enrol/", path
    assert client.get("/security/enrol/").status_code == 200
    assert client.get("/accounts/2fa/totp/activate/").status_code == 200


def test_enrolling_an_authenticator_app_opens_the_home_page_and_gives_recovery_codes(
    client, make_staff
):
    from allauth.mfa.totp.internal.auth import SECRET_SESSION_KEY

    newcomer = make_staff(Role.CLINICIAN, mfa=False)
    password_login(client, newcomer.email)
    client.get("/accounts/2fa/totp/activate/")
    secret = client.session[SECRET_SESSION_KEY]
    client.post("/accounts/2fa/totp/activate/", {"code": totp_code(secret)})
    types = set(Authenticator.objects.filter(user=newcomer).values_list("type", flat=True))
    assert types == {"totp", "recovery_codes"}
    assert client.get("/").status_code == 200


def test_totp_secrets_are_not_stored_in_the_clear(clinician):
    stored = Authenticator.objects.get(user=clinician, type="totp").data["secret"]
    assert clinician.totp_secret not in stored


def test_the_last_second_factor_cannot_be_removed(clinician):
    from allauth.mfa.adapter import get_adapter

    only = Authenticator.objects.get(user=clinician, type="totp")
    assert not get_adapter().can_delete_authenticator(only)


def test_signup_is_closed_without_an_invitation(client, practice):
    response = client.post(
        "/accounts/signup/",
        {"email": "walkin@example.com", "password1": PASSWORD, "password2": PASSWORD},
    )
    assert b"closed" in response.content.lower()
    from alcove.accounts.models import User

    assert not User.objects.filter(email="walkin@example.com").exists()


def test_a_deactivated_account_cannot_sign_in(client, clinician):
    clinician.is_active = False
    clinician.save()
    password_login(client, clinician.email)
    assert "_auth_user_id" not in client.session


def test_the_sign_in_page_carries_the_passkey_sign_in_and_its_script(client, practice):
    page = client.get("/accounts/login/").content.decode()
    assert 'id="mfa_login"' in page
    assert '<script src="/static/' in page  # served from Alcove itself: allowed by the CSP
