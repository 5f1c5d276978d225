"""Writes for the practice and its staff. Each one is a single transaction."""

import functools
import logging
import secrets
from collections.abc import Callable, Iterable
from datetime import datetime
from typing import Any

from django.conf import settings
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from alcove.accounts.models import (
    Invitation,
    Practice,
    Role,
    RoleGrant,
    SetupLink,
    SingleUseLink,
    Supervision,
    User,
)
from alcove.accounts.selectors import practice_exists, token_digest
from alcove.audit.models import Outcome
from alcove.audit.services import audit_record

log = logging.getLogger(__name__)


class LinkRefused(Exception):
    """A setup or invitation link that cannot be used. The message is safe to show."""


class StaffActionRefused(PermissionDenied):
    """A refused staff-management action: which rule refused it and what would allow it."""

    def __init__(self, rule: str, remedy: str) -> None:
        self.rule, self.remedy = rule, remedy
        super().__init__(f"{rule} {remedy}")


def _refusals_audited[**P, R](action: str) -> Callable[[Callable[P, R]], Callable[P, R]]:
    """Record a refused staff action after its transaction has rolled back, then re-raise."""

    def decorate(func: Callable[P, R]) -> Callable[P, R]:
        @functools.wraps(func)
        def audited(*args: P.args, **kwargs: P.kwargs) -> R:
            try:
                return func(*args, **kwargs)
            except StaffActionRefused as refused:
                actor: Any = kwargs.get("actor") or kwargs.get("inviter")
                target: Any = kwargs.get("user") or kwargs.get("invitation")
                audit_record(
                    actor_id=actor.pk,
                    action=action,
                    outcome=Outcome.DENIED,
                    resource_type=type(target).__name__.lower() if target else "practice",
                    resource_id=str(target.pk) if target else "",
                    rule=refused.rule,
                )
                raise

        return audited

    return decorate


def _new_token() -> tuple[str, str]:
    token = secrets.token_urlsafe(32)
    return token, token_digest(token)


def _link_usable(link: SingleUseLink | None, *, what: str, now: datetime) -> SingleUseLink:
    if link is None:
        raise LinkRefused(f"This {what} link is not recognised. Check that it was copied whole.")
    if link.used_at is not None:
        raise LinkRefused(f"This {what} link has already been used. Each link works once.")
    if isinstance(link, Invitation) and link.revoked_at is not None:
        raise LinkRefused(f"This {what} link was withdrawn by the practice owner.")
    if link.expires_at <= now:
        raise LinkRefused(f"This {what} link has expired. Ask for a new one.")
    return link


def _link_spend(link: SingleUseLink, *, now: datetime) -> None:
    # A conditional update, so two simultaneous uses cannot both succeed.
    unspent = type(link)._default_manager.filter(pk=link.pk, used_at__isnull=True)
    if unspent.update(used_at=now) != 1:
        raise LinkRefused("This link has already been used. Each link works once.")


def setup_link_issue() -> str | None:
    """A fresh single-use setup link token, or None once the practice exists."""
    if practice_exists():
        return None
    now = timezone.now()
    # Only the newest link works: earlier ones printed to a console expire now.
    SetupLink.objects.filter(used_at__isnull=True, expires_at__gt=now).update(expires_at=now)
    token, digest = _new_token()
    SetupLink.objects.create(digest=digest, expires_at=now + settings.SETUP_LINK_LIFETIME)
    log.info("setup link issued")
    return token


def setup_link_check(*, token: str) -> None:
    _link_usable(
        SetupLink.objects.filter(digest=token_digest(token)).first(),
        what="setup",
        now=timezone.now(),
    )
    if practice_exists():
        raise LinkRefused("This practice has already been set up. Sign in instead.")


def _password_check(*, password: str, email: str, full_name: str, practice_name: str = "") -> None:
    candidate = User(email=email, full_name=full_name)
    candidate.pending_practice_name = practice_name  # type: ignore[attr-defined]
    validate_password(password, user=candidate)


@transaction.atomic
def practice_create(
    *, token: str, practice_name: str, full_name: str, email: str, password: str
) -> User:
    """Create the practice and its owner from the setup link, which is then spent."""
    now = timezone.now()
    link = _link_usable(
        SetupLink.objects.filter(digest=token_digest(token)).first(), what="setup", now=now
    )
    if practice_exists():
        raise LinkRefused("This practice has already been set up. Sign in instead.")
    _password_check(
        password=password, email=email, full_name=full_name, practice_name=practice_name
    )
    _link_spend(link, now=now)
    SetupLink.objects.filter(used_at__isnull=True).update(used_at=now)
    Practice.objects.create(name=practice_name.strip())
    owner = User.objects.create_user(email, password, full_name=full_name.strip())
    RoleGrant.objects.create(user=owner, role=Role.OWNER)
    audit_record(
        actor_id=owner.pk, action="practice.create", resource_type="user", resource_id=owner.pk
    )
    log.info("practice created; owner user=%s", owner.pk)
    return owner


def _require_owner(actor: User, *, doing: str) -> None:
    if not actor.has_role(Role.OWNER):
        raise StaffActionRefused(
            f"Only the owner (privacy officer) can {doing}.",
            "Ask the practice owner to do it, or to give you the owner role.",
        )


def _clean_roles(roles: Iterable[str]) -> list[Role]:
    cleaned = sorted({Role(r) for r in roles})
    if not cleaned:
        raise ValidationError("Choose at least one role.")
    return cleaned


@_refusals_audited("staff.invite")
@transaction.atomic
def invitation_create(*, inviter: User, email: str, full_name: str, roles: Iterable[str]) -> str:
    """Invite a staff member; returns the single-use link token (shown once)."""
    _require_owner(inviter, doing="invite staff")
    email = User.objects.normalize_email(email).lower()
    if User.objects.filter(email__iexact=email).exists():
        raise ValidationError("Someone with this email address is already on the staff.")
    role_list = _clean_roles(roles)
    now = timezone.now()
    Invitation.objects.filter(email__iexact=email, used_at__isnull=True).update(revoked_at=now)
    token, digest = _new_token()
    invitation = Invitation.objects.create(
        digest=digest,
        email=email,
        full_name=full_name.strip(),
        roles=[str(r) for r in role_list],
        invited_by=inviter,
        expires_at=now + settings.INVITATION_LIFETIME,
    )
    audit_record(
        actor_id=inviter.pk,
        action="staff.invite",
        resource_type="invitation",
        resource_id=invitation.pk,
        reason="roles: " + ", ".join(invitation.roles),
    )
    log.info("invitation=%s created by user=%s", invitation.pk, inviter.pk)
    return token


def invitation_check(*, token: str) -> Invitation:
    link = _link_usable(
        Invitation.objects.filter(digest=token_digest(token)).first(),
        what="invitation",
        now=timezone.now(),
    )
    assert isinstance(link, Invitation)
    return link


@transaction.atomic
def invitation_accept(*, token: str, full_name: str, password: str) -> User:
    """Create the invited staff account with the roles the owner chose; the link is spent."""
    now = timezone.now()
    invitation = invitation_check(token=token)
    if User.objects.filter(email__iexact=invitation.email).exists():
        raise LinkRefused("An account with this email address already exists. Sign in instead.")
    _password_check(password=password, email=invitation.email, full_name=full_name)
    _link_spend(invitation, now=now)
    user = User.objects.create_user(invitation.email, password, full_name=full_name.strip())
    RoleGrant.objects.bulk_create(
        RoleGrant(user=user, role=role, granted_by=invitation.invited_by)
        for role in invitation.roles
    )
    Invitation.objects.filter(pk=invitation.pk).update(accepted_user=user)
    audit_record(
        actor_id=user.pk,
        action="staff.invitation_accept",
        resource_type="invitation",
        resource_id=invitation.pk,
        reason="roles: " + ", ".join(invitation.roles),
    )
    log.info("invitation=%s accepted as user=%s", invitation.pk, user.pk)
    return user


@_refusals_audited("staff.invitation_revoke")
@transaction.atomic
def invitation_revoke(*, actor: User, invitation: Invitation) -> None:
    _require_owner(actor, doing="withdraw invitations")
    Invitation.objects.filter(pk=invitation.pk, used_at__isnull=True).update(
        revoked_at=timezone.now()
    )
    audit_record(
        actor_id=actor.pk,
        action="staff.invitation_revoke",
        resource_type="invitation",
        resource_id=invitation.pk,
    )
    log.info("invitation=%s withdrawn by user=%s", invitation.pk, actor.pk)


def _owners_left_without(user: User) -> bool:
    others = RoleGrant.objects.filter(role=Role.OWNER, user__is_active=True).exclude(user=user)
    return not others.exists()


@_refusals_audited("staff.roles_set")
@transaction.atomic
def staff_roles_set(*, actor: User, user: User, roles: Iterable[str]) -> None:
    """Replace a staff member's roles. The caller has checked recent re-authentication."""
    _require_owner(actor, doing="change roles")
    new = set(_clean_roles(roles))
    if Role.OWNER not in new and user.has_role(Role.OWNER) and _owners_left_without(user):
        raise StaffActionRefused(
            "The practice must always have an active owner (privacy officer).",
            "Give the owner role to someone else first.",
        )
    RoleGrant.objects.filter(user=user).exclude(role__in=new).delete()
    for role in new - set(user.roles):
        RoleGrant.objects.create(user=user, role=role, granted_by=actor)
    user.__dict__.pop("_roles_cache", None)
    audit_record(
        actor_id=actor.pk,
        action="staff.roles_set",
        resource_type="user",
        resource_id=user.pk,
        reason="roles: " + ", ".join(sorted(new)),
    )
    log.info("roles of user=%s changed by user=%s to %s", user.pk, actor.pk, sorted(new))


@_refusals_audited("staff.deactivate")
@transaction.atomic
def staff_deactivate(*, actor: User, user: User) -> None:
    """Stop a staff member signing in; their next request ends their session."""
    _require_owner(actor, doing="deactivate staff")
    if user.has_role(Role.OWNER) and _owners_left_without(user):
        raise StaffActionRefused(
            "The practice must always have an active owner (privacy officer).",
            "Give the owner role to someone else first.",
        )
    User.objects.filter(pk=user.pk).update(is_active=False)
    audit_record(
        actor_id=actor.pk, action="staff.deactivate", resource_type="user", resource_id=user.pk
    )
    log.info("user=%s deactivated by user=%s", user.pk, actor.pk)


@_refusals_audited("practice.settings_update")
@transaction.atomic
def practice_settings_update(
    *, actor: User, name: str, idle_timeout_minutes: int, age_of_majority: int | None = None
) -> Practice:
    _require_owner(actor, doing="change the practice's settings")
    practice = Practice.objects.select_for_update().get()
    practice.name = name.strip()
    practice.idle_timeout_minutes = idle_timeout_minutes
    if age_of_majority is not None:
        practice.age_of_majority = age_of_majority
    practice.full_clean()
    practice.save()
    audit_record(actor_id=actor.pk, action="practice.settings_update", resource_type="practice")
    log.info("practice settings changed by user=%s", actor.pk)
    return practice


@_refusals_audited("staff.supervision_set")
@transaction.atomic
def supervision_set(*, actor: User, user: User, supervisor: User | None) -> None:
    """Name the supervisor of a trainee (or none). It opens their charts and notes to them."""
    _require_owner(actor, doing="assign supervisors")
    if not user.has_role(Role.TRAINEE):
        raise StaffActionRefused(
            "Only a trainee has a supervisor in Alcove.", "Give the trainee role first."
        )
    if supervisor is not None and (
        supervisor.pk == user.pk or not supervisor.has_role(Role.SUPERVISOR)
    ):
        raise StaffActionRefused(
            "A supervisor must be someone else holding the supervisor role.",
            "Give that person the supervisor role first.",
        )
    now = timezone.now()
    Supervision.objects.filter(trainee=user, ended_at__isnull=True).update(ended_at=now)
    if supervisor is not None:
        Supervision.objects.create(supervisor=supervisor, trainee=user, started_at=now)
    audit_record(
        actor_id=actor.pk,
        action="staff.supervision_set",
        resource_type="user",
        resource_id=user.pk,
        reason=f"supervisor: {supervisor.pk if supervisor else 'none'}",
    )
