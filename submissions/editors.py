"""The editors' group and its rights, in one place for the migration, the command and tests."""

EDITORS = "Redacteurs"
# What editors keep: practices and everything around them, keywords, and submissions.
# Not users, groups or permissions: that stays with the administrators.
EDITOR_APPS = ["practices", "taggit", "submissions"]


def editors_group(Group, Permission):
    """The group Redacteurs with exactly the editors' permissions (made if missing).

    Takes the model classes so that a migration can pass its historical models."""
    group, _ = Group.objects.get_or_create(name=EDITORS)
    group.permissions.set(Permission.objects.filter(content_type__app_label__in=EDITOR_APPS))
    return group
