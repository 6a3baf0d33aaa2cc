from django import forms
from django.contrib import admin
from django.utils import timezone

from owners.models import Owner, Question
from owners.services import owners_to_ask


def contact_addresses(practice):
    """The e-mail addresses the sheet gives as contact: its places' and its contact people's."""
    addresses = [
        (location.contact_email, location.contact_name)
        for location in practice.locations.exclude(contact_email="")
    ]
    addresses += [
        (role.email, role.person.name)
        for role in practice.roles.contacts().exclude(email="").select_related("person")
    ]
    return addresses


class OwnerForm(forms.ModelForm):
    class Meta:
        model = Owner
        fields = ["practice", "name", "email", "opted_out_at"]

    def clean(self):
        data = super().clean()
        practice, email = data.get("practice"), data.get("email")
        if practice and email:
            known = {address.lower() for address, _ in contact_addresses(practice)}
            if email.lower() not in known:
                none = "; deze fiche heeft er geen."
                choices = f": {', '.join(sorted(known))}." if known else none
                self.add_error("email", f"Kies een contactadres dat op de fiche staat{choices}")
        return data


class ToAskFilter(admin.SimpleListFilter):
    title = "te vragen"
    parameter_name = "te_vragen"

    def lookups(self, request, model_admin):
        return [("ja", "Fiche moet nagekeken worden, nog niet gevraagd")]

    def queryset(self, request, queryset):
        if self.value() == "ja":
            return queryset.filter(pk__in=owners_to_ask().values("pk"))
        return queryset


@admin.register(Owner)
class OwnerAdmin(admin.ModelAdmin):
    form = OwnerForm
    list_display = ["practice", "name", "email", "opted_out_at"]
    list_filter = [ToAskFilter, ("opted_out_at", admin.EmptyFieldListFilter)]
    search_fields = ["practice__title", "name", "email"]
    autocomplete_fields = ["practice"]
    list_select_related = ["practice"]


class StateFilter(admin.SimpleListFilter):
    title = "toestand"
    parameter_name = "toestand"

    def lookups(self, request, model_admin):
        return [
            ("open", "Nog geen antwoord"),
            ("antwoordt-niet", "Eigenaar antwoordt niet (meer dan een maand)"),
            ("beantwoord", "Beantwoord"),
        ]

    def queryset(self, request, queryset):
        if self.value() == "open":
            return queryset.open()
        if self.value() == "antwoordt-niet":
            return queryset.not_answering(timezone.now())
        if self.value() == "beantwoord":
            return queryset.filter(answered_at__isnull=False)
        return queryset


@admin.register(Question)
class QuestionAdmin(admin.ModelAdmin):
    list_display = ["practice", "email", "asked_at", "reminded_at", "answer", "answered_at"]
    list_filter = [StateFilter, "answer"]
    search_fields = ["practice__title", "email"]
    list_select_related = ["practice"]
    readonly_fields = [
        "practice",
        "email",
        "asked_at",
        "reminded_at",
        "answer",
        "answered_at",
        "submission",
    ]

    def has_add_permission(self, request):
        return False  # `manage.py ask_owners` asks
