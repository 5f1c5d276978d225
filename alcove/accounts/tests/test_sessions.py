import time

import pytest

from alcove.accounts.middleware import LAST_SEEN_AT, SIGNED_IN_AT
from alcove.accounts.models import Practice, Role


@pytest.fixture
def client_of(signed_in, make_staff):
    return signed_in(make_staff(Role.CLINICIAN))


def age(client, key, seconds):
    session = client.session
    session[key] = time.time() - seconds
    session.save()


def test_an_active_session_stays_signed_in(client_of):
    age(client_of, LAST_SEEN_AT, 14 * 60)
    assert client_of.get("/").status_code == 200


def test_an_idle_session_ends_after_the_default_fifteen_minutes_and_says_why(client_of):
    age(client_of, LAST_SEEN_AT, 15 * 60 + 1)
    response = client_of.get("/", follow=True)
    assert response.redirect_chain[0][0] == "/accounts/login/"
    assert "signed out after 15 minutes without activity" in response.content.decode()
    assert client_of.get("/").status_code == 302


def test_the_idle_period_follows_the_practice_setting(client_of):
    Practice.objects.update(idle_timeout_minutes=5)
    age(client_of, LAST_SEEN_AT, 5 * 60 + 1)
    response = client_of.get("/", follow=True)
    assert "signed out after 5 minutes" in response.content.decode()


def test_every_session_ends_after_twelve_hours_even_when_active(client_of):
    age(client_of, SIGNED_IN_AT, 12 * 3600 + 1)
    response = client_of.get("/", follow=True)
    assert "at most 12 hours" in response.content.decode()


def test_pages_reload_themselves_after_the_idle_period(client_of):
    Practice.objects.update(idle_timeout_minutes=20)
    assert '<meta http-equiv="refresh" content="1205">' in client_of.get("/").content.decode()


def test_an_idle_post_is_not_carried_out(signed_in, make_staff):
    owner = make_staff(Role.OWNER)
    client = signed_in(owner)
    age(client, LAST_SEEN_AT, 16 * 60)
    client.post("/staff/", {"full_name": "X", "email": "x@harbour.example", "roles": ["billing"]})
    from alcove.accounts.models import Invitation

    assert not Invitation.objects.exists()


@pytest.mark.parametrize("minutes", [4, 61])
def test_the_idle_setting_must_be_between_5_and_60_minutes(minutes, fresh_owner_client):
    response = fresh_owner_client.post(
        "/practice/settings/",
        {"name": "Harbour Psychology", "idle_timeout_minutes": minutes, "age_of_majority": 18},
    )
    assert response.status_code == 200
    assert Practice.objects.get().idle_timeout_minutes == 15


def test_the_owner_sets_the_idle_period_and_the_age_of_majority(fresh_owner_client):
    fresh_owner_client.post(
        "/practice/settings/",
        {"name": "Harbour Psychology", "idle_timeout_minutes": 30, "age_of_majority": 16},
    )
    practice = Practice.objects.get()
    assert (practice.idle_timeout_minutes, practice.age_of_majority) == (30, 16)
