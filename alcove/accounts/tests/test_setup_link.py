from datetime import timedelta

import pytest
from django.utils import timezone

from alcove.accounts.models import Practice, Role, SetupLink, User
from alcove.accounts.services import setup_link_issue

pytestmark = pytest.mark.django_db

FORM = {
    "practice_name": "Harbour Psychology",
    "full_name": "Ada Owner",
    "email": "ada@harbour.example",
    "password1": "quiet tidal morning lantern",
    "password2": "quiet tidal morning lantern",
}


def open_link(client, token):
    return client.get(f"/setup/{token}")


def test_it_issues_no_link_once_the_practice_exists(practice):
    assert setup_link_issue() is None


def test_it_creates_the_practice_and_its_owner_from_the_link(client):
    token = setup_link_issue()
    response = open_link(client, token)
    assert response.status_code == 302 and response.url == "/setup/"
    response = client.post("/setup/", FORM)
    assert response.status_code == 302
    assert Practice.objects.get().name == "Harbour Psychology"
    owner = User.objects.get(email="ada@harbour.example")
    assert owner.roles == {Role.OWNER}
    # Signed in, and sent to second-factor enrolment before anything else.
    assert response.url == "/security/enrol/"
    assert client.get("/").url == "/security/enrol/"


def test_it_keeps_the_token_out_of_later_urls(client):
    response = open_link(client, setup_link_issue())
    assert response.url == "/setup/"


def test_a_used_link_cannot_be_used_again(client):
    token = setup_link_issue()
    open_link(client, token)
    client.post("/setup/", FORM)
    client.logout()
    response = open_link(client, token)
    assert response.status_code == 410
    assert b"already been used" in response.content


def test_an_expired_link_is_refused_and_changes_nothing(client):
    token = setup_link_issue()
    SetupLink.objects.update(expires_at=timezone.now() - timedelta(seconds=1))
    response = open_link(client, token)
    assert response.status_code == 410
    assert b"expired" in response.content
    assert not Practice.objects.exists()


def test_a_link_that_expires_between_opening_and_submitting_changes_nothing(client):
    open_link(client, setup_link_issue())
    SetupLink.objects.update(expires_at=timezone.now() - timedelta(seconds=1))
    response = client.post("/setup/", FORM)
    assert response.status_code == 410
    assert not Practice.objects.exists() and not User.objects.exists()


def test_an_unknown_link_is_refused(client):
    setup_link_issue()
    response = open_link(client, "not-a-real-token")
    assert response.status_code == 410
    assert b"not recognised" in response.content


def test_the_setup_form_without_a_link_is_refused(client):
    response = client.post("/setup/", FORM)
    assert response.status_code == 410
    assert not Practice.objects.exists()


def test_a_newer_link_replaces_the_older_one(client):
    older = setup_link_issue()
    setup_link_issue()
    assert open_link(client, older).status_code == 410


def test_a_weak_password_is_refused_with_the_reason_and_nothing_is_created(client):
    open_link(client, setup_link_issue())
    weak = {**FORM, "password1": "harbourpsychology1", "password2": "harbourpsychology1"}
    response = client.post("/setup/", weak)
    assert response.status_code == 200
    assert "contains your practice" in response.content.decode()
    assert not Practice.objects.exists()


def test_the_link_stays_usable_after_a_refused_password(client):
    open_link(client, setup_link_issue())
    client.post("/setup/", {**FORM, "password1": "short", "password2": "short"})
    assert client.post("/setup/", FORM).status_code == 302
    assert Practice.objects.count() == 1


def test_a_second_practice_cannot_be_created_even_with_a_valid_link(client, practice):
    from alcove.accounts.selectors import token_digest

    expires = timezone.now() + timedelta(hours=1)
    SetupLink.objects.create(digest=token_digest("leftover"), expires_at=expires)
    response = open_link(client, "leftover")
    assert response.status_code == 410
    assert b"already been set up" in response.content
    assert Practice.objects.count() == 1


def test_the_setup_link_command_prints_a_link(db, capsys):
    from django.core.management import call_command

    call_command("setup_link", port=8123)
    out = capsys.readouterr().out
    assert "http://127.0.0.1:8123/setup/" in out
    assert "expires in one hour" in out
