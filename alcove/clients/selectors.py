from datetime import date
from typing import Any
from uuid import UUID

from django.db.models import Q, QuerySet
from django.utils import timezone

from alcove.access.policy import Relationship
from alcove.accounts.models import Role, RoleGrant, Supervision
from alcove.clients.models import CareTeamMember, CareTeamRole, Client
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


def _current(queryset: QuerySet[Any]) -> QuerySet[Any]:
    return queryset.filter(started_at__lte=timezone.now()).filter(
        Q(ended_at__isnull=True) | Q(ended_at__gt=timezone.now())
    )


def supervisees_of(staff_id: int) -> set[int]:
    rows = _current(Supervision.objects.filter(supervisor_id=staff_id))
    return set(rows.values_list("trainee_id", flat=True))


def _is_trainee(staff_id: int) -> bool:
    # Supervision of a licensed colleague is consultation: it opens nothing of theirs.
    return RoleGrant.objects.filter(user_id=staff_id, role=Role.TRAINEE).exists()


def relationship_of(
    *, actor_id: int, client_id: UUID, author_id: int | None = None
) -> Relationship:
    """How the actor stands to a record: a note (with its author) or the client's chart.

    For a note the author is its writer; for the chart it is the primary clinician. The
    closest relationship wins: author, then care team, then supervision.
    """
    team = dict(
        _current(CareTeamMember.objects.filter(client_id=client_id)).values_list("staff_id", "role")
    )
    if author_id is None:
        author_id = next((s for s, r in team.items() if r == CareTeamRole.PRIMARY), None)
    if actor_id == author_id:
        return Relationship.AUTHOR
    if actor_id in team:
        return Relationship.CARE_TEAM
    supervised = supervisees_of(actor_id)
    if author_id is not None and author_id in supervised and _is_trainee(author_id):
        return Relationship.SUPERVISES_AUTHOR
    if supervised & set(team):
        return Relationship.SUPERVISES_CARE_TEAM
    return Relationship.NONE


def caseload_of(staff_id: int) -> QuerySet[Client]:
    """The clients a staff member currently treats."""
    members = _current(CareTeamMember.objects.filter(staff_id=staff_id))
    return Client.objects.filter(pk__in=members.values("client_id")).order_by("created_at")
