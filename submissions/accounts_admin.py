"""Users and groups in the admin with their permissions named in Dutch.

Django stores a permission's name in English when it creates it ("Can add log entry"); the
lists on a user's and a group's page show that name. Here they read "Mag logboekvermelding
toevoegen", from the action in the codename and the model's (translated) name."""

from django import forms
from django.contrib import admin
from django.contrib.auth.admin import GroupAdmin, UserAdmin
from django.contrib.auth.models import Group, Permission, User

ACTIONS = {
    "add": "toevoegen",
    "change": "wijzigen",
    "delete": "verwijderen",
    "view": "bekijken",
}


def dutch_label(permission):
    action, _, model_name = permission.codename.partition("_")
    model = permission.content_type.model_class()
    if action in ACTIONS and model is not None and model._meta.model_name == model_name:
        app = model._meta.app_config.verbose_name
        return f"{app} | Mag {model._meta.verbose_name} {ACTIONS[action]}"
    return str(permission)


class DutchPermissionsField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        return dutch_label(obj)


class DutchPermissionsMixin:
    def formfield_for_manytomany(self, db_field, request, **kwargs):
        if db_field.name in ("permissions", "user_permissions"):
            kwargs["form_class"] = DutchPermissionsField
            kwargs["queryset"] = Permission.objects.select_related("content_type")
        return super().formfield_for_manytomany(db_field, request, **kwargs)


admin.site.unregister(User)
admin.site.unregister(Group)


@admin.register(User)
class DutchUserAdmin(DutchPermissionsMixin, UserAdmin):
    pass


@admin.register(Group)
class DutchGroupAdmin(DutchPermissionsMixin, GroupAdmin):
    pass
