"""The owner's two forms: the sheet as it should be, and the end of the practice."""

from django import forms
from django.utils import timezone

from practices.fields import LinesFormField
from practices.models import Practice
from submissions.forms import MarksOptionalFields

LINES = "Eén per regel."


class AnswerForm(MarksOptionalFields, forms.Form):
    def __init__(self, *args, **kwargs):
        kwargs.setdefault("label_suffix", "")  # labels that end in a question mark
        super().__init__(*args, **kwargs)


class ChangedForm(AnswerForm):
    """The sheet's texts, filled in as they stand; what else changed goes in the message."""

    title = forms.CharField(label="Titel", max_length=200)
    summary = forms.CharField(
        label="Samenvatting", max_length=300, widget=forms.Textarea(attrs={"rows": 3})
    )
    description = forms.CharField(
        label="Beschrijving",
        max_length=10000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 10}),
    )
    goals = LinesFormField(label="Doelen", required=False, help_text=LINES)
    success_factors = LinesFormField(label="Succesfactoren", required=False, help_text=LINES)
    challenges = LinesFormField(label="Uitdagingen", required=False, help_text=LINES)
    message = forms.CharField(
        label="Wat is er nog veranderd?",
        max_length=10000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text="Bijvoorbeeld een nieuwe contactpersoon, een nieuwe gemeente of een link. "
        "Staat hieronder wat er nu over de gemeenten en contacten op de fiche staat, pas het "
        "dan gewoon aan.",
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("title", "summary"):
            self.fields[name].error_messages["required"] = "Vul dit in; het staat op de fiche."

    def submission_fields(self):
        data = self.cleaned_data
        return {
            "title": data["title"],
            "summary": data["summary"],
            "description": data["description"],
            "goals": data["goals"],
            "success_factors": data["success_factors"],
            "challenges": data["challenges"],
            "message": data["message"],
        }


class EndedForm(AnswerForm):
    how = forms.ChoiceField(
        label="Hoe liep de praktijk af?",
        choices=[
            (Practice.LifeStatus.FINISHED, "Ze liep af zoals gepland"),
            (Practice.LifeStatus.STOPPED, "Ze werd stopgezet voor ze af was"),
        ],
        widget=forms.RadioSelect,
        error_messages={"required": "Kies hoe de praktijk afliep."},
    )
    year = forms.IntegerField(
        label="Sinds welk jaar loopt de praktijk niet meer?",
        error_messages={"required": "Vul het jaar in.", "invalid": "Vul een jaar in, zoals 2025."},
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off", "size": 6}),
    )
    reason = forms.CharField(
        label="Waarom is ze gestopt?",
        max_length=5000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    lessons = forms.CharField(
        label="Wat heb je geleerd, of wat zou je anders doen?",
        max_length=5000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="Zo kunnen andere besturen er ook uit leren.",
    )

    def clean_year(self):
        year = self.cleaned_data["year"]
        if not 1900 <= year <= timezone.localdate().year:
            raise forms.ValidationError(
                f"Vul een jaar in tussen 1900 en {timezone.localdate().year}."
            )
        return year
