import pytest

from alcove.accounts.models import Role
from alcove.conftest import password_login


@pytest.fixture
def clinician(make_staff):
    return make_staff(Role.CLINICIAN, email="cleo@harbour.example")


def test_five_wrong_passwords_lock_the_account_and_say_so(client, clinician):
    for _ in range(5):
        password_login(client, clinician.email, "wrong password entirely")
    response = password_login(client, clinician.email)
    assert response.status_code == 200
    assert "Too many failed login attempts" in response.content.decode()
    # Not even the right password gets past the password step while locked.
    assert "/2fa/" not in response.get("Location", "")


def test_four_wrong_passwords_do_not_lock_the_account(client, clinician):
    for _ in range(4):
        password_login(client, clinician.email, "wrong password entirely")
    response = password_login(client, clinician.email)
    assert response.url.startswith("/accounts/2fa/authenticate/")


def test_a_lockout_of_one_account_leaves_another_alone(client, clinician, make_staff):
    other = make_staff(Role.CLINICIAN, email="dan@harbour.example")
    for _ in range(5):
        password_login(client, clinician.email, "wrong password entirely")
    assert password_login(client, other.email).url.startswith("/accounts/2fa/authenticate/")


def test_the_lock_lifts_after_fifteen_minutes(client, clinician, monkeypatch):
    import time

    for _ in range(5):
        password_login(client, clinician.email, "wrong password entirely")
    later = time.time() + 15 * 60 + 1
    monkeypatch.setattr(time, "time", lambda: later)
    assert password_login(client, clinician.email).url.startswith("/accounts/2fa/authenticate/")
