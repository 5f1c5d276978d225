"""A fictional practice to look around in: staff in every role, clients, notes in every state.

Everything goes through the same services as real use (sealed, audited). Refused in the
production profile and in an installation that already has a practice.
"""

import re
from dataclasses import dataclass
from datetime import date, timedelta

from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from django.conf import settings
from django.db import transaction
from django.utils import timezone

from alcove.accounts.models import Practice, Role, RoleGrant, Supervision, User
from alcove.accounts.selectors import practice_exists
from alcove.clients.models import CareTeamMember, CareTeamRole, Client, ContactKind
from alcove.clients.services import client_contact_add, client_create
from alcove.consent.authorizations import Elements, authorization_record
from alcove.consent.models import ConsentVersion, DocumentKind
from alcove.consent.services import (
    consent_revoke,
    consent_sign,
    consent_starter_load,
    consent_verbal_record,
    consent_version_publish,
    consent_version_save,
)
from alcove.disclosures.models import Basis
from alcove.disclosures.scope import ReleaseClass
from alcove.disclosures.services import Release, disclosure_release
from alcove.notes.models import NoteKind
from alcove.notes.services import addendum_add, note_create, note_save_draft, note_sign

# Known on purpose: this is demo data on a developer's machine, never production.
DEMO_PASSWORD = "lantern-orchard-seventeen"  # noqa: S105
STAFF = (
    ("Olive Marsh", Role.OWNER),
    ("Clara Ibsen", Role.CLINICIAN),
    ("Samir Haddad", Role.SUPERVISOR),
    ("Tao Lindqvist", Role.TRAINEE),
    ("Frances Doyle", Role.FRONT_DESK),
    ("Billie Okafor", Role.BILLING),
    ("Aude Perrin", Role.AUDITOR),
)


class DemoRefused(Exception):
    pass


@dataclass(frozen=True)
class DemoAccount:
    name: str
    role: Role
    email: str
    totp_secret: str


def _staff() -> tuple[list[DemoAccount], dict[Role, User]]:
    accounts, users = [], {}
    for name, role in STAFF:
        email = f"{role.value.replace('_', '-')}@demo.alcove.test"
        user = User.objects.create_user(email, DEMO_PASSWORD, full_name=name)
        RoleGrant.objects.create(user=user, role=role)
        secret = generate_totp_secret()
        TOTP.activate(user, secret)
        accounts.append(DemoAccount(name, role, email, secret))
        users[role] = user
    Supervision.objects.create(supervisor=users[Role.SUPERVISOR], trainee=users[Role.TRAINEE])
    return accounts, users


def _client(treating: User, legal: str, preferred: str, born: date, **details: str) -> Client:
    client = client_create(
        actor_id=treating.pk,
        legal_name=legal,
        preferred_name=preferred,
        date_of_birth=born,
        **details,
    )
    CareTeamMember.objects.create(client=client, staff=treating, role=CareTeamRole.PRIMARY)
    return client


DEMO_WORDING = "(Demo practice: the wording your jurisdiction requires goes here.)"


def _consent_documents(owner: User) -> dict[DocumentKind, ConsentVersion]:
    """The starter set, its marked passages filled with a placeholder, all published."""
    consent_starter_load(actor=owner)
    published = {}
    for draft in ConsentVersion.objects.select_related("document"):
        text = re.sub(r"\[PRACTICE TO COMPLETE:[^\]]*\]", DEMO_WORDING, draft.text)
        consent_version_save(actor=owner, version=draft, text=text)
        published[DocumentKind(draft.document.kind)] = consent_version_publish(
            actor=owner, version=draft
        )
    return published


def _consents(users: dict[Role, User], juniper: Client, rowan: Client) -> None:
    clara, tao = users[Role.CLINICIAN], users[Role.TRAINEE]
    documents = _consent_documents(users[Role.OWNER])
    for kind in (DocumentKind.TREATMENT, DocumentKind.PRIVACY_NOTICE, DocumentKind.TELEHEALTH):
        signed = consent_sign(
            actor=clara,
            client=juniper,
            version=documents[kind],
            typed_name="Juniper Vale",
            agreed=True,
        )
    consent_revoke(actor=clara, record=signed)  # telehealth withdrawn; the signed copy stays
    consent_verbal_record(
        actor=tao,
        client=rowan,
        version=documents[DocumentKind.TREATMENT],
        reason="First session by telephone; read the consent aloud, Rowan agreed to all of it.",
    )


def _notes(users: dict[Role, User]) -> None:
    clara, tao = users[Role.CLINICIAN], users[Role.TRAINEE]
    juniper = _client(clara, "Juniper Vale", "June", date(1988, 4, 2), pronouns="she/her")
    rowan = _client(tao, "Rowan Ashby", "", date(1995, 11, 19), phone="+44 7700 900321")
    _consents(users, juniper, rowan)
    client_contact_add(
        actor=users[Role.FRONT_DESK],
        client=rowan,
        kind=ContactKind.EMERGENCY,
        name="Isla Ashby",
        relation="mother",
        phone="+44 7700 900654",
    )
    signed = note_create(actor=clara, client=juniper, kind=NoteKind.PROGRESS)
    note_save_draft(
        actor=clara,
        note=signed,
        subjective="Sleeping better since the new routine.",
        objective="Relaxed, good eye contact.",
        assessment="Low mood easing.",
        plan="Continue fortnightly; review in six weeks.",
    )
    note_sign(actor=clara, note=signed)
    addendum_add(actor=clara, note=signed, text="Correction: routine started three weeks ago.")
    draft = note_create(actor=clara, client=juniper, kind=NoteKind.INTAKE)
    note_save_draft(actor=clara, note=draft, body="Referred by GP for low mood. (draft)")
    private = note_create(actor=clara, client=juniper, kind=NoteKind.PSYCHOTHERAPY)
    note_save_draft(actor=clara, note=private, body="My hypothesis: grief about her father.")
    awaiting = note_create(actor=tao, client=rowan, kind=NoteKind.PROGRESS)
    note_save_draft(
        actor=tao,
        note=awaiting,
        subjective="Exam stress.",
        objective="Restless.",
        assessment="Generalised anxiety, mild.",
        plan="Breathing practice; weekly.",
    )
    note_sign(actor=tao, note=awaiting)  # awaits Samir's co-signature
    _releases(clara, juniper)


def _releases(clara: User, juniper: Client) -> None:
    """An authorization with a release made under it, and one awaiting the client's signature."""
    today = timezone.localdate()
    elements = Elements(
        recipient="Dr Oren Blum (GP), Quay Street Surgery, Portsmouth",
        purpose="Continuity of care",
        classes=[ReleaseClass.PROGRESS, ReleaseClass.ATTENDANCE],
        covers_from=today - timedelta(days=365),
        covers_to=today + timedelta(days=365),
        expiry_event="the end of treatment",
    )
    authorization = authorization_record(
        actor=clara, client=juniper, elements=elements, paper_signed_by="Juniper Vale"
    )
    disclosure_release(
        actor=clara,
        client=juniper,
        release=Release(
            basis=Basis.AUTHORIZATION,
            authorization=authorization,
            classes=[ReleaseClass.PROGRESS],
            covers_from=today - timedelta(days=30),
            covers_to=today,
        ),
    )
    later = Elements(**{**elements.__dict__, "recipient": "Solent Insurance, claims team"})
    authorization_record(actor=clara, client=juniper, elements=later)


def demo_load() -> list[DemoAccount]:
    if settings.PRODUCTION:
        raise DemoRefused("Demo data is refused in the production profile.")
    if practice_exists():
        raise DemoRefused(
            "This installation already has a practice; load the demo into an empty "
            "ALCOVE_DATA_DIR (make demo uses ./var/demo)."
        )
    with transaction.atomic():
        Practice.objects.create(name="Harbour Psychology (demo)")
        accounts, users = _staff()
        _notes(users)
    return accounts
