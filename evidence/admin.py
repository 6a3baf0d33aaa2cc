from django import forms
from django.contrib import admin
from django.forms.models import BaseInlineFormSet
from django.utils import timezone
from django.utils.formats import date_format

from config.admin_delete import PlainDeleteMixin
from evidence.models import LEVELS, Assessment, AssessmentDocument, Criterion, Level
from evidence.services import delete_assessments, refresh_evidence_level, valid_until_for
from practices.documents import DocumentForm

EXPIRING_DAYS = 90  # the dashboard and the list's filter: expiring within three months


class CriterionFormSet(BaseInlineFormSet):
    def clean(self):
        """A criterion that assessments name is reworded, never deleted (they would lose it)."""
        super().clean()
        for form in self.deleted_forms:
            used = form.instance.pk and form.instance.assessments.count()
            if used:
                form.add_error(
                    None,
                    f"‘{form.instance.text}’ staat in {used} beoordeling(en): pas de tekst aan "
                    "in plaats van het criterium te verwijderen.",
                )
                raise forms.ValidationError("Een gebruikt criterium blijft staan.")


class CriterionInline(admin.TabularInline):
    model = Criterion
    formset = CriterionFormSet
    extra = 0
    fields = ["text", "explanation", "position"]


@admin.register(Level)
class LevelAdmin(admin.ModelAdmin):
    """The wording of the levels and their criteria, as /over/#onderbouwing publishes it.
    The levels themselves are fixed (the search filters on them)."""

    list_display = ["__str__", "description"]
    fields = ["description"]
    inlines = [CriterionInline]

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class AssessmentForm(forms.ModelForm):
    class Meta:
        model = Assessment
        fields = [
            "level",
            "criteria",
            "assessor_kind",
            "external_body",
            "assessed_on",
            "valid_until",
            "summary",
        ]
        widgets = {"criteria": forms.CheckboxSelectMultiple}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["criteria"].queryset = Criterion.objects.select_related("level")
        self.fields["valid_until"].required = False

    def clean(self):
        cleaned = super().clean()
        assessed_on, level = cleaned.get("assessed_on"), cleaned.get("level")
        if assessed_on and not cleaned.get("valid_until"):
            cleaned["valid_until"] = valid_until_for(assessed_on)
        if assessed_on and assessed_on > timezone.localdate():
            self.add_error("assessed_on", "Een beoordeling kan niet in de toekomst liggen.")
        external = cleaned.get("assessor_kind") == Assessment.Assessor.EXTERNAL
        if external and not cleaned.get("external_body", "").strip():
            self.add_error("external_body", "Geef de naam van de externe organisatie.")
        if level:
            rank = LEVELS.values.index(level)
            higher = [c for c in cleaned.get("criteria") or [] if c.level.rank > rank]
            if higher:
                self.add_error(
                    "criteria",
                    "Deze criteria horen bij een hoger niveau dan het gekozen: "
                    + "; ".join(c.text for c in higher)
                    + ".",
                )
        return cleaned


def credit_editor(assessment, user):
    """An assessment by the editors keeps who of them made it (never published)."""
    if assessment.assessor_kind == Assessment.Assessor.EDITORS and assessment.editor_id is None:
        assessment.editor = user


class AssessmentFormSet(BaseInlineFormSet):
    """The practice's assessments: saving them sets the level the practice carries."""

    def save_new(self, form, commit=True):
        credit_editor(form.instance, self.editor)
        return super().save_new(form, commit)

    def save(self, commit=True):
        saved = super().save(commit)
        withdrawn = {assessment.level for assessment in self.deleted_objects}
        refresh_evidence_level(practice=self.instance, withdrawn=withdrawn)
        return saved


class AssessmentInline(admin.StackedInline):
    """On the practice's page; its documents are added on the assessment's own page."""

    model = Assessment
    form = AssessmentForm
    formset = AssessmentFormSet
    extra = 0
    show_change_link = True
    verbose_name_plural = "beoordelingen van de onderbouwing (documenten: via ‘Wijzigen’)"

    def get_formset(self, request, obj=None, **kwargs):
        formset = super().get_formset(request, obj, **kwargs)
        formset.editor = request.user
        return formset


class DocumentInline(admin.TabularInline):
    model = AssessmentDocument
    form = DocumentForm
    extra = 1
    fields = ["title", "url", "file", "kind", "size"]
    readonly_fields = ["kind", "size"]


class ValidityFilter(admin.SimpleListFilter):
    """Counts only each practice's latest assessment (the one that counts)."""

    title = "geldigheid"
    parameter_name = "geldigheid"

    def lookups(self, request, model_admin):
        return [
            ("geldig", "Geldig"),
            ("binnenkort", f"Loopt binnen {EXPIRING_DAYS} dagen af"),
            ("verlopen", "Verlopen"),
        ]

    def queryset(self, request, queryset):
        today = timezone.localdate()
        latest = queryset.latest_per_practice()
        if self.value() == "geldig":
            return latest.filter(valid_until__gte=today)
        if self.value() == "binnenkort":
            return latest.expiring(today=today, days=EXPIRING_DAYS)
        if self.value() == "verlopen":
            return latest.expired(today)
        return queryset


@admin.register(Assessment)
class AssessmentAdmin(PlainDeleteMixin, admin.ModelAdmin):
    form = AssessmentForm
    list_display = ["practice", "level", "assessor", "assessed_on", "valid_until_shown"]
    list_filter = ["level", ValidityFilter, "assessor_kind"]
    list_select_related = ["practice"]
    search_fields = ["practice__title", "external_body"]
    autocomplete_fields = ["practice"]
    date_hierarchy = "assessed_on"
    inlines = [DocumentInline]

    fields = ["practice", *AssessmentForm.Meta.fields]

    @admin.display(description="door")
    def assessor(self, obj):
        return obj.assessor_name

    @admin.display(description="geldig tot", ordering="valid_until")
    def valid_until_shown(self, obj):
        shown = date_format(obj.valid_until, "d-m-Y")
        return f"{shown} (verlopen)" if obj.is_expired() else shown

    def save_model(self, request, obj, form, change):
        credit_editor(obj, request.user)
        super().save_model(request, obj, form, change)

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        refresh_evidence_level(practice=form.instance.practice)

    def delete_model(self, request, obj):
        delete_assessments(assessments=Assessment.objects.filter(pk=obj.pk))

    def delete_queryset(self, request, queryset):
        delete_assessments(assessments=queryset)
