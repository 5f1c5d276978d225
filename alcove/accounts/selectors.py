"""Reads about the practice and its staff."""

import hashlib

from django.db.models import QuerySet
from django.utils import timezone

from alcove.accounts.models import Invitation, Practice, SetupLink, User


def token_digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def practice_get() -> Practice | None:
    return Practice.objects.first()


def practice_exists() -> bool:
    return Practice.objects.exists()


def staff_list() -> QuerySet[User]:
    return User.objects.prefetch_related("role_grants").order_by("full_name", "email")


def invitation_pending_list() -> QuerySet[Invitation]:
    return Invitation.objects.filter(
        used_at__isnull=True, revoked_at__isnull=True, expires_at__gt=timezone.now()
    ).order_by("-created_at")


def setup_link_find(*, token: str) -> SetupLink | None:
    return SetupLink.objects.filter(digest=token_digest(token)).first()


def invitation_find(*, token: str) -> Invitation | None:
    return Invitation.objects.filter(digest=token_digest(token)).first()
