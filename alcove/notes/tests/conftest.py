import pytest

from alcove.accounts.models import Role, Supervision
from alcove.clients.models import CareTeamMember, CareTeamRole
from alcove.clients.services import client_create
from alcove.conftest import consent_on_file


@pytest.fixture
def practice_staff(make_staff):
    staff = {
        "clinician": make_staff(Role.CLINICIAN),
        "co": make_staff(Role.CLINICIAN),
        "trainee": make_staff(Role.TRAINEE),
        "supervisor": make_staff(Role.SUPERVISOR),
        "owner": make_staff(Role.OWNER),
        "desk": make_staff(Role.FRONT_DESK),
        "billing": make_staff(Role.BILLING),
        "stranger": make_staff(Role.CLINICIAN),
    }
    client = client_create(actor_id=None, legal_name="Agnieszka Wolanski")
    CareTeamMember.objects.create(
        client=client, staff=staff["clinician"], role=CareTeamRole.PRIMARY
    )
    for who in ("co", "trainee"):
        CareTeamMember.objects.create(
            client=client, staff=staff[who], role=CareTeamRole.CO_THERAPIST
        )
    Supervision.objects.create(supervisor=staff["supervisor"], trainee=staff["trainee"])
    consent_on_file(client)  # notes are signed only with informed consent on file
    staff["client"] = client
    return staff
