"""Rehashing stretches of the audit log for verification.

Verification reads every entry and hashes it again, a stretch of the log at a time. On
PostgreSQL a second connection reads the next stretch while this one is rehashed; it joins
the verifying transaction's snapshot, so both read the very same log.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import psycopg
from psycopg import sql

from alcove.audit.leaf import LEAF_FIELDS, leaf_hash_of


@dataclass(frozen=True)
class Rehashed:
    """One stretch of the log, rehashed: the leaf hashes of its entries in order, up to
    the first that does not match (then `problem` says which); `first` is the number of
    the first row read, or None when the stretch holds no rows."""

    leaves: list[bytes]
    first: int | None
    problem: str | None


def stretch_sql(table: str, start: int, stop: int | None) -> tuple[str, list[int]]:
    """The entries numbered from start to stop (exclusive), with their stored leaf hashes.

    The first stretch has no lower bound and the last no upper one, so that a row numbered
    below zero, or beyond where the log should end, is read and reported too.
    """
    where, params = [], []
    if start:
        where.append("seq >= %s")
        params.append(start)
    if stop is not None:
        where.append("seq < %s")
        params.append(stop)
    query = (
        f"SELECT {', '.join(LEAF_FIELDS)}, leaf_hash FROM {table}"  # noqa: S608 (constant names)
        + (f" WHERE {' AND '.join(where)}" if where else "")
        + " ORDER BY seq"
    )
    return query, params


def rehash(rows: Sequence[Sequence[Any]], start: int) -> Rehashed:
    """Rows (LEAF_FIELDS, then the stored leaf hash) that should be entries start, start+1..."""
    if not rows:
        return Rehashed([], None, None)
    leaves = [leaf_hash_of(row[:-1]) for row in rows]
    # The usual case in two comparisons: numbers start..start+n-1 (they are unique and in
    # order, so the first and the last say it), and every hash as stored.
    first, last = rows[0][0], rows[-1][0]
    if first == start and last == start + len(rows) - 1:
        if leaves == [bytes(row[-1]) for row in rows]:
            return Rehashed(leaves, first, None)
    for i, row in enumerate(rows):
        if row[0] != start + i:
            problem = f"entry {start + i} is missing (the next entry is {row[0]})"
            return Rehashed(leaves[:i], first, problem)
        if leaves[i] != bytes(row[-1]):
            problem = f"entry {start + i} was altered: its contents do not match its hash"
            return Rehashed(leaves[:i], first, problem)
    raise AssertionError("unreachable: the stretch matched after all")


# --- A reader of its own --------------------------------------------------------------------


def reader_open(conninfo: str, snapshot: str) -> psycopg.Connection[Any]:
    """A second connection that reads the verifying transaction's snapshot, nothing newer."""
    conn = psycopg.connect(conninfo)
    conn.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
    conn.execute(sql.SQL("SET TRANSACTION SNAPSHOT {}").format(sql.Literal(snapshot)))
    return conn


def stretch_read(
    conn: psycopg.Connection[Any], table: str, start: int, stop: int | None
) -> list[tuple[Any, ...]]:
    query, params = stretch_sql(table, start, stop)
    # Binary results: numbers and hashes arrive as they are stored, with nothing to parse.
    with psycopg.Cursor(conn) as cursor:
        return cursor.execute(query, params, binary=True).fetchall()
