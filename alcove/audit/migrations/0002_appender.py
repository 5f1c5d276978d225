from django.db import migrations


def appender_install(apps, schema_editor):
    from alcove.audit.appender import appender_install

    appender_install(schema_editor.connection)


def appender_drop(apps, schema_editor):
    from alcove.audit.appender import appender_drop

    appender_drop(schema_editor.connection)


class Migration(migrations.Migration):
    dependencies = [("audit", "0001_initial")]

    operations = [migrations.RunPython(appender_install, appender_drop)]
