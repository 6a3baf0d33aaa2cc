from django import forms
from django.utils import timezone

from adoptions.models import Adoption
from submissions.admin_parts import RegisterNameField
from submissions.forms import MarksOptionalFields, honeypot


class AdoptionForm(MarksOptionalFields, forms.ModelForm):
    municipality = RegisterNameField(
        label="Gemeente", error_messages={"required": "Vul de gemeente in."}
    )
    website = honeypot()

    class Meta:
        model = Adoption
        fields = [
            "municipality",
            "since_year",
            "until_year",
            "changes",
            "contact_name",
            "contact_email",
            "contact_phone",
            "show_contact",
        ]
        labels = {
            "since_year": "Sinds welk jaar?",
            "until_year": "Tot welk jaar? (leeg als het nog loopt)",
            "changes": "Wat doen jullie anders?",
            "contact_name": "Je naam",
            "contact_email": "Je e-mailadres",
            "contact_phone": "Je telefoonnummer",
            "show_contact": "Toon mijn naam en e-mailadres op de fiche, zodat andere besturen me "
            "kunnen contacteren",
        }
        widgets = {
            "since_year": forms.TextInput(attrs={"inputmode": "numeric", "size": 6}),
            "until_year": forms.TextInput(attrs={"inputmode": "numeric", "size": 6}),
            "changes": forms.Textarea(attrs={"rows": 4}),
            "contact_name": forms.TextInput(attrs={"autocomplete": "name"}),
            "contact_email": forms.EmailInput(attrs={"autocomplete": "email"}),
            "contact_phone": forms.TextInput(attrs={"type": "tel", "autocomplete": "tel"}),
        }
        error_messages = {
            "contact_email": {"invalid": "Vul een geldig e-mailadres in, zoals naam@gemeente.be."},
            "since_year": {"invalid": "Vul een jaar in, zoals 2021."},
            "until_year": {"invalid": "Vul een jaar in, zoals 2024."},
        }

    NOT_MARKED = ("website", "show_contact", "until_year")

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)

    def _year(self, name):
        year = self.cleaned_data.get(name)
        this_year = timezone.localdate().year
        if year is not None and not 1900 <= year <= this_year:
            raise forms.ValidationError(f"Vul een jaar in tussen 1900 en {this_year}.")
        return year

    def clean_since_year(self):
        return self._year("since_year")

    def clean_until_year(self):
        return self._year("until_year")

    def is_robot(self):
        return bool(self.cleaned_data.get("website"))

    def adoption_fields(self):
        return {k: v for k, v in self.cleaned_data.items() if k != "website"}
