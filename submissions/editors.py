"""The editors' group and its rights, in one place for the migration, the command and tests."""

from django.db.models import Q

EDITORS = "Redacteurs"
# What editors keep: practices and everything around them, keywords, submissions and the
# sheets' owners.
# Not users, groups or permissions: that stays with the administrators.
EDITOR_APPS = ["practices", "taggit", "submissions", "owners", "dossiers", "adoptions", "evidence"]
# And, of the alerts, the list without addresses: the number of subscribers per search.
# Seeing their e-mail addresses takes alerts.view_subscriber_email, given to a person apart.
# And what visitors look for (insights): to read, not to change.
EDITOR_EXTRA = [
    ("alerts", "view_subscription"),
    ("insights", "view_searchday"),
    ("insights", "view_sheetviews"),
]


def editors_group(Group, Permission):
    """The group Redacteurs with exactly the editors' permissions (made if missing).

    Takes the model classes so that a migration can pass its historical models."""
    group, _ = Group.objects.get_or_create(name=EDITORS)
    extra = Q()
    for app_label, codename in EDITOR_EXTRA:
        extra |= Q(content_type__app_label=app_label, codename=codename)
    group.permissions.set(
        Permission.objects.filter(Q(content_type__app_label__in=EDITOR_APPS) | extra)
    )
    return group


def refresh_editors_group(apps, schema_editor):
    """For migrations: create the permissions of the editors' apps now (Django normally does
    that after all migrations) and give the group all of them, new models included."""
    from django.contrib.auth.management import create_permissions

    for app_config in apps.get_app_configs():
        if app_config.label in EDITOR_APPS or app_config.label in dict(EDITOR_EXTRA):
            app_config.models_module = True
            create_permissions(app_config, verbosity=0)
            app_config.models_module = None
    editors_group(apps.get_model("auth", "Group"), apps.get_model("auth", "Permission"))
