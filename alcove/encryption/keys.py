"""The process's keyring and the data keys it unwraps.

Unwrapped data keys are cached for a minute: long enough that a page of sealed fields
costs one unwrap, short enough that a shred or a rotation elsewhere takes effect soon.
"""

import logging
import secrets
import threading
import time
from uuid import UUID

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from django.db import IntegrityError, connections, transaction
from django.db.models import Max

from alcove.encryption.keyring import Keyring, MasterKeyError
from alcove.encryption.models import DataKey, MasterCheck, Purpose
from alcove.encryption.providers import MasterKeyProvider, provider_from_settings
from alcove.encryption.router import KEY_STORE

log = logging.getLogger(__name__)

CACHE_SECONDS = 60
_now = time.monotonic
CHECK_VALUE = b"alcove master key check"

_lock = threading.RLock()
_provider: MasterKeyProvider | None = None
_keyring: Keyring | None = None
# Keyed by the client's UUID as an int: hashing a UUID object runs Python code, an int not.
# Each entry carries the moment it stops being used (time.monotonic).
_cache: dict[tuple[int, str, int], tuple[float, AESGCM]] = {}
_current: dict[tuple[int, str], tuple[float, int, AESGCM]] = {}


class KeyShredded(Exception):
    """The data key this ciphertext needs no longer exists: the client was crypto-shredded."""


def provider() -> MasterKeyProvider:
    global _provider
    with _lock:
        if _provider is None:
            _provider = provider_from_settings()
        return _provider


def _key_store_ready() -> bool:
    return DataKey._meta.db_table in connections[KEY_STORE].introspection.table_names()


def _key_store_in_use() -> bool:
    return _key_store_ready() and (DataKey.objects.exists() or MasterCheck.objects.exists())


def _check_aad(version: int) -> bytes:
    return f"alcove master check|{version}".encode()


def _check_against_store(ring: Keyring) -> None:
    if not _key_store_ready():
        return
    for check in MasterCheck.objects.all():
        if check.master_version not in ring.masters:
            if DataKey.objects.filter(master_version=check.master_version).exists():
                raise MasterKeyError(
                    f"The master key ({provider().description}) does not match the key store: "
                    f"its data keys need master key v{check.master_version}, which this keyring "
                    "does not hold. Nothing was changed; restore the matching keyring."
                )
            continue
        try:
            raw = bytes(check.sealed)
            AESGCM(ring.master(check.master_version)).decrypt(
                raw[:12], raw[12:], _check_aad(check.master_version)
            )
        except InvalidTag:
            raise MasterKeyError(
                f"The master key ({provider().description}) does not match the key store: "
                "it is the wrong key for this installation. Nothing was changed; restore the "
                "master key that belongs with this key store."
            ) from None


def master_check_write(ring: Keyring) -> None:
    """Record a check value for every master version the key store does not yet know."""
    if not _key_store_ready():
        return
    known = set(MasterCheck.objects.values_list("master_version", flat=True))
    for version in sorted(set(ring.masters) - known):
        nonce = secrets.token_bytes(12)
        sealed = AESGCM(ring.master(version)).encrypt(nonce, CHECK_VALUE, _check_aad(version))
        MasterCheck.objects.get_or_create(
            master_version=version, defaults={"sealed": nonce + sealed}
        )


def keyring() -> Keyring:
    """The loaded keyring; created on the very first run, refused if it does not fit."""
    global _keyring
    with _lock:
        if _keyring is not None:
            return _keyring
        source = provider()
        if not source.exists():
            if _key_store_in_use():
                raise MasterKeyError(
                    f"The master key ({source.description}) is missing but the key store holds "
                    "data keys. Nothing was changed; restore the master key from its backup."
                )
            source.save(Keyring.generate())
            log.warning("Created a new master key, kept in the %s.", source.description)
        ring = source.load()
        _check_against_store(ring)
        master_check_write(ring)
        _keyring = ring
        return ring


def keyring_replace(ring: Keyring) -> None:
    """Save a changed keyring (rotation) and use it from now on in this process."""
    global _keyring
    with _lock:
        provider().save(ring)
        _keyring = ring
        master_check_write(ring)
        _cache.clear()
        _current.clear()


def keys_forget() -> None:
    """Drop everything held in memory (tests, and after a keyring change elsewhere)."""
    global _keyring, _provider
    with _lock:
        _keyring = None
        _provider = None
        _cache.clear()
        _current.clear()


def keys_forget_cache_only() -> None:
    """Forget unwrapped data keys, keep the keyring (tests: prove keys unwrap afresh)."""
    with _lock:
        _cache.clear()
        _current.clear()


def _wrap_aad(client_id: UUID, purpose: str, version: int) -> bytes:
    return f"alcove data key|{client_id}|{purpose}|{version}".encode()


def wrap(ring: Keyring, *, key: bytes, client_id: UUID, purpose: str, version: int) -> bytes:
    nonce = secrets.token_bytes(12)
    aad = _wrap_aad(client_id, purpose, version)
    return nonce + AESGCM(ring.master(ring.current)).encrypt(nonce, key, aad)


def unwrap(ring: Keyring, row: DataKey) -> bytes:
    raw = bytes(row.wrapped)
    aad = _wrap_aad(row.client_id, row.purpose, row.key_version)
    try:
        return AESGCM(ring.master(row.master_version)).decrypt(raw[:12], raw[12:], aad)
    except InvalidTag:
        raise MasterKeyError(
            f"A data key of client {row.client_id} does not open under master key "
            f"v{row.master_version}: the key store or the keyring was altered."
        ) from None


def data_key_create(*, client_id: UUID, purpose: str) -> int:
    """Add a new data key version for a client (first use, or rotation); returns it."""
    ring = keyring()
    while True:
        latest = DataKey.objects.filter(client_id=client_id, purpose=purpose).aggregate(
            v=Max("key_version")
        )["v"]
        version = (latest or 0) + 1
        key = secrets.token_bytes(32)
        try:
            with transaction.atomic(using=KEY_STORE):
                DataKey.objects.create(
                    client_id=client_id,
                    purpose=purpose,
                    key_version=version,
                    master_version=ring.current,
                    wrapped=wrap(
                        ring, key=key, client_id=client_id, purpose=purpose, version=version
                    ),
                )
        except IntegrityError:
            continue  # another process added this version first; take the next
        until, aead = time.monotonic() + CACHE_SECONDS, AESGCM(key)
        _cache[(client_id.int, purpose, version)] = (until, aead)
        _current[(client_id.int, purpose)] = (until, version, aead)
        return version


def data_key_current(*, client_id: UUID, purpose: str) -> int:
    """The version new ciphertexts use: the newest, created on the client's first write."""
    return data_key_sealing(client_id, purpose)[0]


def data_key_sealing(client_id: UUID, purpose: str, /) -> tuple[int, AESGCM]:
    """The version new ciphertexts use and its key, in one lookup: sealing needs both."""
    hit = _current.get((client_id.int, purpose))
    if hit is not None and _now() < hit[0]:
        return hit[1], hit[2]
    version = _data_key_newest(client_id=client_id, purpose=purpose)
    until, aead = _data_key_cached(client_id, purpose, version)
    # Neither the version nor the key is used past the time either was first looked up for.
    until = min(until, time.monotonic() + CACHE_SECONDS)
    _current[(client_id.int, purpose)] = (until, version, aead)
    return version, aead


def _data_key_newest(*, client_id: UUID, purpose: str) -> int:
    latest = DataKey.objects.filter(client_id=client_id, purpose=purpose).aggregate(
        v=Max("key_version")
    )["v"]
    if latest is None:
        # Two first writes at once may both create; the higher version simply wins.
        return data_key_create(client_id=client_id, purpose=purpose)
    return int(latest)


def data_key(*, client_id: UUID, purpose: str, version: int) -> AESGCM:
    return data_key_opening(client_id, purpose, version)


def data_key_opening(client_id: UUID, purpose: str, version: int, /) -> AESGCM:
    """The key of one version (opening needs the version its ciphertext names)."""
    hit = _cache.get((client_id.int, purpose, version))
    if hit is not None and _now() < hit[0]:
        return hit[1]
    return _data_key_cached(client_id, purpose, version)[1]


def _data_key_cached(client_id: UUID, purpose: str, version: int) -> tuple[float, AESGCM]:
    cache_key = (client_id.int, purpose, version)
    hit = _cache.get(cache_key)
    if hit is not None and _now() < hit[0]:
        return hit
    row = DataKey.objects.filter(client_id=client_id, purpose=purpose, key_version=version).first()
    if row is None:
        raise KeyShredded(
            f"No {purpose} data key v{version} exists for client {client_id}: it was shredded."
        )
    entry = (time.monotonic() + CACHE_SECONDS, AESGCM(unwrap(keyring(), row)))
    _cache[cache_key] = entry
    return entry


def data_keys_shred(*, client_id: UUID) -> int:
    """Destroy every data key of a client. Their ciphertexts, backups included, stay closed."""
    with transaction.atomic(using=KEY_STORE):
        deleted, _ = DataKey.objects.filter(client_id=client_id).delete()
    data_keys_forget(client_id=client_id)
    return deleted


def data_keys_forget(*, client_id: UUID) -> None:
    for cache_key in [k for k in _cache if k[0] == client_id.int]:
        _cache.pop(cache_key, None)
    for current_key in [k for k in _current if k[0] == client_id.int]:
        _current.pop(current_key, None)


def purposes() -> list[str]:
    return [p.value for p in Purpose]
