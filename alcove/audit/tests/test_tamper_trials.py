"""A thousand random tamperings by someone with write access to the database: all caught.

Each trial changes the log the way an administrator with the database password could
(the append-only triggers dropped, in a savepoint rolled back after the trials; each trial
in its own savepoint): naively, or recomputing the entry's leaf hash, or every stored root
after it as well.
What such a person cannot do is sign a checkpoint, and `audit_verify` must notice every
time. Entries after the last stored checkpoint are protected only by a checkpoint kept
outside the database (docs); the trials that remove the end of the log together with its
stored checkpoints are checked against such a kept copy.
"""

import random
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta
from io import StringIO
from typing import Any

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from django.core.management import call_command
from django.db import DatabaseError, connection, transaction

from alcove.audit import merkle
from alcove.audit.checkpoints import Checkpoint, checkpoint_message
from alcove.audit.leaf import LEAF_FIELDS, leaf_data
from alcove.audit.models import AuditCheckpoint, AuditEvent, AuditHead
from alcove.audit.triggers import triggers_drop
from alcove.audit.verify import audit_verify

pytestmark = pytest.mark.django_db

SEED = 20261122
TRIALS = 1000
ENTRIES = 123
EVERY = 20

Row = dict[str, Any]
EDITABLE = [f for f in LEAF_FIELDS if f != "seq"]
TABLE = AuditEvent._meta.db_table
COLUMNS = sorted(AuditEvent._meta.concrete_fields, key=lambda f: f.name != "seq")  # seq first
INSERT = (
    f"INSERT INTO {TABLE} ({', '.join(f.attname for f in COLUMNS)}) "
    f"VALUES ({', '.join(['%s'] * len(COLUMNS))})"
)
UPDATE = f"UPDATE {TABLE} SET {', '.join(f'{f.attname} = %s' for f in COLUMNS[1:])} WHERE seq = %s"
MAX_LENGTH = {f.name: f.max_length for f in AuditEvent._meta.concrete_fields if f.name in EDITABLE}


@dataclass
class Log:
    rows: list[Row]
    checkpoint_sizes: list[int]
    kept: Checkpoint

    def copy(self) -> list[Row]:
        return [dict(row) for row in self.rows]


@pytest.fixture
def log(append, settings) -> Log:
    settings.AUDIT_CHECKPOINT_EVERY = EVERY
    settings.AUDIT_CHECKPOINT_MINUTES = 60
    append(ENTRIES)
    # Automatic checkpoints stop at 120; one at the end is printed (and stored), and kept.
    out = StringIO()
    call_command("audit", "checkpoint", stdout=out)
    kept = Checkpoint.from_json(out.getvalue())
    sizes = sorted(AuditCheckpoint.objects.values_list("tree_size", flat=True))
    assert sizes == [1, *range(EVERY, ENTRIES, EVERY), ENTRIES] and kept.tree_size == ENTRIES
    fields = [f.name for f in AuditEvent._meta.concrete_fields]
    rows = [
        {k: bytes(v) if isinstance(v, memoryview) else v for k, v in row.items()}
        for row in AuditEvent.objects.order_by("seq").values(*fields)
    ]
    return Log(rows=rows, checkpoint_sizes=sizes, kept=kept)


# --- Rewriting the log ---------------------------------------------------------------------


def db_values(row: Row) -> list[Any]:
    return [f.get_db_prep_save(row[f.name], connection) for f in COLUMNS]


def leaf_of(row: Row) -> bytes:
    return merkle.leaf_hash(leaf_data(tuple(row[name] for name in LEAF_FIELDS)))


def rewrite(
    log: Log,
    rows: list[Row],
    *,
    start: int,
    rehash: bool = False,
    reroot: bool = False,
    head: bool = False,
) -> None:
    """Make the stored entries rows, recomputing hashes from `start` on as asked.

    rehash: recompute each entry's leaf hash; reroot: also every stored running root;
    head: make the head agree with the new length (to hide a removal or an insertion).
    Only the rows that differ from the log are written, by plain SQL.
    """
    frontier = merkle.Frontier()
    for i, row in enumerate(rows):
        if i >= start and rehash:
            row["leaf_hash"] = leaf_of(row)
        frontier.append(row["leaf_hash"])
        if i >= start and reroot:
            row["root_after"] = frontier.root()
    old = {row["seq"]: row for row in log.rows}
    new = {row["seq"]: row for row in rows}
    with connection.cursor() as cursor:
        if gone := [[seq] for seq in old.keys() - new.keys()]:
            cursor.executemany(f"DELETE FROM {TABLE} WHERE seq = %s", gone)
        if changed := [r for seq, r in new.items() if seq in old and r != old[seq]]:
            cursor.executemany(UPDATE, [[*db_values(r)[1:], r["seq"]] for r in changed])
        if added := [r for seq, r in new.items() if seq not in old]:
            cursor.executemany(INSERT, [db_values(r) for r in added])
    if head:
        AuditHead.objects.filter(pk=1).update(size=len(rows), frontier=frontier.to_bytes())


def renumber(rows: list[Row]) -> None:
    for i, row in enumerate(rows):
        row["seq"] = i


def changed_value(rng: random.Random, field: str, old: Any) -> Any:
    if field == "occurred_us":
        return old + rng.choice((-1, 1)) * rng.randint(1, 10**9)
    if field == "actor_id":
        return rng.choice([None, *(n for n in range(1, 200) if n != old)])
    if field == "outcome":
        return "allowed" if old == "denied" else "denied"
    if field in ("client", "request_id"):
        size = MAX_LENGTH[field] or 32
        return rng.getrandbits(size * 4).to_bytes(size // 2).hex()
    limit = MAX_LENGTH[field] or 200
    candidates = [old[:-1], old + rng.choice("abcz .-"), old.upper(), ""]
    return rng.choice([c[:limit] for c in candidates if c[:limit] != old])


def edited(log: Log, rng: random.Random) -> tuple[list[Row], int]:
    rows = log.copy()
    i = rng.randrange(len(rows))
    field = rng.choice(EDITABLE)
    rows[i][field] = changed_value(rng, field, rows[i][field])
    return rows, i


def some_entry(log: Log, rng: random.Random) -> Row:
    return dict(rng.choice(log.rows))


def flip(rng: random.Random, data: bytes) -> bytes:
    i = rng.randrange(len(data))
    return data[:i] + bytes([data[i] ^ (1 << rng.randrange(8))]) + data[i + 1 :]


# --- The tamperings ------------------------------------------------------------------------
# Each returns whether the trial is checked against the kept checkpoint.


def edit_naively(log: Log, rng: random.Random) -> bool:
    rows, i = edited(log, rng)
    rewrite(log, rows, start=i)
    return False


def edit_and_rehash(log: Log, rng: random.Random) -> bool:
    rows, i = edited(log, rng)
    rewrite(log, rows, start=i, rehash=True)
    return False


def edit_rehash_and_reroot(log: Log, rng: random.Random) -> bool:
    rows, i = edited(log, rng)
    rewrite(log, rows, start=i, rehash=True, reroot=True)
    return False


def replace_leaf_hash(log: Log, rng: random.Random) -> bool:
    rows = log.copy()
    i = rng.randrange(len(rows))
    rows[i]["leaf_hash"] = flip(rng, rows[i]["leaf_hash"])
    rewrite(log, rows, start=i)
    return False


def move_an_entry(log: Log, rng: random.Random) -> bool:
    rows = log.copy()
    i = rng.randrange(len(rows))
    moved = rows.pop(i)
    moved["seq"] = len(log.rows) + rng.randrange(1, 1000)
    rewrite(log, [*rows, moved], start=i)
    return False


def delete_from_the_middle(log: Log, rng: random.Random) -> bool:
    rows = log.copy()
    i = rng.randrange(len(rows) - 1)
    del rows[i]
    rewrite(log, rows, start=i, head=rng.random() < 0.5)
    return False


def delete_and_close_the_gap(log: Log, rng: random.Random) -> bool:
    rows = log.copy()
    i = rng.randrange(len(rows))
    del rows[i]
    renumber(rows)
    rewrite(log, rows, start=i, rehash=True, reroot=True, head=True)
    return False


def delete_the_last_and_hide_it(log: Log, rng: random.Random) -> bool:
    rows = log.copy()[: -rng.randint(1, 3)]
    rewrite(log, rows, start=len(rows), head=True)
    return False


def truncate_with_its_checkpoints(log: Log, rng: random.Random) -> bool:
    """Entries and every stored checkpoint that covered them gone: only a kept copy knows."""
    size = rng.randrange(1, len(log.rows))
    rewrite(log, log.copy()[:size], start=size, head=True)
    AuditCheckpoint.objects.filter(tree_size__gt=size).delete()
    return True


def insert_at_the_end(log: Log, rng: random.Random) -> bool:
    rows = log.copy()
    extra = {**some_entry(log, rng), "seq": len(rows)}
    extra["action"] = "client.view"
    rows.append(extra)
    rewrite(log, rows, start=len(rows) - 1, rehash=True, reroot=True)
    return False


def insert_in_the_middle(log: Log, rng: random.Random) -> bool:
    rows = log.copy()
    i = rng.randrange(len(rows))
    rows.insert(i, {**some_entry(log, rng), "reason": "inserted"})
    renumber(rows)
    smart = rng.random() < 0.5
    rewrite(log, rows, start=i, rehash=True, reroot=smart, head=smart)
    return False


def swap_two_entries(log: Log, rng: random.Random) -> bool:
    rows = log.copy()
    i, j = sorted(rng.sample(range(len(rows)), 2))
    rows[i], rows[j] = {**rows[j], "seq": i}, {**rows[i], "seq": j}
    smart = rng.random() < 0.5
    rewrite(log, rows, start=i, rehash=smart, reroot=smart)
    return False


def _checkpoint(log: Log, rng: random.Random) -> AuditCheckpoint:
    return AuditCheckpoint.objects.get(tree_size=rng.choice(log.checkpoint_sizes))


def alter_a_checkpoint_root(log: Log, rng: random.Random) -> bool:
    row = _checkpoint(log, rng)
    AuditCheckpoint.objects.filter(pk=row.pk).update(root=flip(rng, bytes(row.root)))
    return False


def alter_a_checkpoint_signature(log: Log, rng: random.Random) -> bool:
    row = _checkpoint(log, rng)
    AuditCheckpoint.objects.filter(pk=row.pk).update(signature=flip(rng, bytes(row.signature)))
    return False


def alter_a_checkpoint_size_or_time(log: Log, rng: random.Random) -> bool:
    row = _checkpoint(log, rng)
    if rng.random() < 0.5:
        AuditCheckpoint.objects.filter(pk=row.pk).update(
            signed_at=row.signed_at + timedelta(seconds=rng.randint(1, 10**6))
        )
    else:
        free = sorted(set(range(1, len(log.rows) + 1)) - set(log.checkpoint_sizes))
        AuditCheckpoint.objects.filter(pk=row.pk).update(tree_size=rng.choice(free))
    return False


def sign_a_checkpoint_with_another_key(log: Log, rng: random.Random) -> bool:
    """Rewrite an entry and every hash after it, then re-sign the checkpoints it broke."""
    rows, i = edited(log, rng)
    rewrite(log, rows, start=i, rehash=True, reroot=True)
    other = Ed25519PrivateKey.generate()
    for row in AuditCheckpoint.objects.filter(tree_size__gt=i):
        root = rows[row.tree_size - 1]["root_after"]
        signature = other.sign(checkpoint_message(row.tree_size, root, row.signed_at))
        AuditCheckpoint.objects.filter(pk=row.pk).update(root=root, signature=signature)
    return False


TAMPERINGS: dict[str, Callable[[Log, random.Random], bool]] = {
    f.__name__: f
    for f in (
        edit_naively,
        edit_and_rehash,
        edit_rehash_and_reroot,
        replace_leaf_hash,
        move_an_entry,
        delete_from_the_middle,
        delete_and_close_the_gap,
        delete_the_last_and_hide_it,
        truncate_with_its_checkpoints,
        insert_at_the_end,
        insert_in_the_middle,
        swap_two_entries,
        alter_a_checkpoint_root,
        alter_a_checkpoint_signature,
        alter_a_checkpoint_size_or_time,
        sign_a_checkpoint_with_another_key,
    )
}


class _Undo(Exception):
    pass


def test_every_tampering_of_the_log_is_detected(log):
    assert audit_verify().ok
    rng = random.Random(SEED)  # noqa: S311 (reproducible trials, not secrets)
    tried: Counter[str] = Counter()
    missed: list[tuple[int, str]] = []
    with transaction.atomic():
        # Dropped once for all the trials; rolled back with them (DDL is transactional).
        triggers_drop(connection)
        for trial in range(TRIALS):
            kind = rng.choice(list(TAMPERINGS))
            try:
                with transaction.atomic():
                    kept = TAMPERINGS[kind](log, rng)
                    report = audit_verify(against=log.kept if kept else None)
                    raise _Undo
            except _Undo:
                pass
            tried[kind] += 1
            if report.ok:
                missed.append((trial, kind))
        transaction.set_rollback(True)

    assert missed == []
    assert sum(tried.values()) >= 1000
    assert set(tried) == set(TAMPERINGS) and min(tried.values()) >= 30, tried
    # Every trial was undone: the log verifies, and refuses changes again.
    assert audit_verify(against=log.kept).ok
    with pytest.raises(DatabaseError, match="append-only"), transaction.atomic():
        AuditEvent.objects.filter(seq=0).update(action="x")
