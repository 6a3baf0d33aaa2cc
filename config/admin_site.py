"""The admin site: Django's, with one rule for every model registered on it.

A list in the admin filters only on what it offers as a filter. Django lets a URL filter any
list on any of its model's own fields (`?email__startswith=a`), even a field the list hides:
an editor without the right to see subscribers' addresses could read one letter by letter,
and a token the same way. Here every registered admin refuses a lookup on a field of its model
that is neither in its list_filter nor its date_hierarchy (Django answers 400); parameters that
are no field (a custom filter's, the search's, the order's) are left to Django as before."""

import functools

from django.contrib import admin
from django.contrib.admin.apps import AdminConfig
from django.contrib.admin.filters import SimpleListFilter
from django.core.exceptions import FieldDoesNotExist
from django.db.models.constants import LOOKUP_SEP


def offered_fields(model_admin, request):
    """The fields a list filters on: its list_filter's and its date hierarchy's."""
    offered = {model_admin.date_hierarchy}
    for item in model_admin.get_list_filter(request):
        if isinstance(item, type) and issubclass(item, SimpleListFilter):
            continue  # its parameter is no field lookup
        name = item[0] if isinstance(item, (list, tuple)) else item
        offered.add(name.split(LOOKUP_SEP)[0])
    offered.discard(None)
    return offered


def strict_lookups(model_admin):
    """Wrap the admin's lookup_allowed with the rule above."""
    allowed_by_django = model_admin.lookup_allowed

    @functools.wraps(allowed_by_django)
    def lookup_allowed(lookup, value, request):
        if not allowed_by_django(lookup, value, request):
            return False
        field_name = lookup.split(LOOKUP_SEP)[0]
        try:
            model_admin.model._meta.get_field(field_name)
        except FieldDoesNotExist:
            return True
        return field_name in offered_fields(model_admin, request)

    model_admin.lookup_allowed = lookup_allowed
    return model_admin


class DatabankAdminSite(admin.AdminSite):
    site_header = "Databank Sociale Samenhang – redactie"
    site_title = "Databank Sociale Samenhang"
    index_title = "Beheer van de databank"
    # An empty value in a list or a filter (Django's "-", which read as "- (3)" beside a count).
    empty_value_display = "(leeg)"

    def has_permission(self, request):
        """Staff who also passed the second step (twofactor/)."""
        from twofactor.services import required

        return super().has_permission(request) and not required(request)

    def login(self, request, extra_context=None):
        """After the password: the second step, before any admin page."""
        from django.shortcuts import redirect
        from django.urls import reverse
        from django.utils.http import urlencode

        from twofactor.services import required

        if request.method == "GET" and required(request):
            wanted = request.GET.get("next", reverse("admin:index"))
            return redirect(f"{reverse('twofactor:verify')}?{urlencode({'next': wanted})}")
        response = super().login(request, extra_context)
        if request.method == "POST" and required(request) and response.status_code == 302:
            wanted = request.POST.get("next") or reverse("admin:index")
            return redirect(f"{reverse('twofactor:verify')}?{urlencode({'next': wanted})}")
        return response

    def register(self, model_or_iterable, admin_class=None, **options):
        super().register(model_or_iterable, admin_class, **options)
        models = (
            model_or_iterable
            if isinstance(model_or_iterable, (list, tuple))
            else [model_or_iterable]
        )
        for model in models:
            strict_lookups(self._registry[model])


class DatabankAdminConfig(AdminConfig):
    default_site = "config.admin_site.DatabankAdminSite"
