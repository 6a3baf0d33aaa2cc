from django import forms


class ImportForm(forms.Form):
    file = forms.FileField(
        label="Bestand",
        help_text="Een Excel-werkmap (.xlsx) of een CSV-bestand (met ; of , gescheiden).",
        error_messages={
            "required": "Kies het bestand dat je wilt importeren.",
            "empty": "Het bestand is leeg.",
        },
        widget=forms.ClearableFileInput(attrs={"accept": ".xlsx,.csv,text/csv"}),
    )
