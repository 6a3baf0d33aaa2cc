"""The facts of a submitted sheet asked apart from its texts: whether the practice still runs
(practices.models.life) and what it takes to start it elsewhere ('Aan de slag',
practices.models.start). All optional, checked by the sheet's own rules, with the messages by
the field (a mixin of submissions.forms.PracticeSubmissionForm)."""

from django import forms

from practices.documents import DocumentField
from practices.fields import LinesFormField
from practices.models import Practice
from practices.models.life import LIFE_FIELDS
from practices.models.start import START_FIELDS
from submissions.models import Submission

__all__ = ["LIFE_FIELDS", "START_FIELDS", "SheetFactsForm"]


class SheetFactsForm(forms.Form):
    # Declared here (not made from the model field, whose list default would add a hidden
    # 'initial' input that the Nu Html Checker refuses with its aria-describedby).
    materials = LinesFormField(
        label="Materiaal",
        required=False,
        help_text="Handleidingen, sjablonen, affiches…: één per regel, als ‘titel | https://…’.",
    )
    material_title = forms.CharField(
        label="Titel van het bestand",
        max_length=200,
        required=False,
        help_text="Bv. ‘Draaiboek voor de eerste bijeenkomst’.",
    )
    material_file = DocumentField(
        label="Materiaal als bestand",
        required=False,
        help_text="Een handleiding, draaiboek of sjabloon om te delen: PDF, ODT of DOCX, "
        "hoogstens 10 MB. De redactie bekijkt het voor het op de fiche komt.",
    )
    cost_band = forms.ChoiceField(
        label="Kostenschijf",
        choices=Practice.CostBand.choices,
        initial=Practice.CostBand.UNKNOWN,
        required=False,
        help_text="Een ruwe schatting volstaat; ‘Onbekend’ als je het niet weet.",
    )
    life_status = forms.ChoiceField(
        label="Loopt de praktijk nog?",
        choices=Practice.LifeStatus.choices,
        initial=Practice.LifeStatus.UNKNOWN,
        required=False,
        help_text="Afgelopen: ze liep af zoals gepland. Gestopt: ze werd stopgezet voor ze af was.",
    )
    ended_year = forms.IntegerField(
        label="Afgelopen of gestopt in (jaar)",
        required=False,
        min_value=1950,
        max_value=2100,
        error_messages={
            "invalid": "Vul een jaar in, zoals 2024.",
            "min_value": "Vul een jaar in na 1950.",
            "max_value": "Vul een jaar in voor 2100.",
        },
        widget=forms.TextInput(attrs={"inputmode": "numeric", "size": 6}),
    )
    end_reason = forms.CharField(
        label="Waarom is ze gestopt?",
        max_length=3000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Alleen als ze gestopt is.",
    )
    lessons = forms.CharField(
        label="Wat heb je geleerd, of wat zou je anders doen?",
        max_length=3000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Ook wat niet werkte: zo kunnen andere besturen eruit leren.",
    )

    def clean_cost_band(self):
        return self.cleaned_data.get("cost_band") or Practice.CostBand.UNKNOWN

    def clean_life_status(self):
        return self.cleaned_data.get("life_status") or Practice.LifeStatus.UNKNOWN

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("material_file") and not cleaned.get("material_title", "").strip():
            self.add_error("material_title", "Geef het bestand een titel.")
        if "ended_year" in self.errors:
            return cleaned
        # The sheet's own rules (practices.models.life), with their messages by the field.
        life = Submission(
            life_status=cleaned.get("life_status") or Practice.LifeStatus.UNKNOWN,
            ended_year=cleaned.get("ended_year"),
            end_reason=cleaned.get("end_reason") or "",
        )
        try:
            life.clean_life()
        except forms.ValidationError as error:
            for field, messages in error.message_dict.items():
                for message in messages:
                    self.add_error(field, message)
        return cleaned
