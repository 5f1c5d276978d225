"""Supervision packets: de-identified notes a clinician takes to supervision or consultation.

Nothing readable is stored: which notes were chosen is a list of ids, and the clinician's
adjustments (phrases to mask, replacements to undo) and the approved text are sealed
under the client's key like the notes themselves. The draft is rebuilt from the signed
notes, through the notes' own read function, each time it is shown.
"""

import uuid

from django.conf import settings
from django.db import models

from alcove.clients.models import Client
from alcove.encryption.fields import SealedField

CLINICAL, PSYCHOTHERAPY = "clinical", "psychotherapy_notes"


class PacketStatus(models.TextChoices):
    DRAFT = "draft", "Draft, in review"
    APPROVED = "approved", "Approved"


class Packet(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    client = models.ForeignKey(Client, on_delete=models.PROTECT, related_name="+")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    status = models.CharField(
        max_length=16, choices=PacketStatus.choices, default=PacketStatus.DRAFT
    )
    created_at = models.DateTimeField(auto_now_add=True)
    approved_at = models.DateTimeField(null=True, blank=True)
    note_ids = models.JSONField(default=list, help_text="The chosen signed notes, in order.")
    data_class = models.CharField(
        max_length=24,
        default=CLINICAL,
        help_text="psychotherapy_notes when it holds one: then sealed, read and exported as such.",
    )
    adjustments = SealedField(data_class=CLINICAL, client_field="client_id", null=True)
    approved_text = SealedField(data_class=CLINICAL, client_field="client_id", null=True)
    # A packet holding its author's psychotherapy notes keeps them under that key and class.
    adjustments_apart = SealedField(data_class=PSYCHOTHERAPY, client_field="client_id", null=True)
    approved_text_apart = SealedField(data_class=PSYCHOTHERAPY, client_field="client_id", null=True)

    def __str__(self) -> str:
        return f"supervision packet {self.pk}"

    @property
    def apart(self) -> bool:
        return self.data_class == PSYCHOTHERAPY
