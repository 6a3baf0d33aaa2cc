"""The pieces of the submissions admin: its inlines, the queue's default filter and a
helper that shows a submitted list as a list. The admin class itself is in admin.py."""

import re

from django import forms
from django.contrib import admin
from django.utils.html import format_html, format_html_join

from practices.documents import human_size
from practices.models import Municipality
from practices.models.life import LIFE_FIELDS
from practices.models.start import START_FIELDS
from submissions.models import ModerationLogEntry, SubmittedLink, SubmittedPlace

REGISTER_LIST = "register-gemeenten"


def register_label(municipality):
    """'Gent (44021)'; a place abroad by its name alone."""
    if municipality.nis_code:
        return f"{municipality.name} ({municipality.nis_code})"
    return municipality.name


def register_options():
    """The names the place boxes suggest, one <option> each in the change form."""
    municipalities = Municipality.objects.order_by("name").only("name", "nis_code")
    return [register_label(municipality) for municipality in municipalities]


class RegisterNameField(forms.CharField):
    """A municipality of the register, typed as its name or 'Name (NIS code)'."""

    def __init__(self, **kwargs):
        kwargs.setdefault(
            "widget", forms.TextInput(attrs={"list": REGISTER_LIST, "autocomplete": "off"})
        )
        super().__init__(**kwargs)

    def prepare_value(self, value):
        if isinstance(value, int) or (isinstance(value, str) and value.isdigit()):
            value = Municipality.objects.filter(pk=value).first()
        return register_label(value) if isinstance(value, Municipality) else value

    def to_python(self, value):
        text = super().to_python(value).strip()
        if not text:
            return None
        code = re.search(r"\((\d{5})\)\s*$", text)
        found = (
            Municipality.objects.filter(nis_code=code[1]).first()
            if code
            else Municipality.objects.matching_name(text)
        )
        if found is None:
            raise forms.ValidationError(
                f"‘{text}’ staat niet in het register. Kies een naam uit de lijst die verschijnt "
                "terwijl je typt."
            )
        return found

    def has_changed(self, initial, data):
        return self.prepare_value(initial) != (data or "").strip() and bool(initial or data)


class AssignedFilter(admin.RelatedFieldListFilter):
    """'Toegewezen aan': the submissions nobody took yet are 'Niemand', not '-'."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.empty_value_display = "Niemand"


class ReadOnlyInline(admin.TabularInline):
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


class PlaceForm(forms.ModelForm):
    """The place's municipality as the object it already read (the inline's queryset selects
    it), so that the text box shows its name without a query per place."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.municipality_id:
            self.initial["municipality"] = self.instance.municipality


class PlaceInline(admin.StackedInline):
    """What the submitter typed, read-only; the editor may only point a name that the
    register does not know to the municipality it means."""

    model = SubmittedPlace
    form = PlaceForm
    extra = 0
    can_delete = False
    fields = [
        "municipality_name",
        "register_match",
        "municipality",
        "description",
        "contact_name",
        "contact_email",
        "contact_url",
    ]
    readonly_fields = [
        "municipality_name",
        "register_match",
        "description",
        "contact_name",
        "contact_email",
        "contact_url",
    ]

    def has_add_permission(self, request, obj=None):
        return False

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("municipality")

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        # A labelled text box that suggests the register's names as one types (one shared
        # <datalist>, see the change form), instead of a 570-option list on every row.
        if db_field.name == "municipality":
            return RegisterNameField(
                label=db_field.verbose_name, help_text=db_field.help_text, required=False
            )
        return super().formfield_for_dbfield(db_field, request, **kwargs)

    @admin.display(description="herkend als")
    def register_match(self, place):
        found = place.resolved_municipality()
        if found is None:
            return format_html('<strong class="errornote">{}</strong>', "niet in het register")
        province = found.get_province_display() or found.get_country_display()
        return f"{found.name} ({found.nis_code or 'geen NIS-code'}, {province})"


class LinkInline(ReadOnlyInline):
    model = SubmittedLink
    fields = ["title", "url"]


class LogInline(ReadOnlyInline):
    model = ModerationLogEntry
    fields = ["created_at", "editor", "change", "note"]
    readonly_fields = fields

    @admin.display(description="status")
    def change(self, entry):
        return entry.change


class OpenFilter(admin.SimpleListFilter):
    """The queue opens on what still needs an editor; 'Alle' shows everything."""

    title = "te behandelen"
    parameter_name = "toon"

    def lookups(self, request, model_admin):
        return [("open", "Open (nieuw en in behandeling)"), ("alle", "Alle inzendingen")]

    def value(self):
        return super().value() or "open"

    def choices(self, changelist):
        for lookup, title in self.lookup_choices:
            yield {
                "selected": self.value() == lookup,
                "query_string": changelist.get_query_string({self.parameter_name: lookup}),
                "display": title,
            }

    def queryset(self, request, queryset):
        if self.value() == "open" and not filters_on_status(request):
            return queryset.open()
        return queryset


def filters_on_status(request):
    """A link that asks for a status (the dashboard's) is not narrowed to open items."""
    return any(key.startswith("status") for key in request.GET)


def item_list(items):
    if not items:
        return "–"
    return format_html("<ul>{}</ul>", format_html_join("", "<li>{}</li>", ((i,) for i in items)))


# The facts of a submitted sheet apart from its texts, as the editors read them (read only).
SHEET_FACTS = [
    *LIFE_FIELDS,
    *(name for name in START_FIELDS if name != "materials"),
    "materials_list",
    "material_title",
    "material_download",
]


def material_link(submission):
    """The submitted material, to open and check: title, type and size."""
    if not submission.material_file:
        return "–"
    return format_html(
        '<a href="{}">{}</a> ({}, {})',
        submission.material_file.url,
        submission.material_title,
        submission.get_material_kind_display(),
        human_size(submission.material_size),
    )
