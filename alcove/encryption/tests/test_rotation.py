import pytest

from alcove.clients.models import Client
from alcove.encryption import keys, rotation
from alcove.encryption.crypto import key_version_of
from alcove.encryption.keyring import MasterKeyError
from alcove.encryption.models import DataKey
from alcove.encryption.tests.conftest import decision_for


class Interrupted(Exception):
    pass


def interrupt_after(count):
    def progress(done, total):
        if done >= count and done < total:
            raise Interrupted

    return progress


def names_of(clients):
    return [decision_for(c.pk).open(Client.objects.get(pk=c.pk).legal_name) for c in clients]


@pytest.fixture
def caseload(make_client):
    return [make_client(f"Client Number {n}", preferred_name=f"Nick {n}") for n in range(6)]


def test_rotating_the_master_key_rewraps_every_data_key(caseload):
    before = {r.pk: bytes(r.wrapped) for r in DataKey.objects.all()}
    version = rotation.master_rotate()
    assert version == 2
    after = DataKey.objects.all()
    assert {r.master_version for r in after} == {2}
    assert all(bytes(r.wrapped) != before[r.pk] for r in after)
    keys.keys_forget_cache_only()
    assert names_of(caseload) == [f"Client Number {n}" for n in range(6)]


def test_an_interrupted_master_rotation_resumes_without_a_second_new_key(caseload, monkeypatch):
    monkeypatch.setattr(rotation, "BATCH", 1)
    with pytest.raises(Interrupted):
        rotation.master_rotate(progress=interrupt_after(3))
    assert DataKey.objects.filter(master_version=1).exists()
    assert rotation.master_rotate() == 2  # resumed, not rotated again
    assert sorted(keys.keyring().masters) == [1, 2]
    assert set(DataKey.objects.values_list("master_version", flat=True)) == {2}
    keys.keys_forget_cache_only()
    assert names_of(caseload) == [f"Client Number {n}" for n in range(6)]


def test_old_master_keys_retire_only_when_nothing_uses_them(caseload, monkeypatch):
    monkeypatch.setattr(rotation, "BATCH", 1)
    with pytest.raises(Interrupted):
        rotation.master_rotate(progress=interrupt_after(2))
    with pytest.raises(MasterKeyError, match="rotate-master"):
        rotation.masters_retire()
    rotation.master_rotate()
    assert rotation.masters_retire() == [1]
    assert sorted(keys.keyring().masters) == [2]
    keys.keys_forget_cache_only()
    assert names_of(caseload)[0] == "Client Number 0"


def test_rotating_a_client_reseals_their_fields_under_a_new_data_key(caseload):
    client = caseload[0]
    old = bytes(Client.objects.get(pk=client.pk).legal_name.ciphertext)
    moved = rotation.client_rotate(client_id=client.pk, settle_seconds=0)
    assert moved == 2  # legal and preferred name
    row = Client.objects.get(pk=client.pk)
    assert key_version_of(row.legal_name.ciphertext) == 2
    assert row.legal_name.ciphertext != old
    assert list(
        DataKey.objects.filter(client_id=client.pk).values_list("key_version", flat=True)
    ) == [2]
    assert names_of([client]) == ["Client Number 0"]
    assert decision_for(client.pk).open(row.preferred_name) == "Nick 0"
    assert set(
        DataKey.objects.exclude(client_id=client.pk).values_list("key_version", flat=True)
    ) == {1}


def test_an_interrupted_client_rotation_resumes_and_loses_nothing(caseload):
    client = caseload[1]
    with pytest.raises(Interrupted):
        rotation.client_rotate(client_id=client.pk, progress=interrupt_after(1), settle_seconds=0)
    versions = sorted(
        DataKey.objects.filter(client_id=client.pk).values_list("key_version", flat=True)
    )
    assert versions == [1, 2]  # half-way: both keys kept, nothing lost
    assert names_of([client]) == ["Client Number 1"]
    rotation.client_rotate(client_id=client.pk, settle_seconds=0)
    assert list(
        DataKey.objects.filter(client_id=client.pk).values_list("key_version", flat=True)
    ) == [2]
    row = Client.objects.get(pk=client.pk)
    assert {
        key_version_of(row.legal_name.ciphertext),
        key_version_of(row.preferred_name.ciphertext),
    } == {2}
    assert decision_for(client.pk).open(row.preferred_name) == "Nick 1"


def test_rotation_is_recorded_in_the_audit_log(caseload):
    from alcove.audit.models import AuditEvent

    rotation.master_rotate()
    rotation.client_rotate(client_id=caseload[0].pk, settle_seconds=0)
    actions = set(AuditEvent.objects.values_list("action", flat=True))
    assert {"keys.rotate_master", "keys.rotate_client"} <= actions


def test_a_value_sealed_under_the_old_key_during_rotation_is_not_lost(caseload, monkeypatch):
    client = caseload[2]

    def another_process_writes_meanwhile(client_id, seconds):
        # An app process whose cache still names key v1 saves a new preferred name.
        row = Client.objects.get(pk=client.pk)
        field = Client._meta.get_field("preferred_name")
        Client.objects.filter(pk=client.pk).update(
            preferred_name=field.seal(row, "Nicky", version=1)
        )

    monkeypatch.setattr(rotation, "_settle", another_process_writes_meanwhile)
    rotation.client_rotate(client_id=client.pk)
    row = Client.objects.get(pk=client.pk)
    assert key_version_of(row.preferred_name.ciphertext) == 2
    assert decision_for(client.pk).open(row.preferred_name) == "Nicky"
