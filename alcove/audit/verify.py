"""Verification: recompute the tree from the entries and hold it against the checkpoints.

The fast pass hashes every entry once and computes roots only at checkpoints. When a
checkpoint does not match, a second pass over that stretch compares the root stored with
each entry, to name the first entry that changed.
"""

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from hashlib import sha256

from django.db import connection

from alcove.audit import merkle
from alcove.audit.checkpoints import Checkpoint, checkpoint_from_row, public_key, signature_valid
from alcove.audit.models import AuditCheckpoint, AuditEvent, AuditHead
from alcove.audit.sequencer import audit_sequence
from alcove.audit.services import LEAF_FIELDS, leaf_data

Progress = Callable[[int, int], None]
CHUNK = 5000


@dataclass
class Report:
    entries: int = 0
    root: bytes = merkle.EMPTY_ROOT
    checkpoints: int = 0
    problems: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


def _entries(start: int = 0, stop: int | None = None) -> Iterator[tuple[object, ...]]:
    """Rows as the database holds them (every leaf field is a number, text or bytes).

    A plain cursor rather than the ORM: verification reads every entry, and skipping the
    per-value conversion is most of its speed. No lower bound when reading from the start:
    a row numbered below 0 must be seen.
    """
    columns = ", ".join(LEAF_FIELDS)  # attribute names are the column names
    where, params = [], []
    if start:
        where.append("seq >= %s")
        params.append(start)
    if stop is not None:
        where.append("seq < %s")
        params.append(stop)
    sql = (
        f"SELECT {columns}, leaf_hash, root_after FROM {AuditEvent._meta.db_table}"  # noqa: S608
        + (f" WHERE {' AND '.join(where)}" if where else "")
        + " ORDER BY seq"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        while rows := cursor.fetchmany(CHUNK):
            yield from rows


def _first_changed_root(start: int, stop: int) -> str:
    """Name the first entry in [start, stop) whose stored running root is not what it should be."""
    frontier = merkle.Frontier()
    for row in _entries(0, stop):
        frontier.append(merkle.leaf_hash(leaf_data(row[:-2])))
        seq, stored_root = row[0], row[-1]
        assert isinstance(seq, int) and isinstance(stored_root, bytes | memoryview)
        if seq >= start and frontier.root() != bytes(stored_root):
            return f"entry {seq} does not match the log as it was signed"
    return f"an entry between {start} and {stop - 1} was changed together with its stored hashes"


def _next_stop(size: int, pending: list[Checkpoint]) -> int:
    """Where to fold hashed entries into the tree: the next checkpoint or a whole chunk."""
    chunk_end = (size // CHUNK + 1) * CHUNK
    return min(chunk_end, pending[0].tree_size) if pending else chunk_end


def audit_verify(*, against: Checkpoint | None = None, progress: Progress | None = None) -> Report:
    audit_sequence()  # what has been committed is verified, not left waiting in the queue
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
    frontier = merkle.Frontier()
    leaves: list[bytes] = []  # hashed, not yet in the tree: folded in whole runs at a time
    last_good = 0
    stop = _next_stop(0, pending)
    for row in _entries():
        seq = frontier.size + len(leaves)
        if row[0] != seq:
            report.problems.append(f"entry {seq} is missing (the next entry is {row[0]})")
            break
        leaf = sha256(b"\x00" + leaf_data(row[:-2])).digest()
        if leaf != bytes(row[-2]):  # type: ignore[call-overload]
            report.problems.append(f"entry {seq} was altered: its contents do not match its hash")
            break
        leaves.append(leaf)
        if seq + 1 < stop:
            continue
        frontier.extend(leaves)
        leaves = []
        while pending and pending[0].tree_size == frontier.size:
            checkpoint = pending.pop(0)
            report.checkpoints += 1
            if frontier.root() != checkpoint.root:
                report.problems.append(_first_changed_root(last_good, frontier.size))
                break
            last_good = frontier.size
        if report.problems:
            break
        stop = _next_stop(frontier.size, pending)
        if progress and frontier.size % CHUNK == 0:
            progress(frontier.size, total)
    frontier.extend(leaves)
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
