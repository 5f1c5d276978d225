import pytest
from django.db import connection

from alcove.clients.models import Client
from alcove.encryption import rotation
from alcove.encryption.files import sealed_file_write
from alcove.encryption.keys import KeyShredded
from alcove.encryption.tests.conftest import decision_for


def database_copy():
    """A backup of the records, as a DBA would take it: the rows exactly as stored."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT * FROM clients_client")
        columns = [c[0] for c in cursor.description]
        return columns, cursor.fetchall()


def database_restore(copy):
    columns, rows = copy
    marks = ", ".join(["%s"] * len(columns))
    with connection.cursor() as cursor:
        cursor.execute("DELETE FROM clients_client")
        cursor.executemany(
            f"INSERT INTO clients_client ({', '.join(columns)}) VALUES ({marks})", rows
        )


def test_a_shredded_client_does_not_open_even_from_an_older_copy_of_the_database(make_client):
    shredded = make_client("Ingrid Halvorsen-Mbeki")
    kept = make_client("Tomasz Wierzbicki")
    backup = database_copy()
    rotation.client_shred(client_id=shredded.pk)
    database_restore(backup)
    with pytest.raises(KeyShredded):
        decision_for(shredded.pk).open(Client.objects.get(pk=shredded.pk).legal_name)
    assert (
        decision_for(kept.pk).open(Client.objects.get(pk=kept.pk).legal_name) == "Tomasz Wierzbicki"
    )


def test_shredding_closes_the_clients_files_too(make_client, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    client = make_client()
    sealed = sealed_file_write(
        file_id=client.pk, client_id=client.pk, data_class="clinical", content=b"scan"
    )
    rotation.client_shred(client_id=client.pk)
    with pytest.raises(KeyShredded):
        decision_for(client.pk, data_class="clinical").open_file(sealed)


def test_a_shred_is_in_the_audit_log_without_the_client_name(make_client):
    from alcove.audit.models import AuditEvent

    client = make_client("Ingrid Halvorsen-Mbeki")
    rotation.client_shred(client_id=client.pk)
    event = AuditEvent.objects.get(action="keys.shred_client")
    assert event.client and "Ingrid" not in str(event.__dict__)
