"""Reads of consent documents and of what a client has on file. Nothing here opens a
sealed value: typed names and reasons open only in services, through a decision."""

from dataclasses import dataclass
from typing import Any
from uuid import UUID

from django.db.models import QuerySet

from alcove.consent.models import (
    ConsentDocument,
    ConsentRecord,
    ConsentVersion,
    DocumentKind,
    VersionStatus,
)

# Which consent a clinical note waits for.
REQUIRED_FOR_NOTES = DocumentKind.TREATMENT


def documents_all() -> QuerySet[ConsentDocument]:
    return ConsentDocument.objects.prefetch_related("versions").order_by("pk")


def version_draft(document: ConsentDocument) -> ConsentVersion | None:
    return document.versions.filter(status=VersionStatus.DRAFT).first()


def _latest_by_document() -> dict[Any, ConsentVersion]:
    """Each document's newest published version, in one query (the chart asks every time)."""
    published = ConsentVersion.objects.filter(status=VersionStatus.PUBLISHED)
    latest: dict[Any, ConsentVersion] = {}
    for version in published.select_related("document").order_by("document_id", "-number"):
        latest.setdefault(version.document_id, version)
    return latest


def versions_published_latest() -> list[ConsentVersion]:
    """The current wording of every document that has one: what a client can sign."""
    latest = _latest_by_document()
    return [latest[key] for key in sorted(latest)]


def consents_in_force(client_id: UUID) -> QuerySet[ConsentRecord]:
    return ConsentRecord.objects.filter(client_id=client_id, revoked_at__isnull=True)


def notes_consent_on_file(client_id: UUID) -> bool:
    """Whether a clinical note may be signed: an unrevoked consent (signed, or a documented
    verbal consent) to any published version of the informed consent to treatment.

    Any version, not only the latest: a consent given stays valid when the practice later
    rewords the document; the chart shows that a newer version exists, to sign at the next
    session.
    """
    return consents_in_force(client_id).filter(version__document__kind=REQUIRED_FOR_NOTES).exists()


@dataclass(frozen=True)
class ConsentLine:
    """One document as it stands for one client, for the chart (no sealed values)."""

    document: ConsentDocument
    current: ConsentVersion | None
    in_force: ConsentRecord | None
    revoked: list[ConsentRecord]

    @property
    def outdated(self) -> bool:
        return bool(self.in_force and self.current and self.in_force.version_id != self.current.pk)


def consent_lines(client_id: UUID) -> list[ConsentLine]:
    records = list(
        ConsentRecord.objects.filter(client_id=client_id)
        .select_related("version", "version__document", "recorded_by")
        .order_by("-recorded_at")
    )
    latest = _latest_by_document()
    lines = []
    for document in ConsentDocument.objects.order_by("pk"):
        mine = [r for r in records if r.version.document_id == document.pk]
        lines.append(
            ConsentLine(
                document=document,
                current=latest.get(document.pk),
                in_force=next((r for r in mine if r.revoked_at is None), None),
                revoked=[r for r in mine if r.revoked_at is not None],
            )
        )
    return lines
