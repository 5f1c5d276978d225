"""Verification: recompute the tree from the entries and hold it against the checkpoints.

Everything is read in one snapshot of the database, so entries numbered while it runs
neither count nor confuse it. The fast pass rehashes every entry once, stretch by stretch
(rehash.py; on PostgreSQL two more connections read stretches ahead), and folds the
hashes into the tree in order, computing roots only at checkpoints. When a checkpoint does
not match, a second pass over that stretch compares the root stored with each entry, to
name the first entry that changed.
"""

import queue
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

from django.db import connection, transaction
from psycopg.conninfo import make_conninfo

from alcove.audit import merkle
from alcove.audit.checkpoints import Checkpoint, checkpoint_from_row, public_key, signature_valid
from alcove.audit.leaf import LEAF_FIELDS, leaf_data
from alcove.audit.models import AuditCheckpoint, AuditEvent, AuditHead
from alcove.audit.rehash import (
    Encoded,
    Rehashed,
    encoded_of,
    encoded_stretch_sql,
    reader_open,
    rehash,
    rehash_encoded,
    stretch_read,
    stretch_sql,
)
from alcove.audit.sequencer import audit_sequence

Progress = Callable[[int, int], None]
CHUNK = 5000  # entries per stretch: what one query reads at a time
# Connections reading ahead pay for themselves from about this many entries.
READ_AHEAD_FROM = 2 * CHUNK
# Connections reading ahead. Writing entries out as JSON is most of the server's work, and
# two server processes do it on two cores while this one hashes.
READERS = 2

TABLE = AuditEvent._meta.db_table


@dataclass
class Report:
    entries: int = 0
    root: bytes = merkle.EMPTY_ROOT
    checkpoints: int = 0
    problems: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


@contextmanager
def _snapshot() -> Iterator[str | None]:
    """One consistent view of the log for the whole verification; on PostgreSQL also its
    name, which the reading-ahead connection joins. None when no other connection can
    share it: on SQLite, and inside a caller's transaction (whose own uncommitted entries
    another connection would not see)."""
    outer = connection.in_atomic_block
    with transaction.atomic():
        if connection.vendor != "postgresql" or outer:
            yield None
            return
        with connection.cursor() as cursor:
            cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
            cursor.execute("SELECT pg_export_snapshot()")
            row = cursor.fetchone()
        yield row[0] if row else None


def _stretches(total: int) -> list[tuple[int, int | None]]:
    """[start, stop) bounds covering the log as its head counts it; the last one open."""
    starts = list(range(0, max(total, 1), CHUNK))
    return [(start, start + CHUNK) for start in starts[:-1]] + [(starts[-1], None)]


def _stretch_here(start: int, stop: int | None, encoded: Encoded | None = None) -> Rehashed:
    """One stretch, from the entries as the database wrote them out (read here unless
    given) when they all match; otherwise read again as columns here, which decides."""
    if encoded is None:
        encoded_sql = encoded_stretch_sql(connection.vendor, TABLE, start, stop)
        if encoded_sql is not None:
            with connection.cursor() as cursor:
                cursor.execute(*encoded_sql)
                encoded = encoded_of(connection.vendor, cursor.fetchall())
    stretch = rehash_encoded(encoded, start) if encoded is not None else None
    if stretch is not None:
        return stretch
    query, params = stretch_sql(TABLE, start, stop)
    with connection.cursor() as cursor:
        cursor.execute(query, params)
        return rehash(cursor.fetchall(), start)


def _rehashed_here(bounds: list[tuple[int, int | None]]) -> Iterator[Rehashed]:
    for start, stop in bounds:
        yield _stretch_here(start, stop)


def _rehashed_read_ahead(bounds: list[tuple[int, int | None]], snapshot: str) -> Iterator[Rehashed]:
    """Rows read by other connections in threads, stretches ahead: while this thread
    hashes one stretch, the server writes out the next ones (READERS at once, each its
    own server process)."""
    info = connection.connection.info
    conninfo = make_conninfo(info.dsn, password=info.password)
    ahead: list[queue.Queue[Encoded | BaseException]] = [
        queue.Queue(maxsize=2) for _ in range(READERS)
    ]
    stop = threading.Event()

    def hand_over(k: int, item: Encoded | BaseException) -> bool:
        """Queue an item for the verifying thread, unless it has stopped listening."""
        while not stop.is_set():
            try:
                ahead[k].put(item, timeout=0.1)
                return True
            except queue.Full:
                continue
        return False

    def read(k: int) -> None:
        try:
            with reader_open(conninfo, snapshot) as conn:
                for start, end in bounds[k::READERS]:
                    if not hand_over(k, stretch_read(conn, TABLE, start, end)):
                        return
        except BaseException as exc:  # the verifying thread raises it
            hand_over(k, exc)

    readers = [
        threading.Thread(target=read, args=(k,), name="alcove-audit-verify-reader", daemon=True)
        for k in range(READERS)
    ]
    for reader in readers:
        reader.start()
    try:
        for i, (start, end) in enumerate(bounds):
            encoded = ahead[i % READERS].get()
            if isinstance(encoded, BaseException):
                raise encoded
            yield _stretch_here(start, end, encoded=encoded)
    finally:
        stop.set()  # a problem found early: the readers stop at their next stretch
        for reader in readers:
            reader.join()


def _first_changed_root(start: int, stop: int) -> str:
    """Name the first entry in [start, stop) whose stored running root is not what it should be."""
    frontier = merkle.Frontier()
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT {', '.join(LEAF_FIELDS)}, root_after FROM {TABLE} "  # noqa: S608
            "WHERE seq < %s ORDER BY seq",
            [stop],
        )
        while rows := cursor.fetchmany(CHUNK):
            for row in rows:
                frontier.append(merkle.leaf_hash(leaf_data(row[:-1])))
                seq, stored_root = row[0], row[-1]
                if seq >= start and frontier.root() != bytes(stored_root):
                    return f"entry {seq} does not match the log as it was signed"
    return f"an entry between {start} and {stop - 1} was changed together with its stored hashes"


def audit_verify(*, against: Checkpoint | None = None, progress: Progress | None = None) -> Report:
    audit_sequence()  # what has been committed is verified, not left waiting in the queue
    with _snapshot() as snapshot:
        return _verify(against=against, progress=progress, snapshot=snapshot)


def _verify(
    *, against: Checkpoint | None, progress: Progress | None, snapshot: str | None
) -> Report:
    report = Report()
    public = public_key()
    checkpoints = [
        checkpoint_from_row(row) for row in AuditCheckpoint.objects.order_by("tree_size")
    ]
    if against is not None:
        checkpoints = sorted([*checkpoints, against], key=lambda c: c.tree_size)
    for checkpoint in checkpoints:
        if not signature_valid(checkpoint, public=public):
            report.problems.append(
                f"the checkpoint at size {checkpoint.tree_size} is not signed by this practice's "
                "key"
            )
    head = AuditHead.objects.filter(pk=1).first()
    total = head.size if head else 0
    pending = [c for c in checkpoints if c.tree_size > 0]
    tree = _Tree(report, pending)
    frontier = tree.frontier
    bounds = _stretches(total)
    stretches = (
        _rehashed_read_ahead(bounds, snapshot)
        if snapshot and total >= READ_AHEAD_FROM
        else _rehashed_here(bounds)
    )
    for (start, _), stretch in zip(bounds, stretches, strict=True):
        if stretch.first is None:
            continue  # nothing there: the end of the log, unless a later stretch has rows
        if frontier.size != start:
            # The stretch before ended early, and this one has rows: an entry is missing.
            report.problems.append(
                f"entry {frontier.size} is missing (the next entry is {stretch.first})"
            )
            break
        if not tree.fold(stretch.leaves):
            break
        if stretch.problem:
            report.problems.append(stretch.problem)
            break
        if progress:
            progress(frontier.size, total)
    report.entries = frontier.size
    report.root = frontier.root()
    if not report.problems:
        _check_ends(report, total=total, pending=pending)
    if not report.problems and head is not None:
        if merkle.Frontier.from_bytes(bytes(head.frontier)).root() != report.root:
            report.problems.append(
                "the audit head's tree does not match the entries: it was altered outside Alcove"
            )
    if progress:
        progress(frontier.size, total)
    return report


class _Tree:
    """The tree rebuilt so far, and the checkpoints it has yet to reach."""

    def __init__(self, report: Report, pending: list[Checkpoint]) -> None:
        self.report = report
        self.pending = pending
        self.frontier = merkle.Frontier()
        self.last_good = 0  # the size of the last checkpoint that matched

    def fold(self, leaves: list[bytes]) -> bool:
        """Add a stretch's leaves in whole runs, checking each checkpoint they reach.

        Returns False when a checkpoint does not match (the report then names the entry).
        """
        frontier, pending, done = self.frontier, self.pending, 0
        while done < len(leaves):
            end = frontier.size + len(leaves) - done
            if pending and pending[0].tree_size < end:
                end = pending[0].tree_size
            take = end - frontier.size
            frontier.extend(leaves[done : done + take])
            done += take
            while pending and pending[0].tree_size == frontier.size:
                checkpoint = pending.pop(0)
                self.report.checkpoints += 1
                if frontier.root() != checkpoint.root:
                    problem = _first_changed_root(self.last_good, frontier.size)
                    self.report.problems.append(problem)
                    return False
                self.last_good = frontier.size
        return True


def _check_ends(report: Report, *, total: int, pending: list[Checkpoint]) -> None:
    if pending:
        report.problems.append(
            f"the log has {report.entries} entries but a checkpoint covers {pending[0].tree_size}: "
            f"entries from {report.entries} on were removed"
        )
    elif report.entries != total:
        report.problems.append(
            f"the log has {report.entries} entries but its head counts {total}: "
            f"entries from {min(report.entries, total)} on were removed or added outside Alcove"
        )
