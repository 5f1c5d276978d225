"""Authorizations (releases of information): recorded with every core element of HIPAA
164.508(c) or refused naming what is missing; signed on the device in the hand-over or on
paper; revoked or ended by their event with immediate effect. Never edited or deleted.

Whether one covers a release is answered by `authorization_covers` for disclosures.
"""

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any
from uuid import UUID, uuid4

from django.db import transaction
from django.utils import timezone

from alcove.access.policy import Action, DataClass
from alcove.access.services import decide
from alcove.accounts.models import User
from alcove.accounts.selectors import practice_get
from alcove.audit.services import refusal_record
from alcove.clients.models import Client, ClientContact
from alcove.consent.models import Authorization, SignatureMethod, SignerRole
from alcove.consent.services import ConsentRefused, check_signer, text_hash
from alcove.disclosures.scope import ReleaseClass, classes_clean, classes_describe

STATEMENTS = (
    "You may revoke this authorization at any time by telling the practice in writing. A "
    "revocation takes effect when the practice receives it; it does not undo a release "
    "already made in reliance on this authorization.",
    "Your treatment, payment, enrollment or eligibility for benefits does not depend on "
    "whether you sign this authorization.",
    "Information released under this authorization may be redisclosed by the recipient and "
    "may then no longer be protected by federal privacy rules.",
    "You may have a copy of this authorization.",
)
PSYCHOTHERAPY_ALONE = (
    "This authorization covers psychotherapy notes only. It cannot be combined with an "
    "authorization for any other information."
)


@dataclass(frozen=True)
class Elements:
    """What the client authorizes, as the form gives it."""

    recipient: str
    purpose: str
    classes: list[str]
    covers_from: date | None
    covers_to: date | None
    expires_on: date | None = None
    expiry_event: str = ""


def _clean(text: str) -> str:
    return " ".join(text.split())


def authorization_missing(elements: Elements, *, today: date) -> list[str]:
    """Each core element that is missing or wrong, as a sentence; empty when complete."""
    problems = []
    if len(_clean(elements.recipient)) < 3:
        problems.append("the recipient: who receives the information (name and address)")
    if len(_clean(elements.purpose)) < 3:
        problems.append(
            'the purpose of the release ("at the client\'s request" is enough when it is)'
        )
    if not elements.classes:
        problems.append("what may be released: at least one class of information")
    elif ReleaseClass.PSYCHOTHERAPY in elements.classes and len(elements.classes) > 1:
        problems.append(
            "psychotherapy notes on an authorization of their own: it cannot name other "
            "information too"
        )
    if elements.covers_from is None or elements.covers_to is None:
        problems.append("the dates of the records covered (from and to)")
    elif elements.covers_from > elements.covers_to:
        problems.append("a date range that starts before it ends")
    if elements.expires_on is None and len(_clean(elements.expiry_event)) < 3:
        problems.append("an expiry: a date or an event (for example, the end of treatment)")
    elif elements.expires_on is not None and elements.expires_on < today:
        problems.append("an expiry date that has not passed")
    return problems


def authorization_wording(elements: Elements, *, by_guardian: bool) -> str:
    """The text the client reads and signs, generated from the elements."""
    practice = practice_get()
    holder = practice.name if practice else "The practice"
    event = _clean(elements.expiry_event)
    expiry = f"when this happens: {event}"
    if elements.expires_on:
        expiry = f"on {elements.expires_on:%d %B %Y}"
        if event:
            expiry += f", or when this happens, whichever comes first: {event}"
    lines = [
        "Authorization to release information",
        "",
        f"I authorize {holder} to release the following information from my record: "
        f"{classes_describe(elements.classes)}; records dated {elements.covers_from:%d %B %Y} "
        f"to {elements.covers_to:%d %B %Y}.",
        f"To: {_clean(elements.recipient)}",
        f"For this purpose: {_clean(elements.purpose)}",
        f"This authorization expires {expiry}, unless I revoke it sooner.",
        "",
        *STATEMENTS,
    ]
    if ReleaseClass.PSYCHOTHERAPY in elements.classes:
        lines.append(PSYCHOTHERAPY_ALONE)
    if by_guardian:
        lines.append(
            "Signed by the client's guardian or personal representative, whose authority is "
            "recorded in the client's contacts."
        )
    return "\n".join(lines)


def _decided(actor: User, client_id: UUID, resource_id: object, action: str) -> None:
    decide(
        actor=actor,
        action=Action.WRITE,
        data_class=DataClass.CONSENT,
        client_id=client_id,
        resource_type=f"authorization_{action}",
        resource_id=resource_id,
    ).require()


def _refuse(actor: User, client_id: UUID, rule: str, remedy: str) -> ConsentRefused:
    """Record the refusal (outside any transaction that would take it back) and return it."""
    refusal_record(
        actor_id=actor.pk,
        action="authorization.record",
        rule=rule,
        resource_type="authorization",
        client_id=client_id,
    )
    return ConsentRefused(rule, remedy)


def authorization_record(
    *,
    actor: User,
    client: Client,
    elements: Elements,
    guardian: ClientContact | None = None,
    paper_signed_by: str = "",
) -> Authorization:
    """Record an authorization: signed on paper (the name as signed), or awaiting the
    client's signature on the device. Refused, naming each missing element, if incomplete."""
    authorization_id = uuid4()
    _decided(actor, client.pk, authorization_id, "record")
    try:
        classes = [str(c) for c in classes_clean(elements.classes)]
    except ValueError:
        raise _refuse(
            actor, client.pk, "An authorization names only classes Alcove knows.", "Choose them."
        ) from None
    elements = Elements(**{**elements.__dict__, "classes": classes})
    missing = authorization_missing(elements, today=timezone.localdate())
    if missing:
        raise _refuse(
            actor,
            client.pk,
            "An authorization is valid only with every core element (HIPAA 164.508(c)); "
            "missing: " + "; ".join(missing) + ".",
            "Complete the form; if a paper authorization lacks an element, ask the client "
            "for a new one.",
        )
    try:
        check_signer(actor, client, guardian)
    except ConsentRefused as refused:
        raise _refuse(actor, client.pk, refused.rule, refused.remedy) from None
    with transaction.atomic():
        return _create(actor, client, elements, guardian, authorization_id, paper_signed_by)


def _create(
    actor: User,
    client: Client,
    elements: Elements,
    guardian: ClientContact | None,
    authorization_id: UUID,
    paper_signed_by: str,
) -> Authorization:
    assert elements.covers_from and elements.covers_to  # authorization_missing checked them
    text = authorization_wording(elements, by_guardian=guardian is not None)
    paper = bool(_clean(paper_signed_by))
    return Authorization.objects.create(
        id=authorization_id,
        client=client,
        recipient=_clean(elements.recipient),
        purpose=_clean(elements.purpose),
        classes=elements.classes,
        covers_from=elements.covers_from,
        covers_to=elements.covers_to,
        expires_on=elements.expires_on,
        expiry_event=_clean(elements.expiry_event) or None,
        text=text,
        text_hash=text_hash(text),
        method=SignatureMethod.PAPER if paper else SignatureMethod.DEVICE,
        signer_role=SignerRole.GUARDIAN if guardian else SignerRole.CLIENT,
        guardian=guardian,
        typed_name=_clean(paper_signed_by) if paper else None,
        signed_at=timezone.now() if paper else None,
        recorded_by=actor,
    )


def authorization_sign(
    *, actor: User, authorization: Authorization, typed_name: str, agreed: bool
) -> Authorization:
    """The client (or guardian) signs the generated wording on the device; actor witnesses."""
    _decided(actor, authorization.client_id, authorization.pk, "sign")
    with transaction.atomic():
        found = Authorization.objects.select_for_update().get(pk=authorization.pk)
        if found.signed_at is not None:
            raise ConsentRefused("This authorization is already signed.", "Nothing more needed.")
        name = _clean(typed_name)
        if not name or not agreed:
            raise ConsentRefused(
                "A signature needs the signer's full name typed and the box ticked.",
                "Type your full name and tick the box if you agree.",
            )
        found.typed_name, found.signed_at = name, timezone.now()
        found.save(update_fields=["typed_name", "signed_at"])
    return found


def _ended(actor: User, authorization: Authorization, field: str, verb: str) -> Authorization:
    _decided(actor, authorization.client_id, authorization.pk, verb)
    with transaction.atomic():
        found = Authorization.objects.select_for_update().get(pk=authorization.pk)
        if getattr(found, f"{field}_at") is not None:
            raise ConsentRefused(
                f"This was already recorded on {getattr(found, f'{field}_at'):%d %b %Y}.",
                "Nothing more is needed.",
            )
        setattr(found, f"{field}_at", timezone.now())
        setattr(found, f"{field}_by", actor)
        found.save(update_fields=[f"{field}_at", f"{field}_by"])
    return found


def authorization_revoke(*, actor: User, authorization: Authorization) -> Authorization:
    """The client revoked it: from this moment nothing more is released under it."""
    return _ended(actor, authorization, "revoked", "revoke")


def authorization_event_record(*, actor: User, authorization: Authorization) -> Authorization:
    """The event it expires on has happened (for example, treatment ended)."""
    if authorization.expiry_event is None:
        raise ConsentRefused(
            "This authorization expires on a date, not an event.", "Nothing needs recording."
        )
    return _ended(actor, authorization, "event", "event")


def authorization_status(authorization: Authorization, *, at: datetime | None = None) -> str:
    """awaiting signature, active, revoked or expired (at a moment; now by default)."""
    at = at or timezone.now()
    if authorization.revoked_at is not None and authorization.revoked_at <= at:
        return "revoked"
    if authorization.event_at is not None and authorization.event_at <= at:
        return "expired"
    if authorization.expires_on is not None and authorization.expires_on < timezone.localdate(at):
        return "expired"
    if authorization.signed_at is None or authorization.signed_at > at:
        return "awaiting signature"
    return "active"


def authorization_covers(
    authorization: Authorization, *, classes: list[str], covers_from: date, covers_to: date
) -> list[str]:
    """Why this authorization does not cover a release (empty when it does), as sentences
    that name no protected value."""
    status = authorization_status(authorization)
    if status == "revoked" and authorization.revoked_at:
        revoked = timezone.localtime(authorization.revoked_at)
        return [f"it was revoked on {revoked:%d %b %Y}; a revocation takes effect at once"]
    if status == "expired":
        ended = authorization.event_at
        when = timezone.localdate(ended) if ended else authorization.expires_on
        return [f"it expired on {when:%d %b %Y}"]
    if status != "active":
        return ["it is not signed yet"]
    problems = []
    outside = [c for c in classes if c not in authorization.classes]
    if outside:
        problems.append(
            f"it does not cover {classes_describe(outside)} (it covers "
            f"{classes_describe(authorization.classes)})"
        )
    if covers_from < authorization.covers_from or covers_to > authorization.covers_to:
        problems.append(
            f"it covers records dated {authorization.covers_from:%d %b %Y} to "
            f"{authorization.covers_to:%d %b %Y} only"
        )
    return problems


def authorization_read(*, actor: User, authorization: Authorization) -> dict[str, Any]:
    """The authorization's elements and signed wording for this request: a recorded read."""
    decision = decide(
        actor=actor,
        action=Action.READ,
        data_class=DataClass.CONSENT,
        client_id=authorization.client_id,
        resource_type="authorization",
        resource_id=authorization.pk,
    )
    decision.require()
    text = decision.open(authorization.text)
    return {
        "authorization": authorization,
        "status": authorization_status(authorization),
        "recipient": decision.open(authorization.recipient),
        "purpose": decision.open(authorization.purpose),
        "expiry_event": decision.open(authorization.expiry_event),
        "typed_name": decision.open(authorization.typed_name),
        "text": text,
        "hash_matches": text_hash(text) == authorization.text_hash,
        "classes": classes_describe(authorization.classes),
    }
