from datetime import timedelta

import pytest
from django.utils import timezone

from alcove.access.breakglass import break_glass_alerts_seen, break_glass_open, break_glass_review
from alcove.access.decisions import AccessDenied
from alcove.access.models import Alert, BreakGlass
from alcove.accounts.models import Role
from alcove.clients.services import client_create

REASON = "Client collapsed in the waiting room; their clinician is abroad."


@pytest.fixture
def emergency(make_staff):
    client = client_create(actor_id=None, legal_name="Philippa Nakashima")
    clinician = make_staff(Role.CLINICIAN, name="Cormac Delaney")
    glass = break_glass_open(actor=clinician, client_id=client.pk, reason=REASON)
    return client, glass


def banner(html: str) -> str:
    return html.split('<aside class="alert" aria-label="Alerts">')[1].split("</aside>")[0]


def test_it_shows_the_owner_a_banner_on_every_page_until_each_use_is_reviewed(
    signed_in, make_staff, emergency
):
    _, glass = emergency
    owner = make_staff(Role.OWNER)
    browser = signed_in(owner)
    for path in ("/", "/staff/", "/break-glass/", "/practice/settings/"):
        html = browser.get(path).content.decode()
        assert 'href="/break-glass/"' in banner(html), path
        assert "1 use of break-the-glass to review" in banner(html), path
    break_glass_review(reviewer=owner, grant=glass, justified=True, note="")
    assert 'aria-label="Alerts"' not in browser.get("/").content.decode()


def test_it_counts_every_unreviewed_use(signed_in, make_staff, emergency):
    client, _ = emergency
    other = make_staff(Role.SUPERVISOR)
    break_glass_open(actor=other, client_id=client.pk, reason=REASON)
    html = signed_in(make_staff(Role.OWNER)).get("/").content.decode()
    assert "2 uses of break-the-glass to review" in banner(html)


def test_the_banner_names_no_client_no_staff_member_and_no_reason(signed_in, make_staff, emergency):
    client, _ = emergency
    text = banner(signed_in(make_staff(Role.OWNER)).get("/").content.decode())
    for secret in ("Philippa", "Nakashima", "Cormac", "Delaney", "collapsed", str(client.pk)):
        assert secret not in text


@pytest.mark.parametrize("role", [r for r in Role if r != Role.OWNER])
def test_staff_other_than_the_owner_see_no_alert(signed_in, make_staff, emergency, role):
    assert 'aria-label="Alerts"' not in signed_in(make_staff(role)).get("/").content.decode()


def test_the_queue_shows_who_when_which_chart_why_and_until_when(signed_in, make_staff, emergency):
    client, glass = emergency
    queue = signed_in(make_staff(Role.OWNER)).get("/break-glass/").content.decode()
    assert "Cormac Delaney" in queue and REASON in queue
    assert f"{glass.opened_at:%H:%M} UTC" in queue and f"{glass.expires_at:%H:%M} UTC" in queue
    assert f'href="/clients/{client.pk}/"' in queue and "Nakashima" not in queue
    assert "open until" in queue


def test_the_queue_says_when_the_access_has_ended(signed_in, make_staff, emergency):
    _, glass = emergency
    BreakGlass.objects.filter(pk=glass.pk).update(expires_at=timezone.now() - timedelta(minutes=1))
    queue = signed_in(make_staff(Role.OWNER)).get("/break-glass/").content.decode()
    assert "Access ended" in queue


def test_it_marks_a_use_new_until_the_owner_has_seen_the_queue(signed_in, make_staff, emergency):
    _, glass = emergency
    browser = signed_in(make_staff(Role.OWNER))
    assert '<span class="badge">New</span>' in browser.get("/break-glass/").content.decode()
    assert Alert.objects.get(subject_id=str(glass.pk)).seen_at is not None
    again = browser.get("/break-glass/").content.decode()
    assert '<span class="badge">New</span>' not in again and "Cormac Delaney" in again


def test_only_the_owner_receives_the_alerts(make_staff, emergency):
    with pytest.raises(AccessDenied, match="Only the owner"):
        break_glass_alerts_seen(reviewer=make_staff(Role.CLINICIAN))
    assert not Alert.objects.filter(seen_at__isnull=False).exists()
