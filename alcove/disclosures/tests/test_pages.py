import io
from datetime import timedelta

from django.utils import timezone
from pypdf import PdfReader

from alcove.audit.models import AuditEvent
from alcove.conftest import PASSWORD
from alcove.consent.authorizations import authorization_status
from alcove.consent.models import Authorization
from alcove.disclosures.models import Basis, Disclosure, Told

from .conftest import EARLY, MIDDLE, TODAY, authorize


def pdf_text(response) -> str:
    reader = PdfReader(io.BytesIO(response.content))
    return " ".join(" ".join(page.extract_text() for page in reader.pages).split())


def an_hour_ago() -> str:
    return f"{timezone.localtime() - timedelta(hours=1):%Y-%m-%dT%H:%M}"


def authorization_form(**changes):
    values = {
        "recipient": "Dr Oren Blum, 4 Quay Street",
        "purpose": "Continuity of care",
        "classes": ["progress_notes"],
        "covers_from": EARLY.isoformat(),
        "covers_to": TODAY.isoformat(),
        "expires_on": "",
        "expiry_event": "the end of treatment",
        "signer": "client",
        "method": "paper",
        "paper_signed_by": "Agnieszka Wolanski",
    }
    return {**values, **changes}


def test_the_chart_leads_a_treating_clinician_to_releases_and_the_accounting(chart, signed_in):
    browser = signed_in(chart["clinician"])
    client = chart["client"]
    assert (
        f"/clients/{client.pk}/releases/" in browser.get(f"/clients/{client.pk}/").content.decode()
    )
    authorize(chart)
    page = browser.get(f"/clients/{client.pk}/releases/").content.decode()
    assert "Dr Oren Blum" in page and "active" in page and "Nothing has been released" in page


def test_front_desk_sees_no_releases_page(chart, signed_in):
    browser = signed_in(chart["desk"])
    assert browser.get(f"/clients/{chart['client'].pk}/releases/").status_code == 403


def test_a_paper_authorization_is_recorded_from_the_form(chart, signed_in):
    browser = signed_in(chart["clinician"])
    response = browser.post(
        f"/clients/{chart['client'].pk}/authorizations/new", authorization_form()
    )
    authorization = Authorization.objects.get()
    assert response.url == f"/authorizations/{authorization.pk}/"
    page = browser.get(response.url).content.decode()
    assert "the end of treatment" in page and "Record that the expiry event happened" in page


def test_the_form_says_which_elements_an_authorization_lacks(chart, signed_in):
    browser = signed_in(chart["clinician"])
    response = browser.post(
        f"/clients/{chart['client'].pk}/authorizations/new",
        authorization_form(
            expiry_event="", covers_from=TODAY.isoformat(), covers_to=EARLY.isoformat()
        ),
    )
    page = response.content.decode()
    assert "a date range that starts before it ends" in page and "an expiry" in page
    assert not Authorization.objects.exists()


def test_the_client_signs_an_authorization_on_the_device_in_the_locked_hand_over(chart, signed_in):
    browser = signed_in(chart["clinician"])
    started = browser.post(
        f"/clients/{chart['client'].pk}/authorizations/new",
        authorization_form(method="device", paper_signed_by=""),
    )
    assert started.url == "/consent/hand-over/"
    assert browser.get(f"/clients/{chart['client'].pk}/").url == "/consent/hand-over/"  # locked
    page = browser.get("/consent/hand-over/").content.decode()
    assert "Authorization to release information" in page and "You may revoke" in page
    browser.post("/consent/hand-over/", {"typed_name": "Agnieszka Wolanski", "agreed": "on"})
    browser.post("/consent/hand-over/unlock", {"password": PASSWORD})
    assert authorization_status(Authorization.objects.get()) == "active"


def test_a_court_ordered_release_leaves_a_package_and_a_record(chart, signed_in):
    browser = signed_in(chart["clinician"])
    url = f"/clients/{chart['client'].pk}/releases/new?basis=court_order"
    form = browser.get(url).content.decode()
    assert "Order reference" in form and "Psychotherapy notes" not in form
    response = browser.post(
        url,
        {
            "classes": ["progress_notes"],
            "covers_from": MIDDLE.isoformat(),
            "covers_to": TODAY.isoformat(),
            "recipient": "Clerk of the Family Court",
            "purpose": "Custody hearing",
            "fact_order_reference": "Family Court, case 24-118",
            "fact_judge": "Judge M. Okafor",
        },
    )
    disclosure = Disclosure.objects.get()
    assert response.url == f"/releases/{disclosure.pk}/"
    detail = browser.get(response.url).content.decode()
    assert "Judge M. Okafor" in detail and disclosure.package_sha256 in detail
    package = browser.get(f"/releases/{disclosure.pk}/package.pdf")
    assert package["Content-Type"] == "application/pdf" and package["Cache-Control"] == "no-store"
    text = pdf_text(package)
    assert f"Disclosure {disclosure.pk}" in text and "Middle session: improving." in text
    assert "Early session" not in text


def test_a_release_form_without_its_facts_asks_for_them(chart, signed_in):
    browser = signed_in(chart["clinician"])
    response = browser.post(
        f"/clients/{chart['client'].pk}/releases/new?basis=court_order",
        {"classes": ["identifying"], "recipient": "Clerk", "purpose": "Hearing"},
    )
    assert response.status_code == 200 and not Disclosure.objects.exists()
    assert "This field is required" in response.content.decode()


def test_the_guided_duty_to_warn_records_each_step_and_what_the_client_was_told(chart, signed_in):
    browser = signed_in(chart["clinician"])
    url = f"/clients/{chart['client'].pk}/releases/guided/duty_to_warn"
    form = browser.get(url).content.decode()
    order = [
        "The threat",
        "The person at risk",
        "The rule being followed",
        "Supervisor or colleague",
        "When it was disclosed",
        "Exactly what was disclosed",
        "Was the client told?",
    ]
    assert [form.index(label) for label in order] == sorted(form.index(label) for label in order)
    assert "<legend>1. The concern</legend>" in form and "5. Telling the client" in form
    report = browser.get(url.replace("duty_to_warn", "mandatory_report")).content.decode()
    steps = [
        "The concern that led",
        "The law that requires",
        "Supervisor or colleague",
        "Agency reported to",
        "Report reference",
    ]
    assert [report.index(label) for label in steps] == sorted(report.index(s) for s in steps)
    response = browser.post(
        url,
        {
            "fact_threat": "Said he would hurt his neighbour tonight",
            "fact_person_at_risk": "The neighbour, Mr P. Hale, 6 Mill Lane",
            "fact_rule": "State duty-to-protect statute",
            "fact_consulted": "Dr Ruth Amsel, clinical supervisor: agreed to warn",
            "fact_method": "Telephone",
            "when": an_hour_ago(),
            "recipient": "Mr P. Hale, and the county police duty desk",
            "statement": "A client made a specific threat against you tonight; please take care.",
            "classes": [],
            "told": Told.TOLD,
            "told_detail": "Told in session before the call.",
        },
    )
    disclosure = Disclosure.objects.get()
    assert response.url == f"/releases/{disclosure.pk}/"
    assert disclosure.basis == Basis.DUTY_TO_WARN and disclosure.classes == []
    assert disclosure.notices.get().told == Told.TOLD
    detail = browser.get(response.url).content.decode()
    assert "Dr Ruth Amsel" in detail and "please take care" in detail
    accounting = browser.get(f"/clients/{chart['client'].pk}/accounting/").content.decode()
    assert "county police duty desk" in accounting and "Duty to warn or protect" in accounting
    event = AuditEvent.objects.get(action="disclosure.release")
    assert "Hale" not in event.rule + event.reason + event.resource_type


def test_the_accounting_prints_for_the_client(chart, signed_in):
    browser = signed_in(chart["clinician"])
    page = browser.get(f"/clients/{chart['client'].pk}/accounting/").content.decode()
    assert "There were no releases in this period." in page
    printed = browser.get(f"/clients/{chart['client'].pk}/accounting.pdf")
    assert "Accounting of disclosures" in pdf_text(printed)


def test_a_release_the_authorization_does_not_cover_is_refused_with_the_reason(chart, signed_in):
    authorization = authorize(chart)
    browser = signed_in(chart["clinician"])
    url = f"/clients/{chart['client'].pk}/releases/new?basis=authorization"
    assert "Dr Oren Blum" in browser.get(url).content.decode()
    response = browser.post(url, {"authorization": authorization.pk, "classes": ["intake"]})
    page = response.content.decode()
    assert response.status_code == 422 and "Not released." in page
    assert "it does not cover Intake assessment" in page and "new authorization" in page
    assert not Disclosure.objects.exists()


def test_a_trainee_reads_releases_but_is_offered_no_release_or_print(chart, signed_in):
    browser = signed_in(chart["trainee"])
    page = browser.get(f"/clients/{chart['client'].pk}/releases/").content.decode()
    assert "Record an authorization" in page and "Release information" not in page
    assert "treating clinician or the privacy officer" in page
    accounting = browser.get(f"/clients/{chart['client'].pk}/accounting/").content.decode()
    assert "Print for the client" not in accounting
    assert browser.get(f"/clients/{chart['client'].pk}/releases/new").status_code == 403


def test_only_a_witness_who_may_write_the_clients_consents_starts_a_hand_over(chart, signed_in):
    authorization = authorize(chart, paper_signed_by="")
    browser = signed_in(chart["stranger"])
    response = browser.post(f"/authorizations/{authorization.pk}/change", {"verb": "sign"})
    assert response.status_code == 403
    assert browser.get("/caseload/").status_code == 200  # not locked into a hand-over
    mine = signed_in(chart["clinician"])
    signed = authorize(chart)
    refused = mine.post(f"/authorizations/{signed.pk}/change", {"verb": "sign"}, follow=True)
    assert "does not await a signature" in refused.content.decode()
