"""disclosure_release: nothing leaves without a basis the system can check, only the minimum
necessary leaves, and every release is kept, sealed, audited and accounted for.

The steps, in order:
1. decide() that the actor may release from this client's record (the policy table);
2. check the basis: an authorization that is active and covers exactly the classes and
   dates, or a legal basis with its required facts; psychotherapy notes only under their
   own authorization. A refusal is recorded and says what would allow the release;
3. decide() a read of every data class the package holds: a release holds only what its
   releaser may read;
4. lay out the package (cover sheet, then only what was named), seal it, and write the
   disclosure with its audit entry in one transaction. If that fails, the sealed file is
   removed: nothing is half-written.
"""

import hashlib
import json
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any
from uuid import UUID, uuid4

from django.core.files.storage import default_storage
from django.db import DatabaseError, transaction
from django.utils import timezone

from alcove.access.decisions import AccessDenied, Decision
from alcove.access.policy import Action, DataClass
from alcove.access.services import decide, granted_by_table, permitted
from alcove.accounts.models import User
from alcove.accounts.selectors import practice_get
from alcove.audit.services import audit_record, refusal_record
from alcove.clients.models import Client
from alcove.clients.selectors import relationship_of
from alcove.consent.authorizations import authorization_covers
from alcove.consent.models import Authorization
from alcove.disclosures.bases import FACTS, facts_missing, psychotherapy_refusal
from alcove.disclosures.models import Basis, Disclosure, DisclosureNotice, Told
from alcove.disclosures.package import Package, PackageNote, package_render
from alcove.disclosures.pdf import Unprintable
from alcove.disclosures.scope import (
    SCOPES,
    ReleaseClass,
    classes_clean,
    classes_describe,
)
from alcove.encryption.files import SealedFile, sealed_file_write
from alcove.notes.models import NoteKind
from alcove.notes.selectors import notes_signed_between
from alcove.notes.services import note_signed_read

DISCLOSURES = "disclosures"
RECORD_WITHIN_DAYS = 30
NOTICE_RULE = "Whether the client was told is recorded with how, or why not."
NOTICE_REMEDY = "Say how the client was told, or why they were not (or not yet)."
CLINICAL_ONLY = "(clinical: for the client's treating clinicians)"
UNPRINTABLE_RULE = "The package holds characters its font cannot print, so it was not made."


class DisclosureRefused(AccessDenied):
    """A release refused by a rule; says which, and what would allow it."""


@dataclass(frozen=True)
class Release:
    """What is to be released, to whom and on what basis (the form's answers)."""

    basis: Basis
    classes: list[str]
    covers_from: date | None = None
    covers_to: date | None = None
    recipient: str = ""
    purpose: str = ""
    facts: dict[str, str] = field(default_factory=dict)
    statement: str = ""
    authorization: Authorization | None = None
    disclosed_at: datetime | None = None
    notice: tuple[Told, str] | None = None  # whether and how the client was told


def _refuse(actor: User, client_id: UUID, rule: str, remedy: str) -> DisclosureRefused:
    """Record the refusal where no rollback reaches it, and return it to raise."""
    refusal_record(
        actor_id=actor.pk,
        action="disclosure.release",
        rule=rule,
        resource_type="disclosure",
        client_id=client_id,
    )
    return DisclosureRefused(rule, remedy)


def _clean(text: str) -> str:
    return " ".join(text.split())


def _needs_dates(classes: list[str]) -> bool:
    return any(c != ReleaseClass.IDENTIFYING for c in classes)


def _basis_problems(release: Release, client: Client) -> tuple[str, str]:
    """(rule, remedy) of the first reason this release has no checkable basis, or ("", "")."""
    refusal = psychotherapy_refusal(
        release.basis,
        release.classes,
        bool(release.authorization and release.authorization.classes == release.classes),
    )
    if refusal:
        return refusal, "Ask the client for an authorization for psychotherapy notes alone."
    if _needs_dates(release.classes) and not (release.covers_from and release.covers_to):
        return "A release of records names the dates it covers.", "Give the from and to dates."
    if release.covers_from and release.covers_to and release.covers_from > release.covers_to:
        return "The date range starts after it ends.", "Correct the dates."
    rule, remedy = _timing_problems(release)
    if rule:
        return rule, remedy
    if release.basis == Basis.AUTHORIZATION:
        return _authorization_problems(release, client)
    missing = facts_missing(release.basis, release.facts)
    if missing:
        label = Basis(release.basis).label
        return (
            f"A release on the basis '{label}' records its required facts; missing: "
            + "; ".join(missing)
            + ".",
            "Fill in each of them; if you cannot, the release has no basis yet.",
        )
    if len(_clean(release.recipient)) < 3 or len(_clean(release.purpose)) < 3:
        return "A release names its recipient and its purpose.", "Fill in both."
    return "", ""


def _timing_problems(release: Release) -> tuple[str, str]:
    """A disclosure made earlier (a telephone warning) is recorded within RECORD_WITHIN_DAYS
    of it, and holds no record written after it; one on an authorization is made now, when
    the authorization is checked."""
    when = release.disclosed_at
    if when is None:
        return "", ""
    if release.basis == Basis.AUTHORIZATION:
        return (
            "A release on an authorization is made now, when its authorization is checked.",
            "Leave the time of disclosure empty.",
        )
    if when > timezone.now():
        return "A disclosure cannot be recorded before it happens.", "Correct the time."
    if when < timezone.now() - timedelta(days=RECORD_WITHIN_DAYS):
        return (
            f"A disclosure is recorded within {RECORD_WITHIN_DAYS} days of being made.",
            "Tell the privacy officer about a disclosure found later: it needs their review.",
        )
    if release.covers_to and release.covers_to > timezone.localdate(when):
        return (
            "A disclosure cannot hold records written after it was made.",
            "End the records' dates on the day of the disclosure.",
        )
    return "", ""


def _authorization_problems(release: Release, client: Client) -> tuple[str, str]:
    authorization = release.authorization
    if authorization is None or authorization.client_id != client.pk:
        return (
            "A release on the client's authorization names one of this client's authorizations.",
            "Record the client's authorization first, or choose a legal basis.",
        )
    start = release.covers_from or authorization.covers_from
    end = release.covers_to or authorization.covers_to
    problems = authorization_covers(
        authorization, classes=release.classes, covers_from=start, covers_to=end
    )
    if problems:
        return (
            "The authorization does not cover this release: " + "; ".join(problems) + ".",
            "Release only what it covers, or ask the client for a new authorization.",
        )
    return "", ""


def _reads(
    actor: User, client: Client, classes: list[str], disclosure_id: UUID
) -> dict[str, Decision]:
    """A recorded read of each data class the package holds; refused if any is denied."""
    decisions: dict[str, Decision] = {}
    for data_class in dict.fromkeys(SCOPES[ReleaseClass(c)].data_class for c in classes):
        decision = decide(
            actor=actor,
            action=Action.READ,
            data_class=data_class,
            client_id=client.pk,
            resource_type="disclosure_package",
            resource_id=disclosure_id,
            author_id=actor.pk if data_class == DataClass.PSYCHOTHERAPY_NOTES else None,
        )
        if not decision.allowed:
            raise DisclosureRefused(
                f"A release holds only what its releaser may read. {decision.rule}",
                "Ask the client's treating clinician to make this release.",
            )
        if not _by_table(actor, client, data_class):
            raise DisclosureRefused(
                "Break-the-glass opens a record for an emergency in this practice, never for "
                "a release of information.",
                "Ask the client's treating clinician to make this release.",
            )
        decisions[data_class] = decision
    return decisions


def _by_table(actor: User, client: Client, data_class: str) -> bool:
    psychotherapy = data_class == DataClass.PSYCHOTHERAPY_NOTES
    relationship = relationship_of(
        actor_id=actor.pk, client_id=client.pk, author_id=actor.pk if psychotherapy else None
    )
    return granted_by_table(
        actor=actor, action=Action.READ, data_class=DataClass(data_class), relationship=relationship
    )


def _notes(
    client: Client, release: Release, reads: dict[str, Decision], actor: User
) -> list[PackageNote]:
    assert release.covers_from and release.covers_to
    notes = []
    for release_class in release.classes:
        scope = SCOPES[ReleaseClass(release_class)]
        if not scope.note_kinds:
            continue
        psychotherapy = scope.data_class == DataClass.PSYCHOTHERAPY_NOTES
        for note in notes_signed_between(
            client=client,
            kinds=scope.note_kinds,
            start=release.covers_from,
            end=release.covers_to,
            author_id=actor.pk if psychotherapy else None,  # their author alone opens them
        ):
            opened = note_signed_read(
                decision=reads[scope.data_class], note=note, addenda_until=release.covers_to
            )
            notes.append(
                PackageNote(
                    kind=NoteKind(note.kind).label,
                    written=timezone.localdate(note.created_at),
                    author=note.author.full_name,
                    content=opened["content"],
                    addenda=opened["addenda"],
                )
            )
    return notes


def _attendance(client: Client, release: Release) -> list[tuple[date, str]]:
    assert release.covers_from and release.covers_to
    kinds = [NoteKind.INTAKE, NoteKind.PROGRESS, NoteKind.TREATMENT_PLAN]
    signed = notes_signed_between(
        client=client, kinds=kinds, start=release.covers_from, end=release.covers_to
    )
    return [(timezone.localdate(n.created_at), NoteKind(n.kind).label) for n in signed]


def _identifying(decision: Decision, client: Client) -> list[tuple[str, str]]:
    return [
        ("Name", decision.open(client.legal_name)),
        ("Date of birth", decision.open(client.date_of_birth) or "not recorded"),
    ]


def _scope_text(release: Release, releaser: User) -> str:
    text = classes_describe(release.classes) or "No records: what was said only"
    if ReleaseClass.PSYCHOTHERAPY in release.classes:
        text += f" written by {releaser.full_name}"
    if _needs_dates(release.classes) and release.covers_from and release.covers_to:
        text += f"; records dated {release.covers_from:%d %B %Y} to {release.covers_to:%d %B %Y}"
    return text


def _package(
    actor: User, client: Client, release: Release, reads: dict[str, Decision], disclosure_id: UUID
) -> Package:
    practice = practice_get()
    cover = [(f.label, _clean(release.facts[f.key])) for f in FACTS[release.basis] if f.on_cover]
    if release.authorization is not None:
        cover.append(("Authorization", str(release.authorization.pk)))
    package = Package(
        disclosure_id=str(disclosure_id),
        practice=practice.name if practice else "",
        released_at=timezone.localtime(release.disclosed_at or timezone.now()),
        recipient=release.recipient,
        purpose=release.purpose,
        basis=Basis(release.basis).label,
        cover_facts=cover,
        scope=_scope_text(release, actor),
        statement=release.statement,
    )
    if ReleaseClass.IDENTIFYING in release.classes:
        package.identifying = _identifying(reads[DataClass.DEMOGRAPHICS], client)
    if ReleaseClass.ATTENDANCE in release.classes:
        package.attendance = _attendance(client, release)
    if _needs_dates(release.classes):
        package.notes = _notes(client, release, reads, actor)
    return package


def _with_authorization(actor: User, client: Client, release: Release) -> Release:
    """The authorization as it stands now (a revocation a moment ago counts), and its own
    recipient and purpose, opened by a recorded consent read."""
    if release.authorization is None:
        return release
    authorization = Authorization.objects.filter(pk=release.authorization.pk).first()
    if authorization is None or authorization.client_id != client.pk:
        return Release(**{**release.__dict__, "authorization": None})
    decision = decide(
        actor=actor,
        action=Action.READ,
        data_class=DataClass.CONSENT,
        client_id=authorization.client_id,
        resource_type="authorization",
        resource_id=authorization.pk,
    )
    decision.require()
    return Release(
        **{
            **release.__dict__,
            "authorization": authorization,
            "recipient": decision.open(authorization.recipient),
            "purpose": decision.open(authorization.purpose),
            "covers_from": release.covers_from or authorization.covers_from,
            "covers_to": release.covers_to or authorization.covers_to,
        }
    )


def _cleaned(actor: User, client: Client, release: Release) -> Release:
    try:
        classes = [str(c) for c in classes_clean(release.classes)]
    except ValueError:
        raise _refuse(
            actor,
            client.pk,
            "A release names only the classes Alcove knows.",
            "Choose from the list.",
        ) from None
    if release.notice is not None and len(_clean(release.notice[1])) < 3:
        raise _refuse(actor, client.pk, NOTICE_RULE, NOTICE_REMEDY)
    facts = {f.key: _clean(release.facts.get(f.key, "")) for f in FACTS[release.basis]}
    return Release(
        **{
            **release.__dict__,
            "classes": classes,
            "facts": facts,
            "recipient": _clean(release.recipient),
            "purpose": _clean(release.purpose),
            "statement": release.statement.strip(),
        }
    )


def disclosure_release(*, actor: User, client: Client, release: Release) -> Disclosure:
    """Release information from the client's record on a basis the system checks."""
    disclosure_id = uuid4()
    decide(
        actor=actor,
        action=Action.RELEASE,
        data_class=DataClass.DISCLOSURES,
        client_id=client.pk,
        resource_type="disclosure",
        resource_id=disclosure_id,
    ).require()
    release = _with_authorization(actor, client, _cleaned(actor, client, release))
    rule, remedy = _basis_problems(release, client)
    if rule:
        raise _refuse(actor, client.pk, rule, remedy)
    reads = _reads(actor, client, release.classes, disclosure_id)
    package = _package(actor, client, release, reads, disclosure_id)
    if ReleaseClass.PSYCHOTHERAPY in release.classes and not package.notes:
        raise _refuse(
            actor,
            client.pk,
            "Psychotherapy notes are released by their author: you wrote none in these dates.",
            "Ask the clinician who wrote them to make the release.",
        )
    try:
        document, pages = package_render(package)
    except Unprintable as unprintable:
        _refuse(actor, client.pk, UNPRINTABLE_RULE, "")  # recorded without the characters
        raise DisclosureRefused(str(unprintable)) from None
    rendered = Rendered(document, pages, package.items)
    return _disclosure_write(actor, client, release, disclosure_id, rendered)


@dataclass(frozen=True)
class Rendered:
    document: bytes
    pages: int
    items: int


def _package_class(release: Release) -> DataClass:
    # A package holding psychotherapy notes is sealed under their own key, like the notes.
    if ReleaseClass.PSYCHOTHERAPY in release.classes:
        return DataClass.PSYCHOTHERAPY_NOTES
    return DataClass.DISCLOSURES


def _disclosure_write(
    actor: User, client: Client, release: Release, disclosure_id: UUID, rendered: Rendered
) -> Disclosure:
    sealed = sealed_file_write(
        file_id=disclosure_id,
        client_id=client.pk,
        data_class=_package_class(release),
        content=rendered.document,
    )
    try:
        with transaction.atomic():
            _authorization_still_covers(release, client)
            return _disclosure_create(actor, client, release, disclosure_id, rendered)
    except DisclosureRefused as refused:
        default_storage.delete(sealed.name)
        raise _refuse(actor, client.pk, refused.rule, refused.remedy) from None
    except BaseException:
        if not _written(disclosure_id):
            default_storage.delete(sealed.name)  # the release did not happen: nor its file
        raise


def _written(disclosure_id: UUID) -> bool:
    """Whether the row is there after all (a commit whose answer was lost). When even that
    cannot be asked, say yes: a sealed file without a row is the documented, safe leftover."""
    try:
        return Disclosure.objects.filter(pk=disclosure_id).exists()
    except DatabaseError:
        return True


def _authorization_still_covers(release: Release, client: Client) -> None:
    """Checked again under the authorization's row lock: a revocation that committed while
    the package was being made stops the release (revocation takes the same lock)."""
    if release.authorization is None:
        return
    locked = Authorization.objects.select_for_update().get(pk=release.authorization.pk)
    rule, remedy = _authorization_problems(
        Release(**{**release.__dict__, "authorization": locked}), client
    )
    if rule:
        raise DisclosureRefused(rule, remedy)


def _disclosure_create(
    actor: User, client: Client, release: Release, disclosure_id: UUID, rendered: Rendered
) -> Disclosure:
    disclosure = Disclosure.objects.create(
        id=disclosure_id,
        client=client,
        basis=release.basis,
        authorization=release.authorization,
        recipient=release.recipient,
        purpose=release.purpose,
        facts=_facts_json(release, clinical=False),
        clinical_facts=_facts_json(release, clinical=True),
        statement=release.statement or None,
        classes=release.classes,
        covers_from=release.covers_from if _needs_dates(release.classes) else None,
        covers_to=release.covers_to if _needs_dates(release.classes) else None,
        disclosed_at=release.disclosed_at or timezone.now(),
        released_by=actor,
        package_data_class=_package_class(release),
        package_sha256=hashlib.sha256(rendered.document).hexdigest(),
        package_pages=rendered.pages,
        package_items=rendered.items,
    )
    audit_record(
        actor_id=actor.pk,
        action="disclosure.release",
        resource_type="disclosure",
        resource_id=disclosure_id,
        client_id=client.pk,
        reason=str(release.basis),
    )
    if release.notice is not None:
        _notice_create(actor, disclosure, *release.notice)
    return disclosure


def _facts_json(release: Release, *, clinical: bool) -> str:
    facts = {f.key: release.facts[f.key] for f in FACTS[release.basis] if f.clinical == clinical}
    return json.dumps(facts, ensure_ascii=False)


def _notice_create(
    actor: User, disclosure: Disclosure, told: Told, detail: str
) -> DisclosureNotice:
    return DisclosureNotice.objects.create(
        disclosure=disclosure,
        client_id_copy=disclosure.client_id,
        told=told,
        detail=detail.strip(),
        recorded_by=actor,
    )


def disclosure_notice_add(
    *, actor: User, disclosure: Disclosure, told: Told, detail: str
) -> DisclosureNotice:
    """Record whether and how the client was told of a disclosure (a later notice adds a row)."""
    decide(
        actor=actor,
        action=Action.WRITE,
        data_class=DataClass.DISCLOSURES,
        client_id=disclosure.client_id,
        resource_type="disclosure_notice",
        resource_id=disclosure.pk,
    ).require()
    if len(_clean(detail)) < 3:
        raise _refuse(actor, disclosure.client_id, NOTICE_RULE, NOTICE_REMEDY)
    with transaction.atomic():
        notice = _notice_create(actor, disclosure, told, detail)
        audit_record(
            actor_id=actor.pk,
            action="disclosure.notice",
            resource_type="disclosure",
            resource_id=disclosure.pk,
            client_id=disclosure.client_id,
            reason=str(told),
        )
    return notice


def disclosure_read(*, actor: User, disclosure: Disclosure) -> dict[str, Any]:
    """What left, to whom, why and on what facts, and whether the client was told. The
    clinical facts and what was said open only for someone who may read clinical text (a
    second recorded decision); the privacy officer sees the rest."""
    decision = _decided(actor, disclosure, Action.READ, DataClass.DISCLOSURES, "disclosure")
    decision.require()
    facts = json.loads(decision.open(disclosure.facts) or "{}")
    statement = ""
    if _may_read_clinical(actor, disclosure):
        clinical = _decided(actor, disclosure, Action.READ, DataClass.CLINICAL, "disclosure")
        facts |= json.loads(clinical.open(disclosure.clinical_facts) or "{}")
        statement = clinical.open(disclosure.statement)
    notices = disclosure.notices.select_related("recorded_by").order_by("recorded_at")
    return {
        "disclosure": disclosure,
        "recipient": decision.open(disclosure.recipient),
        "purpose": decision.open(disclosure.purpose),
        "facts": [
            (f.label, facts.get(f.key, CLINICAL_ONLY)) for f in FACTS[Basis(disclosure.basis)]
        ],
        "statement": statement if disclosure.statement is not None else "",
        "statement_withheld": disclosure.statement is not None and not statement,
        "scope": classes_describe(disclosure.classes),
        "notices": [(n, decision.open(n.detail)) for n in notices],
    }


def _decided(
    actor: User, disclosure: Disclosure, action: Action, data_class: DataClass, what: str
) -> Decision:
    return decide(
        actor=actor,
        action=action,
        data_class=data_class,
        client_id=disclosure.client_id,
        resource_type=what,
        resource_id=disclosure.pk,
        author_id=disclosure.released_by_id
        if data_class == DataClass.PSYCHOTHERAPY_NOTES
        else None,
    )


def _may_read_clinical(actor: User, disclosure: Disclosure) -> bool:
    relationship = relationship_of(actor_id=actor.pk, client_id=disclosure.client_id)
    return permitted(
        actor=actor,
        action=Action.READ,
        data_class=DataClass.CLINICAL,
        client_id=disclosure.client_id,
        relationship=relationship,
    )


def disclosure_package_open(*, actor: User, disclosure: Disclosure) -> bytes:
    """The package exactly as released, for whoever may export it and read all it holds
    (what was said counts as clinical text), by the table, never by break-the-glass."""
    export = _decided(actor, disclosure, Action.EXPORT, DataClass.DISCLOSURES, "disclosure_package")
    export.require()
    reads = {DataClass.DISCLOSURES: export}
    needed = [SCOPES[ReleaseClass(c)].data_class for c in disclosure.classes]
    if disclosure.statement is not None:
        needed.append(DataClass.CLINICAL)
    for data_class in dict.fromkeys(needed):
        reads[data_class] = _decided(
            actor, disclosure, Action.READ, data_class, "disclosure_package"
        )
        reads[data_class].require()
        if not _by_table(actor, disclosure.client, data_class):
            raise DisclosureRefused(
                "Break-the-glass does not open a release package.",
                "Ask the client's treating clinician.",
            )
    sealed = SealedFile(
        file_id=disclosure.pk,
        client_id=disclosure.client_id,
        data_class=disclosure.package_data_class,
    )
    return reads[DataClass(sealed.data_class)].open_file(sealed)
