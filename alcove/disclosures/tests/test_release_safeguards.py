"""What a release must never do: leave after its authorization is revoked mid-way, reach back
before it was made, carry later addenda, ride on break-the-glass, show clinical text to the
privacy officer, lose its record to key rotation, or print blanks for a name."""

import io
from datetime import timedelta

import pytest
from django.db import DatabaseError, transaction
from django.utils import timezone
from pypdf import PdfReader

from alcove.access.breakglass import break_glass_open
from alcove.access.decisions import AccessDenied
from alcove.accounts.models import Role
from alcove.audit.models import AuditEvent, Outcome
from alcove.clients.services import client_create
from alcove.consent.authorizations import authorization_revoke
from alcove.disclosures import services
from alcove.disclosures.models import Basis, Disclosure, DisclosureNotice, Told
from alcove.disclosures.scope import ReleaseClass
from alcove.disclosures.services import (
    DisclosureRefused,
    Release,
    disclosure_notice_add,
    disclosure_package_open,
    disclosure_read,
    disclosure_release,
)
from alcove.disclosures.triggers import FIXED
from alcove.encryption import rotation
from alcove.encryption.fields import SealedField
from alcove.notes.models import NoteKind
from alcove.notes.services import addendum_add, note_cosign, note_create, note_save_draft

from .conftest import EARLY, LATE, MIDDLE, TODAY, authorize, signed_note, written_on

WARNING = {
    "threat": "Said he would hurt his neighbour tonight",
    "person_at_risk": "Mr P. Hale",
    "rule": "State duty-to-protect statute",
    "consulted": "Dr Ruth Amsel",
    "method": "Telephone",
}


def text_of(document: bytes) -> str:
    return " ".join(
        "".join(p.extract_text() for p in PdfReader(io.BytesIO(document)).pages).split()
    )


def release(chart, actor=None, **fields):
    values = {"classes": [ReleaseClass.PROGRESS], "covers_from": EARLY, "covers_to": TODAY}
    return disclosure_release(
        actor=actor or chart["clinician"],
        client=chart["client"],
        release=Release(**{**values, **fields}),
    )


def warning(chart, **fields):
    values = {
        "basis": Basis.DUTY_TO_WARN,
        "classes": [],
        "covers_from": None,
        "covers_to": None,
        "recipient": "Mr P. Hale",
        "purpose": "To warn a person at risk",
        "facts": WARNING,
        "statement": "A client made a specific threat against you tonight.",
        "notice": (Told.TOLD, "Told in session"),
    }
    return release(chart, **{**values, **fields})


def test_a_revocation_committed_while_the_package_is_made_stops_the_release(chart, monkeypatch):
    authorization = authorize(chart)
    render = services.package_render

    def render_then_revoke(package):
        made = render(package)
        authorization_revoke(actor=chart["owner"], authorization=authorization)
        return made

    monkeypatch.setattr(services, "package_render", render_then_revoke)
    with pytest.raises(DisclosureRefused, match="revoked on"):
        release(chart, basis=Basis.AUTHORIZATION, authorization=authorization)
    assert not Disclosure.objects.exists()
    assert AuditEvent.objects.filter(
        action="disclosure.release", outcome=Outcome.DENIED, rule__contains="revoked"
    ).exists()


def test_a_disclosure_recorded_late_or_holding_later_records_is_refused(chart):
    now = timezone.now()
    with pytest.raises(DisclosureRefused, match="recorded within 30 days"):
        warning(chart, disclosed_at=now - timedelta(days=31))
    with pytest.raises(DisclosureRefused, match="cannot hold records written after it"):
        warning(
            chart,
            disclosed_at=now - timedelta(days=10),
            classes=[ReleaseClass.PROGRESS],
            covers_from=EARLY,
            covers_to=TODAY,
        )
    with pytest.raises(DisclosureRefused, match="made now, when its authorization is checked"):
        release(
            chart,
            basis=Basis.AUTHORIZATION,
            authorization=authorize(chart),
            disclosed_at=now - timedelta(hours=1),
        )
    assert not Disclosure.objects.exists()


def test_a_package_carries_only_the_addenda_written_within_its_dates(chart):
    note = chart["progress_middle"]
    addendum_add(actor=chart["clinician"], note=note, text="Relapse after the move, added today.")
    authorization = authorize(chart)
    disclosure = release(
        chart, basis=Basis.AUTHORIZATION, authorization=authorization, covers_to=MIDDLE
    )
    text = text_of(disclosure_package_open(actor=chart["clinician"], disclosure=disclosure))
    assert "Middle session: improving." in text and "Relapse" not in text


def test_notes_awaiting_cosignature_joint_notes_and_other_clients_never_leave(chart):
    from alcove.accounts.models import Supervision
    from alcove.clients.models import CareTeamMember, CareTeamRole, CaseKind
    from alcove.conftest import consent_on_file
    from alcove.notes.case_notes import case_note_write, case_open
    from alcove.notes.services import note_sign

    trainee, client = chart["trainee"], chart["client"]
    supervisor = chart["owner"].__class__.objects.create_user(
        "sup@harbour.example", "x" * 20, full_name="Sam Super"
    )
    supervisor.role_grants.create(role=Role.SUPERVISOR)
    Supervision.objects.create(supervisor=supervisor, trainee=trainee)
    awaiting = note_create(actor=trainee, client=client, kind=NoteKind.PROGRESS)
    note_save_draft(actor=trainee, note=awaiting, plan="Awaiting the co-signature.")
    note_sign(actor=trainee, note=awaiting)
    # dated inside the release's window: a run that crosses midnight would otherwise date
    # it a day after TODAY, and the release would leave it out for that reason alone
    written_on(awaiting, LATE)
    partner = client_create(actor_id=None, legal_name="Ben Moreau")
    CareTeamMember.objects.create(
        client=partner, staff=chart["clinician"], role=CareTeamRole.PRIMARY
    )
    consent_on_file(partner)
    signed_note(chart["clinician"], partner, NoteKind.PROGRESS, TODAY, plan="Another client's.")
    case = case_open(actor=chart["clinician"], kind=CaseKind.COUPLE, clients=[client, partner])
    case_note_write(actor=chart["clinician"], case=case, shared="Joint session.", parts={})
    text = text_of(
        disclosure_package_open(
            actor=chart["clinician"],
            disclosure=release(chart, basis=Basis.AUTHORIZATION, authorization=authorize(chart)),
        )
    )
    assert "Late session" in text
    for absent in ("Awaiting the co-signature.", "Another client's.", "Joint session."):
        assert absent not in text
    note_cosign(actor=supervisor, note=awaiting)  # once co-signed, it may leave
    later = release(chart, basis=Basis.AUTHORIZATION, authorization=authorize(chart))
    assert "Awaiting the co-signature." in text_of(
        disclosure_package_open(actor=chart["clinician"], disclosure=later)
    )


def test_break_the_glass_never_makes_or_opens_a_release(chart, make_staff):
    on_call = make_staff(Role.OWNER, Role.CLINICIAN, name="Olu On-call")
    court = {"order_reference": "Family Court 24-118", "judge": "Judge M. Okafor"}
    kept = release(
        chart, basis=Basis.COURT_ORDER, facts=court, recipient="Clerk", purpose="Hearing"
    )
    break_glass_open(
        actor=on_call, client_id=chart["client"].pk, reason="Client in crisis at the front door"
    )
    with pytest.raises(DisclosureRefused, match="never for a release of information"):
        release(
            chart,
            actor=on_call,
            basis=Basis.COURT_ORDER,
            facts=court,
            recipient="Clerk",
            purpose="Hearing",
        )
    with pytest.raises(DisclosureRefused, match="does not open a release package"):
        disclosure_package_open(actor=on_call, disclosure=kept)


def test_the_privacy_officer_reads_a_warning_without_its_clinical_facts_or_words(chart):
    disclosure = warning(chart)
    for_owner = disclosure_read(actor=chart["owner"], disclosure=disclosure)
    shown = str(for_owner["facts"]) + for_owner["statement"]
    assert "State duty-to-protect statute" in shown and "Telephone" in shown
    for hidden in ("hurt his neighbour", "Hale", "Amsel", "specific threat"):
        assert hidden not in shown
    assert for_owner["statement_withheld"]
    with pytest.raises(AccessDenied):
        disclosure_package_open(actor=chart["owner"], disclosure=disclosure)
    for_clinician = disclosure_read(actor=chart["clinician"], disclosure=disclosure)
    assert "hurt his neighbour" in str(for_clinician["facts"])
    assert "specific threat" in for_clinician["statement"]


def test_rotating_a_clients_keys_keeps_their_releases_readable_and_unchanged(chart):
    disclosure = warning(chart)
    disclosure_notice_add(
        actor=chart["clinician"], disclosure=disclosure, told=Told.LATER, detail="At discharge."
    )
    before = Disclosure.objects.get(pk=disclosure.pk).package_sha256
    rotation.client_rotate(client_id=chart["client"].pk, settle_seconds=0)
    again = Disclosure.objects.get(pk=disclosure.pk)
    assert again.package_sha256 == before
    read = disclosure_read(actor=chart["clinician"], disclosure=again)
    assert "specific threat" in read["statement"] and "At discharge." in str(read["notices"])
    with pytest.raises(DatabaseError), transaction.atomic():
        Disclosure.objects.filter(pk=disclosure.pk).update(basis=Basis.EMERGENCY)


def test_the_write_once_triggers_fix_every_column_but_the_sealed_ones():
    for model in (Disclosure, DisclosureNotice):
        unsealed = {f.column for f in model._meta.concrete_fields if not isinstance(f, SealedField)}
        assert set(FIXED[model._meta.db_table]) == unsealed


def test_a_name_in_chinese_korean_or_japanese_prints_in_the_package(chart):
    disclosure = warning(chart, recipient="王芳 律师事务所, 김민준, さくら")
    text = text_of(disclosure_package_open(actor=chart["clinician"], disclosure=disclosure))
    assert "王芳 律师事务所, 김민준, さくら" in text


def test_a_name_no_font_can_print_refuses_the_package_and_the_audit_keeps_no_character(chart):
    with pytest.raises(DisclosureRefused, match="U\\+0E2A") as refused:
        warning(chart, recipient="สมชาย ใจดี")
    assert "font cannot print" in refused.value.rule
    denied = AuditEvent.objects.get(action="disclosure.release", outcome=Outcome.DENIED)
    assert "0E2A" not in denied.rule and "ส" not in denied.rule
    assert not Disclosure.objects.exists()
