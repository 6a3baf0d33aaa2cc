from django.contrib.auth.management import create_permissions
from django.db import migrations

EDITORS = "Redacteurs"
# What editors keep: practices and everything around them, tags, and submissions.
# Not users, groups or permissions: that stays with the administrators.
EDITOR_APPS = ["practices", "taggit", "submissions"]


def create_editors_group(apps, schema_editor):
    # Permissions are normally created after all migrations; create them now for these apps.
    for app_config in apps.get_app_configs():
        if app_config.label in EDITOR_APPS:
            app_config.models_module = True
            create_permissions(app_config, verbosity=0)
            app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _ = Group.objects.get_or_create(name=EDITORS)
    group.permissions.set(Permission.objects.filter(content_type__app_label__in=EDITOR_APPS))


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
