import pytest

from alcove.accounts.models import Role
from alcove.conftest import password_login, totp_code


@pytest.fixture
def fresh_owner(make_staff):
    return make_staff(Role.OWNER, name="Ada Owner", email="ada@harbour.example")


@pytest.fixture
def fresh_owner_client(client, fresh_owner):
    """The owner, signed in through both factors just now (a recent authentication)."""
    password_login(client, fresh_owner.email)
    client.post("/accounts/2fa/authenticate/", {"code": totp_code(fresh_owner.totp_secret)})
    assert client.get("/").status_code == 200
    return client
