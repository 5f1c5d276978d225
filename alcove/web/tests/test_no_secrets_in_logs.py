import io
import logging
from collections.abc import Iterator

import pytest
from allauth.mfa.totp.internal.auth import SECRET_SESSION_KEY
from django.test import Client

from alcove.accounts.services import invitation_create, setup_link_issue
from alcove.conftest import password_login, totp_code
from alcove.web.tests.urls_failing import PROTECTED

OWNER_PASSWORD = "orchard lantern midnight copper"
INVITEE_PASSWORD = "seven quiet harbours at dusk"
WRONG_PASSWORD = "wrong-but-secret-attempt-991"


@pytest.fixture
def log_output() -> Iterator[io.StringIO]:
    """What the configured console handler (with its redaction filter) writes."""
    handler = next(h for h in logging.getLogger("django").handlers if h.get_name() == "console")
    assert isinstance(handler, logging.StreamHandler)
    buffer = io.StringIO()
    old_stream = handler.setStream(buffer)
    yield buffer
    handler.setStream(old_stream)


def everything_a_person_does(client: Client) -> dict[str, str]:
    """Set up, enrol, invite, fail to sign in, sign in: return every secret involved."""
    setup_token = setup_link_issue()
    client.get(f"/setup/{setup_token}")
    form = {"practice_name": "Harbour Psychology", "full_name": "Ada Owner"}
    client.post(
        "/setup/",
        {
            **form,
            "email": "ada@harbour.example",
            "password1": OWNER_PASSWORD,
            "password2": OWNER_PASSWORD,
        },
    )
    client.get("/accounts/2fa/totp/activate/")
    totp_secret = client.session[SECRET_SESSION_KEY]
    enrol_code = totp_code(totp_secret)
    client.post("/accounts/2fa/totp/activate/", {"code": enrol_code})
    session_id = client.cookies["alcove-session"].value
    from alcove.accounts.models import User

    owner = User.objects.get(email="ada@harbour.example")
    invite_token = invitation_create(
        inviter=owner, email="cleo@harbour.example", full_name="Cleo", roles=["clinician"]
    )
    client.post("/accounts/logout/")
    client.get(f"/invite/{invite_token}")
    client.post(
        "/invite/",
        {"full_name": "Cleo", "password1": INVITEE_PASSWORD, "password2": INVITEE_PASSWORD},
    )
    client.post("/accounts/logout/")
    client.get(f"/setup/{setup_token}")  # reused link: refused, and logged
    client.get(f"/invite/{invite_token}")
    password_login(client, "ada@harbour.example", WRONG_PASSWORD)
    password_login(client, "ada@harbour.example", OWNER_PASSWORD)
    client.post("/accounts/2fa/authenticate/", {"code": "123987"})
    login_code = totp_code(totp_secret, offset=1)
    client.post("/accounts/2fa/authenticate/", {"code": login_code})
    return {
        "setup token": setup_token or "",
        "invitation token": invite_token,
        "owner password": OWNER_PASSWORD,
        "invitee password": INVITEE_PASSWORD,
        "wrong password": WRONG_PASSWORD,
        "TOTP secret": totp_secret,
        "enrolment code": enrol_code,
        "session id": session_id,
        "bad MFA code": "123987",
    }


@pytest.mark.django_db
def test_sign_in_journeys_leave_no_secret_in_any_log_line(client, log_output):
    secrets = everything_a_person_does(client)
    logged = log_output.getvalue()
    assert "link refused" in logged  # the journey did log; it just logged no secrets
    for name, value in secrets.items():
        assert value and value not in logged, f"{name} appeared in the log"


@pytest.mark.urls("alcove.web.tests.urls_failing")
def test_an_error_shows_a_generic_page_and_logs_no_protected_text(db, log_output):
    client = Client(raise_request_exception=False)
    response = client.post("/failing/", {"note": PROTECTED})
    body = response.content.decode()
    assert response.status_code == 500
    assert "Something went wrong" in body
    assert "STEPFATHER" not in body and "Traceback" not in body
    logged = log_output.getvalue()
    assert "ValueError: [message withheld]" in logged
    assert "STEPFATHER" not in logged


def test_a_missing_page_is_plain_and_does_not_echo_the_address(client, db):
    response = client.get("/records/STEPFATHER-HIT-ME/")
    assert response.status_code == 404
    assert "STEPFATHER" not in response.content.decode()
