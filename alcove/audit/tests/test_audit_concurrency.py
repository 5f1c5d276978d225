"""Staff working at the same moment still get one gap-free, verifiable log."""

import threading

import pytest
from django.db import connection

from alcove.audit.checkpoints import public_key
from alcove.audit.models import AuditCheckpoint, AuditEvent, AuditHead
from alcove.audit.services import audit_record
from alcove.audit.verify import audit_verify

THREADS, EACH = 8, 50

pytestmark = [
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="SQLite allows one writer at a time; concurrent appends need PostgreSQL",
    ),
    pytest.mark.django_db(transaction=True),
]


def test_simultaneous_appends_get_every_number_once_and_the_log_verifies(settings):
    settings.AUDIT_CHECKPOINT_EVERY = 25
    public_key()  # load the keyring once, before the threads need it
    start = threading.Barrier(THREADS)
    failures: list[BaseException] = []

    def work(worker: int) -> None:
        try:
            start.wait()
            for i in range(EACH):
                audit_record(
                    actor_id=worker, action="client.view", resource_type="note", resource_id=i
                )
        except BaseException as exc:
            failures.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=work, args=(n,)) for n in range(THREADS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert failures == []
    total = THREADS * EACH
    seqs = list(AuditEvent.objects.order_by("seq").values_list("seq", flat=True))
    assert seqs == list(range(total))
    per_worker = {w: AuditEvent.objects.filter(actor_id=w).count() for w in range(THREADS)}
    assert per_worker == dict.fromkeys(range(THREADS), EACH)
    assert AuditHead.objects.get(pk=1).size == total
    sizes = set(AuditCheckpoint.objects.values_list("tree_size", flat=True))
    assert set(range(25, total + 1, 25)) <= sizes
    report = audit_verify()
    assert report.ok, report.problems
    assert report.entries == total


def test_sequencers_running_at_once_number_every_entry_once_in_one_verifiable_log(settings):
    """Several app processes' sequencers, each numbering while the others append and
    number too (with and without waiting for the head), leave one gap-free log."""
    from alcove.audit.models import QueuedEntry
    from alcove.audit.sequencer import HeadBusy, audit_sequence

    settings.AUDIT_CHECKPOINT_EVERY = 25
    public_key()
    start = threading.Barrier(THREADS)
    failures: list[BaseException] = []

    def work(worker: int) -> None:
        try:
            start.wait()
            for i in range(EACH):
                audit_record(actor_id=worker, action="note.read", resource_id=i)
                if i % 5 == worker % 5:
                    try:
                        audit_sequence(wait=worker % 2 == 0)
                    except HeadBusy:
                        pass  # another sequencer holds the head; it or a later one numbers ours
        except BaseException as exc:
            failures.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=work, args=(n,)) for n in range(THREADS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert failures == []
    total = THREADS * EACH
    seqs = list(AuditEvent.objects.order_by("seq").values_list("seq", flat=True))
    assert seqs == list(range(total))
    assert QueuedEntry.objects.count() == 0
    queued_as = list(AuditEvent.objects.values_list("queued_as", flat=True))
    assert len(set(queued_as)) == total
    assert AuditHead.objects.get(pk=1).size == total
    report = audit_verify()
    assert report.ok, report.problems
    assert report.entries == total
