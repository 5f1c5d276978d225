from datetime import date

import pytest

from alcove.accounts.models import Role, Supervision
from alcove.clients.models import CareTeamMember, CareTeamRole, ContactKind
from alcove.clients.services import client_contact_add, client_create
from alcove.conftest import consent_on_file
from alcove.notes.models import NoteKind
from alcove.notes.services import note_create, note_save_draft, note_sign

PROGRESS = {
    "subjective": (
        "Dana reports Luc moved out on 3/2/2025 and she is staying with her mother in "
        "Petal. Missed two shifts at Hartwell Logistics; her phone is 662-555-0142."
    ),
    "objective": "A&Ox3, tearful, denies SI/HI. BP 118/76.",
    "assessment": "Adjustment disorder with depressed mood.",
    "plan": "Weekly CBT. Dee will call Dr. Okafor about sleep. F/u 2 wks.",
}


@pytest.fixture
def chart(make_staff):
    staff = {
        "clinician": make_staff(Role.CLINICIAN, name="Oren Blumfeld"),
        "co": make_staff(Role.CLINICIAN),
        "trainee": make_staff(Role.TRAINEE),
        "supervisor": make_staff(Role.SUPERVISOR),
        "stranger": make_staff(Role.CLINICIAN),
    }
    client = client_create(
        actor_id=None,
        legal_name="Dana Marie Moreau",
        preferred_name="Dee",
        date_of_birth=date(1986, 4, 17),
        employer_or_school="Hartwell Logistics",
        phone="662-555-0142",
        address="412 Birch Hollow Rd, Petal, MS 39465",
    )
    CareTeamMember.objects.create(
        client=client, staff=staff["clinician"], role=CareTeamRole.PRIMARY
    )
    for who in ("co", "trainee"):
        CareTeamMember.objects.create(
            client=client, staff=staff[who], role=CareTeamRole.CO_THERAPIST
        )
    Supervision.objects.create(supervisor=staff["supervisor"], trainee=staff["trainee"])
    client_contact_add(
        actor=staff["clinician"],
        client=client,
        kind=ContactKind.RELATIVE,
        name="Luc Moreau",
        relation="husband",
    )
    consent_on_file(client)
    staff["client"] = client
    return staff


def signed(actor, client, kind=NoteKind.PROGRESS, **parts):
    note = note_create(actor=actor, client=client, kind=kind)
    note_save_draft(actor=actor, note=note, **(parts or PROGRESS))
    return note_sign(actor=actor, note=note)


@pytest.fixture
def progress(chart):
    return signed(chart["clinician"], chart["client"])
