"""Break-the-glass: emergency access to one client's clinical record, for a short time."""

from typing import ClassVar

from django.conf import settings
from django.db import models


class BreakGlass(models.Model):
    """One use of emergency access. Never deleted; every one is reviewed."""

    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="break_glass"
    )
    client_id = models.UUIDField()
    reason = models.TextField(help_text="Written by the clinician before access opens.")
    opened_at = models.DateTimeField()
    expires_at = models.DateTimeField()
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    reviewed_at = models.DateTimeField(null=True, blank=True)
    justified = models.BooleanField(null=True)
    review_note = models.TextField(blank=True)

    class Meta:
        indexes: ClassVar = [models.Index(fields=["actor", "client_id", "expires_at"])]

    def __str__(self) -> str:
        return f"break-the-glass {self.pk} by user {self.actor_id}"


class Alert(models.Model):
    """A notice for the privacy officer in the app. Carries ids and kinds, never content."""

    kind = models.CharField(max_length=32)
    subject_id = models.CharField(max_length=64)
    created_at = models.DateTimeField(auto_now_add=True)
    seen_at = models.DateTimeField(null=True, blank=True)

    def __str__(self) -> str:
        return f"alert {self.kind} {self.subject_id}"
