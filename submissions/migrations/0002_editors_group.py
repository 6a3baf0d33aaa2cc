from django.contrib.auth.management import create_permissions
from django.db import migrations

from submissions.editors import EDITOR_APPS, EDITORS, editors_group


def create_editors_group(apps, schema_editor):
    # Permissions are normally created after all migrations; create them now for these apps.
    for app_config in apps.get_app_configs():
        if app_config.label in EDITOR_APPS:
            app_config.models_module = True
            create_permissions(app_config, verbosity=0)
            app_config.models_module = None
    editors_group(apps.get_model("auth", "Group"), apps.get_model("auth", "Permission"))


def remove_editors_group(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name=EDITORS).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("submissions", "0001_initial"),
        ("practices", "0005_title_index"),
        ("taggit", "0006_rename_taggeditem_content_type_object_id_taggit_tagg_content_8fc721_idx"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_editors_group, remove_editors_group)]
