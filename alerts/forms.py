from django import forms

from alerts.models import Subscription
from submissions.forms import honeypot


class SubscribeForm(forms.Form):
    email = forms.EmailField(
        label="Je e-mailadres",
        max_length=254,
        error_messages={
            "required": "Vul je e-mailadres in.",
            "invalid": "Vul een geldig e-mailadres in, bv. naam@gemeente.be.",
            "max_length": "Een e-mailadres heeft hoogstens 254 tekens.",
        },
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    frequency = forms.ChoiceField(
        label="Hoe vaak?",
        choices=Subscription.Frequency.choices,
        initial=Subscription.Frequency.WEEKLY,
        widget=forms.RadioSelect,
        error_messages={
            "required": "Kies hoe vaak je een mail wilt.",
            "invalid_choice": "Kies dagelijks of wekelijks.",
        },
    )
    website = honeypot()

    def is_robot(self):
        return bool(self.cleaned_data.get("website"))


class FrequencyForm(forms.Form):
    frequency = SubscribeForm.base_fields["frequency"]
