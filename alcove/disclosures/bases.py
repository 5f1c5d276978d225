"""The bases a release can rest on, and the facts each must record before anything leaves.

An authorization is checked against what is released (disclosures.services); a legal
basis is checked for its required facts here. Psychotherapy notes leave only under an
authorization of their own (HIPAA 164.508(a)(2)): no other basis, a subpoena least of all,
releases them.
"""

from dataclasses import dataclass

from alcove.disclosures.models import Basis
from alcove.disclosures.scope import ReleaseClass


@dataclass(frozen=True)
class Fact:
    key: str
    label: str
    on_cover: bool = False  # printed on the package's cover sheet for the recipient
    # Clinical facts (what the client said, who is at risk) are sealed as clinical text:
    # open to the treating clinicians, not to the privacy officer who reads the accounting.
    clinical: bool = False


CONSULTED = Fact(
    "consulted", "Supervisor or colleague consulted, and what they advised", clinical=True
)
METHOD = Fact("method", "How it was disclosed (telephone, in person, in writing)")

FACTS: dict[Basis, tuple[Fact, ...]] = {
    Basis.AUTHORIZATION: (),
    Basis.CLIENT_REQUEST: (
        Fact(
            "identity", "How the requester's identity (or a representative's authority) was checked"
        ),
    ),
    Basis.MANDATORY_REPORT: (
        Fact("concern", "The concern that led to the report", clinical=True),
        Fact("jurisdiction", "The law that requires the report (jurisdiction and statute)", True),
        Fact("agency", "Agency reported to", True),
        Fact("reference", "Report reference, as the agency gave it", True),
        CONSULTED,
        METHOD,
    ),
    Basis.DUTY_TO_WARN: (
        Fact("threat", "The threat, as the client expressed it", clinical=True),
        Fact(
            "person_at_risk", "The person at risk (identified as the law requires)", clinical=True
        ),
        Fact("rule", "The rule being followed (jurisdiction, statute or case law)", True),
        CONSULTED,
        METHOD,
    ),
    Basis.COURT_ORDER: (
        Fact("order_reference", "Order reference (court, case number, date)", True),
        Fact("judge", "Judge or court officer who signed the order", True),
    ),
    Basis.SUBPOENA: (
        Fact("subpoena_reference", "Subpoena reference (court, case number, date)", True),
        Fact(
            "assurance",
            "Assurance received: notice to the client with time to object, or a qualified "
            "protective order",
            True,
        ),
    ),
    Basis.EMERGENCY: (
        Fact(
            "emergency",
            "The emergency, and why the client's agreement could not be sought",
            clinical=True,
        ),
    ),
    Basis.HEALTH_OVERSIGHT: (
        Fact("agency", "Oversight agency", True),
        Fact("reference", "Audit, investigation or inspection reference", True),
    ),
}

# The guided flow for these records what was said as well as what was sent, and its
# purpose is the law's.
GUIDED = {
    Basis.MANDATORY_REPORT: "To report suspected abuse or neglect, as the law requires",
    Basis.DUTY_TO_WARN: "To warn or protect a person at risk of serious harm",
}


def facts_missing(basis: Basis, facts: dict[str, str]) -> list[str]:
    """The labels of required facts left empty (or too short to mean anything)."""
    return [f.label for f in FACTS[basis] if len(" ".join(facts.get(f.key, "").split())) < 3]


def psychotherapy_refusal(basis: Basis, classes: list[str], only_class: bool) -> str:
    """Why psychotherapy notes cannot leave on this basis, or "" when they can."""
    if ReleaseClass.PSYCHOTHERAPY not in classes:
        return ""
    if basis == Basis.SUBPOENA:
        return "A subpoena alone never releases psychotherapy notes."
    if basis != Basis.AUTHORIZATION or not only_class:
        return (
            "Psychotherapy notes leave only under an authorization for psychotherapy notes "
            "alone (HIPAA 164.508(a)(2))."
        )
    return ""
