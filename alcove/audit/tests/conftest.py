"""Helpers for the audit log's tests: a log of distinct entries, a database that says no."""

from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager

import pytest
from django.db import connection

from alcove.audit.models import Outcome
from alcove.audit.sequencer import audit_sequence
from alcove.audit.services import audit_record

Append = Callable[[int], list[int]]


@pytest.fixture
def append(db: None) -> Append:
    """Append n entries, each with its own resource id and a mix of the other fields, each
    numbered into the log before the next (as the sequencer does on PostgreSQL just after
    each commit; on SQLite in the same transaction)."""
    counter = iter(range(1_000_000))

    def make(n: int) -> list[int]:
        entries = []
        for _ in range(n):
            i = next(counter)
            entries.append(
                audit_record(
                    actor_id=None if i % 7 == 0 else 100 + i % 5,
                    action=("client.view", "note.read", "staff.roles_set")[i % 3],
                    outcome=Outcome.DENIED if i % 4 == 0 else Outcome.ALLOWED,
                    resource_type="note",
                    resource_id=f"note-{i}",
                    rule=f"rule {i % 6}",
                    reason="" if i % 2 else f"reason {i}",
                )
            )
            audit_sequence()
        return entries

    return make


RefusedByDb = Callable[[str, str], AbstractContextManager[None]]


@pytest.fixture
def refused_by_db(db: None) -> RefusedByDb:
    """While in effect, the database refuses every INSERT or UPDATE on a table (a full disk)."""

    @contextmanager
    def refuse(verb: str, table: str) -> Iterator[None]:
        name = f"test_refuse_{verb.lower()}_{table}"
        with connection.cursor() as cursor:
            if connection.vendor == "postgresql":
                cursor.execute(
                    "CREATE OR REPLACE FUNCTION test_refuse() RETURNS trigger LANGUAGE plpgsql "
                    "AS $$ BEGIN RAISE EXCEPTION 'refused by the test'; END $$"
                )
                cursor.execute(
                    f"CREATE TRIGGER {name} BEFORE {verb} ON {table} "
                    "FOR EACH ROW EXECUTE FUNCTION test_refuse()"
                )
            else:
                cursor.execute(
                    f"CREATE TRIGGER {name} BEFORE {verb} ON {table} "
                    "BEGIN SELECT RAISE(ABORT, 'refused by the test'); END"
                )
        try:
            yield
        finally:
            with connection.cursor() as cursor:
                on_table = f" ON {table}" if connection.vendor == "postgresql" else ""
                cursor.execute(f"DROP TRIGGER {name}{on_table}")

    return refuse
