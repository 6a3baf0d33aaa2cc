from django import forms
from django.conf import settings
from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.db.models import Count
from django.forms.models import BaseInlineFormSet
from django.utils import timezone
from django.utils.formats import date_format
from reversion.admin import VersionAdmin
from taggit.admin import TagAdmin

from config.admin_delete import PlainDeleteMixin
from practices.admin_filters import RecentlyChangedFilter, ReviewFilter
from practices.documents import DocumentForm
from practices.models import (
    Action,
    Category,
    Municipality,
    PolicyDomain,
    Practice,
    PracticeLink,
    PracticeLocation,
    PracticeMaterial,
    RelatedPractice,
    SynonymGroup,
    TargetGroup,
)
from practices.provenance_admin import ActionRoleInline, PracticeRoleInline
from practices.services import (
    mark_content_changed,
    mark_reviewed,
    record_revisions,
    record_slug_change,
)


def practices(count):
    """'1 praktijk', '3 praktijken': a count in a message to the editor."""
    return f"{count} praktijk" if count == 1 else f"{count} praktijken"


# taggit names its admin action in plain English (not a translatable string).
TagAdmin.render_tag_form.short_description = "Geselecteerde trefwoorden samenvoegen"
TagAdmin.render_tag_form.plural_description = TagAdmin.render_tag_form.short_description


class PracticeCountMixin:
    """A 'Praktijken' column, counted in the list query itself."""

    @admin.display(description="praktijken", ordering="practice_count")
    def practice_count(self, obj):
        return obj.practice_count

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(practice_count=Count("practices"))


@admin.register(Category)
class CategoryAdmin(PlainDeleteMixin, PracticeCountMixin, admin.ModelAdmin):
    ordering = ["name"]
    list_display = ["name", "practice_count"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["target_groups", "policy_domains", "sources"]
    fieldsets = [
        (None, {"fields": ["name", "slug", "introduction", "description", "sources"]}),
        (
            "Wat alle praktijken van deze categorie delen",
            {
                "fields": [
                    "goals",
                    "target_groups",
                    "success_factors",
                    "challenges",
                    "policy_domains",
                ]
            },
        ),
    ]


@admin.register(TargetGroup, PolicyDomain)
class TermAdmin(PlainDeleteMixin, PracticeCountMixin, admin.ModelAdmin):
    ordering = ["name"]
    list_display = ["name", "practice_count"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}


class PlaceAbroadForm(forms.ModelForm):
    def clean_country(self):
        country = self.cleaned_data["country"]
        if country == Municipality.Country.BELGIUM:
            raise ValidationError(
                "Belgische gemeenten komen uit het officiële register; voeg hier alleen een "
                "plaats in het buitenland toe."
            )
        return country


@admin.register(Municipality)
class MunicipalityAdmin(admin.ModelAdmin):
    """The register of Belgian municipalities is read-only here: it changes through its loader
    (practices.register) only. Editors may add, change and delete places abroad."""

    form = PlaceAbroadForm
    ordering = ["name"]
    list_display = ["name", "nis_code", "province", "country", "practice_count"]
    list_filter = ["province", "country"]
    show_facets = admin.ShowFacets.ALWAYS
    search_fields = ["name", "nis_code"]
    prepopulated_fields = {"slug": ["name"]}

    @admin.display(description="praktijken", ordering="practice_count")
    def practice_count(self, obj):
        return obj.practice_count

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .annotate(practice_count=Count("practice_locations__practice", distinct=True))
        )

    @staticmethod
    def _abroad(obj):
        return obj is not None and obj.country != Municipality.Country.BELGIUM

    def has_change_permission(self, request, obj=None):
        return self._abroad(obj) and super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        # Never from the list (no bulk delete of the register); a place abroad one by one.
        return self._abroad(obj) and super().has_delete_permission(request, obj)


@admin.register(Action)
class ActionAdmin(PlainDeleteMixin, PracticeCountMixin, admin.ModelAdmin):
    ordering = ["number"]
    list_display = ["number", "title", "theme", "mentor_municipality", "practice_count"]
    list_display_links = ["number", "title"]
    list_select_related = ["mentor_municipality"]
    search_fields = ["title", "=number"]
    autocomplete_fields = ["mentor_municipality", "sources"]
    inlines = [ActionRoleInline]
    fieldsets = [
        (None, {"fields": ["number", "title", "theme", "description", "sources"]}),
        (
            "Verwachtingen en steun",
            {"fields": ["minimal_expectations", "max_subsidy", "financial_support", "support"]},
        ),
        ("Mentorbestuur", {"fields": ["mentor_municipality", "mentor_description"]}),
    ]


class LocationFormSet(BaseInlineFormSet):
    def clean(self):
        """Name each municipality once per practice (the database refuses a second row)."""
        super().clean()
        seen = set()
        for form in self.forms:
            if not hasattr(form, "cleaned_data") or form.cleaned_data.get("DELETE"):
                continue
            municipality = form.cleaned_data.get("municipality")
            if municipality is None:
                continue
            if municipality.pk in seen:
                form.add_error("municipality", f"{municipality} staat al bij deze praktijk.")
            seen.add(municipality.pk)
        if any(form.errors for form in self.forms):
            raise ValidationError("Verbeter de fouten bij 'Deze praktijk in'.")


class LocationInline(admin.StackedInline):
    model = PracticeLocation
    formset = LocationFormSet
    extra = 0
    autocomplete_fields = ["municipality"]
    fields = [
        ("municipality", "area_label", "position"),
        "description",
        ("contact_name", "contact_email"),
        ("contact_url", "contact_phone"),
    ]


class LinkInline(admin.TabularInline):
    model = PracticeLink
    extra = 0
    fields = ["title", "url", "position"]


class MaterialInline(admin.TabularInline):
    """'Aan de slag': materials to download, each checked by its content."""

    model = PracticeMaterial
    form = DocumentForm
    extra = 0
    fields = ["title", "url", "file", "kind", "size", "position"]
    readonly_fields = ["kind", "size"]


class RelatedPracticeInline(admin.TabularInline):
    """'Vergelijkbare praktijken': a practice always or never shown beside this one (both
    ways: the other sheet shows this one too, or not)."""

    model = RelatedPractice
    fk_name = "practice"
    extra = 0
    fields = ["other", "kind"]
    autocomplete_fields = ["other"]


# Inlines that other apps add to a practice's page (evidence/: its assessments), registered
# from their AppConfig.ready(), so that this module imports none of them.
MORE_INLINES = []


def register_inline(inline):
    MORE_INLINES.append(inline)
    return inline


# Changing these alone does not change what the sheet says.
NOT_CONTENT = {"status", "last_reviewed_on", "slug"}


@admin.register(Practice)
class PracticeAdmin(PlainDeleteMixin, VersionAdmin):
    empty_value_display = "(geen)"
    list_display = ["title", "status", "places", "review_due", "saved_on"]
    list_filter = [
        "status",
        ReviewFilter,
        RecentlyChangedFilter,
        "evidence_level",
        "life_status",
        "cost_band",
        "category",
        "actions",
        "policy_domains",
        "target_groups",
    ]
    show_facets = admin.ShowFacets.ALWAYS
    search_fields = ["title", "summary", "locations__municipality__name", "locations__area_label"]
    date_hierarchy = "updated_at"
    prepopulated_fields = {"slug": ["title"]}
    autocomplete_fields = [
        "category",
        "target_groups",
        "policy_domains",
        "actions",
        "organisations",
        "sources",
        "earlier_listing",
    ]
    readonly_fields = ["created_at", "content_changed_at", "updated_at", "published_at"]
    inlines = [
        LocationInline,
        PracticeRoleInline,
        LinkInline,
        MaterialInline,
        RelatedPracticeInline,
    ]

    def get_inlines(self, request, obj):
        return [*self.inlines, *MORE_INLINES]

    # Its object tools link the editors' import and export (the imports app).
    change_list_template = "admin/practices/practice/change_list.html"
    actions = ["publish", "unpublish", "mark_reviewed"]
    save_on_top = True
    fieldsets = [
        (None, {"fields": ["title", "slug", "summary", "category", "status"]}),
        ("Beschrijving", {"fields": ["description"]}),
        (
            "Doelen en doelgroep van deze praktijk",
            {
                "fields": ["goals", "target_groups", "target_group_detail"],
                "description": "Alleen wat een bron over deze praktijk zelf zegt. Wat de hele "
                "categorie deelt, staat bij de categorie en verschijnt vanzelf op de fiche.",
            },
        ),
        ("Succesfactoren en uitdagingen", {"fields": ["success_factors", "challenges"]}),
        ("Beleid", {"fields": ["policy_domains", "actions", "organisations", "tags"]}),
        (
            "Onderbouwing",
            {
                "fields": ["evidence_level", "evaluation_url"],
                "description": "Heeft de praktijk een beoordeling (onderaan), dan volgt het "
                "niveau daaruit: zolang ze geldt haar niveau, daarna ‘Beschreven’.",
            },
        ),
        (
            "Loopt de praktijk nog?",
            {"fields": ["life_status", "ended_year", "end_reason", "lessons"]},
        ),
        (
            "Aan de slag",
            {
                "fields": [
                    ("cost_amount", "cost_band"),
                    ("staff_time", "volunteers"),
                    ("setup_time", "run_time"),
                    "partners_needed",
                    "preconditions",
                    "materials",
                ]
            },
        ),
        (
            "Bronnen en stand van zaken",
            {"fields": ["sources", ("situation_month", "situation_year"), "earlier_listing"]},
        ),
        ("Foto", {"fields": ["image", "image_alt", "image_credit"], "classes": ["collapse"]}),
        (
            "Opvolging",
            {
                "fields": [
                    ("last_reviewed_on", "review_due_on"),
                    "published_at",
                    "created_at",
                    "content_changed_at",
                    "updated_at",
                ]
            },
        ),
    ]

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("locations__municipality")

    def get_form(self, request, obj=None, **kwargs):
        kwargs["widgets"] = {
            "title": forms.TextInput(attrs={"class": "vLargeTextField", "size": 80}),
            "summary": forms.Textarea(attrs={"rows": 2, "cols": 80, "maxlength": 300}),
            **kwargs.get("widgets", {}),
        }
        return super().get_form(request, obj, **kwargs)

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        if change and "slug" in form.changed_data:
            record_slug_change(practice=obj, old_slug=form.initial.get("slug"))

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        content_fields = set(form.changed_data) - NOT_CONTENT
        if change and (content_fields or any(formset.has_changed() for formset in formsets)):
            mark_content_changed(practice=form.instance)

    # Short dates: the list fits a 1280 px screen beside the menu and the filters.
    @admin.display(description="nakijken tegen", ordering="review_due_on")
    def review_due(self, obj):
        return date_format(obj.review_due_on, "d-m-Y") if obj.review_due_on else None

    @admin.display(description="opgeslagen", ordering="updated_at")
    def saved_on(self, obj):
        return date_format(timezone.localtime(obj.updated_at), "d-m-Y")

    @admin.display(description="deze praktijk in")
    def places(self, obj):
        return ", ".join(location.place_name for location in obj.locations.all())

    @admin.action(description="Geselecteerde praktijken publiceren", permissions=["change"])
    def publish(self, request, queryset):
        count = queryset.publish()
        record_revisions(practices=queryset, user=request.user, comment="Gepubliceerd.")
        self.message_user(request, f"{practices(count)} gepubliceerd.", messages.SUCCESS)

    @admin.action(description="Als nagekeken markeren", permissions=["change"])
    def mark_reviewed(self, request, queryset):
        count = mark_reviewed(practices=queryset, editor=request.user)
        self.message_user(
            request,
            f"{practices(count)} nagekeken; volgende keer over "
            f"{settings.REVIEW_INTERVAL_MONTHS} maanden.",
            messages.SUCCESS,
        )

    @admin.action(description="Geselecteerde praktijken depubliceren", permissions=["change"])
    def unpublish(self, request, queryset):
        count = queryset.unpublish()
        record_revisions(practices=queryset, user=request.user, comment="Gedepubliceerd.")
        self.message_user(request, f"{practices(count)} teruggezet naar concept.", messages.SUCCESS)


@admin.register(SynonymGroup)
class SynonymGroupAdmin(admin.ModelAdmin):
    list_display = ["__str__"]
    search_fields = ["terms"]
    fields = ["terms"]
