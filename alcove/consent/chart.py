"""The chart's Consent section: what is signed, missing or revoked, opened by the chart's
recorded consent read."""

from typing import Any

from alcove.access.decisions import Decision
from alcove.access.policy import Action, DataClass, Relationship
from alcove.access.services import permitted
from alcove.accounts.models import User
from alcove.clients.models import Client
from alcove.consent.selectors import REQUIRED_FOR_NOTES, consent_lines
from alcove.consent.services import WITNESSES


def chart_consent(
    *, actor: User, client: Client, relationship: Relationship, decision: Decision
) -> dict[str, Any]:
    decision.require()
    lines = consent_lines(client.pk)
    rows = [
        {
            "line": line,
            "required": line.document.kind == REQUIRED_FOR_NOTES,
            "name": decision.open(line.in_force.typed_name) if line.in_force else "",
        }
        for line in lines
    ]
    writes = permitted(
        actor=actor,
        action=Action.WRITE,
        data_class=DataClass.CONSENT,
        client_id=client.pk,
        relationship=relationship,
    )
    return {
        "rows": rows,
        "can_revoke": writes,
        "can_take": writes and bool(actor.roles & WITNESSES),
        "any_published": any(line.current for line in lines),
    }
