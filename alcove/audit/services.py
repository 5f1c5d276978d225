"""Appending to the audit log in the caller's transaction: if the entry fails, the action fails."""

import json
from collections.abc import Callable, Sequence
from datetime import UTC, datetime, timedelta
from typing import Any, Required, TypedDict, Unpack
from uuid import UUID

import psycopg
from django.conf import settings
from django.db import connection, transaction
from django.utils import timezone

from alcove.access.decisions import Decision
from alcove.audit import merkle
from alcove.audit.appender import FUNCTION
from alcove.audit.checkpoints import checkpoint_write
from alcove.audit.middleware import request_id
from alcove.audit.models import EPOCH, AuditEvent, AuditHead, Outcome
from alcove.encryption.blind_index import client_pseudonym

# Fields in the order they are hashed. Changing this changes every leaf: don't.
LEAF_FIELDS = (
    "seq",
    "occurred_us",
    "actor_id",
    "action",
    "resource_type",
    "resource_id",
    "client",
    "outcome",
    "rule",
    "reason",
    "request_id",
)


LEAF_FORMAT = "alcove-audit-1"
_encode = json.JSONEncoder(separators=(",", ":"), ensure_ascii=False).encode


def _refuse(value: object) -> object:
    raise TypeError(f"An audit entry holds numbers and text, not {type(value).__name__}.")


def _c_encoder() -> Callable[[list[object]], str]:
    # The same C encoder json.JSONEncoder.encode builds on every call, built once: half the
    # cost of rehashing an entry during verification. The output is identical.
    make = getattr(json.encoder, "c_make_encoder", None)
    if make is None:
        return _encode
    chunks = make(None, _refuse, json.encoder.encode_basestring, None, ":", ",", False, False, True)
    return lambda values: "".join(chunks(values, 0))


_encode_fast = _c_encoder()


def leaf_data(values: tuple[object, ...]) -> bytes:
    """The canonical bytes of an entry (a JSON array in LEAF_FIELDS order) that its leaf hashes."""
    return _encode_fast([LEAF_FORMAT, *values]).encode()


def _sequence_next() -> tuple[int, merkle.Frontier, datetime | None]:
    """Take the next leaf index. The row lock (or SQLite's write lock) is held to commit."""
    table = AuditHead._meta.db_table
    with connection.cursor() as cursor:
        cursor.execute(
            f"UPDATE {table} SET size = size + 1 WHERE id = 1 "  # noqa: S608 (constant name)
            "RETURNING size, frontier, last_checkpoint_at"
        )
        row = cursor.fetchone()
    if row is None:
        AuditHead.objects.get_or_create(pk=1)
        return _sequence_next()
    size, frontier, last = row
    if isinstance(last, str):  # SQLite hands back text from a raw query
        last = datetime.fromisoformat(last)
    if last is not None and timezone.is_naive(last):
        last = timezone.make_aware(last, UTC)
    return size - 1, merkle.Frontier.from_bytes(bytes(frontier or b"")), last


def _checkpoint_due(size: int, last: datetime | None, now: datetime) -> bool:
    if size % settings.AUDIT_CHECKPOINT_EVERY == 0:
        return True
    return last is None or now - last >= timedelta(minutes=settings.AUDIT_CHECKPOINT_MINUTES)


def _append_statements(vendor: str) -> list[str]:
    """INSERT the entry and move the head; one round trip on PostgreSQL."""
    columns = ", ".join(f.column or f.attname for f in AuditEvent._meta.concrete_fields)
    marks = ", ".join(["%s"] * len(AuditEvent._meta.concrete_fields))
    insert = f"INSERT INTO {AuditEvent._meta.db_table} ({columns}) VALUES ({marks})"  # noqa: S608
    update = (
        f"UPDATE {AuditHead._meta.db_table} SET frontier = %s, "  # noqa: S608
        "last_checkpoint_at = COALESCE(%s, last_checkpoint_at) WHERE id = 1"
    )
    if vendor == "postgresql":
        return [f"WITH appended AS ({insert}) {update}"]
    return [insert, update]


def _write(event: AuditEvent, *, frontier: bytes, checkpoint_at: datetime | None) -> None:
    fields = AuditEvent._meta.concrete_fields
    row = [f.get_db_prep_save(getattr(event, f.attname), connection) for f in fields]
    head = [
        AuditHead._meta.get_field("frontier").get_db_prep_save(frontier, connection),
        AuditHead._meta.get_field("last_checkpoint_at").get_db_prep_save(checkpoint_at, connection),
    ]
    statements = _append_statements(connection.vendor)
    with connection.cursor() as cursor:
        if len(statements) == 1:
            cursor.execute(statements[0], row + head)
        else:
            cursor.execute(statements[0], row)
            cursor.execute(statements[1], head)
    event._state.adding = False
    event._state.db = connection.alias


def _append_python(values: dict[str, object], now: datetime) -> AuditEvent:
    seq, frontier, last_checkpoint = _sequence_next()
    if frontier.size != seq:
        raise RuntimeError("The audit head is inconsistent; run `alcove audit verify`.")
    event = AuditEvent(seq=seq, **values)
    event.leaf_hash = merkle.leaf_hash(
        leaf_data(tuple(getattr(event, name) for name in LEAF_FIELDS))
    )
    frontier.append(event.leaf_hash)
    event.root_after = frontier.root()
    due = _checkpoint_due(seq + 1, last_checkpoint, now)
    if due:
        checkpoint_write(tree_size=seq + 1, root=event.root_after, signed_at=now)
    _write(event, frontier=frontier.to_bytes(), checkpoint_at=now if due else None)
    return event


# The leaf's JSON around the sequence number: '["alcove-audit-1",' seq ',...]'.
_LEAF_HEAD = _encode([LEAF_FORMAT])[:-1].encode() + b","
_APPEND_SQL = f"SELECT * FROM {FUNCTION}({', '.join(['%s'] * 12)})"  # noqa: S608


def _pg_params(values: dict[str, object]) -> tuple[bytes, list[object]]:
    rest = [values[name] for name in LEAF_FIELDS[1:]]
    tail = b"," + _encode_fast(rest).encode()[1:]
    return tail, [_LEAF_HEAD, tail, *rest]


def _pg_event(values: dict[str, object], tail: bytes, row: tuple[Any, ...] | None) -> AuditEvent:
    assert row is not None
    seq, leaf, root = row[0], bytes(row[1]), bytes(row[2])
    if leaf != merkle.leaf_hash(_LEAF_HEAD + str(seq).encode() + tail):
        # The server hashed something other than what was sent: a replaced function, or
        # an encoding the verifier would not reproduce. Refuse the action it records.
        raise RuntimeError("The database hashed an audit entry wrongly; run `alcove audit verify`.")
    event = AuditEvent(seq=seq, leaf_hash=leaf, root_after=root, **values)
    event._state.adding = False
    event._state.db = connection.alias
    return event


def _pg_checkpoint(event: AuditEvent, last: datetime | None, now: datetime) -> datetime | None:
    """Sign a checkpoint if one is due; returns when the last one was signed."""
    if not _checkpoint_due(event.seq + 1, last, now):
        return last
    # In its own transaction when the append committed alone; the entry it signs is in.
    with transaction.atomic(savepoint=False):
        checkpoint_write(tree_size=event.seq + 1, root=bytes(event.root_after), signed_at=now)
        AuditHead.objects.filter(pk=1).update(last_checkpoint_at=now)
    return now


def _append_postgres(values: dict[str, object], now: datetime) -> AuditEvent:
    """One round trip (appender.py). Outside a transaction the statement commits itself."""
    tail, params = _pg_params(values)
    connection.ensure_connection()
    # A server-side prepared statement on the driver's own cursor: the server plans the
    # call once per connection, and each append sends only its values.
    with connection.wrap_database_errors, psycopg.Cursor(connection.connection) as cursor:
        cursor.execute(_APPEND_SQL, params, prepare=True)
        row = cursor.fetchone()
    event = _pg_event(values, tail, row)
    _pg_checkpoint(event, row[3] if row else None, now)
    return event


def _append_postgres_many(rows: list[dict[str, object]], now: datetime) -> list[AuditEvent]:
    """Every entry in one round trip: the calls are pipelined, answered in order."""
    prepared = [_pg_params(values) for values in rows]
    connection.ensure_connection()
    answers: list[tuple[Any, ...] | None] = []
    with connection.wrap_database_errors, psycopg.Cursor(connection.connection) as cursor:
        cursor.executemany(_APPEND_SQL, [params for _, params in prepared], returning=True)
        answers.append(cursor.fetchone())
        while cursor.nextset():
            answers.append(cursor.fetchone())
    events = [
        _pg_event(values, tail, row)
        for values, (tail, _), row in zip(rows, prepared, answers, strict=True)
    ]
    last = answers[0][3] if answers[0] else None
    for event in events:
        last = _pg_checkpoint(event, last, now)
    return events


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


def _values(now: datetime, entry: Entry) -> dict[str, object]:
    return {
        "occurred_us": (now - EPOCH) // timedelta(microseconds=1),
        "actor_id": entry["actor_id"],
        "action": entry["action"],
        "resource_type": entry.get("resource_type", ""),
        "resource_id": str(entry.get("resource_id", "")),
        "client": client_pseudonym(entry.get("client_id")),
        "outcome": str(entry.get("outcome", Outcome.ALLOWED)),
        "rule": entry.get("rule", ""),
        "reason": entry.get("reason", ""),
        "request_id": request_id.get(),
    }


def audit_record(**entry: Unpack[Entry]) -> AuditEvent:
    """Append one entry. Names the client by pseudonym; never give it protected text.

    Inside a caller's transaction no savepoint is taken: a failed append marks the whole
    transaction for rollback, so the action it records cannot commit without it.
    """
    now = timezone.now()
    values = _values(now, entry)
    if connection.vendor == "postgresql" and not connection.in_atomic_block:
        return _append_postgres(values, now)  # commits on its own: one round trip in all
    with transaction.atomic(savepoint=False):
        if connection.vendor == "postgresql":
            return _append_postgres(values, now)
        return _append_python(values, now)


def audit_record_many(entries: Sequence[Entry]) -> list[AuditEvent]:
    """Append several entries, in order and all or none, in one round trip on PostgreSQL."""
    if not entries:
        return []
    now = timezone.now()
    rows = [_values(now, entry) for entry in entries]
    with transaction.atomic(savepoint=False):
        if connection.vendor == "postgresql":
            return _append_postgres_many(rows, now)
        return [_append_python(values, now) for values in rows]


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
    event = audit_record(**_entry_of(decision))
    return decision.recorded_as(event.seq)


def decisions_record(decisions: Sequence[Decision]) -> list[Decision]:
    """Record several decisions together (a page that reads several data classes)."""
    events = audit_record_many([_entry_of(decision) for decision in decisions])
    return [d.recorded_as(e.seq) for d, e in zip(decisions, events, strict=True)]


RULE_LENGTH = AuditEvent._meta.get_field("rule").max_length or 300


def refusal_record(*, actor_id: int | None, action: str, rule: str, **where: Any) -> AuditEvent:
    """Record a refused action. Call it outside the transaction the refusal rolls back, so
    the entry stays; a rule too long for the entry is shortened there (never elsewhere)."""
    fitted = rule if len(rule) <= RULE_LENGTH else rule[: RULE_LENGTH - 1] + "…"
    return audit_record(
        actor_id=actor_id, action=action, outcome=Outcome.DENIED, rule=fitted, **where
    )
