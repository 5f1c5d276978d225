"""The sequencer: numbers queued entries into the Merkle log, gap-free and in queue order.

An action's entry is written to the queue in the action's own transaction (services.py).
The sequencer holds the log's head (a row lock on PostgreSQL, the write lock on SQLite),
takes the entries waiting in the queue in id order, gives each the next leaf index, hashes
it into the tree (RFC 9162, merkle.py), signs a checkpoint when one is due, and moves the
batch from the queue into the log, all in one transaction. Only one sequencer holds the
head at a time, so the numbers have no gaps and no repeats whoever runs it.

When it runs:
- SQLite: in the writer's own transaction, right after the entry is queued. SQLite has one
  writer at a time anyway, so nothing is gained by waiting, and an entry never sits queued.
- PostgreSQL: just after the action commits, in a background thread of the app process
  (`sequencer_wake`). Writers no longer hold the head through their commit, so the commits
  of concurrent actions share their disk flushes instead of queueing one behind another.
- Before anything reads the log: `AuditEvent.objects` numbers what is queued first, and so
  do `alcove audit verify` and `alcove audit checkpoint`. A reader never misses an entry
  whose action has committed.

Between its action's commit and its numbering an entry is protected by the queue's
triggers, not yet by the tree (docs/threat-model.md says what that allows).
"""

import atexit
import logging
import os
import threading
import time
from collections.abc import Sequence
from datetime import UTC, datetime, timedelta
from typing import Any

from django.conf import settings
from django.db import connection, connections, transaction
from django.db.backends.utils import CursorWrapper
from django.utils import timezone

from alcove.audit import merkle
from alcove.audit.checkpoints import checkpoint_write
from alcove.audit.leaf import LEAF_FIELDS, leaf_data
from alcove.audit.models import AuditEvent, AuditHead, QueuedEntry

log = logging.getLogger(__name__)

BATCH = 2000  # entries numbered per transaction when the queue is long
# How long the background thread lets commits gather before a pass: long enough that the
# entries of many actions are numbered in one transaction (one disk flush), short enough
# that the queue stays short. Readers never wait for it: they number what is queued.
GATHER_SECONDS = 0.05
RETRY_SECONDS = (1, 2, 5, 10, 30, 60)

QUEUE = QueuedEntry._meta.db_table
LOG = AuditEvent._meta.db_table
HEAD = AuditHead._meta.db_table
_QUEUED = ", ".join(LEAF_FIELDS[1:])  # the queue's columns are the leaf's, less seq
_LOG_COLUMNS = ", ".join((*LEAF_FIELDS, "leaf_hash", "root_after", "queued_as"))
_LOG_INSERT = (
    f"INSERT INTO {LOG} ({_LOG_COLUMNS}) "  # noqa: S608 (constant names)
    f"VALUES ({', '.join(['%s'] * (len(LEAF_FIELDS) + 3))})"
)
# On PostgreSQL the entries' values move from the queue to the log inside the server: only
# the numbers and hashes travel, four arrays for the whole batch.
_LOG_MOVE = (
    f"INSERT INTO {LOG} ({_LOG_COLUMNS}) "  # noqa: S608 (constant names)
    f"SELECT n.seq, {', '.join(f'q.{name}' for name in LEAF_FIELDS[1:])}, n.leaf, n.root, q.id "
    "FROM unnest(%s::bigint[], %s::bigint[], %s::bytea[], %s::bytea[]) "
    f"AS n(queued_id, seq, leaf, root) JOIN {QUEUE} AS q ON q.id = n.queued_id"
)


_numbering = threading.local()


class HeadBusy(Exception):
    """Another sequencer holds the head (only when asked not to wait for it)."""


def audit_sequence(*, wait: bool = True) -> int:
    """Number every queued entry this transaction can see; returns how many it numbered.

    Outside a transaction each batch commits on its own; inside one, the numbering stands
    or falls with it (a rolled-back numbering leaves the entries queued, not lost). With
    wait=False it raises HeadBusy rather than wait while another sequencer holds the head.
    """
    # Reading the log numbers it first (AuditEvent.objects): never from inside a numbering,
    # which would take the same queued entries twice.
    if getattr(_numbering, "active", False) or not _queue_waiting():
        return 0
    done = 0
    _numbering.active = True
    try:
        while True:
            with transaction.atomic(savepoint=False):
                numbered = _sequence_batch(BATCH, wait=wait)
            done += numbered
            if numbered < BATCH:
                return done
    finally:
        _numbering.active = False


def _queue_waiting() -> bool:
    # By the primary key's index: the queue's dead rows (every numbered entry leaves one
    # until vacuum) are skipped there, not read one by one.
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT id FROM {QUEUE} ORDER BY id LIMIT 1")  # noqa: S608
        return cursor.fetchone() is not None


def _head_take(cursor: CursorWrapper, *, wait: bool) -> tuple[merkle.Frontier, datetime | None]:
    """Hold the head until this transaction ends: the one sequencer at a time."""
    if connection.vendor == "postgresql":
        lock = "FOR UPDATE" if wait else "FOR UPDATE SKIP LOCKED"
        sql = f"SELECT size, frontier, last_checkpoint_at FROM {HEAD} WHERE id = 1 {lock}"  # noqa: S608
    else:  # SQLite locks the database for the first write, and keeps it to the commit
        sql = (
            f"UPDATE {HEAD} SET size = size WHERE id = 1 "  # noqa: S608 (constant name)
            "RETURNING size, frontier, last_checkpoint_at"
        )
    cursor.execute(sql)
    row = cursor.fetchone()
    if row is None:
        if AuditHead.objects.filter(pk=1).exists():
            raise HeadBusy
        AuditHead.objects.get_or_create(pk=1)
        return _head_take(cursor, wait=wait)
    size, frontier, last = row
    tree = merkle.Frontier.from_bytes(bytes(frontier or b""))
    if tree.size != size:
        raise RuntimeError("The audit head is inconsistent; run `alcove audit verify`.")
    if isinstance(last, str):  # SQLite hands back text from a raw query
        last = datetime.fromisoformat(last)
    if last is not None and timezone.is_naive(last):
        last = timezone.make_aware(last, UTC)
    return tree, last


def _checkpoint_due(size: int, last: datetime | None, now: datetime) -> bool:
    if size % settings.AUDIT_CHECKPOINT_EVERY == 0:
        return True
    return last is None or now - last >= timedelta(minutes=settings.AUDIT_CHECKPOINT_MINUTES)


def _sequence_batch(limit: int, *, wait: bool = True) -> int:
    with connection.cursor() as cursor:
        tree, last = _head_take(cursor, wait=wait)
        cursor.execute(
            f"SELECT id, {_QUEUED} FROM {QUEUE} ORDER BY id LIMIT %s",  # noqa: S608
            [limit],
        )
        queued = cursor.fetchall()
        if not queued:
            return 0
        now = timezone.now()
        rows: list[tuple[Any, ...]] = []
        due: list[tuple[int, bytes]] = []
        for queued_id, *values in queued:
            # Hashed from the values as the database returned them: exactly what
            # verification will read back and rehash.
            entry = (tree.size, *values)
            leaf = merkle.leaf_hash(leaf_data(entry))
            tree.append(leaf)
            root = tree.root()
            rows.append((*entry, leaf, root, queued_id))
            if _checkpoint_due(tree.size, last, now):
                due.append((tree.size, root))
                last = now
        _log_write(cursor, rows)
        for size, root in due:
            checkpoint_write(tree_size=size, root=root, signed_at=now)
        # The numbered entries leave the queue (its trigger lets only these go).
        ids = [row[-1] for row in rows]
        marks = ", ".join(["%s"] * len(ids))
        cursor.execute(f"DELETE FROM {QUEUE} WHERE id IN ({marks})", ids)  # noqa: S608
        _head_write(cursor, tree, checkpoint_at=now if due else None)
    return len(rows)


def _log_write(cursor: CursorWrapper, rows: Sequence[tuple[Any, ...]]) -> None:
    if connection.vendor != "postgresql":
        cursor.executemany(_LOG_INSERT, rows)
        return
    columns = list(zip(*((row[-1], row[0], row[-3], row[-2]) for row in rows), strict=True))
    cursor.execute(_LOG_MOVE, [list(column) for column in columns])
    if cursor.rowcount != len(rows):
        # A queued entry went missing between reading and moving it: number nothing.
        raise RuntimeError("The audit queue changed while it was being numbered.")


def _head_write(
    cursor: CursorWrapper, tree: merkle.Frontier, *, checkpoint_at: datetime | None
) -> None:
    when = AuditHead._meta.get_field("last_checkpoint_at").get_db_prep_save(
        checkpoint_at, connection
    )
    cursor.execute(
        f"UPDATE {HEAD} SET size = %s, frontier = %s, "  # noqa: S608 (constant name)
        "last_checkpoint_at = COALESCE(%s, last_checkpoint_at) WHERE id = 1",
        [tree.size, tree.to_bytes(), when],
    )


class _Background:
    """One thread per process that numbers entries soon after the actions that queued them
    commit. Woken by those commits; idle (no queries at all) while nothing is queued."""

    def __init__(self) -> None:
        self._wake = threading.Event()
        self._start = threading.Lock()
        self._thread: threading.Thread | None = None
        self._stopping = False

    def wake(self) -> None:
        self._wake.set()
        if self._thread is None or not self._thread.is_alive():
            with self._start:
                if self._stopping or (self._thread is not None and self._thread.is_alive()):
                    return
                self._thread = threading.Thread(
                    target=self._run, name="alcove-audit-sequencer", daemon=True
                )
                self._thread.start()

    def stop(self, timeout: float = 10.0) -> None:
        """Number what is still queued and end the thread (at exit, and in tests)."""
        with self._start:
            self._stopping = True
            thread = self._thread
        self._wake.set()
        if thread is not None:
            thread.join(timeout)
        with self._start:
            self._stopping = False
            if thread is not None and not thread.is_alive():
                self._thread = None

    def _run(self) -> None:
        failures = 0
        try:
            while True:
                self._wake.wait()
                if not self._stopping:
                    time.sleep(GATHER_SECONDS)
                self._wake.clear()
                # Read after the clear: a stop() whose wake-up the clear swallowed has
                # already said so here, and one that comes later wakes the next wait.
                stopping = self._stopping
                try:
                    self._pass(stopping)
                    failures = 0
                except Exception as exc:
                    # Nothing is lost: the entries stay queued, and the next pass or the
                    # next reader numbers them. The message may quote SQL, not entries.
                    log.error("Numbering queued audit entries failed (%s).", type(exc).__name__)
                    connections.close_all()
                    if stopping:
                        return
                    time.sleep(RETRY_SECONDS[min(failures, len(RETRY_SECONDS) - 1)])
                    failures += 1
                    self._wake.set()
                    continue
                if stopping:
                    return
        finally:
            connections.close_all()  # this thread's own connections (the key store's too)

    @staticmethod
    def _pass(stopping: bool) -> None:
        """Number what this process committed. While another process's sequencer holds the
        head, try again shortly rather than queue behind it: its pass may have begun before
        this process's commits, so they are numbered only once a pass here holds the head."""
        while True:
            try:
                audit_sequence(wait=stopping)
                return
            except HeadBusy:
                time.sleep(GATHER_SECONDS)


_background = _Background()


def sequencer_wake() -> None:
    """Ask this process's background sequencer to number what has just been committed."""
    if settings.AUDIT_SEQUENCER_THREAD:
        _background.wake()


def sequencer_stop() -> None:
    """Number what this process left queued and stop its background sequencer."""
    _background.stop()


def _forget_after_fork() -> None:
    # A forked app process starts its own thread; the parent's is not running there.
    global _background
    _background = _Background()


os.register_at_fork(after_in_child=_forget_after_fork)
atexit.register(sequencer_stop)
