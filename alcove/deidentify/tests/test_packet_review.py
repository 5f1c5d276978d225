"""The review step of a supervision packet: what the reviewer masks stays masked, what they
approve is what they saw, and a packet stays its author's (and its class's)."""

import re

import pytest

from alcove.access.decisions import AccessDenied
from alcove.audit.models import AuditEvent, Outcome
from alcove.deidentify.models import Packet, PacketStatus
from alcove.deidentify.selectors import packet_draft, packet_notes_offered
from alcove.deidentify.services import (
    PacketRefused,
    draft_digest,
    packet_adjust,
    packet_approve,
    packet_create,
    packet_export,
)
from alcove.deidentify.tests.conftest import signed
from alcove.notes.models import NoteKind, NoteStatus
from alcove.notes.services import addendum_add


def key_of(actor, packet, original):
    note = packet_draft(actor=actor, packet=packet).notes[0]
    return next(s.key for s in note.segments if s.original == original)


def test_a_phrase_the_reviewer_masks_stays_masked_even_where_they_undid_a_replacement(
    chart, progress
):
    clinician = chart["clinician"]
    packet = packet_create(actor=clinician, client=chart["client"], notes=[progress])
    packet_adjust(actor=clinician, packet=packet, undo=[key_of(clinician, packet, "Okafor")])
    assert "Dr. Okafor" in packet_draft(actor=clinician, packet=packet).text
    packet_adjust(actor=clinician, packet=packet, mask=["Okafor"])
    assert "Okafor" not in packet_draft(actor=clinician, packet=packet).text
    packet_adjust(actor=clinician, packet=packet, undo=[key_of(clinician, packet, "Luc")])
    packet_adjust(actor=clinician, packet=packet, mask=["Luc moved out"])
    text = packet_draft(actor=clinician, packet=packet).text
    assert "Luc" not in text and "moved out" not in text


def test_an_original_kept_as_written_is_marked_where_it_stands(chart, progress, signed_in):
    clinician = chart["clinician"]
    packet = packet_create(actor=clinician, client=chart["client"], notes=[progress])
    packet_adjust(actor=clinician, packet=packet, undo=[key_of(clinician, packet, "Okafor")])
    page = signed_in(clinician).get(f"/supervision-packets/{packet.pk}/").content.decode()
    assert 'call Dr. <mark class="kept" title="kept as written">Okafor</mark> about' in page


def test_a_draft_that_changed_after_review_is_not_approved(chart, progress):
    clinician = chart["clinician"]
    packet = packet_create(actor=clinician, client=chart["client"], notes=[progress])
    seen = draft_digest(packet_draft(actor=clinician, packet=packet).text)
    addendum_add(actor=clinician, note=progress, text="Luc phoned on Friday.")
    with pytest.raises(PacketRefused, match="changed after you reviewed it"):
        packet_approve(actor=clinician, packet=packet, seen=seen)
    assert Packet.objects.get(pk=packet.pk).status == PacketStatus.DRAFT
    assert AuditEvent.objects.filter(
        action="supervision_packet.approve", outcome=Outcome.DENIED
    ).exists()
    text = packet_draft(actor=clinician, packet=packet).text
    assert "Addendum 1: Partner A phoned on" in text  # the addendum travels, de-identified
    packet_approve(actor=clinician, packet=packet, seen=draft_digest(text))


def test_changes_sent_with_approve_are_shown_before_anything_is_approved(
    chart, progress, signed_in
):
    browser = signed_in(chart["clinician"])
    packet = packet_create(actor=chart["clinician"], client=chart["client"], notes=[progress])
    review = browser.get(f"/supervision-packets/{packet.pk}/").content.decode()
    seen = re.search(r'name="seen" value="(\w+)"', review).group(1)
    answer = browser.post(
        f"/supervision-packets/{packet.pk}/change",
        {"verb": "approve", "seen": seen, "mask": "two shifts"},
        follow=True,
    )
    assert "Review the draft, then approve it" in answer.content.decode()
    assert Packet.objects.get(pk=packet.pk).status == PacketStatus.DRAFT


def test_an_approved_packet_refuses_a_late_change_and_records_the_refusal(chart, progress):
    clinician = chart["clinician"]
    packet = packet_create(actor=clinician, client=chart["client"], notes=[progress])
    stale = Packet.objects.get(pk=packet.pk)  # a second tab, loaded before approval
    packet_approve(actor=clinician, packet=packet)
    with pytest.raises(PacketRefused, match="An approved packet is not changed"):
        packet_adjust(actor=clinician, packet=stale, mask=["two shifts"])
    assert AuditEvent.objects.filter(
        action="supervision_packet.adjust", outcome=Outcome.DENIED
    ).exists()


def test_a_colleague_opens_no_page_of_an_approved_packet_and_reads_nothing(
    chart, progress, signed_in
):
    packet = packet_create(actor=chart["clinician"], client=chart["client"], notes=[progress])
    packet_approve(actor=chart["clinician"], packet=packet)
    for who in ("co", "trainee"):
        assert signed_in(chart[who]).get(f"/supervision-packets/{packet.pk}/").status_code == 403
        assert not AuditEvent.objects.filter(
            actor_id=chart[who].pk, resource_type="supervision_packet", outcome=Outcome.ALLOWED
        ).exists()


def test_a_packet_with_a_psychotherapy_note_stays_in_that_class_and_key(chart):
    clinician = chart["clinician"]
    private = signed(clinician, chart["client"], NoteKind.PSYCHOTHERAPY, body="Dee and Luc again.")
    packet = packet_create(actor=clinician, client=chart["client"], notes=[private])
    assert packet.apart and packet.adjustments is None
    packet_approve(actor=clinician, packet=packet)
    assert Packet.objects.get(pk=packet.pk).approved_text is None  # sealed apart instead
    text = packet_export(actor=clinician, packet=packet)
    assert "Dee" not in text and "Partner A" in text
    assert AuditEvent.objects.filter(
        action="psychotherapy_notes.export", resource_id=str(packet.pk), outcome=Outcome.ALLOWED
    ).exists()
    with pytest.raises(AccessDenied):
        packet_export(actor=chart["co"], packet=packet)


def test_a_trainee_brings_a_note_awaiting_cosignature_to_supervision(chart):
    note = signed(chart["trainee"], chart["client"])
    assert note.status == NoteStatus.AWAITING_COSIGN
    assert note in packet_notes_offered(actor=chart["trainee"], client=chart["client"])
    packet = packet_create(actor=chart["trainee"], client=chart["client"], notes=[note])
    assert "Partner A" in packet_draft(actor=chart["trainee"], packet=packet).text
