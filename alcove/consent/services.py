"""Consent writes: documents and versions (the owner), signatures, verbal consents and
revocations (the care team), each decided and audited in one transaction.

A published version is never edited; a client's consent is never deleted or altered,
only revoked with a date.
"""

import hashlib
from datetime import date
from typing import Any
from uuid import UUID, uuid4

from django.db import transaction
from django.utils import timezone

from alcove.access.decisions import AccessDenied
from alcove.access.policy import Action, DataClass
from alcove.access.services import decide
from alcove.accounts.models import MAJORITY_DEFAULT, Role, User
from alcove.accounts.selectors import practice_get
from alcove.audit.models import Outcome
from alcove.audit.services import audit_record
from alcove.clients.models import Client, ClientContact, ContactKind
from alcove.consent.models import (
    ConsentDocument,
    ConsentMethod,
    ConsentRecord,
    ConsentVersion,
    SignerRole,
    VersionStatus,
)
from alcove.consent.starter import MARKER, STARTER

WITNESSES = frozenset({Role.CLINICIAN, Role.TRAINEE})


class ConsentRefused(AccessDenied):
    """A consent action refused by a rule; says which, and what would allow it."""


def text_hash(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()


def _refuse(actor: User, action: str, rule: str, remedy: str, **where: Any) -> ConsentRefused:
    """Record the refusal (outside any transaction that would take it back) and return it."""
    audit_record(actor_id=actor.pk, action=action, outcome=Outcome.DENIED, rule=rule, **where)
    return ConsentRefused(rule, remedy)


def _owner_only(actor: User, action: str, **where: Any) -> None:
    if not actor.has_role(Role.OWNER):
        raise _refuse(
            actor,
            action,
            "Only the practice owner edits and publishes consent documents.",
            "Ask the owner to make the change on the Consent documents page.",
            **where,
        )


def _write_decided(actor: User, client_id: UUID, resource_type: str, resource_id: object) -> None:
    """Decide a consent write before its transaction, so a refusal stays in the audit log."""
    decide(
        actor=actor,
        action=Action.WRITE,
        data_class=DataClass.CONSENT,
        client_id=client_id,
        resource_type=resource_type,
        resource_id=resource_id,
    ).require()


# --- Documents and versions (the owner) ---------------------------------------------------


def consent_starter_load(*, actor: User) -> int:
    """Add, as drafts, the starter documents the practice does not have yet; returns how
    many. Safe to run again: a document that exists is never touched."""
    _owner_only(actor, "consent_document.starter_load")
    added = 0
    with transaction.atomic():
        for kind, text in STARTER:
            document, created = ConsentDocument.objects.get_or_create(
                kind=kind, defaults={"title": kind.label}
            )
            if created:
                ConsentVersion.objects.create(document=document, number=1, text=text)
                added += 1
        audit_record(
            actor_id=actor.pk,
            action="consent_document.starter_load",
            resource_type="consent_document",
            reason=f"{added} added",
        )
    return added


def consent_version_save(*, actor: User, version: ConsentVersion, text: str) -> ConsentVersion:
    """Change a draft's text. A published version is never edited."""
    where: dict[str, Any] = {"resource_type": "consent_version", "resource_id": version.pk}
    _owner_only(actor, "consent_version.save", **where)
    with transaction.atomic():
        version = ConsentVersion.objects.select_for_update().get(pk=version.pk)
        if version.status != VersionStatus.DRAFT:
            raise ConsentRefused(
                "A published consent version is never edited: clients signed that exact text.",
                "Start a new draft from it, edit the draft and publish it as the next version.",
            )
        version.text = text
        version.save(update_fields=["text"])
        audit_record(actor_id=actor.pk, action="consent_version.save", **where)
    return version


def consent_version_publish(*, actor: User, version: ConsentVersion) -> ConsentVersion:
    """Fix a draft for signing: its text and SHA-256 never change from now on."""
    where: dict[str, Any] = {"resource_type": "consent_version", "resource_id": version.pk}
    _owner_only(actor, "consent_version.publish", **where)
    with transaction.atomic():
        version = ConsentVersion.objects.select_for_update().get(pk=version.pk)
        if version.status != VersionStatus.DRAFT:
            raise ConsentRefused(
                "This version is already published.", "Start a new draft to change it."
            )
        if MARKER in version.text:
            raise ConsentRefused(
                f"A consent document is published only when no passage marked {MARKER}: ...] "
                "is left.",
                "Replace each marked passage with your jurisdiction's and practice's wording, "
                "save the draft, then publish.",
            )
        if not version.text.strip():
            raise ConsentRefused("An empty consent document cannot be published.")
        version.status = VersionStatus.PUBLISHED
        version.text_hash = text_hash(version.text)
        version.published_at = timezone.now()
        version.published_by = actor
        version.save()
        audit_record(actor_id=actor.pk, action="consent_version.publish", **where)
    return version


def consent_draft_start(*, actor: User, document: ConsentDocument) -> ConsentVersion:
    """A new draft from the latest version's text (or the draft that already exists)."""
    where: dict[str, Any] = {"resource_type": "consent_document", "resource_id": document.pk}
    _owner_only(actor, "consent_version.start", **where)
    with transaction.atomic():
        ConsentDocument.objects.select_for_update().get(pk=document.pk)
        versions = ConsentVersion.objects.filter(document=document)
        draft = versions.filter(status=VersionStatus.DRAFT).first()
        if draft is not None:
            return draft
        latest = versions.order_by("-number").first()
        draft = ConsentVersion.objects.create(
            document=document,
            number=(latest.number + 1) if latest else 1,
            text=latest.text if latest else "",
        )
        audit_record(actor_id=actor.pk, action="consent_version.start", **where)
    return draft


# --- A client's consents (the care team) ----------------------------------------------------


def _witness_only(actor: User, client: Client, action: str) -> None:
    if not actor.roles & WITNESSES:
        raise _refuse(
            actor,
            action,
            "A consent is taken by a clinician or trainee, who witnesses it.",
            "Ask the client's clinician to take the consent with the client.",
            resource_type="consent",
            client_id=client.pk,
        )


def _published(version: ConsentVersion) -> ConsentVersion:
    version = ConsentVersion.objects.select_related("document").get(pk=version.pk)
    if version.status != VersionStatus.PUBLISHED:
        raise ConsentRefused(
            "Only a published consent version can be consented to.",
            "Ask the owner to publish the document first.",
        )
    if text_hash(version.text) != version.text_hash:
        raise ConsentRefused(
            "This version's text no longer matches the hash it was published with.",
            "Tell the privacy officer: the document must be checked before anyone signs it.",
        )
    return version


def _is_minor(actor: User, client: Client) -> bool:
    """From the date of birth, opened by a recorded demographics read (unknown: not a minor)."""
    decision = decide(
        actor=actor,
        action=Action.READ,
        data_class=DataClass.DEMOGRAPHICS,
        client_id=client.pk,
        resource_type="consent_age_check",
    )
    decision.require()
    born = decision.open(client.date_of_birth)
    if not born:
        return False
    birth, today = date.fromisoformat(born), timezone.localdate()
    age = today.year - birth.year - ((today.month, today.day) < (birth.month, birth.day))
    return age < age_of_majority()


def age_of_majority() -> int:
    """The practice's (set for its jurisdiction on the Practice settings page)."""
    practice = practice_get()
    return practice.age_of_majority if practice else MAJORITY_DEFAULT


def check_signer(actor: User, client: Client, guardian: ClientContact | None) -> None:
    if guardian is not None:
        if guardian.client_id != client.pk or guardian.kind != ContactKind.GUARDIAN:
            raise ConsentRefused(
                "Only a guardian recorded in this client's contacts signs for them.",
                "Add the guardian as a contact of the kind 'Guardian or proxy' first.",
            )
    elif _is_minor(actor, client):
        raise ConsentRefused(
            f"A client under {age_of_majority()} does not sign for themselves: a guardian signs.",
            "Choose the guardian as the signer (add them as a contact of the kind "
            "'Guardian or proxy' if they are not listed).",
        )


def consent_sign(
    *,
    actor: User,
    client: Client,
    version: ConsentVersion,
    typed_name: str,
    agreed: bool,
    guardian: ClientContact | None = None,
) -> ConsentRecord:
    """The client (or their guardian) signs on the device, the actor witnessing: typed name,
    time, version and the SHA-256 of its text. The typed name is sealed."""
    _witness_only(actor, client, "consent.sign")
    record_id = uuid4()
    _write_decided(actor, client.pk, "consent_signature", record_id)
    with transaction.atomic():
        version = _published(version)
        name = " ".join(typed_name.split())
        if not name:
            raise ConsentRefused(
                "A signature needs the signer's name typed in full.", "Type your full name."
            )
        if not agreed:
            raise ConsentRefused(
                "A signature needs the box ticked that says the signer has read and agrees.",
                "Tick the box if you agree; otherwise hand the device back without signing.",
            )
        check_signer(actor, client, guardian)
        in_force = ConsentRecord.objects.filter(
            client=client, version=version, guardian=guardian, revoked_at__isnull=True
        )
        if in_force.exists():
            raise ConsentRefused(
                "This signer's consent to this version is already on file.",
                "Nothing more is needed; revoke it first if it must be signed again.",
            )
        return ConsentRecord.objects.create(
            id=record_id,
            client=client,
            version=version,
            method=ConsentMethod.SIGNED,
            signer_role=SignerRole.GUARDIAN if guardian else SignerRole.CLIENT,
            guardian=guardian,
            typed_name=name,
            text_hash=version.text_hash,
            recorded_by=actor,
        )


def consent_verbal_record(
    *,
    actor: User,
    client: Client,
    version: ConsentVersion,
    reason: str,
    guardian: ClientContact | None = None,
) -> ConsentRecord:
    """A verbal consent (the client's, or a guardian's for a minor), documented with the
    reason it stands in for a signature (sealed)."""
    _witness_only(actor, client, "consent.verbal")
    record_id = uuid4()
    _write_decided(actor, client.pk, "consent_verbal", record_id)
    with transaction.atomic():
        version = _published(version)
        if len(reason.strip()) < 10:
            raise ConsentRefused(
                "A verbal consent stands in for a signature only with its reason documented.",
                "Write why the client could not sign (for example, a telephone session) and "
                "what they were told.",
            )
        check_signer(actor, client, guardian)
        return ConsentRecord.objects.create(
            id=record_id,
            client=client,
            version=version,
            method=ConsentMethod.VERBAL,
            signer_role=SignerRole.GUARDIAN if guardian else SignerRole.CLIENT,
            guardian=guardian,
            reason=reason.strip(),
            text_hash=version.text_hash,
            recorded_by=actor,
        )


def consent_revoke(*, actor: User, record: ConsentRecord) -> ConsentRecord:
    """Record that the client withdrew a consent, dated now. The signed copy stays."""
    _write_decided(actor, record.client_id, "consent_revocation", record.pk)
    with transaction.atomic():
        record = ConsentRecord.objects.select_for_update().get(pk=record.pk)
        if record.revoked_at is not None:
            raise ConsentRefused(
                f"This consent was already revoked on {record.revoked_at:%d %b %Y}.",
                "Nothing more is needed.",
            )
        record.revoked_at = timezone.now()
        record.revoked_by = actor
        record.save(update_fields=["revoked_at", "revoked_by"])
    return record


def consent_read(*, actor: User, record: ConsentRecord) -> dict[str, Any]:
    """The signed copy: the exact text, the typed name or reason, the hash; a recorded read."""
    decision = decide(
        actor=actor,
        action=Action.READ,
        data_class=DataClass.CONSENT,
        client_id=record.client_id,
        resource_type="consent_record",
        resource_id=record.pk,
    )
    decision.require()
    version = ConsentVersion.objects.select_related("document").get(pk=record.version_id)
    return {
        "record": record,
        "version": version,
        "typed_name": decision.open(record.typed_name),
        "reason": decision.open(record.reason),
        "hash_matches": text_hash(version.text) == record.text_hash,
    }


def consent_guardians_read(*, actor: User, client: Client) -> list[tuple[ClientContact, str]]:
    """The client's guardians and their names, for choosing who signs: a recorded read."""
    guardians = list(client.contacts.filter(kind=ContactKind.GUARDIAN))
    if not guardians:
        return []
    decision = decide(
        actor=actor,
        action=Action.READ,
        data_class=DataClass.CONTACT,
        client_id=client.pk,
        resource_type="consent_guardians",
    )
    decision.require()
    return [(g, decision.open(g.name)) for g in guardians]
