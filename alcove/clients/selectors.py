from datetime import date

from django.db.models import Q, QuerySet

from alcove.clients.models import Client
from alcove.encryption.blind_index import dob_digest, name_digest


def clients_find(*, name: str = "", date_of_birth: date | None = None) -> QuerySet[Client]:
    """Exact match on a normalised legal or preferred name and/or date of birth."""
    found = Client.objects.all()
    if name:
        digest = name_digest(name)
        found = found.filter(Q(legal_name_index=digest) | Q(preferred_name_index=digest))
    if date_of_birth:
        found = found.filter(date_of_birth_index=dob_digest(date_of_birth))
    if not name and not date_of_birth:
        return found.none()
    return found
