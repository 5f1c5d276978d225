import pytest

from alcove.encryption import crypto, keys
from alcove.encryption.keys import KeyShredded
from alcove.encryption.models import DataKey, Purpose


def test_each_client_has_its_own_key_and_a_separate_psychotherapy_key(make_client):
    first, second = make_client(), make_client()
    crypto.seal_bytes(b"x", aad=b"a", client_id=first.pk, purpose=Purpose.PSYCHOTHERAPY)
    rows = DataKey.objects.filter(client_id=first.pk)
    assert sorted(rows.values_list("purpose", flat=True)) == ["psychotherapy", "record"]
    assert DataKey.objects.filter(client_id=second.pk).count() == 1
    wrapped = [bytes(w) for w in DataKey.objects.values_list("wrapped", flat=True)]
    assert len(set(wrapped)) == len(wrapped)


def test_a_record_ciphertext_does_not_open_under_the_psychotherapy_key(make_client):
    client = make_client()
    sealed = crypto.seal_bytes(b"note", aad=b"a", client_id=client.pk, purpose=Purpose.RECORD)
    keys.data_key_current(client_id=client.pk, purpose=Purpose.PSYCHOTHERAPY)
    with pytest.raises(crypto.CiphertextInvalid):
        crypto.open_bytes(sealed, aad=b"a", client_id=client.pk, purpose=Purpose.PSYCHOTHERAPY)


def test_data_keys_are_stored_wrapped_never_in_the_clear(make_client):
    client = make_client()
    row = DataKey.objects.get(client_id=client.pk)
    key = keys.unwrap(keys.keyring(), row)
    assert len(key) == 32
    assert key not in bytes(row.wrapped)


def test_data_keys_live_in_the_key_store_database_not_beside_the_records(make_client):
    from django.db import connections

    make_client()
    assert "encryption_datakey" in connections["keys"].introspection.table_names()
    assert "encryption_datakey" not in connections["default"].introspection.table_names()


def test_a_shredded_key_refuses_with_a_reason(make_client):
    client = make_client()
    sealed = crypto.seal_bytes(b"x", aad=b"a", client_id=client.pk, purpose=Purpose.RECORD)
    keys.data_keys_shred(client_id=client.pk)
    with pytest.raises(KeyShredded, match="shredded"):
        crypto.open_bytes(sealed, aad=b"a", client_id=client.pk, purpose=Purpose.RECORD)


def test_a_cached_key_is_used_for_a_minute_and_then_looked_up_again(make_client, monkeypatch):
    client = make_client()
    sealed = crypto.seal_bytes(b"x", aad=b"a", client_id=client.pk, purpose=Purpose.RECORD)
    DataKey.objects.filter(client_id=client.pk).delete()  # gone elsewhere, still cached here
    assert crypto.open_bytes(sealed, aad=b"a", client_id=client.pk, purpose=Purpose.RECORD)
    later = keys._now() + keys.CACHE_SECONDS
    monkeypatch.setattr(keys, "_now", lambda: later)
    with pytest.raises(KeyShredded):
        crypto.open_bytes(sealed, aad=b"a", client_id=client.pk, purpose=Purpose.RECORD)
    with pytest.raises(KeyShredded):
        crypto.seal_bytes(b"y", aad=b"a", client_id=client.pk, purpose=Purpose.RECORD, version=1)
