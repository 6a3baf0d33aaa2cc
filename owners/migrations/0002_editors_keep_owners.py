from django.db import migrations

from submissions.editors import refresh_editors_group


class Migration(migrations.Migration):
    """Editors choose the sheets' owners and see the questions asked of them."""

    dependencies = [
        ("owners", "0001_initial"),
        ("submissions", "0008_submission_from_owner"),
    ]

    operations = [migrations.RunPython(refresh_editors_group, migrations.RunPython.noop)]
