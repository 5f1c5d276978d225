"""Reads of the audit log. Reading it is itself a decision, and itself recorded."""

from uuid import UUID

from alcove.access.policy import Action, DataClass
from alcove.access.services import decide
from alcove.accounts.models import User
from alcove.audit.models import AuditEvent
from alcove.encryption.blind_index import client_pseudonym


def access_history(*, viewer: User, client_id: UUID, limit: int = 500) -> list[AuditEvent]:
    """Who did what with one client's record, newest first: for the privacy officer, an
    auditor, and the treating clinicians (alcove access matrix, data class "audit")."""
    decide(
        actor=viewer,
        action=Action.READ,
        data_class=DataClass.AUDIT,
        client_id=client_id,
        resource_type="access_history",
    ).require()
    entries = AuditEvent.objects.filter(client=client_pseudonym(client_id)).order_by("-seq")
    return list(entries[:limit])
