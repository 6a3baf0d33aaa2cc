"""Admin for where the sheets' facts come from: sources, events and their sessions,
organisations, and the people who act in them."""

from django.contrib import admin
from django.db.models import Count

from practices.models import Event, Organisation, Person, Role, Session, Source


class RoleInline(admin.TabularInline):
    """The people acting here, each with the role and the title the source gives them."""

    model = Role
    extra = 0
    autocomplete_fields = ["person", "organisation"]
    fields = ["person", "kind", "as_written", "organisation", "email", "position"]


class SessionRoleInline(RoleInline):
    fk_name = "session"
    fields = ["person", "kind", "as_written", "organisation", "practice", "position"]
    autocomplete_fields = [*RoleInline.autocomplete_fields, "practice"]


class PracticeRoleInline(RoleInline):
    fk_name = "practice"
    verbose_name_plural = "mensen bij deze praktijk (contact, toelichting)"


class ActionRoleInline(RoleInline):
    fk_name = "action"
    verbose_name_plural = "mensen bij deze actie"


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin):
    list_display = ["name", "short_name", "parent", "practice_count"]
    list_select_related = ["parent"]
    search_fields = ["name", "short_name"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["parent"]
    fields = ["name", "slug", "short_name", "parent", "summary", "website"]

    @admin.display(description="praktijken", ordering="practice_count")
    def practice_count(self, obj):
        return obj.practice_count

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(practice_count=Count("practices"))


class PersonRoleInline(RoleInline):
    fk_name = "person"
    autocomplete_fields = ["organisation", "session", "practice", "action"]
    fields = ["kind", "as_written", "organisation", "email", "session", "practice", "action"]


@admin.register(Person)
class PersonAdmin(admin.ModelAdmin):
    list_display = ["name", "role_count"]
    search_fields = ["name"]
    inlines = [PersonRoleInline]

    @admin.display(description="rollen", ordering="role_count")
    def role_count(self, obj):
        return obj.role_count

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(role_count=Count("roles"))


class SessionInline(admin.StackedInline):
    model = Session
    fk_name = "event"
    extra = 0
    show_change_link = True
    autocomplete_fields = ["parent", "actions", "practices", "organisations"]
    fields = [
        ("title", "kind"),
        ("start_time", "end_time", "position"),
        "parent",
        "description",
        ("actions", "practices"),
        "organisations",
    ]


@admin.register(Event)
class EventAdmin(admin.ModelAdmin):
    list_display = ["title", "date_label", "venue", "kind"]
    list_filter = ["kind"]
    search_fields = ["title", "venue"]
    prepopulated_fields = {"slug": ["title"]}
    autocomplete_fields = ["municipality", "organisers", "partners"]
    inlines = [SessionInline]
    fieldsets = [
        (None, {"fields": ["title", "slug", "kind", "summary", "description"]}),
        (
            "Wanneer en waar",
            {
                "fields": [("day", "month", "year"), "venue", "municipality"],
                "description": "Vul alleen in wat de bron zegt: zonder jaartal blijft het "
                "jaar leeg.",
            },
        ),
        ("Organisatie", {"fields": ["organisers", "partners"]}),
        ("Verslag", {"fields": ["report"]}),
    ]

    @admin.display(description="datum", ordering="year")
    def date_label(self, obj):
        return obj.date_label


@admin.register(Session)
class SessionAdmin(admin.ModelAdmin):
    list_display = ["title", "event", "kind", "start_time"]
    list_filter = ["event", "kind"]
    list_select_related = ["event"]
    search_fields = ["title", "event__title"]
    autocomplete_fields = ["event", "parent", "actions", "practices", "organisations"]
    inlines = [SessionRoleInline]
    fields = [
        ("event", "parent"),
        ("title", "kind"),
        ("start_time", "end_time", "position"),
        "description",
        "actions",
        "practices",
        "organisations",
    ]


@admin.register(Source)
class SourceAdmin(admin.ModelAdmin):
    list_display = ["title", "kind", "date_label", "event"]
    list_filter = ["kind"]
    list_select_related = ["event"]
    search_fields = ["title"]
    autocomplete_fields = ["publisher", "event"]
    fields = [
        "title",
        "kind",
        ("day", "month", "year"),
        "date_note",
        "publisher",
        "event",
        "url",
    ]

    @admin.display(description="datum", ordering="year")
    def date_label(self, obj):
        return obj.date_label
