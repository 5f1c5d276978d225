from alcove.access.models import BreakGlass
from alcove.accounts.models import Role
from alcove.audit.models import AuditEvent
from alcove.clients.services import client_create

REASON = "Sister phoned: client in hospital, primary clinician on leave."


def test_a_clinician_finds_a_stranger_and_opens_the_record_by_break_the_glass(
    signed_in, make_staff
):
    client = client_create(actor_id=None, legal_name="Philippa Nakashima")
    browser = signed_in(make_staff(Role.CLINICIAN))
    found = browser.post("/clients/find/", {"name": "philippa nakashima"}).content.decode()
    assert "A client you do not treat" in found and "Nakashima" not in found
    refused = browser.get(f"/clients/{client.pk}/")
    assert refused.status_code == 403 and "Emergency access" in refused.content.decode()
    short = browser.post(f"/clients/{client.pk}/break-glass", {"reason": "urgent"})
    assert short.status_code == 200 and not BreakGlass.objects.exists()
    opened = browser.post(f"/clients/{client.pk}/break-glass", {"reason": REASON})
    assert opened.url == f"/clients/{client.pk}/"
    chart = browser.get(opened.url).content.decode()
    assert "Philippa Nakashima" in chart
    assert AuditEvent.objects.filter(action="demographics.read", reason=REASON).exists()


def test_the_search_never_puts_a_name_in_the_address(signed_in, make_staff):
    browser = signed_in(make_staff(Role.CLINICIAN))
    assert browser.get("/clients/find/?name=Philippa").status_code == 200
    page = browser.get("/clients/find/").content.decode()
    assert 'method="post"' in page


def test_the_owner_sees_the_waiting_review_and_marks_it(signed_in, make_staff, client_factory):
    client = client_create(actor_id=None, legal_name="Philippa Nakashima")
    clinician = make_staff(Role.CLINICIAN, name="Cormac Delaney")
    signed_in(clinician).post(f"/clients/{client.pk}/break-glass", {"reason": REASON})
    owner = client_factory()
    owner.force_login(
        make_staff(Role.OWNER), backend="allauth.account.auth_backends.AuthenticationBackend"
    )
    assert "1 use of break-the-glass to review" in owner.get("/").content.decode()
    queue = owner.get("/break-glass/").content.decode()
    assert "Cormac Delaney" in queue and REASON in queue
    glass = BreakGlass.objects.get()
    owner.post(f"/break-glass/{glass.pk}/review", {"justified": "yes", "note": "Agreed."})
    glass.refresh_from_db()
    assert glass.justified is True
    assert "Nothing waiting" in owner.get("/break-glass/").content.decode()


def test_front_desk_is_offered_no_break_the_glass(signed_in, make_staff):
    client = client_create(actor_id=None, legal_name="Philippa Nakashima")
    response = signed_in(make_staff(Role.BILLING)).get(f"/clients/{client.pk}/break-glass")
    assert response.status_code == 403
