from django.db import migrations

from submissions.editors import refresh_editors_group


class Migration(migrations.Migration):
    """Editors record assessments and refine the wording of the levels and criteria."""

    dependencies = [
        ("evidence", "0002_levels_and_criteria"),
        ("adoptions", "0002_editors_review_adoptions"),
    ]

    operations = [migrations.RunPython(refresh_editors_group, migrations.RunPython.noop)]
