"""Rehashing stretches of the audit log for verification.

Verification reads every entry and hashes it again, a stretch of the log at a time. On
PostgreSQL a second connection reads the next stretch while this one is rehashed; it joins
the verifying transaction's snapshot, so both read the very same log.

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
from typing import Any

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
# json_build_array would put a space after each comma, and leaf.py writes none.
POSTGRES_ENTRY = "convert_to('[\"{}\",' || {} || ']', 'UTF8')".format(
    LEAF_FORMAT, " || ',' || ".join(f"coalesce(to_json({f})::text, 'null')" for f in LEAF_FIELDS)
)


def encoded_entry(vendor: str) -> str | None:
    """The SQL that encodes an entry on this database, or None where it has no JSON
    encoder to rely on (SQLite before 3.38 may lack one)."""
    if vendor == "sqlite" and sqlite3.sqlite_version_info >= (3, 38):
        return SQLITE_ENTRY
    return POSTGRES_ENTRY if vendor == "postgresql" else None


def encoded_stretch_sql(
    table: str, start: int, stop: int | None, entry: str
) -> tuple[str, list[int]]:
    """The entries of a stretch as (seq, leaf bytes as `entry` encodes them, stored leaf hash)."""
    where, params = _bounds(start, stop)
    query = f"SELECT seq, {entry}, leaf_hash FROM {table}{where} ORDER BY seq"  # noqa: S608
    return query, params


def rehash_encoded(rows: Sequence[Sequence[Any]], start: int) -> Rehashed | None:
    """Rows of encoded_stretch_sql that should be entries start, start+1...: the stretch
    when every entry is there and hashes to its stored hash, else None (read it again as
    columns and let rehash decide, and say what is wrong)."""
    if not rows:
        return None
    if rows[0][0] != start or rows[-1][0] != start + len(rows) - 1:
        return None
    leaves = [sha256(b"\x00" + data).digest() for _, data, _ in rows]
    if leaves != [bytes(row[2]) for row in rows]:
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
    """A second connection that reads the verifying transaction's snapshot, nothing newer."""
    conn = psycopg.connect(conninfo)
    conn.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
    conn.execute(sql.SQL("SET TRANSACTION SNAPSHOT {}").format(sql.Literal(snapshot)))
    return conn


def stretch_read(
    conn: psycopg.Connection[Any], table: str, start: int, stop: int | None
) -> list[tuple[Any, ...]]:
    """The entries of a stretch as PostgreSQL encodes them (encoded_stretch_sql)."""
    query, params = encoded_stretch_sql(table, start, stop, POSTGRES_ENTRY)
    # Binary results: numbers and hashes arrive as they are stored, with nothing to parse.
    with psycopg.Cursor(conn) as cursor:
        return cursor.execute(query, params, binary=True).fetchall()
