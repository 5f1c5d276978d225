"""Triggers that make the disclosure tables refuse UPDATE and DELETE (and TRUNCATE on
PostgreSQL): a release and the notice of it are written once. Destruction at the end of
retention is by crypto-shredding the client's keys, which needs neither.
"""

from django.db.backends.base.base import BaseDatabaseWrapper

TABLES = ("disclosures_disclosure", "disclosures_disclosurenotice")
MESSAGE = "a disclosure is never edited or deleted"
FUNCTION = f"""
CREATE OR REPLACE FUNCTION alcove_disclosure_refuse() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN RAISE EXCEPTION '{MESSAGE}'; END $$
"""


def _statements(vendor: str, table: str) -> list[str]:
    if vendor == "postgresql":
        run = "EXECUTE FUNCTION alcove_disclosure_refuse()"
        return [
            f"CREATE OR REPLACE TRIGGER {table}_written_once BEFORE UPDATE OR DELETE ON {table} "
            f"FOR EACH ROW {run}",
            f"CREATE OR REPLACE TRIGGER {table}_no_truncate BEFORE TRUNCATE ON {table} "
            f"FOR EACH STATEMENT {run}",
        ]
    if vendor == "sqlite":
        return [
            f"CREATE TRIGGER IF NOT EXISTS {table}_no_{verb} BEFORE {verb} ON {table} "
            f"BEGIN SELECT RAISE(ABORT, '{MESSAGE}'); END"
            for verb in ("update", "delete")
        ]
    raise NotImplementedError(f"No write-once triggers for {vendor}.")


def disclosure_triggers_install(connection: BaseDatabaseWrapper) -> None:
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(FUNCTION)
        for table in TABLES:
            for statement in _statements(connection.vendor, table):
                cursor.execute(statement)


def disclosure_triggers_drop(connection: BaseDatabaseWrapper) -> None:
    """Only for the test suite's flush between transactional tests."""
    names = {"postgresql": ("written_once", "no_truncate"), "sqlite": ("no_update", "no_delete")}
    with connection.cursor() as cursor:
        for table in TABLES:
            for name in names[connection.vendor]:
                on = f" ON {table}" if connection.vendor == "postgresql" else ""
                cursor.execute(f"DROP TRIGGER IF EXISTS {table}_{name}{on}")
