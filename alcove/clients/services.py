from datetime import date

from django.db import transaction
from django.utils import timezone

from alcove.access.decisions import AccessDenied
from alcove.access.policy import Action, DataClass, Relationship
from alcove.access.services import decide
from alcove.accounts.models import Role, User
from alcove.audit.models import Outcome
from alcove.audit.services import audit_record
from alcove.clients.models import (
    CareTeamMember,
    CareTeamRole,
    Case,
    CaseParticipant,
    Client,
    ClientContact,
    ContactKind,
)
from alcove.clients.selectors import relationship_of
from alcove.encryption.blind_index import dob_digest, name_digest

DETAILS = ("pronouns", "employer_or_school", "phone", "email", "address")


@transaction.atomic
def client_create(
    *,
    actor_id: int | None,
    legal_name: str,
    preferred_name: str = "",
    date_of_birth: date | None = None,
    **details: str,
) -> Client:
    """Details: pronouns, employer_or_school, phone, email, address (all optional, sealed)."""
    unknown = set(details) - set(DETAILS)
    if unknown:
        raise ValueError(f"A client has no {', '.join(sorted(unknown))}.")
    client = Client(
        **{name: value or None for name, value in details.items()},
        legal_name=legal_name,
        preferred_name=preferred_name or None,
        date_of_birth=date_of_birth.isoformat() if date_of_birth else None,
        legal_name_index=name_digest(legal_name),
        preferred_name_index=name_digest(preferred_name) if preferred_name else "",
        date_of_birth_index=dob_digest(date_of_birth) if date_of_birth else "",
    )
    client.save()
    audit_record(
        actor_id=actor_id,
        action="client.create",
        resource_type="client",
        client_id=client.pk,
    )
    return client


@transaction.atomic
def client_intake(
    *,
    actor: User,
    legal_name: str,
    preferred_name: str = "",
    date_of_birth: date | None = None,
    **details: str,
) -> Client:
    """A clinician opens a new client's chart and becomes their primary clinician."""
    if not actor.roles & {Role.CLINICIAN, Role.TRAINEE}:
        raise AccessDenied(
            "Only a clinician or trainee opens a new client's chart.",
            "Ask the clinician who will treat the client.",
        )
    client = client_create(
        actor_id=actor.pk,
        legal_name=legal_name,
        preferred_name=preferred_name,
        date_of_birth=date_of_birth,
        **details,
    )
    CareTeamMember.objects.create(client=client, staff=actor, role=CareTeamRole.PRIMARY)
    return client


def client_contact_add(
    *,
    actor: User,
    client: Client,
    kind: ContactKind,
    name: str,
    relation: str = "",
    phone: str = "",
) -> ClientContact:
    """Add an emergency contact or relative; writing contact data needs the policy's leave.

    Decided outside any transaction of its own, so a refusal stays in the audit log."""
    decide(
        actor=actor,
        action=Action.WRITE,
        data_class=DataClass.CONTACT,
        client_id=client.pk,
        resource_type="client_contact",
    ).require()
    return ClientContact.objects.create(
        client=client, kind=kind, name=name, relation=relation or None, phone=phone or None
    )


def care_team_may_change(*, actor: User, client: Client) -> None:
    primary = relationship_of(actor_id=actor.pk, client_id=client.pk) == Relationship.AUTHOR
    if not (primary or actor.has_role(Role.OWNER)):
        raise AccessDenied(
            "Only the client's primary clinician or the owner changes the care team.",
            "Ask the primary clinician.",
        )


@transaction.atomic
def care_team_add(*, actor: User, client: Client, staff: User) -> CareTeamMember:
    """The primary clinician (or the owner) adds a co-therapist; it opens the chart to them."""
    care_team_may_change(actor=actor, client=client)
    if not staff.is_active or not staff.roles & {Role.CLINICIAN, Role.TRAINEE}:
        raise AccessDenied("Only an active clinician or trainee joins a care team.")
    member, _ = CareTeamMember.objects.get_or_create(
        client=client,
        staff=staff,
        ended_at__isnull=True,
        defaults={"role": CareTeamRole.CO_THERAPIST},
    )
    audit_record(
        actor_id=actor.pk,
        action="care_team.add",
        resource_type="user",
        resource_id=staff.pk,
        client_id=client.pk,
    )
    return member


class CaseRefused(AccessDenied):
    """A change to a case refused by who asks or by the case's state; says what would do."""


def _case_change_decided(*, actor: User, case: Case, client: Client, verb: str) -> None:
    """Only the case's primary clinician, and only for a client whose chart they may write.

    Both refusals are recorded; the allowed decision is recorded by decide().
    """
    if case.primary_clinician_id is None or case.primary_clinician_id != actor.pk:
        rule = "Only the case's primary clinician changes who takes part in it."
        audit_record(
            actor_id=actor.pk,
            action=f"case.participant_{verb}",
            outcome=Outcome.DENIED,
            resource_type="case",
            resource_id=case.pk,
            client_id=client.pk,
            rule=rule,
        )
        raise CaseRefused(rule, "Ask the clinician who opened the case.")
    decide(
        actor=actor,
        action=Action.WRITE,
        data_class=DataClass.CLINICAL,
        client_id=client.pk,
        resource_type="case",
        resource_id=case.pk,
    ).require()


def case_participant_add(*, actor: User, case: Case, client: Client) -> CaseParticipant:
    """A client the primary clinician treats joins the case: they share sessions from now on,
    never the joint notes written before they joined."""
    _case_change_decided(actor=actor, case=case, client=client, verb="add")
    if CaseParticipant.objects.filter(case=case, client=client).exists():
        raise CaseRefused(
            "This client already takes part, or took part, in this case.",
            "A client who left does not rejoin: open a new case with them.",
        )
    with transaction.atomic():
        participant = CaseParticipant.objects.create(case=case, client=client)
        audit_record(
            actor_id=actor.pk,
            action="case.participant_add",
            resource_type="case",
            resource_id=case.pk,
            client_id=client.pk,
        )
    return participant


def case_participant_leave(*, actor: User, case: Case, client: Client) -> CaseParticipant:
    """Mark a participant as having left, dated now. Nothing is deleted: their copies of past
    joint notes stay in their own chart only, and later joint notes are not copied to them."""
    _case_change_decided(actor=actor, case=case, client=client, verb="leave")
    with transaction.atomic():
        updated = CaseParticipant.objects.filter(
            case=case, client=client, left_at__isnull=True
        ).update(left_at=timezone.now())
        if not updated:
            raise CaseRefused("This client is not taking part in this case now.")
        audit_record(
            actor_id=actor.pk,
            action="case.participant_leave",
            resource_type="case",
            resource_id=case.pk,
            client_id=client.pk,
        )
    return CaseParticipant.objects.get(case=case, client=client)
