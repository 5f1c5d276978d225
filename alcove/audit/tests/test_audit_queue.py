"""The queue an action writes its entry to, and the sequencer that numbers it into the log."""

import pytest
from django.db import DatabaseError, connection, transaction

from alcove.audit.models import AuditCheckpoint, AuditEvent, AuditHead, QueuedEntry
from alcove.audit.sequencer import audit_sequence, sequencer_stop
from alcove.audit.services import audit_record, audit_record_many
from alcove.audit.verify import audit_verify

on_postgresql = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="entries wait in the queue on PostgreSQL only"
)


def queued(action: str, n: int = 0) -> QueuedEntry:
    """An entry as an action leaves it: written, not yet numbered."""
    return QueuedEntry.objects.create(occurred_us=n, actor_id=n, action=action, outcome="allowed")


def queue_size() -> int:
    return QueuedEntry.objects.count()


def head_size() -> int:
    head = AuditHead.objects.filter(pk=1).first()
    return head.size if head else 0


def refused(sql: str, params: list[int] | None = None) -> None:
    with pytest.raises(DatabaseError, match="append-only"):
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute(sql, params)


@pytest.mark.django_db
def test_a_queued_entry_cannot_be_changed_or_removed_before_it_is_in_the_log():
    entry = queued("note.read")
    refused("UPDATE audit_queuedentry SET action = 'nothing.happened'")
    refused("DELETE FROM audit_queuedentry WHERE id = %s", [entry.pk])
    with pytest.raises(DatabaseError, match="append-only"), transaction.atomic():
        QueuedEntry.objects.filter(pk=entry.pk).delete()
    if connection.vendor == "postgresql":
        refused("TRUNCATE audit_queuedentry")
    assert list(QueuedEntry.objects.values_list("action", flat=True)) == ["note.read"]
    assert audit_sequence() == 1
    assert queue_size() == 0  # it left the queue for the log, the one way out
    assert AuditEvent.objects.get(queued_as=entry.pk).action == "note.read"


@pytest.mark.django_db
def test_the_queue_lets_an_entry_go_only_once_the_log_holds_it():
    numbered = queued("note.read", 1)
    audit_sequence()
    waiting = queued("note.read", 2)
    # A copy of the numbered entry back in the queue (a restored backup, say) may go;
    # a DELETE that would take the waiting entry with it may not.
    with connection.cursor() as cursor:
        cursor.execute(
            "INSERT INTO audit_queuedentry (id, occurred_us, actor_id, action, resource_type, "
            "resource_id, client, outcome, rule, reason, request_id) "
            "VALUES (%s, 1, 1, 'note.read', '', '', '', 'allowed', '', '', '')",
            [numbered.pk],
        )
    refused("DELETE FROM audit_queuedentry")
    assert queue_size() == 2
    with connection.cursor() as cursor:
        cursor.execute("DELETE FROM audit_queuedentry WHERE id = %s", [numbered.pk])
    assert list(QueuedEntry.objects.values_list("pk", flat=True)) == [waiting.pk]


@pytest.mark.django_db
def test_the_sequencer_numbers_entries_in_queue_order_without_gaps_and_they_verify():
    entries = [queued(f"queued.{n}", n).pk for n in range(3)]
    entries += audit_record_many([{"actor_id": 9, "action": f"together.{n}"} for n in range(3)])
    entries.append(audit_record(actor_id=9, action="alone"))
    audit_sequence()
    log = list(AuditEvent.objects.order_by("seq"))
    assert [e.seq for e in log] == list(range(7))
    assert [e.queued_as for e in log] == sorted(entries) == entries
    assert head_size() == 7 and queue_size() == 0
    assert AuditCheckpoint.objects.filter(tree_size=1).exists()
    report = audit_verify()
    assert report.ok, report.problems
    assert report.entries == 7


@pytest.mark.django_db
def test_a_numbering_that_is_rolled_back_leaves_its_entries_queued_not_lost():
    first, second = queued("first"), queued("second")

    class Undone(Exception):
        pass

    with pytest.raises(Undone), transaction.atomic():
        assert audit_sequence() == 2
        raise Undone
    assert queue_size() == 2 and head_size() == 0
    assert not AuditCheckpoint.objects.exists()
    assert [e.queued_as for e in AuditEvent.objects.order_by("seq")] == [first.pk, second.pk]
    assert audit_verify().ok


@on_postgresql
@pytest.mark.django_db(transaction=True)
def test_on_postgresql_a_committed_entry_waits_queued_until_a_reader_numbers_it():
    entry = audit_record(actor_id=1, action="client.view")  # committed on its own
    assert queue_size() == 1 and head_size() == 0
    assert AuditEvent.objects.get(seq=0).queued_as == entry  # reading numbers it first
    assert queue_size() == 0 and head_size() == 1


@on_postgresql
@pytest.mark.django_db(transaction=True)
def test_on_postgresql_the_background_sequencer_numbers_what_its_process_committed(settings):
    settings.AUDIT_SEQUENCER_THREAD = True
    try:
        for n in range(10):
            audit_record(actor_id=n, action="client.view")
        with transaction.atomic():
            audit_record_many([{"actor_id": 1, "action": f"page.{n}"} for n in range(5)])
    finally:
        sequencer_stop()  # numbers whatever its last pass had not reached, and ends
    assert queue_size() == 0 and head_size() == 15
    report = audit_verify()
    assert report.ok, report.problems
    assert report.entries == 15


@pytest.mark.django_db
def test_a_query_built_before_an_action_still_sees_its_entry():
    reads = AuditEvent.objects.filter(action="note.read")
    assert reads.count() == 0
    queued("note.read")
    assert reads.filter(actor_id=0).count() == 1 and reads.exists()
    assert [e.action for e in reads.all()] == ["note.read"]
