"""Organisations and people, each shown where they act, with the role a source gives them."""

from django.db import models
from django.db.models.functions import Lower
from django.urls import reverse

from practices.models.taxonomies import NamedTaxonomy


class Organisation(NamedTaxonomy):
    """An organisation behind practices, sessions or events (VVSG, AgII, HOGent, ...)."""

    name = models.CharField("naam", max_length=200)
    short_name = models.CharField(
        "afkorting", max_length=40, blank=True, help_text="Zoals de bronnen ze gebruiken: AgII."
    )
    parent = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="units",
        verbose_name="maakt deel uit van",
    )
    summary = models.CharField(
        "korte omschrijving", max_length=300, blank=True, help_text="Eén zin, in eigen woorden."
    )
    website = models.URLField("website", max_length=500, blank=True)

    class Meta(NamedTaxonomy.Meta):
        verbose_name = "organisatie"
        verbose_name_plural = "organisaties"
        constraints = [
            models.UniqueConstraint(Lower("name"), name="organisation_name_unique_ci"),
        ]

    def __str__(self):
        return f"{self.name} ({self.short_name})" if self.short_name else self.name

    def get_absolute_url(self):
        return reverse("practices:organisation_detail", args=[self.slug])


class Person(models.Model):
    """Somebody the sources name. People have no page of their own: they appear, with their
    role, on the sheets, sessions and actions where they act."""

    name = models.CharField("naam", max_length=200)

    class Meta:
        ordering = ["name", "id"]
        verbose_name = "persoon"
        verbose_name_plural = "personen"

    def __str__(self):
        return self.name


class RoleQuerySet(models.QuerySet):
    def for_display(self):
        return self.select_related("person", "organisation")

    def with_session(self):
        return self.select_related("session__event")

    def contacts(self):
        return self.filter(kind=Role.Kind.CONTACT)


class Role(models.Model):
    """One person acting in one place: leading a work session, speaking at an event,
    presenting a practice, or being its contact. `as_written` keeps the job title and
    organisation exactly as the source writes them."""

    class Kind(models.TextChoices):
        LEADS = "begeleiding", "Begeleiding"
        SPEAKER = "spreker", "Spreker"
        PRESENTS = "toelichting", "Toelichting"
        CONTACT = "contact", "Contact"

    person = models.ForeignKey(
        Person, on_delete=models.CASCADE, related_name="roles", verbose_name="persoon"
    )
    kind = models.CharField("rol", max_length=12, choices=Kind)
    as_written = models.CharField(
        "functie en organisatie zoals in de bron",
        max_length=250,
        blank=True,
        help_text="Letterlijk, bv. ‘beleidsadviseur samenleven en integratie (Turnhout)’.",
    )
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="roles",
        verbose_name="organisatie",
    )
    email = models.EmailField(
        "e-mail", blank=True, help_text="Alleen een adres dat de bron als contact geeft."
    )
    session = models.ForeignKey(
        "practices.Session",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="roles",
        verbose_name="sessie",
    )
    practice = models.ForeignKey(
        "practices.Practice",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="roles",
        verbose_name="praktijk",
    )
    action = models.ForeignKey(
        "practices.Action",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="roles",
        verbose_name="actie Plan Samenleven",
    )
    position = models.PositiveSmallIntegerField("volgorde", default=0)

    objects = RoleQuerySet.as_manager()

    class Meta:
        ordering = ["position", "id"]
        verbose_name = "rol"
        verbose_name_plural = "rollen"
        constraints = [
            models.CheckConstraint(
                condition=models.Q(session__isnull=False)
                | models.Q(practice__isnull=False)
                | models.Q(action__isnull=False),
                name="role_acts_somewhere",
            ),
            models.CheckConstraint(
                condition=models.Q(kind__in=["begeleiding", "spreker", "toelichting", "contact"]),
                name="role_kind_valid",
            ),
            models.CheckConstraint(
                condition=models.Q(email="") | models.Q(kind="contact"),
                name="role_email_only_for_contacts",
            ),
        ]

    def __str__(self):
        return f"{self.person} – {self.get_kind_display().lower()}"

    @property
    def label(self):
        """'Maarten De Waele, coördinator … (VVSG)': the name with what the source adds."""
        return f"{self.person.name}, {self.as_written}" if self.as_written else self.person.name
