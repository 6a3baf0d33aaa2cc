from django.contrib import admin

from dossiers.models import Dossier, DossierEntry


class EntryInline(admin.TabularInline):
    model = DossierEntry
    autocomplete_fields = ["practice"]
    fields = ["position", "practice", "note"]
    extra = 1


@admin.register(Dossier)
class DossierAdmin(admin.ModelAdmin):
    list_display = ["title", "status", "published_at", "updated_at"]
    list_filter = ["status"]
    search_fields = ["title", "introduction"]
    prepopulated_fields = {"slug": ["title"]}
    autocomplete_fields = ["events"]
    readonly_fields = ["published_at", "updated_at"]
    fields = ["title", "slug", "status", "introduction", "events", "published_at", "updated_at"]
    inlines = [EntryInline]
