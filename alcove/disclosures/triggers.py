"""Triggers that make the disclosure tables write-once: they refuse DELETE (and TRUNCATE on
PostgreSQL) and any UPDATE of what a release says: when, to whom on what basis, what it
held and its package's hash. Destruction at the end of retention is by crypto-shredding the
client's keys, which needs neither.

The sealed columns stay updatable for one reason: key rotation re-seals them in place
under the client's new key (the plaintext is unchanged; the audit log and the package's
SHA-256 still say what was released).
"""

from django.db.backends.base.base import BaseDatabaseWrapper

# Every column but the sealed ones (test_triggers checks this against the models).
FIXED = {
    "disclosures_disclosure": (
        "id", "client_id", "basis", "authorization_id", "classes", "covers_from", "covers_to",
        "disclosed_at", "released_by_id", "recorded_at", "package_data_class",
        "package_sha256", "package_pages", "package_items",
    ),
    "disclosures_disclosurenotice": (
        "id", "disclosure_id", "client_id_copy", "told", "recorded_by_id", "recorded_at",
    ),
}  # fmt: skip
MESSAGE = "a disclosure is never edited or deleted"
FUNCTION = f"""
CREATE OR REPLACE FUNCTION alcove_disclosure_refuse() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN RAISE EXCEPTION '{MESSAGE}'; END $$
"""


def _statements(vendor: str, table: str) -> list[str]:
    columns = ", ".join(FIXED[table])
    if vendor == "postgresql":
        run = "EXECUTE FUNCTION alcove_disclosure_refuse()"
        return [
            f"CREATE OR REPLACE TRIGGER {table}_written_once BEFORE UPDATE OF {columns} "
            f"OR DELETE ON {table} FOR EACH ROW {run}",
            f"CREATE OR REPLACE TRIGGER {table}_no_truncate BEFORE TRUNCATE ON {table} "
            f"FOR EACH STATEMENT {run}",
        ]
    if vendor == "sqlite":
        refuse = f"BEGIN SELECT RAISE(ABORT, '{MESSAGE}'); END"
        return [
            f"CREATE TRIGGER IF NOT EXISTS {table}_no_update BEFORE UPDATE OF {columns} "
            f"ON {table} {refuse}",
            f"CREATE TRIGGER IF NOT EXISTS {table}_no_delete BEFORE DELETE ON {table} {refuse}",
        ]
    raise NotImplementedError(f"No write-once triggers for {vendor}.")


def disclosure_triggers_install(connection: BaseDatabaseWrapper) -> None:
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(FUNCTION)
        for table in FIXED:
            for statement in _statements(connection.vendor, table):
                cursor.execute(statement)


def disclosure_triggers_drop(connection: BaseDatabaseWrapper) -> None:
    """Only for the test suite's flush between transactional tests."""
    names = {"postgresql": ("written_once", "no_truncate"), "sqlite": ("no_update", "no_delete")}
    with connection.cursor() as cursor:
        for table in FIXED:
            for name in names[connection.vendor]:
                on = f" ON {table}" if connection.vendor == "postgresql" else ""
                cursor.execute(f"DROP TRIGGER IF EXISTS {table}_{name}{on}")
