"""Clinical notes and psychotherapy notes: drafts kept as versions, signed once, then addenda.

Nothing here is ever deleted or edited after signing: a draft's every save is a new
version, a signature records the signer, the time and the hash of what was signed, and
later corrections are addenda. Psychotherapy notes are a separate class, sealed under the
client's psychotherapy key.
"""

import uuid
from typing import ClassVar

from django.conf import settings
from django.db import models

from alcove.clients.models import Client
from alcove.encryption.fields import SealedField

CLINICAL, PSYCHOTHERAPY = "clinical", "psychotherapy_notes"


class NoteKind(models.TextChoices):
    INTAKE = "intake", "Intake"
    PROGRESS = "progress", "Progress note (SOAP)"
    TREATMENT_PLAN = "treatment_plan", "Treatment plan"
    PSYCHOTHERAPY = "psychotherapy", "Psychotherapy note"


class NoteStatus(models.TextChoices):
    DRAFT = "draft", "Draft"
    AWAITING_COSIGN = "awaiting_cosign", "Signed, awaiting the supervisor's co-signature"
    SIGNED = "signed", "Signed"


class Note(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    client = models.ForeignKey(
        Client, on_delete=models.PROTECT, related_name="notes", null=True, blank=True
    )
    case = models.ForeignKey(
        "clients.Case", on_delete=models.PROTECT, related_name="notes", null=True, blank=True
    )
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    kind = models.CharField(max_length=16, choices=NoteKind.choices)
    status = models.CharField(max_length=16, choices=NoteStatus.choices, default=NoteStatus.DRAFT)
    created_at = models.DateTimeField(auto_now_add=True)
    signed_at = models.DateTimeField(null=True, blank=True)
    signed_version = models.PositiveIntegerField(null=True, blank=True)
    content_hash = models.CharField(
        max_length=64, blank=True, help_text="SHA-256 of what was signed."
    )
    cosigned_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    cosigned_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints: ClassVar = [
            models.CheckConstraint(
                condition=models.Q(client__isnull=False, case__isnull=True)
                | models.Q(client__isnull=True, case__isnull=False),
                name="note_in_one_chart_or_one_case",
            )
        ]

    def __str__(self) -> str:
        return f"{self.kind} note {self.pk}"

    @property
    def data_class(self) -> str:
        return PSYCHOTHERAPY if self.kind == NoteKind.PSYCHOTHERAPY else CLINICAL


class NoteVersion(models.Model):
    """One saved state of a clinical note's draft (SOAP parts, or the body of the others)."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    note = models.ForeignKey(Note, on_delete=models.PROTECT, related_name="versions")
    client_id_copy = models.UUIDField(help_text="The note's client, binding the ciphertexts.")
    number = models.PositiveIntegerField()
    saved_at = models.DateTimeField(auto_now_add=True)
    subjective = SealedField(data_class=CLINICAL, client_field="client_id_copy", null=True)
    objective = SealedField(data_class=CLINICAL, client_field="client_id_copy", null=True)
    assessment = SealedField(data_class=CLINICAL, client_field="client_id_copy", null=True)
    plan = SealedField(data_class=CLINICAL, client_field="client_id_copy", null=True)
    body = SealedField(data_class=CLINICAL, client_field="client_id_copy", null=True)

    class Meta:
        constraints: ClassVar = [
            models.UniqueConstraint(fields=["note", "number"], name="one_note_version_number")
        ]

    def __str__(self) -> str:
        return f"version {self.number} of note {self.note_id}"


class PsychotherapyVersion(models.Model):
    """One saved state of a psychotherapy note, under the client's psychotherapy key."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    note = models.ForeignKey(Note, on_delete=models.PROTECT, related_name="psychotherapy_versions")
    client_id_copy = models.UUIDField()
    number = models.PositiveIntegerField()
    saved_at = models.DateTimeField(auto_now_add=True)
    body = SealedField(data_class=PSYCHOTHERAPY, client_field="client_id_copy", null=True)

    class Meta:
        constraints: ClassVar = [
            models.UniqueConstraint(fields=["note", "number"], name="one_psychotherapy_version")
        ]

    def __str__(self) -> str:
        return f"version {self.number} of psychotherapy note {self.note_id}"


class CaseNoteEntry(models.Model):
    """One participant's copy of a joint session note: the shared part and their own part.

    Each copy is sealed under that participant's key, so a participant's chart holds the
    shared account and their own material, never another participant's; and shredding one
    participant leaves the others' copies intact.
    """

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    note = models.ForeignKey(Note, on_delete=models.PROTECT, related_name="case_entries")
    client = models.ForeignKey(Client, on_delete=models.PROTECT, related_name="+")
    number = models.PositiveIntegerField()
    shared = SealedField(data_class=CLINICAL, client_field="client_id", null=True)
    individual = SealedField(data_class=CLINICAL, client_field="client_id", null=True)

    class Meta:
        constraints: ClassVar = [
            models.UniqueConstraint(
                fields=["note", "client", "number"], name="one_case_entry_per_version"
            )
        ]

    def __str__(self) -> str:
        return f"entry of client {self.client_id} in note {self.note_id}"


class Addendum(models.Model):
    """A correction or addition to a signed note, signed as it is written."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    note = models.ForeignKey(Note, on_delete=models.PROTECT, related_name="addenda")
    client_id_copy = models.UUIDField()
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    written_at = models.DateTimeField(auto_now_add=True)
    body = SealedField(data_class=CLINICAL, client_field="client_id_copy")
    content_hash = models.CharField(max_length=64)

    def __str__(self) -> str:
        return f"addendum {self.pk} to note {self.note_id}"
