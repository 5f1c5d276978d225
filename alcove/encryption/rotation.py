"""Key rotation and crypto-shredding. Every step is idempotent, so an interrupted run resumes.

Rows are rewritten with conditional updates (only if still as read), which is what keeps
a second run, or a run beside live traffic, from wrapping or sealing anything twice.
Plaintext exists only in memory, a batch of values at a time.
"""

import time
from collections.abc import Callable
from uuid import UUID

from django.db import transaction
from django.utils import timezone

from alcove.audit.services import audit_record
from alcove.encryption import crypto, keys
from alcove.encryption.fields import (
    REGISTRY,
    SealedField,
    purpose_for,
    sealed_open_column,
    sealed_seal_column,
)
from alcove.encryption.files import sealed_file_open_unchecked, sealed_file_write, sealed_files_of
from alcove.encryption.keyring import MasterKeyError
from alcove.encryption.models import DataKey, MasterCheck
from alcove.encryption.router import KEY_STORE

Progress = Callable[[int, int], None]
BATCH = 500


def _quiet(done: int, total: int) -> None:
    pass


def master_rotate(*, progress: Progress = _quiet, batch: int | None = None) -> int:
    """Rewrap every data key under a new master version (or finish an interrupted rotation)."""
    ring = keys.keyring()
    if not DataKey.objects.filter(master_version__lt=ring.current).exists():
        ring = ring.with_new_master()
        keys.keyring_replace(ring)  # saved before any row refers to the new version
    total = DataKey.objects.filter(master_version__lt=ring.current).count()
    done = 0
    progress(done, total)
    size = batch or BATCH
    while rows := list(
        DataKey.objects.filter(master_version__lt=ring.current).order_by("pk")[:size]
    ):
        with transaction.atomic(using=KEY_STORE):
            for row in rows:
                key = keys.unwrap(ring, row)
                wrapped = keys.wrap(
                    ring,
                    key=key,
                    client_id=row.client_id,
                    purpose=row.purpose,
                    version=row.key_version,
                )
                DataKey.objects.filter(pk=row.pk, master_version=row.master_version).update(
                    wrapped=wrapped, master_version=ring.current
                )
        done += len(rows)
        progress(min(done, total), total)
    with transaction.atomic():
        audit_record(
            actor_id=None,
            action="keys.rotate_master",
            resource_type="master_key",
            resource_id=str(ring.current),
        )
    return ring.current


def masters_retire() -> list[int]:
    """Forget master versions no data key uses any more. Refused while one still does."""
    ring = keys.keyring()
    if DataKey.objects.filter(master_version__lt=ring.current).exists():
        raise MasterKeyError(
            "Some data keys are still wrapped by an older master key: run "
            "`alcove keys rotate-master` to finish, then retire."
        )
    retired = sorted(v for v in ring.masters if v < ring.current)
    keys.keyring_replace(ring.without_masters_before(ring.current))
    MasterCheck.objects.filter(master_version__lt=ring.current).delete()
    return retired


Pair = tuple[object, bytes | None]  # a row's id and one sealed field's ciphertext


def _client_pairs(field: SealedField, client_id: UUID) -> list[Pair]:
    """The client's values of one field, as (row id, ciphertext): no model instances, and no
    other column read, so a long chart holds only what is being rotated."""
    model = field.model
    lookup = "pk" if field.client_field in ("pk", model._meta.pk.attname) else field.client_field
    rows = model._base_manager.filter(**{lookup: client_id}).order_by("pk")
    return list(rows.values_list("pk", field.attname))


def _stale(ciphertext: bytes | None, target: int) -> bool:
    return ciphertext is not None and crypto.key_version_of(ciphertext) < target


def _reseal_rows(field: SealedField, pairs: list[Pair], client_id: UUID, target: int) -> int:
    """Open a batch of one field's values and seal them again under the target key, in bulk;
    each row is written only if it still holds what was read."""
    stale = [(row_id, ciphertext) for row_id, ciphertext in pairs if _stale(ciphertext, target)]
    if not stale:
        return 0
    plaintexts = sealed_open_column(field, stale, client_id)
    # Each value just opened under its own row and this client, so each id is the client's.
    row_ids = [row_id for row_id, _ in stale]
    resealed = sealed_seal_column(field, row_ids, plaintexts, client_id, target)
    manager, moved = field.model._base_manager, 0
    with transaction.atomic():
        for (row_id, ciphertext), new in zip(stale, resealed, strict=True):
            moved += manager.filter(pk=row_id, **{field.attname: ciphertext}).update(
                **{field.attname: new}
            )
    return moved


def _target_version(client_id: UUID, purpose: str) -> int | None:
    versions = sorted(
        DataKey.objects.filter(client_id=client_id, purpose=purpose).values_list(
            "key_version", flat=True
        )
    )
    if not versions:
        return None
    if len(versions) > 1:
        return versions[-1]  # an interrupted rotation: finish moving to the newest key
    return keys.data_key_create(client_id=client_id, purpose=purpose)


def _reseal_pass(client_id: UUID, targets: dict[str, int], progress: Progress) -> int:
    """Move every value of the client that is still on an older key; returns how many moved."""
    work = [
        (f, _client_pairs(f, client_id)) for f in REGISTRY if purpose_for(f.data_class) in targets
    ]
    files = [f for f in sealed_files_of(client_id) if purpose_for(f[0].data_class) in targets]
    total, done, moved = sum(len(pairs) for _, pairs in work) + len(files), 0, 0
    for field, pairs in work:
        target = targets[purpose_for(field.data_class)]
        for start in range(0, len(pairs), BATCH):
            batch = pairs[start : start + BATCH]
            moved += _reseal_rows(field, batch, client_id, target)
            done += len(batch)
            progress(done, total)
    for sealed, ciphertext in files:
        target = targets[purpose_for(sealed.data_class)]
        if crypto.key_version_of(ciphertext) < target:
            content = sealed_file_open_unchecked(sealed)
            sealed_file_write(
                file_id=sealed.file_id,
                client_id=client_id,
                data_class=sealed.data_class,
                content=content,
                version=target,
            )
            moved += 1
        done += 1
        progress(done, total)
    return moved


def _settle(client_id: UUID, seconds: float) -> None:
    # Other app processes learn of the new key when their cache expires; until then they may
    # still seal with the old one, so the old key must outlive their caches.
    newest = DataKey.objects.filter(client_id=client_id).order_by("-created_at").first()
    if newest is not None:
        age = (timezone.now() - newest.created_at).total_seconds()
        if age < seconds:
            time.sleep(seconds - age)


def client_rotate(
    *, client_id: UUID, progress: Progress = _quiet, settle_seconds: float = keys.CACHE_SECONDS
) -> int:
    """Re-encrypt one client's sealed fields and files under new data keys; returns values moved."""
    keys.data_keys_forget(client_id=client_id)
    targets = {p: v for p in keys.purposes() if (v := _target_version(client_id, p)) is not None}
    moved = _reseal_pass(client_id, targets, progress)
    _settle(client_id, settle_seconds)
    # A last pass catches anything another process sealed under the old key meanwhile.
    moved += _reseal_pass(client_id, targets, _quiet)
    for purpose, target in targets.items():
        with transaction.atomic(using=KEY_STORE):
            DataKey.objects.filter(
                client_id=client_id, purpose=purpose, key_version__lt=target
            ).delete()
    keys.data_keys_forget(client_id=client_id)
    with transaction.atomic():
        audit_record(
            actor_id=None, action="keys.rotate_client", resource_type="client", client_id=client_id
        )
    return moved


def client_shred(*, client_id: UUID, actor_id: int | None = None) -> int:
    """Destroy a client's data keys: every ciphertext of theirs, in any backup, stays closed."""
    with transaction.atomic():
        audit_record(
            actor_id=actor_id,
            action="keys.shred_client",
            resource_type="client",
            client_id=client_id,
        )
        return keys.data_keys_shred(client_id=client_id)
