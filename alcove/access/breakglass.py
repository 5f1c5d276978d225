"""Break-the-glass: a clinician without a relationship opens one client's clinical record.

It needs a written reason, lasts a short time (ALCOVE_BREAK_GLASS_MINUTES, default 60),
alerts the privacy officer in the app and by an email that names nobody, and lands in a
review queue. Psychotherapy notes never open this way.
"""

from datetime import timedelta
from uuid import UUID

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.utils import timezone

from alcove.access.decisions import AccessDenied
from alcove.access.models import Alert, BreakGlass
from alcove.access.policy import Action, DataClass
from alcove.accounts.models import Role, RoleGrant, User
from alcove.audit.models import Outcome
from alcove.audit.services import audit_record

MIN_REASON = 20
BREAKERS = frozenset({Role.CLINICIAN, Role.SUPERVISOR})
OPENS = frozenset(
    {DataClass.DEMOGRAPHICS, DataClass.CONTACT, DataClass.SCHEDULING, DataClass.CLINICAL}
)


def _refuse(actor: User, client_id: UUID, rule: str, remedy: str) -> AccessDenied:
    audit_record(
        actor_id=actor.pk,
        action="break_glass.open",
        outcome=Outcome.DENIED,
        resource_type="client",
        client_id=client_id,
        rule=rule,
    )
    return AccessDenied(rule, remedy)


def break_glass_open(*, actor: User, client_id: UUID, reason: str) -> BreakGlass:
    reason = reason.strip()
    if not actor.roles & BREAKERS:
        raise _refuse(
            actor,
            client_id,
            "Only a clinician or a supervisor can use break-the-glass.",
            "Ask a clinician on duty, or the client's care team.",
        )
    if len(reason) < MIN_REASON:
        raise _refuse(
            actor,
            client_id,
            f"Break-the-glass needs a written reason of at least {MIN_REASON} characters.",
            "Say why this client's record is needed now.",
        )
    now = timezone.now()
    with transaction.atomic():
        grant = BreakGlass.objects.create(
            actor=actor,
            client_id=client_id,
            reason=reason,
            opened_at=now,
            expires_at=now + timedelta(minutes=settings.BREAK_GLASS_MINUTES),
        )
        audit_record(
            actor_id=actor.pk,
            action="break_glass.open",
            resource_type="break_glass",
            resource_id=grant.pk,
            client_id=client_id,
            rule="break-the-glass with a written reason",
            reason=reason,
        )
        Alert.objects.create(kind="break_glass", subject_id=str(grant.pk))
        transaction.on_commit(_privacy_officers_emailed)
    return grant


def _privacy_officers_emailed() -> None:
    owners = User.objects.filter(
        is_active=True, pk__in=RoleGrant.objects.filter(role=Role.OWNER).values("user_id")
    ).values_list("email", flat=True)
    # Names no client, no staff member and no reason: the details wait behind sign-in.
    send_mail(
        "Break-the-glass access to review",
        "A staff member used emergency access to a client record.\n"
        "Sign in to Alcove to review it in the break-the-glass queue.",
        None,
        list(owners),
    )


def break_glass_active(*, actor_id: int, client_id: UUID) -> BreakGlass | None:
    return (
        BreakGlass.objects.filter(
            actor_id=actor_id, client_id=client_id, expires_at__gt=timezone.now()
        )
        .order_by("-expires_at")
        .first()
    )


def break_glass_covers(data_class: DataClass, action: Action) -> bool:
    return action == Action.READ and data_class in OPENS


def break_glass_review(*, reviewer: User, grant: BreakGlass, justified: bool, note: str) -> None:
    """The privacy officer marks a use justified or not; the mark is audited and final."""
    if not reviewer.has_role(Role.OWNER):
        raise AccessDenied(
            "Only the owner (privacy officer) reviews break-the-glass.", "Ask the owner."
        )
    with transaction.atomic():
        updated = BreakGlass.objects.filter(pk=grant.pk, reviewed_at__isnull=True).update(
            reviewed_by=reviewer, reviewed_at=timezone.now(), justified=justified, review_note=note
        )
        if not updated:
            raise AccessDenied("This use of break-the-glass has already been reviewed.")
        audit_record(
            actor_id=reviewer.pk,
            action="break_glass.review",
            resource_type="break_glass",
            resource_id=grant.pk,
            client_id=grant.client_id,
            rule="justified" if justified else "not justified",
        )


def break_glass_queue() -> list[BreakGlass]:
    unreviewed = BreakGlass.objects.filter(reviewed_at__isnull=True)
    return list(unreviewed.select_related("actor").order_by("opened_at"))


def break_glass_unreviewed_count() -> int:
    """For the privacy officer's banner: a number, never a name."""
    return BreakGlass.objects.filter(reviewed_at__isnull=True).count()


def break_glass_alerts_seen(*, reviewer: User) -> set[int]:
    """The owner has now seen the queue: returns the uses that were new to them."""
    if not reviewer.has_role(Role.OWNER):
        raise AccessDenied(
            "Only the owner (privacy officer) receives break-the-glass alerts.", "Ask the owner."
        )
    with transaction.atomic():
        unseen = Alert.objects.select_for_update().filter(kind="break_glass", seen_at__isnull=True)
        new = {int(subject) for subject in unseen.values_list("subject_id", flat=True)}
        unseen.update(seen_at=timezone.now())
    return new
