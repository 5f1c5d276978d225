"""The audit log: an append-only RFC 9162 Merkle log of who did what to which record.

Entries hold identifiers and keyed pseudonyms, never protected text, so the log can
outlive the records it describes. An action writes its entry to the queue in its own
transaction; the sequencer (sequencer.py) then numbers queued entries into the log.
Database triggers refuse UPDATE and DELETE on the entries and the checkpoints, and on the
queue refuse UPDATE and any DELETE of an entry not yet in the log (triggers.py).
"""

from datetime import UTC, datetime, timedelta
from typing import Any

from django.db import models

EPOCH = datetime(1970, 1, 1, tzinfo=UTC)


class Outcome(models.TextChoices):
    ALLOWED = "allowed"
    DENIED = "denied"


def _sequenced() -> None:
    from alcove.audit.sequencer import audit_sequence

    audit_sequence()


class SequencedQuerySet(models.QuerySet["AuditEvent"]):
    """Reading the log first numbers every queued entry this transaction can see, so a
    reader (the access history, a test, a report) never misses a committed entry. It
    happens when the query runs, not when it is built: a query made before an action
    still sees that action's entry."""

    def _fetch_all(self) -> None:
        if self._result_cache is None:
            _sequenced()
        super()._fetch_all()

    def count(self) -> int:
        if self._result_cache is None:
            _sequenced()
        return super().count()

    def exists(self) -> bool:
        if self._result_cache is None:
            _sequenced()
        return super().exists()

    def aggregate(self, *args: Any, **kwargs: Any) -> dict[str, Any]:
        _sequenced()
        return super().aggregate(*args, **kwargs)

    def iterator(self, chunk_size: int | None = None) -> Any:
        _sequenced()
        return super().iterator(chunk_size=chunk_size)


SequencedManager = models.Manager.from_queryset(SequencedQuerySet)


class QueuedEntry(models.Model):
    """An entry written by its action's transaction and not yet numbered into the log.

    Writers only insert here, so concurrent actions commit together rather than one after
    another behind the log's head; the sequencer moves entries into the log in id order.
    """

    id = models.BigAutoField(primary_key=True)
    occurred_us = models.BigIntegerField()
    actor_id = models.BigIntegerField(null=True)
    action = models.CharField(max_length=64)
    resource_type = models.CharField(max_length=64, blank=True)
    resource_id = models.CharField(max_length=64, blank=True)
    client = models.CharField(max_length=32, blank=True)
    outcome = models.CharField(max_length=8)
    rule = models.CharField(max_length=300, blank=True)
    reason = models.TextField(blank=True)
    request_id = models.CharField(max_length=32, blank=True)

    def __str__(self) -> str:
        return f"queued audit entry {self.pk}: {self.action}"


class AuditEvent(models.Model):
    seq = models.PositiveBigIntegerField(primary_key=True, help_text="Leaf index in the tree.")
    occurred_us = models.BigIntegerField(help_text="When: microseconds since 1970, UTC.")
    actor_id = models.BigIntegerField(null=True, help_text="Staff id; empty for the system.")
    action = models.CharField(max_length=64)
    resource_type = models.CharField(max_length=64, blank=True)
    resource_id = models.CharField(max_length=64, blank=True)
    client = models.CharField(max_length=32, blank=True, help_text="Keyed pseudonym.")
    outcome = models.CharField(max_length=8, choices=Outcome.choices)
    rule = models.CharField(max_length=300, blank=True)
    reason = models.TextField(blank=True, help_text="Break-the-glass and other stated reasons.")
    request_id = models.CharField(max_length=32, blank=True)
    leaf_hash = models.BinaryField(max_length=32)
    root_after = models.BinaryField(max_length=32, help_text="Tree root including this entry.")
    # Bookkeeping, not part of the leaf: which queued entry this was, so the queue can let
    # go of exactly the entries that reached the log. Not unique: it must never be the
    # reason an entry cannot be appended.
    queued_as = models.BigIntegerField(null=True, db_index=True)

    objects: Any = SequencedManager()

    class Meta:
        indexes = [models.Index(fields=["client", "seq"]), models.Index(fields=["actor_id", "seq"])]

    def __str__(self) -> str:
        return f"audit entry {self.seq}: {self.action} {self.outcome}"

    @property
    def occurred_at(self) -> datetime:
        # Kept as a whole number so the leaf's bytes need no date formatting to recompute.
        return EPOCH + timedelta(microseconds=self.occurred_us)


class AuditHead(models.Model):
    """The sequencer: one row whose update hands out leaf indexes, gap-free, one at a time."""

    size = models.BigIntegerField(default=0)
    frontier = models.BinaryField(default=b"")
    last_checkpoint_at = models.DateTimeField(null=True)

    def __str__(self) -> str:
        return f"audit head at {self.size}"


class AuditCheckpoint(models.Model):
    tree_size = models.BigIntegerField(primary_key=True)
    root = models.BinaryField(max_length=32)
    signed_at = models.DateTimeField()
    signature = models.BinaryField(max_length=64)
    key_id = models.CharField(max_length=16, help_text="First hex digits of the public key hash.")

    def __str__(self) -> str:
        return f"checkpoint at {self.tree_size}"
