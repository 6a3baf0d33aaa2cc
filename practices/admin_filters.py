"""The practice list's own filters in the admin."""

import datetime

from django.contrib import admin
from django.utils import timezone

from practices.services import add_months


class ReviewFilter(admin.SimpleListFilter):
    title = "nakijken"
    parameter_name = "nakijken"

    def lookups(self, request, model_admin):
        return [
            ("te-laat", "Te laat of nooit nagekeken"),
            ("binnenkort", "Binnen 3 maanden"),
            ("in-orde", "In orde"),
        ]

    def queryset(self, request, queryset):
        today = timezone.localdate()
        soon = add_months(today, 3)
        if self.value() == "te-laat":
            return queryset.review_overdue(today)
        if self.value() == "binnenkort":
            return queryset.filter(review_due_on__gte=today, review_due_on__lt=soon)
        if self.value() == "in-orde":
            return queryset.filter(review_due_on__gte=soon)
        return queryset


class RecentlyChangedFilter(admin.SimpleListFilter):
    title = "gewijzigd"
    parameter_name = "gewijzigd"

    def lookups(self, request, model_admin):
        return [("week", "In de laatste 7 dagen"), ("maand", "In de laatste 30 dagen")]

    def queryset(self, request, queryset):
        days = {"week": 7, "maand": 30}.get(self.value())
        if days is None:
            return queryset
        return queryset.filter(updated_at__gte=timezone.now() - datetime.timedelta(days=days))
