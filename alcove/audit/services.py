"""Appending to the audit log in the caller's transaction: if the entry fails, the action fails.

The append is the entry's row in the queue (QueuedEntry), written in the action's own
transaction without a savepoint: an action cannot commit without its entry, and an entry
cannot outlive an action that rolled back. Numbering and hashing entries into the Merkle
log is the sequencer's work (sequencer.py): on SQLite in the same transaction, on
PostgreSQL just after the commit, so concurrent actions do not queue behind the log's head.
"""

from collections.abc import Sequence
from datetime import datetime, timedelta
from typing import Any, Required, TypedDict, Unpack
from uuid import UUID

import psycopg
from django.db import connection, transaction
from django.utils import timezone

from alcove.access.decisions import Decision
from alcove.audit.leaf import LEAF_FIELDS
from alcove.audit.middleware import request_id
from alcove.audit.models import EPOCH, AuditEvent, Outcome, QueuedEntry
from alcove.audit.sequencer import audit_sequence, sequencer_wake
from alcove.encryption.blind_index import client_pseudonym

_QUEUE_INSERT = (
    f"INSERT INTO {QueuedEntry._meta.db_table} ({', '.join(LEAF_FIELDS[1:])}) "  # noqa: S608
    f"VALUES ({', '.join(['%s'] * (len(LEAF_FIELDS) - 1))}) RETURNING id"
)


def _queue_postgres(rows: list[tuple[Any, ...]]) -> list[int]:
    """One round trip: a statement prepared once per connection, pipelined for several."""
    connection.ensure_connection()
    with connection.wrap_database_errors, psycopg.Cursor(connection.connection) as cursor:
        if len(rows) == 1:
            cursor.execute(_QUEUE_INSERT, rows[0], prepare=True)
            answers = [cursor.fetchone()]
        else:
            cursor.executemany(_QUEUE_INSERT, rows, returning=True)
            answers = [cursor.fetchone()]
            while cursor.nextset():
                answers.append(cursor.fetchone())
    return [int(answer[0]) for answer in answers if answer is not None]


def _queue_sqlite(rows: list[tuple[Any, ...]]) -> list[int]:
    ids = []
    with connection.cursor() as cursor:
        for row in rows:
            cursor.execute(_QUEUE_INSERT, row)
            ids.append(int(cursor.fetchone()[0]))
    return ids


def _append(rows: list[tuple[Any, ...]]) -> list[int]:
    if connection.vendor == "postgresql":
        if len(rows) == 1 and not connection.in_atomic_block:
            ids = _queue_postgres(rows)  # commits on its own: one round trip in all
            sequencer_wake()
            return ids
        # No savepoint: a failed append marks the caller's transaction for rollback, so
        # the action it records cannot commit without it, even if the error is swallowed;
        # and entries recorded together are kept all or none.
        with transaction.atomic(savepoint=False):
            ids = _queue_postgres(rows)
        transaction.on_commit(sequencer_wake)
        return ids
    with transaction.atomic(savepoint=False):
        ids = _queue_sqlite(rows)
        audit_sequence()  # one writer at a time on SQLite: number it now
    return ids


class Entry(TypedDict, total=False):
    """What an entry says; audit_record's keyword arguments. Never protected text."""

    actor_id: Required[int | None]
    action: Required[str]
    outcome: str
    resource_type: str
    resource_id: object
    client_id: UUID | None
    rule: str
    reason: str


def _values(now: datetime, entry: Entry) -> tuple[Any, ...]:
    """The entry's values in LEAF_FIELDS order, without seq (which the sequencer gives)."""
    return (
        (now - EPOCH) // timedelta(microseconds=1),
        entry["actor_id"],
        entry["action"],
        entry.get("resource_type", ""),
        str(entry.get("resource_id", "")),
        client_pseudonym(entry.get("client_id")),
        str(entry.get("outcome", Outcome.ALLOWED)),
        entry.get("rule", ""),
        entry.get("reason", ""),
        request_id.get(),
    )


def audit_record(**entry: Unpack[Entry]) -> int:
    """Append one entry; returns its id in the queue (AuditEvent.queued_as once numbered).

    Names the client by pseudonym; never give it protected text.
    """
    return _append([_values(timezone.now(), entry)])[0]


def audit_record_many(entries: Sequence[Entry]) -> list[int]:
    """Append several entries, in order and all or none, in one round trip on PostgreSQL."""
    if not entries:
        return []
    now = timezone.now()
    return _append([_values(now, entry) for entry in entries])


def _entry_of(decision: Decision) -> Entry:
    return {
        "actor_id": decision.actor_id,
        "action": decision.action,
        "outcome": Outcome.ALLOWED if decision.allowed else Outcome.DENIED,
        "resource_type": decision.resource_type,
        "resource_id": decision.resource_id,
        "client_id": decision.client_id,
        "rule": decision.rule,
        "reason": decision.reason,
    }


def decision_record(decision: Decision) -> Decision:
    """Record an access decision (allowed or denied); only a recorded decision opens data."""
    return decision.recorded_as(audit_record(**_entry_of(decision)))


def decisions_record(decisions: Sequence[Decision]) -> list[Decision]:
    """Record several decisions together (a page that reads several data classes)."""
    entries = audit_record_many([_entry_of(decision) for decision in decisions])
    return [d.recorded_as(e) for d, e in zip(decisions, entries, strict=True)]


RULE_LENGTH = AuditEvent._meta.get_field("rule").max_length or 300


def refusal_record(*, actor_id: int | None, action: str, rule: str, **where: Any) -> int:
    """Record a refused action. Call it outside the transaction the refusal rolls back, so
    the entry stays; a rule too long for the entry is shortened there (never elsewhere)."""
    fitted = rule if len(rule) <= RULE_LENGTH else rule[: RULE_LENGTH - 1] + "…"
    return audit_record(
        actor_id=actor_id, action=action, outcome=Outcome.DENIED, rule=fitted, **where
    )
