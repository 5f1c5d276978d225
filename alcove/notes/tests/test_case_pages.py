from alcove.accounts.models import Role
from alcove.clients.models import Case, CaseKind, Client
from alcove.notes.models import CaseNoteEntry


def new_client(browser, name):
    browser.post("/clients/new/", {"legal_name": name})
    return Client.objects.order_by("-created_at").first()


def test_a_clinician_opens_a_group_and_signs_a_session_note_for_it(signed_in, make_staff):
    browser = signed_in(make_staff(Role.CLINICIAN))
    greta, idris = new_client(browser, "Greta Holm"), new_client(browser, "Idris Khan")
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


def test_a_case_needs_two_clients_from_the_caseload(signed_in, make_staff):
    browser = signed_in(make_staff(Role.CLINICIAN))
    only = new_client(browser, "Greta Holm")
    page = browser.post("/cases/new/", {"kind": "couple", "clients": [only.pk]}).content.decode()
    assert "at least two clients" in page and not Case.objects.exists()
