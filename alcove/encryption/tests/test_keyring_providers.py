import os
import stat

import pytest
from django.core.management import call_command
from django.core.management.base import SystemCheckError

from alcove.encryption import keys
from alcove.encryption.keyring import Keyring, MasterKeyError
from alcove.encryption.providers import LocalFileProvider, MemoryProvider, PassphraseFileProvider

PASSPHRASE = "seven rivers under a quiet bridge"


def test_the_local_key_file_is_readable_by_its_owner_only(tmp_path):
    provider = LocalFileProvider(tmp_path / "master-key")
    provider.save(Keyring.generate())
    assert stat.S_IMODE(os.stat(tmp_path / "master-key").st_mode) == 0o600
    assert provider.load().current == 1


def test_a_passphrase_sealed_key_file_opens_only_with_its_passphrase(tmp_path):
    path = tmp_path / "master-key.sealed"
    ring = Keyring.generate()
    PassphraseFileProvider(path, PASSPHRASE).save(ring)
    assert ring.master(1) not in path.read_bytes()
    assert PassphraseFileProvider(path, PASSPHRASE).load() == ring
    with pytest.raises(MasterKeyError, match="passphrase does not open"):
        PassphraseFileProvider(path, "the wrong passphrase entirely").load()


def test_a_short_passphrase_is_refused_with_what_to_set(tmp_path):
    with pytest.raises(MasterKeyError, match="ALCOVE_MASTER_PASSPHRASE"):
        PassphraseFileProvider(tmp_path / "k", "short")


def test_a_damaged_key_file_stops_with_a_sentence(tmp_path):
    path = tmp_path / "master-key"
    path.write_text("not a keyring")
    with pytest.raises(MasterKeyError, match="not an Alcove keyring"):
        LocalFileProvider(path).load()


def test_the_key_file_is_created_on_the_first_run_only(db, monkeypatch, tmp_path):
    provider = LocalFileProvider(tmp_path / "master-key")
    monkeypatch.setattr(keys, "_provider", provider)
    keys.keyring()
    assert provider.exists()


def test_a_missing_key_with_data_keys_in_the_store_stops_start_up(
    make_client, monkeypatch, tmp_path
):
    make_client()  # the store now holds data keys under the in-memory master key
    keys.keys_forget()
    monkeypatch.setattr(keys, "_provider", LocalFileProvider(tmp_path / "gone"))
    with pytest.raises(SystemCheckError, match="missing but the key store holds data keys"):
        call_command("check")
    assert not (tmp_path / "gone").exists()  # nothing was created in its place


def test_the_wrong_key_stops_start_up_and_touches_nothing(make_client, monkeypatch):
    from alcove.encryption.models import DataKey

    make_client()
    before = list(DataKey.objects.values_list("wrapped", flat=True))
    stranger = MemoryProvider()
    stranger.save(Keyring.generate())
    keys.keys_forget()
    monkeypatch.setattr(keys, "_provider", stranger)
    with pytest.raises(SystemCheckError, match="does not match the key store"):
        call_command("check")
    assert list(DataKey.objects.values_list("wrapped", flat=True)) == before


def test_the_keyring_never_prints_its_keys():
    ring = Keyring.generate()
    assert ring.master(1).hex() not in repr(ring)
    assert "masters" not in repr(ring) or "versions" in repr(ring)
