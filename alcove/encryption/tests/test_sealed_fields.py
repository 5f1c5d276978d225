from datetime import date

import pytest
from django.db import connection

from alcove.access.decisions import AccessDenied
from alcove.clients.models import Client
from alcove.encryption.crypto import CiphertextInvalid
from alcove.encryption.fields import Sealed
from alcove.encryption.tests.conftest import decision_for

NAME = "Marguerite Okonkwo-Lindqvist"


def raw_column(client_id, column):
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT {column} FROM clients_client WHERE id = %s",
            [client_id.hex if connection.vendor == "sqlite" else client_id],
        )
        return bytes(cursor.fetchone()[0])


def test_it_stores_ciphertext_not_the_name(make_client):
    client = make_client(NAME)
    stored = raw_column(client.pk, "legal_name")
    assert NAME.encode() not in stored
    assert b"Okonkwo" not in stored
    assert len(stored) >= len(NAME) + 16  # nonce and tag, not a bare encoding


def test_the_same_name_seals_differently_each_time(make_client):
    first, second = make_client(NAME), make_client(NAME)
    assert raw_column(first.pk, "legal_name") != raw_column(second.pk, "legal_name")


def test_a_read_value_is_sealed_and_prints_as_sealed(make_client):
    client = Client.objects.get(pk=make_client(NAME).pk)
    assert isinstance(client.legal_name, Sealed)
    assert str(client.legal_name) == "<sealed>"
    assert f"{client.legal_name}" == "<sealed>"
    assert NAME not in repr(client.legal_name)


def test_an_allowing_recorded_decision_opens_it(make_client):
    client = Client.objects.get(pk=make_client(NAME, date_of_birth=date(1984, 2, 29)).pk)
    decision = decision_for(client.pk)
    assert decision.open(client.legal_name) == NAME
    assert decision.open(client.date_of_birth) == "1984-02-29"


def test_a_refusing_decision_does_not_open_it_and_says_why(make_client):
    client = Client.objects.get(pk=make_client(NAME).pk)
    with pytest.raises(AccessDenied, match="refused for this test"):
        decision_for(client.pk, allowed=False).open(client.legal_name)


def test_an_unrecorded_decision_does_not_open_it(make_client):
    client = Client.objects.get(pk=make_client(NAME).pk)
    with pytest.raises(AccessDenied, match="recorded in the audit log"):
        decision_for(client.pk, recorded=False).open(client.legal_name)


def test_a_decision_about_another_client_does_not_open_it(make_client):
    client, other = make_client(NAME), make_client("Someone Else")
    client = Client.objects.get(pk=client.pk)
    with pytest.raises(AccessDenied, match="another client"):
        decision_for(other.pk).open(client.legal_name)


def test_a_decision_for_another_data_class_does_not_open_it(make_client):
    client = Client.objects.get(pk=make_client(NAME).pk)
    with pytest.raises(AccessDenied):
        decision_for(client.pk, data_class="clinical").open(client.legal_name)


def test_a_ciphertext_moved_to_another_row_fails_to_open(make_client):
    first, second = make_client(NAME), make_client("Someone Else")
    Client.objects.filter(pk=second.pk).update(legal_name=raw_column(first.pk, "legal_name"))
    moved = Client.objects.get(pk=second.pk)
    with pytest.raises(CiphertextInvalid):
        decision_for(second.pk).open(moved.legal_name)


def test_a_ciphertext_moved_to_another_field_fails_to_open(make_client):
    client = make_client(NAME, preferred_name="Maggie")
    Client.objects.filter(pk=client.pk).update(preferred_name=raw_column(client.pk, "legal_name"))
    moved = Client.objects.get(pk=client.pk)
    with pytest.raises(CiphertextInvalid):
        decision_for(client.pk).open(moved.preferred_name)


def test_a_ciphertext_altered_by_one_bit_fails_to_open(make_client):
    client = make_client(NAME)
    stored = bytearray(raw_column(client.pk, "legal_name"))
    stored[-1] ^= 1
    Client.objects.filter(pk=client.pk).update(legal_name=bytes(stored))
    with pytest.raises(CiphertextInvalid):
        decision_for(client.pk).open(Client.objects.get(pk=client.pk).legal_name)


def test_assigning_a_sealed_value_from_another_row_does_not_copy_plaintext(make_client):
    first, second = make_client(NAME), make_client("Someone Else")
    first, second = Client.objects.get(pk=first.pk), Client.objects.get(pk=second.pk)
    second.legal_name = first.legal_name  # a careless copy: ciphertext only, bound to first
    second.save()
    with pytest.raises(CiphertextInvalid):
        decision_for(second.pk).open(Client.objects.get(pk=second.pk).legal_name)


def test_after_saving_the_instance_holds_no_plaintext(make_client):
    client = make_client(NAME)
    assert isinstance(client.legal_name, Sealed)


def test_serialised_records_carry_ciphertext_only(make_client):
    from django.core import serializers

    client = make_client(NAME)
    dumped = serializers.serialize("json", Client.objects.filter(pk=client.pk))
    assert "Okonkwo" not in dumped and "<sealed>" not in dumped


def test_the_associated_data_names_table_field_row_client_and_purpose(make_client):
    from uuid import uuid4

    from alcove.encryption.crypto import associated_data
    from alcove.notes.models import PsychotherapyVersion

    client = make_client(NAME)
    row = client.pk.bytes
    assert Client._meta.get_field("legal_name").aad(client) == (
        b"alcove|clients_client|legal_name|" + row + b"|" + row + b"|record"
    )
    version = PsychotherapyVersion(id=uuid4(), client_id_copy=str(client.pk))
    expected = associated_data(
        place="notes_psychotherapyversion",
        field="body",
        row_id=version.pk,
        client_id=client.pk,
        purpose="psychotherapy",
    )
    assert PsychotherapyVersion._meta.get_field("body").aad(version) == expected
    assert PsychotherapyVersion._meta.get_field("body").client_of(version) == client.pk
