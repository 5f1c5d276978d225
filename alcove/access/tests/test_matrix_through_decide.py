"""The whole table, enumerated through decide() with relationships made from real data."""

from itertools import product

import pytest

from alcove.access.policy import Action, DataClass, Relationship, grant_for
from alcove.access.services import decide
from alcove.accounts.models import Role, Supervision
from alcove.audit.models import AuditEvent
from alcove.clients.models import CareTeamMember, CareTeamRole
from alcove.clients.selectors import relationship_of
from alcove.clients.services import client_create


@pytest.fixture
def world(make_staff):
    """A client whose author (primary) is a trainee, and a co-therapist trainee."""
    client = client_create(actor_id=None, legal_name="Matrix Client")
    author = make_staff(Role.TRAINEE, mfa=False)
    co_trainee = make_staff(Role.TRAINEE, mfa=False)
    CareTeamMember.objects.create(client=client, staff=author, role=CareTeamRole.PRIMARY)
    CareTeamMember.objects.create(client=client, staff=co_trainee, role=CareTeamRole.CO_THERAPIST)
    return client, author, co_trainee


def actor_in(world, make_staff, role, relationship):
    """A staff member with this one role, standing in this relationship; and the author."""
    client, author, co_trainee = world
    actor = make_staff(role, mfa=False)
    if relationship == Relationship.AUTHOR:
        return actor, actor
    if relationship == Relationship.CARE_TEAM:
        CareTeamMember.objects.create(client=client, staff=actor, role=CareTeamRole.CO_THERAPIST)
    elif relationship == Relationship.SUPERVISES_AUTHOR:
        Supervision.objects.create(supervisor=actor, trainee=author)
    elif relationship == Relationship.SUPERVISES_CARE_TEAM:
        Supervision.objects.create(supervisor=actor, trainee=co_trainee)
    return actor, author


def test_every_decision_matches_the_table_exactly(world, make_staff):
    client = world[0]
    checked = 0
    for role, relationship in product(Role, Relationship):
        actor, author = actor_in(world, make_staff, role, relationship)
        # The relationship is computed from the data once per actor, then each decision
        # is made with it (computing it 45 times over would only slow the test).
        assert (
            relationship_of(actor_id=actor.pk, client_id=client.pk, author_id=author.pk)
            == relationship
        )
        for data_class, action in product(DataClass, Action):
            decision = decide(
                actor=actor,
                action=action,
                data_class=data_class,
                client_id=client.pk,
                resource_type="note",
                author_id=author.pk,
                relationship=relationship,
            )
            expected = grant_for(role, relationship, data_class, action) is not None
            assert decision.allowed == expected, (role, relationship, data_class, action)
            checked += 1
        # Undo this actor's ties, so the next one stands alone.
        CareTeamMember.objects.filter(staff=actor).delete()
        Supervision.objects.filter(supervisor=actor).delete()
    assert checked == 7 * 5 * 9 * 5
    assert AuditEvent.objects.filter(resource_type="note").count() == checked
