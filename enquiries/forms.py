from django import forms

from enquiries.models import Enquiry
from submissions.forms import MarksOptionalFields, honeypot


class EnquiryForm(MarksOptionalFields, forms.ModelForm):
    website = honeypot()

    class Meta:
        model = Enquiry
        fields = ["name", "email", "message"]
        labels = {"name": "Je naam", "email": "Je e-mailadres", "message": "Je vraag"}
        widgets = {
            "name": forms.TextInput(attrs={"autocomplete": "name"}),
            "email": forms.EmailInput(attrs={"autocomplete": "email"}),
            "message": forms.Textarea(attrs={"rows": 6}),
        }
        help_texts = {"email": "De redactie antwoordt je op dit adres."}
        error_messages = {
            "email": {"invalid": "Vul een geldig e-mailadres in, zoals naam@gemeente.be."},
            "message": {"max_length": "Je vraag is te lang: houd het bij 5.000 tekens."},
        }

    def is_robot(self):
        return bool(self.cleaned_data.get("website"))
