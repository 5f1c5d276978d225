from datetime import timedelta

import pytest
from django.utils import timezone

from alcove.access.policy import Action, DataClass, Relationship
from alcove.access.services import decide
from alcove.accounts.models import Role, Supervision
from alcove.clients.models import CareTeamMember, CareTeamRole
from alcove.clients.selectors import relationship_of
from alcove.clients.services import client_create


@pytest.fixture
def team(make_staff):
    staff = {
        "primary": make_staff(Role.TRAINEE),
        "co": make_staff(Role.CLINICIAN),
        "supervisor": make_staff(Role.SUPERVISOR),
        "stranger": make_staff(Role.CLINICIAN),
        "desk": make_staff(Role.FRONT_DESK),
    }
    client = client_create(actor_id=None, legal_name="Rosa Quintero")
    CareTeamMember.objects.create(client=client, staff=staff["primary"], role=CareTeamRole.PRIMARY)
    CareTeamMember.objects.create(client=client, staff=staff["co"], role=CareTeamRole.CO_THERAPIST)
    Supervision.objects.create(supervisor=staff["supervisor"], trainee=staff["primary"])
    staff["client"] = client
    return staff


def rel(team, who, author=None):
    return relationship_of(
        actor_id=team[who].pk, client_id=team["client"].pk, author_id=author and team[author].pk
    )


def test_each_staff_member_stands_in_the_expected_relationship_to_the_chart(team):
    assert rel(team, "primary") == Relationship.AUTHOR
    assert rel(team, "co") == Relationship.CARE_TEAM
    assert rel(team, "supervisor") == Relationship.SUPERVISES_AUTHOR
    assert rel(team, "stranger") == Relationship.NONE
    assert rel(team, "desk") == Relationship.NONE


def test_for_a_note_the_author_is_its_writer_not_the_primary_clinician(team):
    assert rel(team, "co", author="co") == Relationship.AUTHOR
    assert rel(team, "primary", author="co") == Relationship.CARE_TEAM
    assert rel(team, "supervisor", author="co") == Relationship.SUPERVISES_CARE_TEAM


def test_supervising_a_licensed_colleague_opens_none_of_their_notes(team, make_staff):
    Supervision.objects.create(supervisor=team["supervisor"], trainee=team["co"])
    assert rel(team, "supervisor", author="co") != Relationship.SUPERVISES_AUTHOR


def test_an_ended_membership_or_supervision_no_longer_counts(team):
    past = timezone.now() - timedelta(minutes=1)
    CareTeamMember.objects.filter(staff=team["co"]).update(ended_at=past)
    Supervision.objects.update(ended_at=past)
    assert rel(team, "co") == Relationship.NONE
    assert rel(team, "supervisor") == Relationship.NONE


def psychotherapy_read(team, who, author):
    return decide(
        actor=team[who],
        action=Action.READ,
        data_class=DataClass.PSYCHOTHERAPY_NOTES,
        client_id=team["client"].pk,
        resource_type="psychotherapy_note",
        author_id=author and team[author].pk,
    ).allowed


def test_psychotherapy_notes_open_to_their_author_and_the_trainees_supervisor_only(team):
    assert psychotherapy_read(team, "primary", author="primary")
    assert psychotherapy_read(team, "supervisor", author="primary")
    assert not psychotherapy_read(team, "co", author="primary")
    assert not psychotherapy_read(team, "primary", author="co")  # the co-therapist's own notes
    assert not psychotherapy_read(team, "stranger", author="primary")


def test_without_a_named_author_no_psychotherapy_note_opens(team):
    assert not psychotherapy_read(team, "primary", author=None)


def test_the_care_team_reads_the_chart_and_a_stranger_is_refused(team):
    def can_read_clinical(who):
        return decide(
            actor=team[who],
            action=Action.READ,
            data_class=DataClass.CLINICAL,
            client_id=team["client"].pk,
            resource_type="client",
        ).allowed

    assert [can_read_clinical(w) for w in ("primary", "co", "supervisor", "stranger", "desk")] == [
        True,
        True,
        True,
        False,
        False,
    ]
