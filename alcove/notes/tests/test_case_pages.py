from alcove.accounts.models import Role
from alcove.audit.models import AuditEvent, Outcome
from alcove.clients.models import Case, CaseKind, Client
from alcove.conftest import consent_on_file
from alcove.encryption.blind_index import client_pseudonym
from alcove.notes.models import CaseNoteEntry


def new_client(browser, name):
    browser.post("/clients/new/", {"legal_name": name})
    return Client.objects.order_by("-created_at").first()


def test_a_clinician_opens_a_group_and_signs_a_session_note_for_it(signed_in, make_staff):
    browser = signed_in(make_staff(Role.CLINICIAN))
    greta, idris = new_client(browser, "Greta Holm"), new_client(browser, "Idris Khan")
    consent_on_file(greta)
    consent_on_file(idris)
    form = browser.get("/cases/new/").content.decode()
    assert "Greta Holm" in form and "Idris Khan" in form
    opened = browser.post(
        "/cases/new/", {"kind": "group", "label": "Tuesday group", "clients": [greta.pk, idris.pk]}
    )
    case = Case.objects.get()
    assert case.kind == CaseKind.GROUP and opened.url == f"/cases/{case.pk}/"
    refused = browser.post(f"/cases/{case.pk}/", {"shared": "Greta led the check-in."})
    assert "names a member" in refused.content.decode() and not CaseNoteEntry.objects.exists()
    browser.post(
        f"/cases/{case.pk}/",
        {"shared": "Check-in; theme of trust.", f"part-{greta.pk}": "Quiet today."},
    )
    greta_chart = browser.get(f"/clients/{greta.pk}/").content.decode()
    idris_chart = browser.get(f"/clients/{idris.pk}/").content.decode()
    assert "theme of trust" in greta_chart and "Quiet today." in greta_chart
    assert "theme of trust" in idris_chart and "Quiet today." not in idris_chart


def test_a_joint_note_waits_until_every_participant_has_consented(signed_in, make_staff):
    browser = signed_in(make_staff(Role.CLINICIAN))
    ana, ben = new_client(browser, "Ana Moreau"), new_client(browser, "Ben Moreau")
    consent_on_file(ana)
    browser.post("/cases/new/", {"kind": "couple", "clients": [ana.pk, ben.pk]})
    case = Case.objects.get()
    page = browser.post(f"/cases/{case.pk}/", {"shared": "Session one."}).content.decode()
    assert "Consent first" in page and "1 of 2 do not yet" in page
    assert page.count("no informed consent to treatment on file") == 1
    assert not CaseNoteEntry.objects.exists()
    refusal = AuditEvent.objects.get(resource_type="case_note", outcome=Outcome.DENIED)
    assert refusal.client == client_pseudonym(ben.pk)
    consent_on_file(ben)
    browser.post(f"/cases/{case.pk}/", {"shared": "Session one."})
    assert CaseNoteEntry.objects.count() == 2


def test_a_case_needs_two_clients_from_the_caseload(signed_in, make_staff):
    browser = signed_in(make_staff(Role.CLINICIAN))
    only = new_client(browser, "Greta Holm")
    page = browser.post("/cases/new/", {"kind": "couple", "clients": [only.pk]}).content.decode()
    assert "at least two clients" in page and not Case.objects.exists()
