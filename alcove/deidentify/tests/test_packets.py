"""Supervision packets: a clinician takes de-identified notes to supervision."""

import re

import pytest
from django.db import connection
from django.utils import timezone

from alcove.access.decisions import AccessDenied
from alcove.audit.models import AuditEvent, Outcome
from alcove.clients.models import CareTeamMember, CareTeamRole, Case, CaseKind
from alcove.clients.services import client_create
from alcove.deidentify.models import Packet, PacketStatus
from alcove.deidentify.selectors import packet_draft, packet_known, packet_notes_offered
from alcove.deidentify.services import (
    PacketRefused,
    packet_adjust,
    packet_approve,
    packet_create,
    packet_export,
)
from alcove.deidentify.tests.conftest import signed
from alcove.encryption.blind_index import client_pseudonym
from alcove.notes.models import NoteKind

IDENTIFIERS = ("Dana", "Moreau", "Dee", "Luc", "Petal", "Hartwell", "662-555-0142", "3/2/2025")


def test_it_drafts_the_packet_with_the_clients_own_identifiers_replaced(chart, progress):
    packet = packet_create(actor=chart["clinician"], client=chart["client"], notes=[progress])
    text = packet_draft(actor=chart["clinician"], packet=packet).text
    for identifier in IDENTIFIERS:
        assert identifier not in text
    assert "The client reports Partner A moved out" in text
    assert "[EMPLOYER]" in text and "[PHONE]" in text
    assert "A&Ox3, tearful, denies SI/HI. BP 118/76." in text  # clinical shorthand kept


def test_it_keeps_one_pseudonym_per_person_across_the_packets_notes(chart, progress):
    second = signed(
        chart["clinician"],
        chart["client"],
        subjective="Luc called Dana twice; Dr. Okafor adjusted the dose.",
        objective="",
        assessment="",
        plan="",
    )
    packet = packet_create(
        actor=chart["clinician"], client=chart["client"], notes=[progress, second]
    )
    first_note, second_note = packet_draft(actor=chart["clinician"], packet=packet).notes
    assert "Partner A" in first_note.text and "Partner A" in second_note.text
    assert "Dr. Clinician A" in first_note.text and "Dr. Clinician A" in second_note.text


def test_it_shifts_dates_by_the_clients_own_offset(chart, progress):
    packet = packet_create(actor=chart["clinician"], client=chart["client"], notes=[progress])
    text = packet_draft(actor=chart["clinician"], packet=packet).text
    again = packet_create(actor=chart["clinician"], client=chart["client"], notes=[progress])
    assert "3/2/2025" not in text
    shifted = text.split("moved out on ", 1)[1].split(" ", 1)[0]
    assert shifted in packet_draft(actor=chart["clinician"], packet=again).text


def test_it_highlights_every_replacement_with_its_original_for_review(chart, progress):
    packet = packet_create(actor=chart["clinician"], client=chart["client"], notes=[progress])
    note = packet_draft(actor=chart["clinician"], packet=packet).notes[0]
    replaced = {s.original: s.text for s in note.segments if s.kind}
    assert replaced["Luc"] == "Partner A"
    assert replaced["Hartwell Logistics"] == "[EMPLOYER]"


def test_it_lets_the_reviewer_undo_a_replacement_and_mask_a_missed_phrase(chart, progress):
    clinician = chart["clinician"]
    packet = packet_create(actor=clinician, client=chart["client"], notes=[progress])
    note = packet_draft(actor=clinician, packet=packet).notes[0]
    okafor = next(s for s in note.segments if s.original == "Okafor")
    packet_adjust(actor=clinician, packet=packet, undo=[okafor.key], mask=["two shifts"])
    text = packet_draft(actor=clinician, packet=packet).text
    assert "Dr. Okafor" in text
    assert "Missed [REDACTED]" in text
    packet_adjust(actor=clinician, packet=packet, redo=[okafor.key], unmask_phrases=["two shifts"])
    text = packet_draft(actor=clinician, packet=packet).text
    assert "Okafor" not in text and "two shifts" in text


def test_it_exports_only_an_approved_packet_and_records_each_export(chart, progress):
    clinician = chart["clinician"]
    packet = packet_create(actor=clinician, client=chart["client"], notes=[progress])
    with pytest.raises(AccessDenied, match="approved"):
        packet_export(actor=clinician, packet=packet)
    packet_approve(actor=clinician, packet=packet)
    exports = AuditEvent.objects.filter(
        action="clinical.export", resource_type="supervision_packet", resource_id=str(packet.pk)
    )
    before = exports.filter(outcome=Outcome.ALLOWED).count()
    text = packet_export(actor=clinician, packet=packet)
    packet_export(actor=clinician, packet=packet)
    assert text.startswith("Supervision packet (de-identified)")
    for identifier in IDENTIFIERS:
        assert identifier not in text
    assert exports.filter(outcome=Outcome.ALLOWED).count() == before + 2
    assert all("Dana" not in (e.rule + e.reason) for e in AuditEvent.objects.all())


def test_an_approved_packet_is_not_changed(chart, progress):
    clinician = chart["clinician"]
    packet = packet_create(actor=clinician, client=chart["client"], notes=[progress])
    packet_approve(actor=clinician, packet=packet)
    with pytest.raises(AccessDenied, match="approved packet"):
        packet_adjust(actor=clinician, packet=packet, mask=["anything"])


def test_nothing_of_the_draft_or_packet_is_stored_readable(chart, progress):
    clinician = chart["clinician"]
    packet = packet_create(actor=clinician, client=chart["client"], notes=[progress])
    packet_adjust(actor=clinician, packet=packet, mask=["two shifts"])
    packet_approve(actor=clinician, packet=packet)
    with connection.cursor() as cursor:
        cursor.execute("SELECT * FROM deidentify_packet")
        row = cursor.fetchone()
    stored = b"".join(
        bytes(v) if isinstance(v, bytes | memoryview) else str(v).encode() for v in row
    )
    for readable in (b"two shifts", b"Partner A", b"Supervision packet", b"Dana", b"CBT"):
        assert readable not in stored


def test_psychotherapy_notes_go_in_only_by_their_author(chart, progress):
    clinician, co = chart["clinician"], chart["co"]
    process = signed(clinician, chart["client"], kind=NoteKind.PSYCHOTHERAPY, body="Dana dreamt.")
    assert process in packet_notes_offered(actor=clinician, client=chart["client"])
    assert process not in packet_notes_offered(actor=co, client=chart["client"])
    with pytest.raises(AccessDenied, match="only by its own author"):
        packet_create(actor=co, client=chart["client"], notes=[progress, process])
    assert AuditEvent.objects.filter(
        action="psychotherapy_notes.export", outcome=Outcome.DENIED, resource_id=str(process.pk)
    ).exists()
    packet = packet_create(actor=clinician, client=chart["client"], notes=[process])
    assert "The client dreamt." in packet_draft(actor=clinician, packet=packet).text


def test_a_packet_is_its_authors_alone(chart, progress):
    packet = packet_create(actor=chart["clinician"], client=chart["client"], notes=[progress])
    for who in ("co", "supervisor", "stranger"):
        with pytest.raises(AccessDenied, match="author"):
            packet_draft(actor=chart[who], packet=packet)
    assert AuditEvent.objects.filter(
        resource_type="supervision_packet", resource_id=str(packet.pk), outcome=Outcome.DENIED
    ).exists()


def test_someone_without_the_chart_cannot_start_a_packet(chart, progress):
    with pytest.raises(AccessDenied):
        packet_create(actor=chart["stranger"], client=chart["client"], notes=[progress])
    assert not Packet.objects.exists()


def test_only_signed_notes_of_this_client_go_in(chart):
    from alcove.notes.services import note_create, note_save_draft

    draft = note_create(actor=chart["clinician"], client=chart["client"], kind=NoteKind.PROGRESS)
    note_save_draft(actor=chart["clinician"], note=draft, subjective="unsigned")
    with pytest.raises(PacketRefused, match="signed notes"):
        packet_create(actor=chart["clinician"], client=chart["client"], notes=[draft])


def test_a_trainee_takes_a_packet_of_their_own_to_supervision(chart, progress):
    trainee = chart["trainee"]
    packet = packet_create(actor=trainee, client=chart["client"], notes=[progress])
    packet_approve(actor=trainee, packet=packet)
    assert packet.status == PacketStatus.APPROVED
    exported = packet_export(actor=trainee, packet=packet)
    assert "Dana" not in exported and "Moreau" not in exported
    with pytest.raises(AccessDenied):
        packet_export(actor=chart["co"], packet=packet)  # a packet is its author's alone


def test_the_pages_take_a_clinician_from_chart_to_exported_text(chart, progress, signed_in):
    browser = signed_in(chart["clinician"])
    chart_page = browser.get(f"/clients/{chart['client'].pk}/")
    assert b"supervision-packet" in chart_page.content
    page = browser.get(f"/clients/{chart['client'].pk}/supervision-packet/")
    assert page.status_code == 200 and str(progress.pk).encode() in page.content
    made = browser.post(
        f"/clients/{chart['client'].pk}/supervision-packet/", {"note": [str(progress.pk)]}
    )
    assert made.status_code == 302
    review_url = made["Location"]
    review = browser.get(review_url)
    assert review.status_code == 200
    assert b"<mark" in review.content and b"Partner A" in review.content
    assert review["Cache-Control"].startswith("max-age=0")
    packet = Packet.objects.get()
    seen = re.search(r'name="seen" value="([0-9a-f]{64})"', review.content.decode()).group(1)
    browser.post(f"/supervision-packets/{packet.pk}/change", {"verb": "approve", "seen": seen})
    export = browser.get(f"/supervision-packets/{packet.pk}/export.txt")
    assert export.status_code == 200
    assert export["Content-Type"].startswith("text/plain")
    assert b"Dana" not in export.content and b"Partner A" in export.content


def test_the_pages_refuse_a_colleagues_packet(chart, progress, signed_in):
    packet = packet_create(actor=chart["clinician"], client=chart["client"], notes=[progress])
    browser = signed_in(chart["co"])
    assert browser.get(f"/supervision-packets/{packet.pk}/").status_code == 403
    assert browser.get(f"/supervision-packets/{packet.pk}/export.txt").status_code == 403


def test_the_approved_packet_exports_as_a_pdf_too_and_each_export_is_recorded(
    chart, progress, signed_in
):
    import io

    from pypdf import PdfReader

    packet = packet_create(actor=chart["clinician"], client=chart["client"], notes=[progress])
    packet_approve(actor=chart["clinician"], packet=packet)
    browser = signed_in(chart["clinician"])
    exports = AuditEvent.objects.filter(
        action="clinical.export", resource_id=str(packet.pk), outcome=Outcome.ALLOWED
    )
    before = exports.count()
    response = browser.get(f"/supervision-packets/{packet.pk}/export.pdf")
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(response.content)).pages)
    assert "Partner A" in text and "Note 1" in text
    for identifier in ("Dana", "Moreau", "Luc", "Hartwell"):
        assert identifier not in text
    assert exports.count() == before + 1


def test_it_knows_the_current_co_participants_whose_names_the_author_may_read(chart, progress):

    def client_of(name, preferred, staff):
        other = client_create(actor_id=None, legal_name=name, preferred_name=preferred)
        CareTeamMember.objects.create(client=other, staff=staff, role=CareTeamRole.PRIMARY)
        return other

    partner = client_of("Quillon Abernathy", "Quill", chart["clinician"])
    unseen = client_of("Ottoline Frye", "", chart["stranger"])  # not the author's client
    gone = client_of("Bartholomew Quince", "", chart["clinician"])
    case = Case.objects.create(kind=CaseKind.FAMILY, primary_clinician=chart["clinician"])
    for member in (chart["client"], partner, unseen):
        case.participants.create(client=member)
    case.participants.create(client=gone, left_at=timezone.now())

    known = packet_known(actor=chart["clinician"], client=chart["client"])
    assert known.others == ["Quillon Abernathy", "Quill"]
    denied = AuditEvent.objects.filter(client=client_pseudonym(unseen.pk), outcome=Outcome.DENIED)
    assert denied.exists()  # the refused read of the other member's names is on record

    note = signed(
        chart["clinician"],
        chart["client"],
        subjective="Quill and Dana argued about the move.",
        objective="",
        assessment="",
        plan="",
    )
    packet = packet_create(actor=chart["clinician"], client=chart["client"], notes=[note])
    text = packet_draft(actor=chart["clinician"], packet=packet).text
    assert "Quill" not in text and "Person A and the client argued" in text


def test_it_masks_the_practices_own_name(chart):

    note = signed(
        chart["clinician"],
        chart["client"],
        subjective="Dana first came to Harbour Psychology in 2023.",
        objective="",
        assessment="",
        plan="",
    )
    assert packet_known(actor=chart["clinician"], client=chart["client"]).organisations == [
        "Harbour Psychology"
    ]
    packet = packet_create(actor=chart["clinician"], client=chart["client"], notes=[note])
    text = packet_draft(actor=chart["clinician"], packet=packet).text
    assert "Harbour" not in text and "came to [ORGANIZATION] in 2023" in text
