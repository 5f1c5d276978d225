import pytest

from alcove.access.decisions import Decision
from alcove.audit.services import decision_record
from alcove.clients.services import client_create


def decision_for(client_id, *, data_class="demographics", allowed=True, recorded=True):
    decision = Decision(
        allowed=allowed,
        actor_id=None,
        action="read",
        data_class=data_class,
        client_id=client_id,
        resource_type="client",
        resource_id=str(client_id),
        rule="allowed for this test" if allowed else "refused for this test",
    )
    return decision_record(decision) if recorded else decision


@pytest.fixture
def make_client(db):
    def make(name="Marguerite Okonkwo-Lindqvist", **kwargs):
        return client_create(actor_id=None, legal_name=name, **kwargs)

    return make
