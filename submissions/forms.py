"""The public forms: a new practice sheet and a suggested change. Every message is Dutch."""

from django import forms
from django.core.validators import RegexValidator

from practices.fields import LinesFormField
from practices.models import Action, Category, PolicyDomain, TargetGroup
from submissions.models import Submission
from submissions.photos import PhotoField
from submissions.sheet_facts import LIFE_FIELDS, START_FIELDS, SheetFactsForm

FACTS = (*LIFE_FIELDS, *START_FIELDS)  # a suggestion opens with the sheet's, to change

MAX_ID = 2**63 - 1  # the largest id a database integer holds
MAX_PLACES = 30
MAX_LINKS = 15


def check_ids(values, field):
    """Ids a database can look up; anything else is an unknown choice, never a server error
    (SQLite cannot even compare a 40-digit number)."""
    for value in values:
        text = str(value).strip()
        if not text.isdigit() or int(text) > MAX_ID:
            raise forms.ValidationError(
                field.error_messages["invalid_choice"],
                code="invalid_choice",
                params={"value": text[:40]},
            )


class ChoiceField(forms.ModelChoiceField):
    default_error_messages = {"invalid_choice": "Kies een van de mogelijkheden in de lijst."}

    def to_python(self, value):
        if value not in self.empty_values:
            check_ids([value], self)
        return super().to_python(value)


class MultipleChoiceField(forms.ModelMultipleChoiceField):
    default_error_messages = {
        "invalid_choice": "Kies alleen uit de mogelijkheden in de lijst.",
        "invalid_pk_value": "Kies alleen uit de mogelijkheden in de lijst.",
    }

    def _check_values(self, value):
        check_ids(value, self)
        return super()._check_values(value)


OPTIONAL = " (niet verplicht)"
PRACTICE_FIELDS = [
    "title",
    "summary",
    "description",
    "category",
    "goals",
    "target_groups",
    "success_factors",
    "challenges",
]
PHOTO_FIELDS = ["photo", "photo_alt", "photo_credit"]
SUBMITTER_FIELDS = [
    "submitter_name",
    "submitter_organisation",
    "submitter_email",
    "submitter_phone",
]


def honeypot():
    """A field hidden from people (CSS and aria-hidden) that robots fill in."""
    return forms.CharField(
        label="Laat dit veld leeg",
        required=False,
        widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}),
    )


class MarksOptionalFields:
    """Every field a person may leave empty says so in its label, as GOV.UK does; the rest
    are required, and their message names them. NOT_MARKED: fields whose need the section
    explains."""

    NOT_MARKED = ("website",)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        generic = str(forms.Field.default_error_messages["required"])
        for name, field in self.fields.items():
            if field.required and str(field.error_messages.get("required")) == generic:
                # "Vul ‘Korte samenvatting’ in.": the summary above the form names each field.
                field.error_messages["required"] = f"Vul ‘{field.label}’ in."
            if field.required or name in self.NOT_MARKED or OPTIONAL in str(field.label):
                continue
            field.label = f"{field.label}{OPTIONAL}"


class SubmitterForm(forms.Form):
    """Who sends it, the privacy notice, and a field for robots only."""

    # autocomplete tokens (WCAG 1.3.5): the browser can fill in the sender's own details.
    submitter_name = forms.CharField(
        label="Je naam", max_length=150, widget=forms.TextInput(attrs={"autocomplete": "name"})
    )
    submitter_organisation = forms.CharField(
        label="Organisatie of lokaal bestuur",
        max_length=200,
        widget=forms.TextInput(attrs={"autocomplete": "organization"}),
    )
    submitter_email = forms.EmailField(
        label="E-mailadres",
        max_length=254,
        error_messages={"invalid": "Vul een geldig e-mailadres in, bv. naam@gemeente.be."},
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    submitter_phone = forms.CharField(
        label="Telefoon",
        max_length=40,
        required=False,
        widget=forms.TextInput(attrs={"type": "tel", "autocomplete": "tel"}),
        validators=[
            RegexValidator(
                r"^[0-9+()./ -]{6,40}$",
                "Een telefoonnummer bestaat uit cijfers, spaties en + ( ) . / -.",
            )
        ],
    )
    privacy = forms.BooleanField(
        label="Ik heb de privacyverklaring hierboven gelezen",
        error_messages={"required": "Vink aan dat je de privacyverklaring gelezen hebt."},
    )
    website = honeypot()

    def is_robot(self):
        return bool(self.cleaned_data.get("website"))

    def submission_fields(self):
        """The cleaned data that the submission stores (not the privacy box or the honeypot)."""
        return {
            key: value
            for key, value in self.cleaned_data.items()
            if key not in ("privacy", "website")
        }


class PhotoForm(forms.Form):
    """An optional photo with what it shows and who made it."""

    photo = PhotoField(label="Foto", required=False)
    photo_alt = forms.CharField(label="Wat toont de foto?", max_length=250, required=False)
    photo_credit = forms.CharField(label="Fotograaf of bron", max_length=200, required=False)

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("photo") and not (cleaned.get("photo_alt") or "").strip():
            self.add_error("photo_alt", "Beschrijf kort wat de foto toont.")
        return cleaned


class PracticeSubmissionForm(
    SheetFactsForm, MarksOptionalFields, PhotoForm, SubmitterForm, forms.ModelForm
):
    title = forms.CharField(label="Naam van de praktijk", max_length=200)
    summary = forms.CharField(
        label="Korte samenvatting",
        max_length=300,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text="Eén of twee zinnen: wat doet de praktijk, en voor wie?",
    )
    description = forms.CharField(
        label="Beschrijving", max_length=10000, widget=forms.Textarea(attrs={"rows": 8})
    )
    category = ChoiceField(
        label="Categorie",
        queryset=Category.objects.all(),
        required=False,
        empty_label="Weet ik niet",
    )
    goals = LinesFormField(label="Doelen", required=False)
    target_groups = MultipleChoiceField(
        label="Doelgroep",
        queryset=TargetGroup.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    success_factors = LinesFormField(label="Succesfactoren", required=False)
    challenges = LinesFormField(label="Uitdagingen", required=False)
    policy_domains = MultipleChoiceField(
        label="Beleidsdomeinen",
        queryset=PolicyDomain.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    actions = MultipleChoiceField(
        label="Acties van Plan Samenleven",
        queryset=Action.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    class Meta:
        model = Submission
        fields = [
            *PRACTICE_FIELDS,
            *LIFE_FIELDS,
            *START_FIELDS,
            "policy_domains",
            "actions",
            *PHOTO_FIELDS,
            *SUBMITTER_FIELDS,
        ]


class ChangeSuggestionForm(
    SheetFactsForm, MarksOptionalFields, PhotoForm, SubmitterForm, forms.ModelForm
):
    """A change to a sheet: a text (or a remark), a photo, and the sheet's facts ('Loopt de
    praktijk nog?', 'Aan de slag'), which open filled in as the sheet has them."""

    part = forms.ChoiceField(
        label="Over welk deel van de fiche gaat je voorstel?",
        choices=Submission.Part.choices,
        initial=Submission.Part.GENERAL,
        required=False,  # none chosen: the whole sheet
        widget=forms.RadioSelect,
        error_messages={
            "required": "Kies over welk deel van de fiche je voorstel gaat.",
            "invalid_choice": "Kies een van de delen in de lijst.",
        },
    )
    NOT_MARKED = ("website", "part", "message")  # message: needed unless a fact changes

    def clean_part(self):
        return self.cleaned_data["part"] or Submission.Part.GENERAL

    message = forms.CharField(
        label="Je voorstel",
        max_length=10000,
        required=False,  # not when only the facts below change (clean() says so)
        widget=forms.Textarea(attrs={"rows": 10}),
        help_text="Pas de huidige tekst aan, of beschrijf wat er moet veranderen: een update, "
        "een nieuwe contactpersoon, een opmerking …",
        error_messages={"required": "Schrijf je voorstel."},
    )

    def __init__(self, *args, sheet=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.sheet = sheet

    def facts_changed(self):
        """Whether the life or 'Aan de slag' fields say something other than the sheet."""
        if self.sheet is None:
            return False
        return any(
            (self.cleaned_data.get(name) or None) != (getattr(self.sheet, name) or None)
            for name in FACTS
            if name not in self.errors
        )

    def clean(self):
        cleaned = super().clean()
        sent = cleaned.get("message") or cleaned.get("photo") or cleaned.get("material_file")
        # A fact with its own message needs no second one here.
        with_message = set(self.errors) & {*FACTS, "material_title", "material_file"}
        if not sent and not self.facts_changed() and not with_message:
            self.add_error("message", "Schrijf je voorstel, of pas hieronder een feit aan.")
        return cleaned

    class Meta:
        model = Submission
        fields = [
            "part",
            "message",
            *PHOTO_FIELDS,
            *LIFE_FIELDS,
            *START_FIELDS,
            *SUBMITTER_FIELDS,
        ]


class PlaceForm(MarksOptionalFields, forms.Form):
    NOT_MARKED = ("municipality_name",)  # at least one: the section says so

    municipality_name = forms.CharField(
        label="Gemeente",
        max_length=120,
        required=False,
        widget=forms.TextInput(attrs={"list": "gemeenten-namen", "autocomplete": "off"}),
    )
    description = forms.CharField(
        label="Wat gebeurt er in deze gemeente?",
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    contact_name = forms.CharField(label="Contactpersoon", max_length=200, required=False)
    contact_email = forms.EmailField(
        label="E-mail contact",
        required=False,
        error_messages={"invalid": "Vul een geldig e-mailadres in."},
    )
    contact_url = forms.URLField(
        label="Website",
        max_length=500,
        required=False,
        error_messages={"invalid": "Vul een volledig webadres in, bv. https://www.gemeente.be."},
    )

    def clean(self):
        cleaned = super().clean()
        details = [cleaned.get(f) for f in ("description", "contact_name", "contact_email")]
        if any(details) and not cleaned.get("municipality_name"):
            self.add_error("municipality_name", "In welke gemeente? Vul de naam in.")
        return cleaned


class LinkForm(forms.Form):
    title = forms.CharField(label="Titel van de link", max_length=200, required=False)
    url = forms.URLField(
        label="Webadres",
        max_length=500,
        required=False,
        error_messages={"invalid": "Vul een volledig webadres in, bv. https://www.gemeente.be."},
    )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("title") and not cleaned.get("url"):
            self.add_error("url", "Vul het webadres van deze link in.")
        if cleaned.get("url") and not cleaned.get("title"):
            self.add_error("title", "Geef de link een titel.")
        return cleaned


class PlaceFormSet(forms.BaseFormSet):
    def clean(self):
        super().clean()
        named = [f for f in self.forms if f.cleaned_data.get("municipality_name")]
        if not named and not any(f.errors for f in self.forms):
            raise forms.ValidationError(
                "Vul minstens één gemeente in waar de praktijk loopt.", code="no_place"
            )


PlaceFormSetFactory = forms.formset_factory(
    PlaceForm, formset=PlaceFormSet, extra=1, max_num=MAX_PLACES, validate_max=True
)
LinkFormSetFactory = forms.formset_factory(LinkForm, extra=1, max_num=MAX_LINKS, validate_max=True)

# The order of the fields on the submission page, for the error summary ("places" and "links"
# stand for their rows).
PAGE_ORDER = [
    *PRACTICE_FIELDS,
    *LIFE_FIELDS,
    *START_FIELDS,
    "material_title",
    "material_file",
    "places",
    "policy_domains",
    "actions",
    "links",
    "part",
    "message",
    *PHOTO_FIELDS,
    *SUBMITTER_FIELDS,
    "privacy",
]


def field_errors(form):
    """(anchor, message) for each field's errors, in the form's order, for the error summary
    (submissions/_errors.html) of a short form."""
    return [(f"#{field.auto_id}", error) for field in form for error in field.errors]


def error_summary(form, *, places=None, links=None):
    """(anchor, message) for each error, in the order of the page, for the summary above it."""
    rows = {"places": (places, "Gemeente", "#gemeenten"), "links": (links, "Link", "#links")}
    items = [("", str(error)) for error in form.non_field_errors()]
    for name in PAGE_ORDER:
        if name in rows:
            formset, label, section = rows[name]
            if formset is None or not formset.is_bound:
                continue
            items += [(section, str(e)) for e in formset.non_form_errors()]
            for n, row in enumerate(formset, start=1):
                for field in row:
                    if field.errors:
                        items.append((f"#{field.auto_id}", f"{label} {n}: {field.errors[0]}"))
        elif name in form.fields and form[name].errors:
            field = form[name]
            anchor = (
                f"{field.auto_id}_0"
                if isinstance(field.field.widget, forms.RadioSelect | forms.CheckboxSelectMultiple)
                else field.auto_id
            )
            items.append((f"#{anchor}", str(field.errors[0])))
    return items
