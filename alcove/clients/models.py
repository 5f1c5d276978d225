"""Clients: every identifying value sealed, found only through the blind index."""

import uuid
from typing import ClassVar

from django.conf import settings
from django.db import models
from django.utils import timezone

from alcove.encryption.fields import SealedField


class Client(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    legal_name = SealedField(data_class="demographics", client_field="pk")
    preferred_name = SealedField(data_class="demographics", client_field="pk", null=True)
    date_of_birth = SealedField(data_class="demographics", client_field="pk", null=True)
    pronouns = SealedField(data_class="demographics", client_field="pk", null=True)
    employer_or_school = SealedField(data_class="demographics", client_field="pk", null=True)
    phone = SealedField(data_class="contact", client_field="pk", null=True)
    email = SealedField(data_class="contact", client_field="pk", null=True)
    address = SealedField(data_class="contact", client_field="pk", null=True)
    legal_name_index = models.CharField(max_length=64, db_index=True)
    preferred_name_index = models.CharField(max_length=64, db_index=True, blank=True)
    date_of_birth_index = models.CharField(max_length=64, db_index=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return f"client {self.pk}"


class CareTeamRole(models.TextChoices):
    PRIMARY = "primary", "Primary clinician"
    CO_THERAPIST = "co_therapist", "Co-therapist"


class CareTeamMember(models.Model):
    """Who treats the client. Membership ends; it is never deleted, so history stays readable."""

    client = models.ForeignKey(Client, on_delete=models.PROTECT, related_name="care_team")
    staff = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="care_teams"
    )
    role = models.CharField(max_length=16, choices=CareTeamRole.choices)
    started_at = models.DateTimeField(default=timezone.now)
    ended_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints: ClassVar = [
            models.UniqueConstraint(
                fields=["client"],
                condition=models.Q(role="primary", ended_at__isnull=True),
                name="one_current_primary_clinician",
            )
        ]

    def __str__(self) -> str:
        return f"{self.role} of client {self.client_id}: user {self.staff_id}"


class ContactKind(models.TextChoices):
    EMERGENCY = "emergency", "Emergency contact"
    RELATIVE = "relative", "Relative"
    GUARDIAN = "guardian", "Guardian or proxy"


class ClientContact(models.Model):
    """An emergency contact or relative of the client: their details are the client's too."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    client = models.ForeignKey(Client, on_delete=models.PROTECT, related_name="contacts")
    kind = models.CharField(max_length=16, choices=ContactKind.choices)
    name = SealedField(data_class="contact", client_field="client_id")
    relation = SealedField(data_class="contact", client_field="client_id", null=True)
    phone = SealedField(data_class="contact", client_field="client_id", null=True)

    def __str__(self) -> str:
        return f"{self.kind} of client {self.client_id}"


class CaseKind(models.TextChoices):
    COUPLE = "couple", "Couple"
    FAMILY = "family", "Family"
    GROUP = "group", "Group"


class Case(models.Model):
    """Work with several clients at once. Each participant keeps their own chart and keys."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    kind = models.CharField(max_length=16, choices=CaseKind.choices)
    label = models.CharField(max_length=100, blank=True, help_text="Never a client's name.")
    opened_at = models.DateTimeField(default=timezone.now)
    primary_clinician = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        help_text="Opened the case; adds participants and marks those who leave.",
    )

    def __str__(self) -> str:
        return f"{self.kind} case {self.pk}"


class CaseParticipant(models.Model):
    """A client's part in a case. Leaving is dated, never deleted: what was written while
    they took part stays in their own chart; nothing written after reaches it."""

    case = models.ForeignKey(Case, on_delete=models.PROTECT, related_name="participants")
    client = models.ForeignKey(Client, on_delete=models.PROTECT, related_name="cases")
    joined_at = models.DateTimeField(default=timezone.now)
    left_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints: ClassVar = [
            models.UniqueConstraint(fields=["case", "client"], name="one_participation")
        ]

    def __str__(self) -> str:
        return f"client {self.client_id} in case {self.case_id}"
