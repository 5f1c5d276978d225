from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from alcove.accounts.models import Role, User
from alcove.clients.selectors import caseload_of
from alcove.conftest import totp_code
from alcove.notes.models import Note, NoteStatus
from alcove.web.demo import DEMO_PASSWORD


@pytest.fixture
def demo(db):
    out = StringIO()
    call_command("demo", stdout=out)
    return out.getvalue()


def test_the_demo_prints_an_account_for_every_role_with_its_password_and_secret(demo):
    assert DEMO_PASSWORD in demo
    for role in Role:
        assert role.label in demo
    assert demo.count("TOTP secret") == len(Role)


def test_a_demo_clinician_signs_in_with_the_printed_secret_and_sees_a_caseload(demo, client):
    line = next(line for line in demo.splitlines() if "clinician@demo" in line)
    secret = line.split("TOTP secret ")[1].strip()
    client.post(
        "/accounts/login/", {"login": "clinician@demo.alcove.test", "password": DEMO_PASSWORD}
    )
    client.post("/accounts/2fa/authenticate/", {"code": totp_code(secret)})
    assert "Juniper Vale" in client.get("/caseload/").content.decode()


def test_the_demo_has_notes_in_every_state(demo):
    assert {n.status for n in Note.objects.all()} == set(NoteStatus)
    assert caseload_of(User.objects.get(email="trainee@demo.alcove.test").pk).exists()


def test_the_demo_is_refused_once_a_practice_exists(demo):
    with pytest.raises(CommandError, match="already has a practice"):
        call_command("demo", stdout=StringIO())


def test_the_demo_is_refused_in_production(db, settings):
    settings.PRODUCTION = True
    with pytest.raises(CommandError, match="production"):
        call_command("demo", stdout=StringIO())


def test_the_demo_clients_have_consents_on_file_signed_verbal_and_revoked(demo):
    from alcove.consent.models import ConsentMethod, ConsentRecord, VersionStatus

    records = ConsentRecord.objects.select_related("version")
    assert {r.method for r in records} == set(ConsentMethod)
    assert records.filter(revoked_at__isnull=False).count() == 1
    assert {r.version.status for r in records} == {VersionStatus.PUBLISHED}


def test_the_demo_has_an_authorization_a_release_under_it_and_one_awaiting_signature(demo):
    from alcove.consent.authorizations import authorization_status
    from alcove.consent.models import Authorization
    from alcove.disclosures.models import Disclosure

    statuses = sorted(authorization_status(a) for a in Authorization.objects.all())
    assert statuses == ["active", "awaiting signature"]
    assert Disclosure.objects.get().authorization.method == "paper"
