"""decide(): the policy table applied to one actor and one record, recorded in the audit log.

The relationship comes from the client's care team and from supervision
(clients.selectors.relationship_of); for a note, give its author.
"""

from collections.abc import Sequence
from uuid import UUID

from alcove.access.breakglass import BREAKERS, break_glass_active, break_glass_covers
from alcove.access.decisions import Decision
from alcove.access.policy import Action, DataClass, Relationship, grant_for
from alcove.accounts.models import Role, User
from alcove.audit.services import decision_record, decisions_record
from alcove.clients.selectors import relationship_of

REMEDY = (
    "A clinician on the client's care team (or their supervisor) can; in an emergency a "
    "clinician can open the clinical record by break-the-glass with a written reason."
)


def _answer(
    actor: User,
    action: Action,
    data_class: DataClass,
    client_id: UUID | None,
    relationship: Relationship,
) -> tuple[bool, str, str]:
    """(allowed, rule, reason) from the table, then from an active break-the-glass."""
    for role in sorted(actor.roles):
        if grant := grant_for(Role(role), relationship, data_class, action):
            return True, f"{role}, {relationship}: {grant[4]}", ""
    if client_id is not None and break_glass_covers(data_class, action):
        if actor.roles & BREAKERS and (
            glass := break_glass_active(actor_id=actor.pk, client_id=client_id)
        ):
            rule = f"break-the-glass {glass.pk}, until {glass.expires_at:%H:%M} UTC"
            return True, rule, glass.reason
    roles = ", ".join(sorted(actor.roles)) or "no role"
    rule = (
        f"Need to know: {roles} with relationship '{relationship}' may not {action} "
        f"{data_class} (alcove access matrix)."
    )
    return False, rule, ""


def decide(
    *,
    actor: User,
    action: Action,
    data_class: DataClass,
    client_id: UUID | None,
    resource_type: str,
    resource_id: object = "",
    author_id: int | None = None,
    relationship: Relationship | None = None,
) -> Decision:
    """Allowed if any of the actor's roles has a grant; every answer is an audit entry."""
    if relationship is None:
        relationship = _relationship(actor, client_id, data_class, author_id)
    return decision_record(
        _decision(actor, action, data_class, client_id, relationship, resource_type, resource_id)
    )


# What a page reads of one client: (action, data class, resource type).
Ask = tuple[Action, DataClass, str]


def decide_many(
    *, actor: User, client_id: UUID, relationship: Relationship, asks: Sequence[Ask]
) -> list[Decision]:
    """decide() for several data classes of one client, recorded together: one entry each,
    written in one round trip, for a page that shows them side by side."""
    decisions = [
        _decision(actor, action, data_class, client_id, relationship, resource_type, "")
        for action, data_class, resource_type in asks
    ]
    return decisions_record(decisions)


def _decision(
    actor: User,
    action: Action,
    data_class: DataClass,
    client_id: UUID | None,
    relationship: Relationship,
    resource_type: str,
    resource_id: object,
) -> Decision:
    allowed, rule, reason = _answer(actor, action, data_class, client_id, relationship)
    return Decision(
        allowed=allowed,
        actor_id=actor.pk,
        action=f"{data_class}.{action}",
        data_class=data_class,
        client_id=client_id,
        resource_type=resource_type,
        resource_id=str(resource_id),
        rule=rule,
        remedy="" if allowed else REMEDY,
        reason=reason,
    )


def permitted(
    *,
    actor: User,
    action: Action,
    data_class: DataClass,
    client_id: UUID | None,
    relationship: Relationship,
) -> bool:
    """Whether to offer something (a tab, a button). Opens nothing, so it records nothing:
    whatever the offer leads to is decided, and recorded, when it is used."""
    return _answer(actor, action, data_class, client_id, relationship)[0]


def granted_by_table(
    *, actor: User, action: Action, data_class: DataClass, relationship: Relationship
) -> bool:
    """Whether the policy table itself grants this, leaving break-the-glass aside: for what
    emergency access must not reach (a release of information). Records nothing."""
    return any(grant_for(Role(role), relationship, data_class, action) for role in actor.roles)


def _relationship(
    actor: User, client_id: UUID | None, data_class: DataClass, author_id: int | None
) -> Relationship:
    if client_id is None:
        return Relationship.NONE
    if data_class == DataClass.PSYCHOTHERAPY_NOTES and author_id is None:
        # Only a note's own author counts here, never the chart's primary clinician.
        return Relationship.NONE
    return relationship_of(actor_id=actor.pk, client_id=client_id, author_id=author_id)
