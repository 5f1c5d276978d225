import pytest

from alcove.access.decisions import AccessDenied
from alcove.accounts.models import Role, Supervision
from alcove.accounts.services import StaffActionRefused, supervision_set
from alcove.audit.models import AuditEvent
from alcove.clients.models import CareTeamMember, Client
from alcove.clients.services import care_team_add, client_intake


def test_the_primary_clinician_adds_a_co_therapist_who_can_then_open_the_chart(
    signed_in, make_staff, client_factory
):
    primary, colleague = make_staff(Role.CLINICIAN), make_staff(Role.CLINICIAN, name="Wen Zhou")
    browser = signed_in(primary)
    browser.post("/clients/new/", {"legal_name": "Nadia Farouk"})
    client = Client.objects.get()
    chart = browser.get(f"/clients/{client.pk}/").content.decode()
    assert f'href="/clients/{client.pk}/care-team"' in chart and "Wen Zhou" not in chart
    page = browser.get(f"/clients/{client.pk}/care-team").content.decode()
    assert "Add a co-therapist" in page and "Wen Zhou" in page
    browser.post(f"/clients/{client.pk}/care-team", {"staff": colleague.pk})
    other = client_factory()
    other.force_login(colleague, backend="allauth.account.auth_backends.AuthenticationBackend")
    assert other.get(f"/clients/{client.pk}/").status_code == 200
    assert AuditEvent.objects.filter(action="care_team.add", resource_id=str(colleague.pk)).exists()


def test_a_co_therapist_or_front_desk_cannot_change_the_care_team(make_staff):
    primary, co, desk = (
        make_staff(Role.CLINICIAN),
        make_staff(Role.CLINICIAN),
        make_staff(Role.FRONT_DESK),
    )
    client = client_intake(actor=primary, legal_name="Nadia Farouk")
    care_team_add(actor=primary, client=client, staff=co)
    for actor in (co, desk):
        with pytest.raises(AccessDenied):
            care_team_add(actor=actor, client=client, staff=make_staff(Role.CLINICIAN))
    with pytest.raises(AccessDenied, match="clinician or trainee"):
        care_team_add(actor=primary, client=client, staff=desk)
    assert CareTeamMember.objects.filter(client=client).count() == 2


def test_the_owner_assigns_a_trainees_supervisor_and_can_change_it(make_staff):
    owner, trainee = make_staff(Role.OWNER), make_staff(Role.TRAINEE)
    first, second = make_staff(Role.SUPERVISOR), make_staff(Role.SUPERVISOR)
    supervision_set(actor=owner, user=trainee, supervisor=first)
    supervision_set(actor=owner, user=trainee, supervisor=second)
    current = Supervision.objects.get(trainee=trainee, ended_at__isnull=True)
    assert current.supervisor == second
    assert Supervision.objects.filter(trainee=trainee).count() == 2  # the first is kept, ended
    with pytest.raises(StaffActionRefused):
        supervision_set(actor=owner, user=trainee, supervisor=make_staff(Role.CLINICIAN))
    with pytest.raises(StaffActionRefused):
        supervision_set(actor=first, user=trainee, supervisor=first)
    assert AuditEvent.objects.filter(action="staff.supervision_set", outcome="denied").count() == 2


def test_the_staff_page_of_a_trainee_offers_a_supervisor(fresh_owner_client, make_staff):
    trainee = make_staff(Role.TRAINEE)
    supervisor = make_staff(Role.SUPERVISOR, name="Sofia Berg")
    page = fresh_owner_client.get(f"/staff/{trainee.pk}/").content.decode()
    assert "Sofia Berg" in page
    fresh_owner_client.post(f"/staff/{trainee.pk}/supervisor", {"supervisor": supervisor.pk})
    assert Supervision.objects.get(trainee=trainee).supervisor == supervisor


def test_only_the_primary_clinician_is_offered_the_care_team_page(signed_in, make_staff):
    primary, co = make_staff(Role.CLINICIAN), make_staff(Role.CLINICIAN, name="Wen Zhou")
    client = client_intake(actor=primary, legal_name="Nadia Farouk")
    care_team_add(actor=primary, client=client, staff=co)
    browser = signed_in(co)
    assert "care-team" not in browser.get(f"/clients/{client.pk}/").content.decode()
    refused = browser.get(f"/clients/{client.pk}/care-team")
    assert refused.status_code == 403
    assert "primary clinician or the owner changes the care team" in refused.content.decode()
