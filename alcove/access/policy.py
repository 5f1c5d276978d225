"""The need-to-know policy: one table a privacy officer can read, print and review.

Each line of GRANTS says: a role, with one of these relationships to the record, may do
these actions on these data classes. Anything not granted is refused (deny by default).
`alcove access matrix` prints every combination from this very table, and `decide()`
answers from it, so the printout and the software cannot disagree.

Relationships (computed from the care team and supervision, per record):
- author: wrote the note (for a note) or is the client's primary clinician
- supervises_author: supervises the trainee who wrote it / is the primary clinician
- care_team: a clinician on the client's care team (co-therapist)
- supervises_care_team: supervises a trainee on the client's care team
- none: no relationship to the client
"""

from collections.abc import Iterator
from enum import StrEnum
from itertools import product

from alcove.accounts.models import Role


class Relationship(StrEnum):
    AUTHOR = "author"
    SUPERVISES_AUTHOR = "supervises_author"
    CARE_TEAM = "care_team"
    SUPERVISES_CARE_TEAM = "supervises_care_team"
    NONE = "none"


class DataClass(StrEnum):
    DEMOGRAPHICS = "demographics"
    CONTACT = "contact"
    SCHEDULING = "scheduling"
    BILLING = "billing"
    CLINICAL = "clinical"
    PSYCHOTHERAPY_NOTES = "psychotherapy_notes"
    CONSENT = "consent"
    DISCLOSURES = "disclosures"
    AUDIT = "audit"


class Action(StrEnum):
    READ = "read"
    WRITE = "write"
    SIGN = "sign"
    EXPORT = "export"
    RELEASE = "release"


R, D, A = Relationship, DataClass, Action
ANY = frozenset(Relationship)
TREATING = frozenset({R.AUTHOR, R.CARE_TEAM})
SUPERVISING = frozenset({R.SUPERVISES_AUTHOR, R.SUPERVISES_CARE_TEAM})
FRONT_OFFICE = frozenset({D.DEMOGRAPHICS, D.CONTACT, D.SCHEDULING})
CHART = frozenset({D.DEMOGRAPHICS, D.CONTACT, D.SCHEDULING, D.CONSENT, D.DISCLOSURES})

Grant = tuple[Role, frozenset[Relationship], frozenset[DataClass], frozenset[Action], str]

# fmt: off
GRANTS: tuple[Grant, ...] = (
    # role, relationships, data classes, actions, why
    (Role.OWNER, ANY, CHART | {D.BILLING}, frozenset({A.READ}),
     "the privacy officer oversees every record's administrative parts"),
    (Role.OWNER, ANY, frozenset({D.DISCLOSURES}), frozenset({A.WRITE, A.RELEASE, A.EXPORT}),
     "the privacy officer answers requests and court orders, and prints the accounting"),
    (Role.OWNER, ANY, frozenset({D.CONSENT}), frozenset({A.WRITE}),
     "the privacy officer records revocations and authorizations"),
    (Role.OWNER, ANY, frozenset({D.AUDIT}), frozenset({A.READ, A.EXPORT}),
     "the privacy officer reviews who saw what"),
    (Role.CLINICIAN, TREATING, CHART | {D.CLINICAL}, frozenset({A.READ, A.WRITE}),
     "a treating clinician keeps the chart"),
    (Role.CLINICIAN, frozenset({R.AUTHOR}), frozenset({D.CLINICAL}), frozenset({A.SIGN, A.EXPORT}),
     "the author signs and exports their own notes"),
    (Role.CLINICIAN, TREATING, frozenset({D.DISCLOSURES}), frozenset({A.RELEASE, A.EXPORT}),
     "a treating clinician releases on a basis the system checks, and prints the accounting"),
    (Role.CLINICIAN, TREATING, frozenset({D.BILLING}), frozenset({A.READ}),
     "a treating clinician sees what was billed for their sessions"),
    (Role.CLINICIAN, TREATING, frozenset({D.AUDIT}), frozenset({A.READ}),
     "a treating clinician sees the access history of their client"),
    (Role.CLINICIAN, frozenset({R.AUTHOR}), frozenset({D.PSYCHOTHERAPY_NOTES}),
     frozenset({A.READ, A.WRITE, A.SIGN, A.EXPORT}),
     "psychotherapy notes are for their author alone, who may take them de-identified to "
     "supervision"),
    (Role.TRAINEE, TREATING, CHART | {D.CLINICAL}, frozenset({A.READ, A.WRITE}),
     "a trainee keeps the chart of their clients, under supervision"),
    (Role.TRAINEE, frozenset({R.AUTHOR}), frozenset({D.CLINICAL}), frozenset({A.SIGN}),
     "a trainee signs their own notes; the supervisor co-signs"),
    (Role.TRAINEE, frozenset({R.AUTHOR}), frozenset({D.CLINICAL}), frozenset({A.EXPORT}),
     "a trainee exports what they author: a de-identified packet to take to supervision"),
    (Role.TRAINEE, frozenset({R.AUTHOR}), frozenset({D.PSYCHOTHERAPY_NOTES}),
     frozenset({A.READ, A.WRITE, A.SIGN, A.EXPORT}),
     "psychotherapy notes are for their author alone, who may take them de-identified to "
     "supervision"),
    (Role.SUPERVISOR, SUPERVISING, CHART | {D.CLINICAL}, frozenset({A.READ}),
     "a supervisor reads the charts of their trainees' clients"),
    (Role.SUPERVISOR, frozenset({R.SUPERVISES_AUTHOR}), frozenset({D.CLINICAL}),
     frozenset({A.SIGN}),
     "a supervisor co-signs their trainee's notes"),
    (Role.SUPERVISOR, frozenset({R.SUPERVISES_AUTHOR}), frozenset({D.PSYCHOTHERAPY_NOTES}),
     frozenset({A.READ, A.SIGN}),
     "a trainee's psychotherapy notes are open to their supervisor, who co-signs them"),
    (Role.FRONT_DESK, ANY, FRONT_OFFICE, frozenset({A.READ, A.WRITE}),
     "the front desk books sessions and keeps contact details"),
    (Role.BILLING, ANY, frozenset({D.DEMOGRAPHICS, D.CONTACT}), frozenset({A.READ}),
     "billing needs to know who to bill"),
    (Role.BILLING, ANY, frozenset({D.BILLING}), frozenset({A.READ, A.WRITE, A.EXPORT}),
     "billing keeps and sends the accounts"),
    (Role.AUDITOR, ANY, frozenset({D.AUDIT}), frozenset({A.READ, A.EXPORT}),
     "an auditor reviews the audit trail, and nothing else"),
)
# fmt: on


def grant_for(
    role: Role, relationship: Relationship, data_class: DataClass, action: Action
) -> Grant | None:
    """The table line that allows this, or None: refused by default."""
    for grant in GRANTS:
        g_role, relationships, classes, actions, _why = grant
        if (
            g_role == role
            and relationship in relationships
            and data_class in classes
            and action in actions
        ):
            return grant
    return None


def matrix() -> Iterator[tuple[Role, Relationship, DataClass, Action, bool]]:
    """Every combination, in a stable order, answered from GRANTS."""
    for role, relationship, data_class, action in product(Role, Relationship, DataClass, Action):
        allowed = grant_for(role, relationship, data_class, action) is not None
        yield role, relationship, data_class, action, allowed
