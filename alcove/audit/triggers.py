"""Triggers that make the audit tables refuse UPDATE and DELETE (and TRUNCATE on PostgreSQL).

The log and the checkpoints refuse every UPDATE and DELETE. The queue refuses UPDATE, and
lets an entry go only once the log holds it (queued_as): the sequencer's move is the one
DELETE it allows, so a queued entry cannot vanish before it is numbered and hashed.

A database administrator can still drop them; that is what the Merkle tree, the signed
checkpoints and the copies kept outside the database are for (docs/threat-model.md).
"""

from django.db.backends.base.base import BaseDatabaseWrapper

TABLES = ("audit_auditevent", "audit_auditcheckpoint")
QUEUE = "audit_queuedentry"
LOG = "audit_auditevent"
MESSAGE = "the audit log is append-only"
# A queued entry may leave only for the log.
NOT_IN_LOG = f"NOT EXISTS (SELECT 1 FROM {LOG} WHERE queued_as = OLD.id)"  # noqa: S608


def _sqlite(table: str) -> list[str]:
    return [
        f"CREATE TRIGGER IF NOT EXISTS {table}_no_{verb.lower()} BEFORE {verb} ON {table} "
        f"BEGIN SELECT RAISE(ABORT, '{MESSAGE}'); END"
        for verb in ("UPDATE", "DELETE")
    ]


def _sqlite_queue() -> list[str]:
    return [
        f"CREATE TRIGGER IF NOT EXISTS {QUEUE}_no_update BEFORE UPDATE ON {QUEUE} "
        f"BEGIN SELECT RAISE(ABORT, '{MESSAGE}'); END",
        f"CREATE TRIGGER IF NOT EXISTS {QUEUE}_no_delete BEFORE DELETE ON {QUEUE} "
        f"WHEN {NOT_IN_LOG} BEGIN SELECT RAISE(ABORT, '{MESSAGE}'); END",
    ]


def _postgres(table: str) -> list[str]:
    return [
        f"CREATE OR REPLACE TRIGGER {table}_append_only BEFORE UPDATE OR DELETE ON {table} "
        "FOR EACH ROW EXECUTE FUNCTION alcove_audit_refuse()",
        f"CREATE OR REPLACE TRIGGER {table}_no_truncate BEFORE TRUNCATE ON {table} "
        "FOR EACH STATEMENT EXECUTE FUNCTION alcove_audit_refuse()",
    ]


def _postgres_queue() -> list[str]:
    return [
        f"CREATE OR REPLACE TRIGGER {QUEUE}_append_only BEFORE UPDATE ON {QUEUE} "
        "FOR EACH ROW EXECUTE FUNCTION alcove_audit_refuse()",
        # Checked once per DELETE statement over the rows it removed (the sequencer removes
        # a whole batch at a time), rather than once per row.
        f"CREATE OR REPLACE TRIGGER {QUEUE}_leaves_for_the_log AFTER DELETE ON {QUEUE} "
        "REFERENCING OLD TABLE AS gone "
        "FOR EACH STATEMENT EXECUTE FUNCTION alcove_audit_queue_leave()",
        f"CREATE OR REPLACE TRIGGER {QUEUE}_no_truncate BEFORE TRUNCATE ON {QUEUE} "
        "FOR EACH STATEMENT EXECUTE FUNCTION alcove_audit_refuse()",
    ]


POSTGRES_FUNCTION = f"""
CREATE OR REPLACE FUNCTION alcove_audit_refuse() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN RAISE EXCEPTION '{MESSAGE}'; END $$
"""

POSTGRES_QUEUE_FUNCTION = f"""
CREATE OR REPLACE FUNCTION alcove_audit_queue_leave() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF EXISTS (SELECT 1 FROM gone WHERE {NOT_IN_LOG.replace("OLD.", "gone.")}) THEN
        RAISE EXCEPTION '{MESSAGE}';
    END IF;
    RETURN NULL;
END $$
"""  # noqa: S608 (constant names)


def triggers_install(connection: BaseDatabaseWrapper) -> None:
    """The log's and the checkpoints' triggers (migration 0001 installs these)."""
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(POSTGRES_FUNCTION)
            statements = [s for t in TABLES for s in _postgres(t)]
        elif connection.vendor == "sqlite":
            statements = [s for t in TABLES for s in _sqlite(t)]
        else:
            raise NotImplementedError(f"No append-only triggers for {connection.vendor}.")
        for statement in statements:
            cursor.execute(statement)


def queue_triggers_install(connection: BaseDatabaseWrapper) -> None:
    """The queue's triggers (migration 0003, which adds the queue, installs these)."""
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(POSTGRES_QUEUE_FUNCTION)
            statements = _postgres_queue()
        else:
            statements = _sqlite_queue()
        for statement in statements:
            cursor.execute(statement)


def audit_triggers_install(connection: BaseDatabaseWrapper) -> None:
    """Every audit trigger: what a migrated database has."""
    triggers_install(connection)
    queue_triggers_install(connection)


def triggers_drop(connection: BaseDatabaseWrapper) -> None:
    """Only for the test suite's flush between tests, and the tamper trials."""
    with connection.cursor() as cursor:
        for table in TABLES:
            if connection.vendor == "postgresql":
                cursor.execute(f"DROP TRIGGER IF EXISTS {table}_append_only ON {table}")
                cursor.execute(f"DROP TRIGGER IF EXISTS {table}_no_truncate ON {table}")
            else:
                cursor.execute(f"DROP TRIGGER IF EXISTS {table}_no_update")
                cursor.execute(f"DROP TRIGGER IF EXISTS {table}_no_delete")
        if connection.vendor == "postgresql":
            for name in ("append_only", "leaves_for_the_log", "no_truncate"):
                cursor.execute(f"DROP TRIGGER IF EXISTS {QUEUE}_{name} ON {QUEUE}")
        else:
            cursor.execute(f"DROP TRIGGER IF EXISTS {QUEUE}_no_update")
            cursor.execute(f"DROP TRIGGER IF EXISTS {QUEUE}_no_delete")
