from datetime import date

from django.db import transaction

from alcove.audit.services import audit_record
from alcove.clients.models import Client
from alcove.encryption.blind_index import dob_digest, name_digest


@transaction.atomic
def client_create(
    *,
    actor_id: int | None,
    legal_name: str,
    preferred_name: str = "",
    date_of_birth: date | None = None,
) -> Client:
    client = Client(
        legal_name=legal_name,
        preferred_name=preferred_name or None,
        date_of_birth=date_of_birth.isoformat() if date_of_birth else None,
        legal_name_index=name_digest(legal_name),
        preferred_name_index=name_digest(preferred_name) if preferred_name else "",
        date_of_birth_index=dob_digest(date_of_birth) if date_of_birth else "",
    )
    client.save()
    audit_record(
        actor_id=actor_id,
        action="client.create",
        resource_type="client",
        client_id=client.pk,
    )
    return client
