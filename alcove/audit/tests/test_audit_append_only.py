"""The database itself refuses to change or remove audit entries and checkpoints."""

import pytest
from django.db import DatabaseError, connection, transaction

from alcove.audit.models import AuditCheckpoint, AuditEvent
from alcove.audit.verify import audit_verify

pytestmark = pytest.mark.django_db

STATEMENTS = {
    "update an entry": "UPDATE audit_auditevent SET action = 'nothing.happened'",
    "delete an entry": "DELETE FROM audit_auditevent",
    "update a checkpoint": "UPDATE audit_auditcheckpoint SET key_id = 'forged'",
    "delete a checkpoint": "DELETE FROM audit_auditcheckpoint",
}


@pytest.fixture
def log(append):
    # The first entry of a log is checkpointed, so both tables have rows for the triggers.
    append(3)
    assert AuditEvent.objects.count() == 3 and AuditCheckpoint.objects.exists()
    return snapshot()


def snapshot() -> tuple[list[tuple[object, ...]], list[tuple[object, ...]]]:
    entries = AuditEvent.objects.order_by("seq").values_list("seq", "action", "leaf_hash")
    checkpoints = AuditCheckpoint.objects.order_by("tree_size").values_list(
        "tree_size", "key_id", "signature"
    )
    return (
        [tuple(bytes(v) if isinstance(v, memoryview) else v for v in r) for r in entries],
        [tuple(bytes(v) if isinstance(v, memoryview) else v for v in r) for r in checkpoints],
    )


def refused(sql: str) -> None:
    with pytest.raises(DatabaseError, match="append-only"):
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute(sql)


@pytest.mark.parametrize("sql", STATEMENTS.values(), ids=STATEMENTS.keys())
def test_it_refuses_to_change_or_remove_a_row_by_sql(log, sql):
    refused(sql)
    assert snapshot() == log
    assert audit_verify().ok


def test_it_refuses_to_update_an_entry_through_the_application(log):
    entry = AuditEvent.objects.get(seq=1)
    entry.action = "nothing.happened"
    with pytest.raises(DatabaseError, match="append-only"), transaction.atomic():
        entry.save()
    with pytest.raises(DatabaseError, match="append-only"), transaction.atomic():
        AuditEvent.objects.filter(seq=1).update(reason="edited")
    assert snapshot() == log


def test_it_refuses_to_delete_entries_or_checkpoints_through_the_application(log):
    with pytest.raises(DatabaseError, match="append-only"), transaction.atomic():
        AuditEvent.objects.filter(seq=2).delete()
    with pytest.raises(DatabaseError, match="append-only"), transaction.atomic():
        AuditCheckpoint.objects.all().delete()
    assert snapshot() == log


@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="SQLite has no TRUNCATE; DELETE is refused above"
)
@pytest.mark.parametrize("table", ["audit_auditevent", "audit_auditcheckpoint"])
def test_it_refuses_to_truncate_the_log_on_postgresql(log, table):
    refused(f"TRUNCATE {table}")
    assert snapshot() == log


def test_new_entries_are_still_appended_after_a_refusal(log, append):
    refused(STATEMENTS["delete an entry"])
    append(2)
    assert list(AuditEvent.objects.order_by("seq").values_list("seq", flat=True)) == [0, 1, 2, 3, 4]
    assert audit_verify().ok
