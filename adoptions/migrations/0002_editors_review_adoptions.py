from django.db import migrations

from submissions.editors import refresh_editors_group


class Migration(migrations.Migration):
    """Editors review and accept the towns that say 'Wij doen dit ook'."""

    dependencies = [
        ("adoptions", "0001_initial"),
        ("dossiers", "0002_editors_keep_dossiers"),
    ]

    operations = [migrations.RunPython(refresh_editors_group, migrations.RunPython.noop)]
