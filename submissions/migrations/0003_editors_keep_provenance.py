from django.db import migrations

from submissions.editors import refresh_editors_group


class Migration(migrations.Migration):
    """Editors also keep sources, events, sessions, organisations, people and their roles."""

    dependencies = [
        ("submissions", "0002_editors_group"),
        ("practices", "0007_provenance_events_people"),
    ]

    operations = [migrations.RunPython(refresh_editors_group, migrations.RunPython.noop)]
