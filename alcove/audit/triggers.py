"""Triggers that make the audit tables refuse UPDATE and DELETE (and TRUNCATE on PostgreSQL).

A database administrator can still drop them; that is what the Merkle tree, the signed
checkpoints and the copies kept outside the database are for (docs/threat-model.md).
"""

from django.db.backends.base.base import BaseDatabaseWrapper

TABLES = ("audit_auditevent", "audit_auditcheckpoint")
MESSAGE = "the audit log is append-only"


def _sqlite(table: str) -> list[str]:
    return [
        f"CREATE TRIGGER IF NOT EXISTS {table}_no_{verb.lower()} BEFORE {verb} ON {table} "
        f"BEGIN SELECT RAISE(ABORT, '{MESSAGE}'); END"
        for verb in ("UPDATE", "DELETE")
    ]


def _postgres(table: str) -> list[str]:
    return [
        f"CREATE OR REPLACE TRIGGER {table}_append_only BEFORE UPDATE OR DELETE ON {table} "
        "FOR EACH ROW EXECUTE FUNCTION alcove_audit_refuse()",
        f"CREATE OR REPLACE TRIGGER {table}_no_truncate BEFORE TRUNCATE ON {table} "
        "FOR EACH STATEMENT EXECUTE FUNCTION alcove_audit_refuse()",
    ]


POSTGRES_FUNCTION = f"""
CREATE OR REPLACE FUNCTION alcove_audit_refuse() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN RAISE EXCEPTION '{MESSAGE}'; END $$
"""


def triggers_install(connection: BaseDatabaseWrapper) -> None:
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
