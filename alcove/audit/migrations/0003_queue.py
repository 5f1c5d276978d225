"""The queue and the sequencer: writers insert queued entries; the sequencer numbers them.

Replaces the PostgreSQL append function of 0002, which numbered each entry under the
head's lock held through the writer's commit.
"""

from django.db import migrations, models


def queue_triggers_install(apps, schema_editor):
    from alcove.audit.triggers import queue_triggers_install

    queue_triggers_install(schema_editor.connection)


def appender_drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("DROP FUNCTION IF EXISTS alcove_audit_append")


def appender_restore(apps, schema_editor):
    import importlib

    importlib.import_module("alcove.audit.migrations.0002_appender").appender_install(
        apps, schema_editor
    )


class Migration(migrations.Migration):
    dependencies = [("audit", "0002_appender")]

    operations = [
        migrations.CreateModel(
            name="QueuedEntry",
            fields=[
                # Ids are never reused (an identity on PostgreSQL, AUTOINCREMENT on SQLite):
                # the queue's DELETE trigger trusts a log entry naming the same id.
                ("id", models.BigAutoField(primary_key=True, serialize=False)),
                ("occurred_us", models.BigIntegerField()),
                ("actor_id", models.BigIntegerField(null=True)),
                ("action", models.CharField(max_length=64)),
                ("resource_type", models.CharField(blank=True, max_length=64)),
                ("resource_id", models.CharField(blank=True, max_length=64)),
                ("client", models.CharField(blank=True, max_length=32)),
                ("outcome", models.CharField(max_length=8)),
                ("rule", models.CharField(blank=True, max_length=300)),
                ("reason", models.TextField(blank=True)),
                ("request_id", models.CharField(blank=True, max_length=32)),
            ],
        ),
        migrations.AddField(
            model_name="auditevent",
            name="queued_as",
            field=models.BigIntegerField(db_index=True, null=True),
        ),
        migrations.RunPython(queue_triggers_install, migrations.RunPython.noop),
        migrations.RunPython(appender_drop, appender_restore),
    ]
