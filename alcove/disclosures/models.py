"""Releases of information: what left, to whom, on what basis, and the package itself.

A disclosure is written once, in the transaction that releases it, and never edited or
deleted (the database refuses both: triggers.py). Everything that says something about
the client (recipient, purpose, the facts of its legal basis, what was said) is sealed
under the client's key; the package is a sealed file. The accounting of disclosures is
read from these rows, so nobody types it and nobody can change it.
"""

import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone

from alcove.clients.models import Client
from alcove.consent.models import Authorization
from alcove.encryption.fields import SealedField

DISCLOSURES, CLINICAL = "disclosures", "clinical"


class Basis(models.TextChoices):
    AUTHORIZATION = "authorization", "The client's authorization"
    CLIENT_REQUEST = "client_request", "The client's own request for their records"
    MANDATORY_REPORT = "mandatory_report", "Mandatory report of abuse or neglect"
    DUTY_TO_WARN = "duty_to_warn", "Duty to warn or protect"
    COURT_ORDER = "court_order", "Court order"
    SUBPOENA = "subpoena", "Subpoena, with the assurances the law requires"
    EMERGENCY = "emergency", "Emergency"
    HEALTH_OVERSIGHT = "health_oversight", "Health oversight"


class Disclosure(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    client = models.ForeignKey(Client, on_delete=models.PROTECT, related_name="disclosures")
    basis = models.CharField(max_length=20, choices=Basis.choices)
    authorization = models.ForeignKey(
        Authorization, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    recipient = SealedField(data_class=DISCLOSURES, client_field="client_id")
    purpose = SealedField(data_class=DISCLOSURES, client_field="client_id")
    facts = SealedField(
        data_class=DISCLOSURES,
        client_field="client_id",
        help_text="The basis's administrative facts (JSON): agency, references, the law.",
    )
    clinical_facts = SealedField(
        data_class=CLINICAL,
        client_field="client_id",
        help_text="The basis's clinical facts (JSON): the concern, the threat, who is at risk.",
    )
    statement = SealedField(
        data_class=CLINICAL,
        client_field="client_id",
        null=True,
        help_text="Exactly what was said or written to the recipient beyond the records.",
    )
    classes = models.JSONField(help_text="What the package holds (disclosures.scope).")
    covers_from = models.DateField(null=True, blank=True)
    covers_to = models.DateField(null=True, blank=True)
    disclosed_at = models.DateTimeField(help_text="When it left the practice.")
    released_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    recorded_at = models.DateTimeField(default=timezone.now)
    package_data_class = models.CharField(max_length=24)
    package_sha256 = models.CharField(max_length=64)
    package_pages = models.PositiveIntegerField()
    package_items = models.PositiveIntegerField(help_text="Notes and sections in the package.")

    def __str__(self) -> str:
        return f"disclosure {self.pk} of client {self.client_id}"


class Told(models.TextChoices):
    TOLD = "told", "The client was told"
    NOT_TOLD = "not_told", "The client was not told"
    LATER = "later", "The client will be told later"


class DisclosureNotice(models.Model):
    """Whether and how the client was told of a disclosure. Added, never changed: a later
    notice (the client told a week after) is a new row."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    disclosure = models.ForeignKey(Disclosure, on_delete=models.PROTECT, related_name="notices")
    client_id_copy = models.UUIDField()
    told = models.CharField(max_length=10, choices=Told.choices)
    detail = SealedField(data_class=DISCLOSURES, client_field="client_id_copy")
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    recorded_at = models.DateTimeField(default=timezone.now)

    def __str__(self) -> str:
        return f"notice of disclosure {self.disclosure_id}"
