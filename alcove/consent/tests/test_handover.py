"""The locked hand-over: only the document and the signature form until the clinician's
password brings the session back."""

import pytest

from alcove.audit.models import AuditEvent
from alcove.conftest import PASSWORD
from alcove.consent.handover import HANDOVER
from alcove.consent.models import ConsentRecord, DocumentKind

NAME = "Agnieszka Wolanski"


@pytest.fixture
def handed_over(team, published, signed_in):
    browser = signed_in(team["clinician"])
    version = published[DocumentKind.TREATMENT]
    started = browser.post(
        f"/clients/{team['client'].pk}/consent/sign",
        {"version": str(version.pk), "signer": "client"},
    )
    assert started.url == "/consent/hand-over/"
    return browser


def test_the_hand_over_shows_the_document_and_the_form_and_no_navigation(handed_over, team):
    html = handed_over.get("/consent/hand-over/").content.decode()
    assert "Duty to warn and protect" in html and "Type your full name" in html
    assert 'aria-label="Main"' not in html and "Sign out" not in html
    assert "Caseload" not in html and team["clinician"].full_name not in html


@pytest.mark.parametrize(
    "elsewhere", ["/", "/caseload/", "/clients/{client}/", "/accounts/reauthenticate/"]
)
def test_every_other_page_leads_back_to_the_hand_over(handed_over, team, elsewhere):
    response = handed_over.get(elsewhere.format(client=team["client"].pk))
    assert response.status_code == 302 and response.url == "/consent/hand-over/"


def test_the_client_signs_and_the_page_stays_locked(handed_over, team):
    signed = handed_over.post(
        "/consent/hand-over/", {"typed_name": NAME, "agreed": "on"}, follow=True
    )
    assert "hand the device back" in signed.content.decode()
    record = ConsentRecord.objects.get()
    assert record.client == team["client"] and record.recorded_by == team["clinician"]
    assert handed_over.get("/caseload/").url == "/consent/hand-over/"
    assert NAME not in "".join(url for url, _ in signed.redirect_chain)


def test_an_unticked_box_is_refused_on_the_hand_over_page(handed_over):
    response = handed_over.post("/consent/hand-over/", {"typed_name": NAME})
    assert response.status_code == 200 and "box ticked" in response.content.decode()
    assert not ConsentRecord.objects.exists()


def test_the_clinicians_password_ends_the_hand_over(handed_over, team):
    wrong = handed_over.post(
        "/consent/hand-over/unlock", {"password": "not the password"}, follow=True
    )
    assert wrong.redirect_chain == [("/consent/hand-over/", 302)]
    assert "4 more wrong tries sign the session out" in wrong.content.decode()
    assert handed_over.get("/caseload/").url == "/consent/hand-over/"
    back = handed_over.post("/consent/hand-over/unlock", {"password": PASSWORD})
    assert back.url == f"/clients/{team['client'].pk}/"
    assert handed_over.get("/caseload/").status_code == 200
    assert HANDOVER not in handed_over.session
    assert AuditEvent.objects.filter(action="consent.handover_unlock", outcome="denied").exists()
    assert AuditEvent.objects.filter(action="consent.handover_end").count() == 1


def test_five_wrong_passwords_sign_the_session_out(handed_over):
    for _ in range(5):
        response = handed_over.post("/consent/hand-over/unlock", {"password": "guess"})
    assert response.url == "/accounts/login/"
    assert handed_over.get("/caseload/").status_code == 302
    assert "/accounts/login/" in handed_over.get("/caseload/").url


def test_a_guardian_is_offered_as_the_signer(team, published, signed_in):
    from alcove.clients.models import ContactKind
    from alcove.clients.services import client_contact_add

    client_contact_add(
        actor=team["clinician"],
        client=team["client"],
        kind=ContactKind.GUARDIAN,
        name="Eva Wolanski",
    )
    page = signed_in(team["clinician"]).get(f"/clients/{team['client'].pk}/consent/sign")
    assert "Eva Wolanski, guardian" in page.content.decode()


def test_a_clinician_outside_the_care_team_cannot_start_a_hand_over(team, published, signed_in):
    page = signed_in(team["stranger"]).get(f"/clients/{team['client'].pk}/consent/sign")
    assert page.status_code == 403
