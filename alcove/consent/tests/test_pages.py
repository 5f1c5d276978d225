import pytest

from alcove.consent.models import ConsentVersion, DocumentKind, VersionStatus
from alcove.consent.services import consent_revoke, consent_sign

from .conftest import complete


def chart(browser, team):
    return browser.get(f"/clients/{team['client'].pk}/").content.decode()


def test_the_chart_shows_what_is_missing_and_offers_both_ways_to_consent(
    team, published, signed_in
):
    html = chart(signed_in(team["clinician"]), team)
    assert 'id="consent-heading"' in html and "missing" in html
    assert "Notes cannot be signed until it is on file." in html
    assert "Sign with the client" in html and "Record verbal consent" in html


def test_the_chart_shows_signed_and_revoked_consents(team, published, signed_in):
    sign = {"client": team["client"], "typed_name": "Agnieszka Wolanski", "agreed": True}
    consent_sign(actor=team["clinician"], version=published[DocumentKind.TREATMENT], **sign)
    telehealth = consent_sign(
        actor=team["clinician"], version=published[DocumentKind.TELEHEALTH], **sign
    )
    consent_revoke(actor=team["clinician"], record=telehealth)
    html = chart(signed_in(team["clinician"]), team)
    assert "Agnieszka Wolanski, witnessed by Clara Ibsen" in html
    assert "Revoked: " in html and "Record revocation" in html


def test_front_desk_sees_no_consent_section(team, published, signed_in):
    html = chart(signed_in(team["desk"]), team)
    assert 'id="consent-heading"' not in html


def test_the_owner_sees_consents_but_is_not_offered_to_take_one(team, published, signed_in):
    html = chart(signed_in(team["owner"]), team)
    assert 'id="consent-heading"' in html and "Sign with the client" not in html


def test_a_verbal_consent_is_recorded_from_its_page(team, published, signed_in):
    browser = signed_in(team["clinician"])
    version = published[DocumentKind.TREATMENT]
    url = f"/clients/{team['client'].pk}/consent/verbal"
    assert "Record verbal consent" in browser.get(url).content.decode()
    reason = "Telephone session; the consent was read aloud and agreed."
    done = browser.post(url, {"version": str(version.pk), "signer": "client", "reason": reason})
    assert done.url == f"/clients/{team['client'].pk}/"
    assert "verbal consent" in chart(browser, team)


def test_the_owner_loads_edits_and_publishes_from_the_consent_documents_page(team, signed_in):
    browser = signed_in(team["owner"])
    assert "Load the starter documents" in browser.get("/consent/documents/").content.decode()
    browser.post("/consent/documents/")
    draft = ConsentVersion.objects.get(document__kind=DocumentKind.GROUP_AGREEMENT)
    url = f"/consent/versions/{draft.pk}/"
    refused = browser.post(url, {"text": draft.text, "verb": "publish"}, follow=True)
    assert "PRACTICE TO COMPLETE" in refused.content.decode()
    browser.post(url, {"text": complete(draft.text), "verb": "publish"})
    draft.refresh_from_db()
    assert draft.status == VersionStatus.PUBLISHED
    edited = browser.post(url, {"text": "Changed.", "verb": "save"}, follow=True)
    assert "never edited" in edited.content.decode()


@pytest.mark.parametrize("who", ["clinician", "desk"])
def test_the_consent_documents_page_is_the_owners(team, signed_in, who):
    assert signed_in(team[who]).get("/consent/documents/").status_code == 403
