"""Rehashing stretches of the audit log for verification.

Verification reads every entry and hashes it again, a stretch of the log at a time. On
PostgreSQL two more connections read the next stretches while this one is rehashed; they
join the verifying transaction's snapshot, so all read the very same log.

Each stretch is first read with its entries already written out by the database as the
JSON array leaf.py would write (SQLite's json_array, run in this process; PostgreSQL's
to_json), so that only hashing is left to Python. Only a stretch whose every hash then
matches is taken that way. Any other stretch is read again as columns and encoded here,
and that reading decides: the database's encoder can never pass an entry that leaf.py's
would fail, only cost a second read where the two differ.
"""

import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass
from hashlib import sha256
from typing import Any, NamedTuple

import psycopg
from psycopg import sql

from alcove.audit.leaf import LEAF_FIELDS, LEAF_FORMAT, leaf_hash_of


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
    where, params = _bounds(start, stop)
    query = (
        f"SELECT {', '.join(LEAF_FIELDS)}, leaf_hash FROM {table}"  # noqa: S608 (constant names)
        + where
        + " ORDER BY seq"
    )
    return query, params


def _bounds(start: int, stop: int | None) -> tuple[str, list[int]]:
    where, params = [], []
    if start:
        where.append("seq >= %s")
        params.append(start)
    if stop is not None:
        where.append("seq < %s")
        params.append(stop)
    return (f" WHERE {' AND '.join(where)}" if where else ""), params


# An entry's leaf bytes (leaf.leaf_data) as UTF-8, written by the database.
SQLITE_ENTRY = f"CAST(json_array('{LEAF_FORMAT}', {', '.join(LEAF_FIELDS)}) AS BLOB)"
# PostgreSQL: the numbers (LEAF_FIELDS begins with its three bigint columns) as text, then
# the strings as one JSON array whose "[" is dropped: one to_json call per entry, not eleven
# (most of the server's work), and no space after a comma as json_build_array would write.
_NUMBERS, _STRINGS = LEAF_FIELDS[:3], LEAF_FIELDS[3:]
POSTGRES_ENTRY = "convert_to(coalesce({}, ''), 'UTF8')".format(
    " || ".join(
        [
            f"""'["{LEAF_FORMAT}",'""",
            *(f"coalesce({f}::text, 'null') || ','" for f in _NUMBERS),
            f"substr(to_json(ARRAY[{', '.join(_STRINGS)}])::text, 2)",
        ]
    )
)


class Encoded(NamedTuple):
    """A stretch as the database wrote it out: how many entries, the first and last
    numbers, each entry's leaf bytes in order, and the stored leaf hashes end to end."""

    size: int
    first: int | None
    last: int | None
    entries: list[bytes]
    hashes: bytes


def encoded_stretch_sql(
    vendor: str, table: str, start: int, stop: int | None
) -> tuple[str, list[int]] | None:
    """SQL for a stretch as the database writes it out (read it with encoded_of), or None
    where the database has no JSON encoder to rely on (SQLite before 3.38 may lack one)."""
    where, params = _bounds(start, stop)
    if vendor == "postgresql":
        # The whole stretch in one row: a JSON entry never holds a raw line feed.
        return (
            "SELECT count(*), min(seq), max(seq), "  # noqa: S608 (constant names)
            f"string_agg({POSTGRES_ENTRY}, '\\x0a'::bytea ORDER BY seq), "
            f"string_agg(leaf_hash, ''::bytea ORDER BY seq) FROM {table}{where}",
            params,
        )
    if vendor == "sqlite" and sqlite3.sqlite_version_info >= (3, 38):
        query = f"SELECT seq, {SQLITE_ENTRY}, leaf_hash FROM {table}{where} ORDER BY seq"  # noqa: S608
        return query, params
    return None


def encoded_of(vendor: str, rows: Sequence[Sequence[Any]]) -> Encoded:
    """The rows an encoded_stretch_sql query returned."""
    if vendor == "postgresql":
        count, first, last, entries, hashes = rows[0]
        split = bytes(entries).split(b"\n") if count else []
        return Encoded(count, first, last, split, bytes(hashes or b""))
    if not rows:
        return Encoded(0, None, None, [], b"")
    hashes = b"".join(bytes(row[2] or b"") for row in rows)
    return Encoded(len(rows), rows[0][0], rows[-1][0], [row[1] for row in rows], hashes)


def rehash_encoded(stretch: Encoded, start: int) -> Rehashed | None:
    """A stretch as the database wrote it out, that should be entries start, start+1...:
    the stretch when every entry is there and hashes to its stored hash, else None (read
    it again as columns and let rehash decide, and say what is wrong)."""
    size, first, last, entries, hashes = stretch
    # Numbers are unique and the first and last bound them: with the count, none is missing.
    if not size or first != start or last != start + size - 1 or len(entries) != size:
        return None
    leaves = [sha256(b"\x00" + data).digest() for data in entries]
    if b"".join(leaves) != hashes:
        return None
    return Rehashed(leaves, start, None)


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
    """A connection of its own that reads the verifying transaction's snapshot, nothing newer."""
    conn = psycopg.connect(conninfo)
    conn.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
    conn.execute(sql.SQL("SET TRANSACTION SNAPSHOT {}").format(sql.Literal(snapshot)))
    return conn


def stretch_read(
    conn: psycopg.Connection[Any], table: str, start: int, stop: int | None
) -> Encoded:
    """A stretch as PostgreSQL writes it out (encoded_stretch_sql)."""
    encoded = encoded_stretch_sql("postgresql", table, start, stop)
    assert encoded is not None  # PostgreSQL always can
    # Binary results: numbers and bytes arrive as they are stored, with nothing to parse.
    with psycopg.Cursor(conn) as cursor:
        return encoded_of("postgresql", cursor.execute(*encoded, binary=True).fetchall())
