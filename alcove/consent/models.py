"""Consent documents, their versions, and each client's consents (signed or verbal).

A document's text is the practice's own wording, not client data: it is kept in plain
text and changes only as a draft. Publishing fixes a version and its SHA-256 for good.
A consent record is the client's: the typed name and a verbal consent's reason are
sealed under the client's key (data class "consent"). Revocation is a date on the record;
the record itself, and what was signed, stay.
"""

import uuid
from typing import ClassVar

from django.conf import settings
from django.db import models
from django.utils import timezone

from alcove.clients.models import Client, ClientContact
from alcove.encryption.fields import SealedField

CONSENT = "consent"


class DocumentKind(models.TextChoices):
    TREATMENT = "treatment", "Informed consent to treatment and the limits of confidentiality"
    TELEHEALTH = "telehealth", "Consent to telehealth"
    RECORDING_AI = "recording_ai", "Consent to recording and AI use"
    GROUP_AGREEMENT = "group_agreement", "Group confidentiality agreement"
    PRIVACY_NOTICE = "privacy_notice", "Acknowledgement of the notice of privacy practices"


class ConsentDocument(models.Model):
    """One kind of consent the practice asks for; its wording lives in its versions."""

    kind = models.CharField(max_length=24, choices=DocumentKind.choices, unique=True)
    title = models.CharField(max_length=200)
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return f"consent document {self.kind}"


class VersionStatus(models.TextChoices):
    DRAFT = "draft", "Draft"
    PUBLISHED = "published", "Published"


class ConsentVersion(models.Model):
    """A draft is edited freely; once published the text and its hash never change."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    document = models.ForeignKey(ConsentDocument, on_delete=models.PROTECT, related_name="versions")
    number = models.PositiveIntegerField()
    status = models.CharField(
        max_length=16, choices=VersionStatus.choices, default=VersionStatus.DRAFT
    )
    text = models.TextField()
    text_hash = models.CharField(
        max_length=64, blank=True, help_text="SHA-256 of the text, fixed at publication."
    )
    created_at = models.DateTimeField(auto_now_add=True)
    published_at = models.DateTimeField(null=True, blank=True)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    class Meta:
        constraints: ClassVar = [
            models.UniqueConstraint(fields=["document", "number"], name="one_consent_version"),
            models.UniqueConstraint(
                fields=["document"],
                condition=models.Q(status="draft"),
                name="one_consent_draft_per_document",
            ),
        ]

    def __str__(self) -> str:
        return f"version {self.number} of consent document {self.document_id}"


class ConsentMethod(models.TextChoices):
    SIGNED = "signed", "Signed on the device"
    VERBAL = "verbal", "Verbal consent, documented"


class SignerRole(models.TextChoices):
    CLIENT = "client", "The client"
    GUARDIAN = "guardian", "A guardian, for the client"


class ConsentRecord(models.Model):
    """One client's consent to one published version: signed (typed name, witness, hash of
    the text) or verbal (the reason it stood in for a signature). Never deleted or edited;
    a revocation adds its date."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    client = models.ForeignKey(Client, on_delete=models.PROTECT, related_name="consents")
    version = models.ForeignKey(ConsentVersion, on_delete=models.PROTECT, related_name="+")
    method = models.CharField(max_length=8, choices=ConsentMethod.choices)
    signer_role = models.CharField(max_length=8, choices=SignerRole.choices)
    guardian = models.ForeignKey(
        ClientContact, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    typed_name = SealedField(data_class=CONSENT, client_field="client_id", null=True)
    reason = SealedField(data_class=CONSENT, client_field="client_id", null=True)
    text_hash = models.CharField(max_length=64, help_text="SHA-256 of the text consented to.")
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        help_text="The witnessing clinician, or the clinician who heard a verbal consent.",
    )
    recorded_at = models.DateTimeField(default=timezone.now)
    revoked_at = models.DateTimeField(null=True, blank=True)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    class Meta:
        constraints: ClassVar = [
            models.CheckConstraint(
                condition=models.Q(method="signed", typed_name__isnull=False)
                | models.Q(method="verbal", reason__isnull=False),
                name="consent_signed_has_name_verbal_has_reason",
            ),
            models.CheckConstraint(
                condition=models.Q(signer_role="client", guardian__isnull=True)
                | models.Q(signer_role="guardian", guardian__isnull=False),
                name="consent_guardian_named_when_guardian_signs",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.method} consent {self.pk} of client {self.client_id}"


class SignatureMethod(models.TextChoices):
    DEVICE = "device", "Signed on this device, in the hand-over"
    PAPER = "paper", "Signed on paper; the paper is kept in the record"


class Authorization(models.Model):
    """The client's authorization to release information (a release of information), with
    the core elements of HIPAA 164.508(c): recipient, purpose, what and which dates, expiry
    (a date or an event), signature and the required statements. Its wording is generated
    from those elements and kept sealed with its SHA-256. It is never edited or deleted:
    revocation and the expiry event add their dates."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    client = models.ForeignKey(Client, on_delete=models.PROTECT, related_name="authorizations")
    recipient = SealedField(data_class=CONSENT, client_field="client_id")
    purpose = SealedField(data_class=CONSENT, client_field="client_id")
    classes = models.JSONField(help_text="What may be released (disclosures.scope).")
    covers_from = models.DateField(help_text="Records dated from this day...")
    covers_to = models.DateField(help_text="...to this day, inclusive.")
    expires_on = models.DateField(null=True, blank=True)
    expiry_event = SealedField(data_class=CONSENT, client_field="client_id", null=True)
    text = SealedField(data_class=CONSENT, client_field="client_id")
    text_hash = models.CharField(max_length=64, help_text="SHA-256 of the wording signed.")
    method = models.CharField(max_length=8, choices=SignatureMethod.choices)
    signer_role = models.CharField(max_length=8, choices=SignerRole.choices)
    guardian = models.ForeignKey(
        ClientContact, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    typed_name = SealedField(data_class=CONSENT, client_field="client_id", null=True)
    signed_at = models.DateTimeField(null=True, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    recorded_at = models.DateTimeField(default=timezone.now)
    event_at = models.DateTimeField(
        null=True, blank=True, help_text="When staff recorded that the expiry event happened."
    )
    event_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    revoked_at = models.DateTimeField(null=True, blank=True)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    class Meta:
        constraints: ClassVar = [
            models.CheckConstraint(
                condition=models.Q(expires_on__isnull=False) | models.Q(expiry_event__isnull=False),
                name="authorization_expires_by_date_or_event",
            ),
            models.CheckConstraint(
                condition=models.Q(signed_at__isnull=True)
                | models.Q(typed_name__isnull=False, signed_at__isnull=False),
                name="authorization_signed_with_a_name",
            ),
            models.CheckConstraint(
                condition=models.Q(signer_role="client", guardian__isnull=True)
                | models.Q(signer_role="guardian", guardian__isnull=False),
                name="authorization_guardian_named_when_guardian_signs",
            ),
        ]

    def __str__(self) -> str:
        return f"authorization {self.pk} of client {self.client_id}"
