from django.db import migrations

from submissions.editors import refresh_editors_group


class Migration(migrations.Migration):
    """Editors see the subscriptions (not the addresses: that is a permission apart)."""

    dependencies = [
        ("alerts", "0001_initial"),
        ("submissions", "0006_rate_limit_index"),
    ]

    operations = [migrations.RunPython(refresh_editors_group, migrations.RunPython.noop)]
