"""The admin's delete confirmation, in words an editor reads: the rows that only join two
things (a practice to a target group, Django's many-to-many tables) are left out of its list.
They go with what they join, and their names ("Practice-targetgroup-relatie: Practice_target_
groups object (36)") say nothing to an editor."""

from django.apps import apps
from django.utils.text import capfirst


def _joining_models():
    return [
        model
        for model in apps.get_models(include_auto_created=True)
        if model._meta.auto_created and model._meta.auto_created is not model
    ]


def _prefixes():
    return tuple(f"{capfirst(model._meta.verbose_name)}: " for model in _joining_models())


def _without(items, prefixes):
    kept = []
    for item in items:
        if isinstance(item, list):
            nested = _without(item, prefixes)
            if nested:
                kept.append(nested)
        elif not str(item).startswith(prefixes):
            kept.append(item)
    return kept


class PlainDeleteMixin:
    """For a ModelAdmin whose objects have many-to-many relations."""

    def get_deleted_objects(self, objs, request):
        deleted, counts, perms_needed, protected = super().get_deleted_objects(objs, request)
        plural = {str(model._meta.verbose_name_plural) for model in _joining_models()}
        counts = {name: n for name, n in counts.items() if str(name) not in plural}
        return _without(deleted, _prefixes()), counts, perms_needed, protected
