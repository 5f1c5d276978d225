from alcove.accounts.models import Role
from alcove.audit.models import AuditEvent
from alcove.clients.models import CareTeamMember, Client
from alcove.clients.services import client_create


def test_a_clinician_opens_a_chart_and_finds_the_client_in_their_caseload(signed_in, make_staff):
    clinician = make_staff(Role.CLINICIAN)
    browser = signed_in(clinician)
    response = browser.post(
        "/clients/new/", {"legal_name": "Beatrix Oyelaran", "preferred_name": "Bea"}
    )
    client = Client.objects.get()
    assert response.url == f"/clients/{client.pk}/"
    assert "Oyelaran" not in response.url
    assert CareTeamMember.objects.get(client=client).staff == clinician
    caseload = browser.get("/caseload/").content.decode()
    assert "Bea" in caseload and "Beatrix Oyelaran" in caseload
    chart = browser.get(f"/clients/{client.pk}/").content.decode()
    assert "Notes" in chart and "Access history" in chart


def test_each_name_shown_is_an_audited_read(signed_in, make_staff):
    clinician = make_staff(Role.CLINICIAN)
    browser = signed_in(clinician)
    browser.post("/clients/new/", {"legal_name": "Beatrix Oyelaran"})
    before = AuditEvent.objects.filter(action="demographics.read").count()
    browser.get("/caseload/")
    assert AuditEvent.objects.filter(action="demographics.read").count() == before + 1


def test_front_desk_sees_the_client_tab_and_nothing_about_notes(signed_in, make_staff):
    client = client_create(actor_id=None, legal_name="Beatrix Oyelaran")
    chart = signed_in(make_staff(Role.FRONT_DESK)).get(f"/clients/{client.pk}/")
    page = chart.content.decode()
    assert chart.status_code == 200 and "Beatrix Oyelaran" in page
    assert "Notes" not in page and "note" not in page.lower().replace("not recorded", "")


def test_a_clinician_outside_the_care_team_is_refused_with_the_rule(signed_in, make_staff):
    client = client_create(actor_id=None, legal_name="Beatrix Oyelaran")
    response = signed_in(make_staff(Role.CLINICIAN)).get(f"/clients/{client.pk}/")
    page = response.content.decode()
    assert response.status_code == 403
    assert "Need to know" in page and "break-the-glass" in page
    assert "Beatrix" not in page


def test_billing_cannot_open_a_new_chart(signed_in, make_staff):
    response = signed_in(make_staff(Role.BILLING)).get("/clients/new/")
    assert response.status_code == 403
