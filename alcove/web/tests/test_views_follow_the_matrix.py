"""Every role in every relationship, through the pages that exist, against the policy table.

Pages: the chart (demographics read), a progress note (clinical read), a psychotherapy
note (psychotherapy_notes read) and the access history (audit read). A page answers 200
exactly when the table allows its data class to that role and relationship.
"""

from itertools import product

import pytest

from alcove.access.policy import Action, DataClass, Relationship, grant_for
from alcove.accounts.models import Role, Supervision
from alcove.clients.models import CareTeamMember, CareTeamRole
from alcove.clients.services import client_create
from alcove.notes.models import NoteKind
from alcove.notes.services import note_create, note_save_draft

PAGES = {
    DataClass.DEMOGRAPHICS: "/clients/{client}/",
    DataClass.CLINICAL: "/notes/{progress}/",
    DataClass.PSYCHOTHERAPY_NOTES: "/psychotherapy-notes/{process}/",
    DataClass.AUDIT: "/clients/{client}/access/",
}


@pytest.fixture
def chart(make_staff):
    """A client whose primary clinician is a trainee who wrote both notes."""
    client = client_create(actor_id=None, legal_name="Matrix Client")
    author = make_staff(Role.TRAINEE, mfa=False)
    co_trainee = make_staff(Role.TRAINEE, mfa=False)
    CareTeamMember.objects.create(client=client, staff=author, role=CareTeamRole.PRIMARY)
    CareTeamMember.objects.create(client=client, staff=co_trainee, role=CareTeamRole.CO_THERAPIST)
    progress = note_create(actor=author, client=client, kind=NoteKind.PROGRESS)
    note_save_draft(actor=author, note=progress, subjective="s")
    process = note_create(actor=author, client=client, kind=NoteKind.PSYCHOTHERAPY)
    note_save_draft(actor=author, note=process, body="b")
    urls = {
        k: v.format(client=client.pk, progress=progress.pk, process=process.pk)
        for k, v in PAGES.items()
    }
    return client, author, co_trainee, urls


def stand(chart, make_staff, role, relationship):
    client, author, co_trainee, _ = chart
    actor = make_staff(role)
    if relationship == Relationship.AUTHOR:
        # The author of the chart and its notes: the primary clinician.
        CareTeamMember.objects.filter(client=client, role=CareTeamRole.PRIMARY).update(staff=actor)
        from alcove.notes.models import Note

        Note.objects.filter(client=client).update(author=actor)
    elif relationship == Relationship.CARE_TEAM:
        CareTeamMember.objects.create(client=client, staff=actor, role=CareTeamRole.CO_THERAPIST)
    elif relationship == Relationship.SUPERVISES_AUTHOR:
        Supervision.objects.create(supervisor=actor, trainee=author)
    elif relationship == Relationship.SUPERVISES_CARE_TEAM:
        Supervision.objects.create(supervisor=actor, trainee=co_trainee)
    return actor


@pytest.mark.parametrize(("role", "relationship"), list(product(Role, Relationship)))
def test_each_page_opens_exactly_when_the_table_allows(
    chart, make_staff, signed_in, role, relationship
):
    actor = stand(chart, make_staff, role, relationship)
    browser = signed_in(actor)
    for data_class, url in chart[3].items():
        expected = grant_for(role, relationship, data_class, Action.READ) is not None
        status = browser.get(url).status_code
        assert status == (200 if expected else 403), (role, relationship, data_class, status)
