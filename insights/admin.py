from django.contrib import admin
from django.urls import reverse
from django.utils.html import format_html

from insights.models import SearchDay, SheetViews


class ReadOnly(admin.ModelAdmin):
    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(SearchDay)
class SearchDayAdmin(ReadOnly):
    list_display = ["day", "words", "filters", "results", "searchers", "searches"]
    list_filter = ["day"]
    search_fields = ["words", "filters"]
    date_hierarchy = "day"

    def changelist_view(self, request, extra_context=None):
        extra_context = {
            **(extra_context or {}),
            "subtitle": format_html(
                'Per zoekopdracht opgeteld: <a href="{}">Wat bezoekers zoeken</a>',
                reverse("insights:searches"),
            ),
        }
        return super().changelist_view(request, extra_context)


@admin.register(SheetViews)
class SheetViewsAdmin(ReadOnly):
    list_display = ["slug", "month", "views"]
    search_fields = ["slug"]
    list_filter = ["month"]
