"""Opening and sealing many values of one client at once (a chart, an export, a rotation)."""

import pytest

from alcove.access.decisions import AccessDenied
from alcove.accounts.models import Role
from alcove.encryption import keys, rotation
from alcove.encryption.crypto import CiphertextInvalid, key_version_of
from alcove.encryption.tests.conftest import decision_for
from alcove.notes.models import Note, NoteKind, NoteVersion

CLINICAL = "clinical"


@pytest.fixture
def chart(make_client, make_staff):
    """A client with twelve saved versions of one note; the fifth has no body."""
    client = make_client("Wilhelmina Achterberg")
    note = Note.objects.create(
        client=client, author=make_staff(Role.CLINICIAN), kind=NoteKind.PROGRESS
    )
    for n in range(12):
        body = None if n == 4 else f"Session {n}: worked on sleep and the move to Tilburg."
        NoteVersion.objects.create(note=note, client_id_copy=client.pk, number=n, body=body)
    return client, note


def versions(note):
    return list(NoteVersion.objects.filter(note=note).order_by("number"))


def bodies():
    return [
        "" if n == 4 else f"Session {n}: worked on sleep and the move to Tilburg."
        for n in range(12)
    ]


def test_a_decision_opens_every_version_of_its_client_at_once_in_order(chart):
    client, note = chart
    opened = decision_for(client.pk, data_class=CLINICAL).open_many(versions(note), "body")
    assert opened == bodies()


def test_a_field_left_out_of_the_query_is_loaded_not_read_as_empty(chart):
    client, note = chart
    rows = list(NoteVersion.objects.filter(note=note).order_by("number").only("id"))
    opened = decision_for(client.pk, data_class=CLINICAL).open_many(rows, "body")
    assert opened == bodies()


def test_it_opens_nothing_for_a_refusing_decision_and_says_which_rule(chart):
    client, note = chart
    with pytest.raises(AccessDenied, match="refused for this test"):
        decision_for(client.pk, data_class=CLINICAL, allowed=False).open_many(
            versions(note), "body"
        )


def test_it_opens_nothing_for_a_decision_not_yet_in_the_audit_log(chart):
    client, note = chart
    with pytest.raises(AccessDenied, match="recorded in the audit log"):
        decision_for(client.pk, data_class=CLINICAL, recorded=False).open_many(
            versions(note), "body"
        )


def test_a_decision_about_demographics_does_not_open_notes_in_bulk(chart):
    client, note = chart
    with pytest.raises(AccessDenied, match="cannot open clinical"):
        decision_for(client.pk).open_many(versions(note), "body")


def test_one_row_of_another_client_stops_the_whole_batch(chart, make_client, make_staff):
    client, note = chart
    other = make_client("Bartholomew Quist")
    theirs = Note.objects.create(
        client=other, author=make_staff(Role.CLINICIAN), kind=NoteKind.PROGRESS
    )
    stray = NoteVersion.objects.create(
        note=theirs, client_id_copy=other.pk, number=0, body="Not this chart's."
    )
    with pytest.raises(AccessDenied, match="another client's data"):
        decision_for(client.pk, data_class=CLINICAL).open_many([*versions(note), stray], "body")


def test_rows_of_two_kinds_are_refused_before_anything_opens(chart):
    client, note = chart
    the_note = Note.objects.get(pk=note.pk)
    with pytest.raises(TypeError, match="one model at a time"):
        decision_for(client.pk, data_class=CLINICAL).open_many([*versions(note), the_note], "body")


def test_a_ciphertext_copied_to_another_row_does_not_open_in_bulk(chart):
    client, note = chart
    rows = versions(note)
    NoteVersion.objects.filter(pk=rows[1].pk).update(body=rows[0].body.ciphertext)
    with pytest.raises(CiphertextInvalid, match="copied from another row"):
        decision_for(client.pk, data_class=CLINICAL).open_many(versions(note), "body")


@pytest.mark.parametrize("first", [b"", b"\x01", b"\xff" * 40, b"\x02" + b"\x00" * 40])
def test_a_value_that_is_no_ciphertext_of_ours_refuses_the_batch(chart, first):
    client, note = chart
    rows = versions(note)
    NoteVersion.objects.filter(pk=rows[0].pk).update(body=first)
    with pytest.raises(CiphertextInvalid):
        decision_for(client.pk, data_class=CLINICAL).open_many(versions(note), "body")


def test_values_under_two_key_versions_open_together(chart):
    client, note = chart
    field = NoteVersion._meta.get_field("body")
    newer = keys.data_key_create(client_id=client.pk, purpose="record")
    rows = versions(note)
    NoteVersion.objects.filter(pk=rows[0].pk).update(
        body=field.seal(rows[0], "Sealed under the newer key.", version=newer)
    )
    rows = versions(note)
    assert {key_version_of(rows[0].body.ciphertext), key_version_of(rows[1].body.ciphertext)} == {
        1,
        newer,
    }
    opened = decision_for(client.pk, data_class=CLINICAL).open_many(rows, "body")
    assert opened == ["Sealed under the newer key.", *bodies()[1:]]


def test_values_sealed_together_each_open_alone(chart):
    client, note = chart
    field = NoteVersion._meta.get_field("body")
    rows = versions(note)
    texts = [f"Rewritten {n}, with the client's consent." for n in range(len(rows))]
    sealed = field.seal_many(rows, texts, client=client.pk)
    for row, ciphertext in zip(rows, sealed, strict=True):
        NoteVersion.objects.filter(pk=row.pk).update(body=ciphertext)
    decision = decision_for(client.pk, data_class=CLINICAL)
    assert [decision.open(row.body) for row in versions(note)] == texts
    assert len(set(sealed)) == len(sealed)  # a fresh nonce for every value


def test_sealing_together_refuses_rows_that_are_not_the_named_clients(chart, make_client):
    _, note = chart
    other = make_client("Bartholomew Quist")
    field = NoteVersion._meta.get_field("body")
    rows = versions(note)
    with pytest.raises(ValueError, match="one client"):
        field.seal_many(rows, ["x"] * len(rows), client=other.pk)


def test_a_long_chart_rotates_in_batches_and_an_interruption_loses_nothing(chart, monkeypatch):
    client, note = chart
    monkeypatch.setattr(rotation, "BATCH", 5)
    reseal, batches = rotation._reseal_rows, []

    def killed_after_the_first_batch_of_versions(field, rows, client_id, target):
        if field.model is NoteVersion and field.name == "body" and batches:
            raise RuntimeError("killed")
        moved = reseal(field, rows, client_id, target)
        if field.model is NoteVersion and field.name == "body":
            batches.append(moved)
        return moved

    monkeypatch.setattr(rotation, "_reseal_rows", killed_after_the_first_batch_of_versions)
    with pytest.raises(RuntimeError):
        rotation.client_rotate(client_id=client.pk, settle_seconds=0)
    halfway = versions(note)
    moved = [key_version_of(r.body.ciphertext) for r in halfway if r.body is not None]
    assert moved.count(2) == batches[0] > 0  # the first batch moved, the rest had not
    assert moved.count(1) == 11 - batches[0] > 0
    assert decision_for(client.pk, data_class=CLINICAL).open_many(halfway, "body") == bodies()
    monkeypatch.setattr(rotation, "_reseal_rows", reseal)
    rotation.client_rotate(client_id=client.pk, settle_seconds=0)
    rows = versions(note)
    assert {key_version_of(r.body.ciphertext) for r in rows if r.body is not None} == {2}
    assert rows[4].body is None  # an empty value stays empty, not sealed as ""
    keys.keys_forget_cache_only()
    assert decision_for(client.pk, data_class=CLINICAL).open_many(rows, "body") == bodies()


def columns(note):
    """The note's versions as values_list reads them: (id, ciphertext), no model instances."""
    stored = NoteVersion.objects.filter(note=note).order_by("number")
    return list(stored.values_list("pk", "body"))


def test_a_chart_read_as_ids_and_ciphertexts_opens_in_order(chart):
    client, note = chart
    decision = decision_for(client.pk, data_class=CLINICAL)
    assert decision.open_column(NoteVersion, "body", columns(note)) == bodies()


def test_reading_by_column_still_needs_an_allowing_recorded_decision(chart):
    client, note = chart
    with pytest.raises(AccessDenied, match="refused for this test"):
        decision_for(client.pk, data_class=CLINICAL, allowed=False).open_column(
            NoteVersion, "body", columns(note)
        )
    with pytest.raises(AccessDenied, match="recorded in the audit log"):
        decision_for(client.pk, data_class=CLINICAL, recorded=False).open_column(
            NoteVersion, "body", columns(note)
        )
    with pytest.raises(AccessDenied, match="cannot open clinical"):
        decision_for(client.pk).open_column(NoteVersion, "body", columns(note))


def test_another_clients_value_in_a_column_stops_the_batch(chart, make_client, make_staff):
    client, note = chart
    other = make_client("Bartholomew Quist")
    theirs = Note.objects.create(
        client=other, author=make_staff(Role.CLINICIAN), kind=NoteKind.PROGRESS
    )
    NoteVersion.objects.create(note=theirs, client_id_copy=other.pk, number=0, body="Not yours.")
    with pytest.raises(CiphertextInvalid, match="another row, field or client"):
        decision_for(client.pk, data_class=CLINICAL).open_column(
            NoteVersion, "body", columns(note) + columns(theirs)
        )
    # Their own decision opens it: the refusal is about whose value it is, nothing else.
    assert decision_for(other.pk, data_class=CLINICAL).open_column(
        NoteVersion, "body", columns(theirs)
    ) == ["Not yours."]


def test_a_ciphertext_paired_with_another_rows_id_does_not_open(chart):
    client, note = chart
    pairs = columns(note)
    swapped = [(pairs[1][0], pairs[0][1]), *pairs[2:]]
    with pytest.raises(CiphertextInvalid, match="copied from another row"):
        decision_for(client.pk, data_class=CLINICAL).open_column(NoteVersion, "body", swapped)


def test_a_column_that_is_not_sealed_is_refused(chart):
    client, note = chart
    pairs = list(NoteVersion.objects.filter(note=note).values_list("pk", "number"))
    with pytest.raises(TypeError, match="number is not one"):
        decision_for(client.pk, data_class=CLINICAL).open_column(NoteVersion, "number", pairs)


def test_sealing_together_refuses_a_row_with_no_id(chart):
    client, _ = chart
    field = NoteVersion._meta.get_field("body")
    rows = [NoteVersion(client_id_copy=client.pk), NoteVersion(client_id_copy=client.pk)]
    rows[1].id = None
    with pytest.raises(ValueError, match="primary key"):
        field.seal_many(rows, ["a", "b"], client=client.pk)


def test_sealing_together_checks_a_client_given_as_text(chart):
    client, note = chart
    field = NoteVersion._meta.get_field("body")
    rows = versions(note)
    rows[3].client_id_copy = str(client.pk)  # as a form or an import may leave it
    sealed = field.seal_many(rows, ["kept"] * len(rows), client=client.pk)
    rows[5].client_id_copy = "00000000-0000-0000-0000-000000000000"
    with pytest.raises(ValueError, match="one client"):
        field.seal_many(rows, ["kept"] * len(rows), client=client.pk)
    assert len(sealed) == len(rows)
