"""The accounting of disclosures (HIPAA 164.528): every release of the last six years, read
from the disclosures themselves. Nobody types an entry and nobody can edit one.

Alcove lists every release, including those HIPAA lets a practice leave out (releases to
the client, or under the client's authorization): the client sees all that left.
"""

from dataclasses import dataclass
from datetime import date, datetime

from django.db.models import Q
from django.utils import timezone

from alcove.access.decisions import Decision
from alcove.access.policy import Action, DataClass
from alcove.access.services import decide
from alcove.accounts.models import User
from alcove.accounts.selectors import practice_get
from alcove.audit.services import audit_record, refusal_record
from alcove.clients.models import Client
from alcove.disclosures.models import Basis, Disclosure
from alcove.disclosures.pdf import Document, Section, Unprintable, document_render
from alcove.disclosures.scope import classes_describe

YEARS = 6


@dataclass(frozen=True)
class Line:
    disclosure: Disclosure
    when: datetime
    recipient: str
    what: str
    why: str


def accounting_since(today: date) -> date:
    try:
        return today.replace(year=today.year - YEARS)
    except ValueError:  # 29 February
        return today.replace(year=today.year - YEARS, day=28)


def _what(disclosure: Disclosure) -> str:
    what = classes_describe(disclosure.classes) or "No records"
    if disclosure.covers_from and disclosure.covers_to:
        what += f", dated {disclosure.covers_from:%d %b %Y} to {disclosure.covers_to:%d %b %Y}"
    if disclosure.statement is not None:
        what += "; and a statement of what was said"
    return what


def _lines(decision: Decision, client: Client) -> list[Line]:
    since = accounting_since(timezone.localdate())
    # Either date in the period counts: a release recorded late is still accounted for.
    found = Disclosure.objects.filter(
        Q(disclosed_at__date__gte=since) | Q(recorded_at__date__gte=since), client=client
    )
    return [
        Line(
            disclosure=d,
            when=timezone.localtime(d.disclosed_at),
            recipient=decision.open(d.recipient),
            what=_what(d),
            why=f"{Basis(d.basis).label}: {decision.open(d.purpose)}",
        )
        for d in found.order_by("disclosed_at")
    ]


def accounting_read(*, actor: User, client: Client) -> list[Line]:
    """Every release of the last six years, oldest first: a recorded read."""
    decision = decide(
        actor=actor,
        action=Action.READ,
        data_class=DataClass.DISCLOSURES,
        client_id=client.pk,
        resource_type="accounting",
    )
    decision.require()
    return _lines(decision, client)


def accounting_pdf(*, actor: User, client: Client) -> bytes:
    """The accounting as a PDF to give the client: a recorded export."""
    decision = decide(
        actor=actor,
        action=Action.EXPORT,
        data_class=DataClass.DISCLOSURES,
        client_id=client.pk,
        resource_type="accounting",
    )
    decision.require()
    names = decide(
        actor=actor,
        action=Action.READ,
        data_class=DataClass.DEMOGRAPHICS,
        client_id=client.pk,
        resource_type="accounting",
    )
    names.require()
    try:
        document, _ = document_render(_document(client, names, _lines(decision, client)))
    except Unprintable:
        refusal_record(
            actor_id=actor.pk,
            action="accounting.print",
            rule="The accounting holds characters its font cannot print, so it was not made.",
            resource_type="accounting",
            client_id=client.pk,
        )
        raise
    audit_record(
        actor_id=actor.pk,
        action="accounting.print",
        resource_type="accounting",
        client_id=client.pk,
    )
    return document


def _document(client: Client, names: Decision, lines: list[Line]) -> Document:
    practice = practice_get()
    today = timezone.localdate()
    intro = Section(
        "About this accounting",
        [
            ("Client", names.open(client.legal_name)),
            ("Practice", practice.name if practice else ""),
            ("Period", f"{accounting_since(today):%d %B %Y} to {today:%d %B %Y}"),
            (
                "",
                "This lists every release of information from your record in the period, "
                "taken from the releases themselves: the date, who received it, what was "
                "released and why. Nothing in it was typed in by hand.",
            ),
        ],
    )
    entries = [
        Section(
            f"{n}. {line.when:%d %B %Y, %H:%M}",
            [("Recipient", line.recipient), ("What", line.what), ("Why", line.why)],
        )
        for n, line in enumerate(lines, start=1)
    ] or [Section("Releases", [("", "There were no releases in this period.")])]
    return Document(
        title="Accounting of disclosures",
        reference=f"Accounting for client {client.pk}, {today:%d %B %Y}",
        notice="Confidential: for the client named above.",
        sections=[intro, *entries],
    )
