"""What belongs to one practice: its keywords, the places it runs, its links, and the
addresses it had. Split from practices.py, which holds the practice itself."""

from django.core.exceptions import ValidationError
from django.db import models
from taggit.models import TaggedItemBase


class TaggedPractice(TaggedItemBase):
    """Free keywords on practices, joined by a real foreign key (no generic relation)."""

    content_object = models.ForeignKey(
        "practices.Practice", on_delete=models.CASCADE, related_name="tagged_items"
    )

    class Meta:
        verbose_name = "trefwoord van een praktijk"
        verbose_name_plural = "trefwoorden van praktijken"
        ordering = ["tag__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["content_object", "tag"], name="taggedpractice_unique_tag"
            ),
        ]

    def __str__(self):
        return f"{self.content_object} – {self.tag}"


class FormerSlug(models.Model):
    """An address a practice had: links shared with it keep working (301 to the new one)."""

    practice = models.ForeignKey(
        "practices.Practice",
        on_delete=models.CASCADE,
        related_name="former_slugs",
        verbose_name="praktijk",
    )
    slug = models.SlugField("vroeger adres", max_length=220, unique=True)
    changed_at = models.DateTimeField("gewijzigd op", auto_now=True)

    class Meta:
        ordering = ["-changed_at"]
        verbose_name = "vroeger adres"
        verbose_name_plural = "vroegere adressen"

    def __str__(self):
        return f"/praktijken/{self.slug}/ → {self.practice.slug}"


class PracticeLocationQuerySet(models.QuerySet):
    def published(self):
        """Rows of published practices, by place (named municipalities first), then title."""
        return (
            self.filter(practice__status="published")
            .select_related("practice", "municipality")
            .order_by(
                models.F("municipality__name").asc(nulls_last=True),
                "area_label",
                "practice__title",
            )
        )


class PracticeLocation(models.Model):
    """Where a practice runs: a municipality (or a wider area) with what it does there."""

    practice = models.ForeignKey(
        "practices.Practice",
        on_delete=models.CASCADE,
        related_name="locations",
        verbose_name="praktijk",
    )
    municipality = models.ForeignKey(
        "practices.Municipality",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="practice_locations",
        verbose_name="gemeente",
    )
    area_label = models.CharField(
        "ruimer gebied",
        max_length=120,
        blank=True,
        help_text="Voor een brede uitrol zonder één gemeente, bv. 'Meer dan 30 gemeenten'.",
    )
    description = models.TextField("wat gebeurt hier", blank=True)
    contact_name = models.CharField("contactpersoon", max_length=200, blank=True)
    contact_email = models.EmailField("e-mail", blank=True)
    contact_url = models.URLField("webadres", max_length=500, blank=True)
    contact_phone = models.CharField("telefoon", max_length=40, blank=True)
    position = models.PositiveSmallIntegerField("volgorde", default=0)

    objects = PracticeLocationQuerySet.as_manager()

    class Meta:
        ordering = ["position", "id"]
        verbose_name = "gemeente waar de praktijk loopt"
        verbose_name_plural = "deze praktijk in"
        constraints = [
            models.CheckConstraint(
                condition=models.Q(municipality__isnull=False) | ~models.Q(area_label=""),
                name="location_has_municipality_or_area",
            ),
            models.UniqueConstraint(
                fields=["practice", "municipality"],
                condition=models.Q(municipality__isnull=False),
                name="location_unique_municipality_per_practice",
            ),
        ]

    def __str__(self):
        return f"{self.practice} in {self.place_name}"

    def clean(self):
        if self.municipality_id is None and not self.area_label.strip():
            raise ValidationError(
                {"municipality": "Kies een gemeente of vul een ruimer gebied in."}
            )

    @property
    def is_bare(self):
        """Only a name: no description and no contact (shown as one line, not a box)."""
        return not self.description and not self.has_contact

    @property
    def place_name(self):
        """The municipality's name, or the wider area (uses the loaded municipality)."""
        return self.municipality.name if self.municipality_id else self.area_label

    @property
    def has_contact(self):
        return any((self.contact_name, self.contact_email, self.contact_url, self.contact_phone))


class PracticeLink(models.Model):
    practice = models.ForeignKey(
        "practices.Practice",
        on_delete=models.CASCADE,
        related_name="links",
        verbose_name="praktijk",
    )
    title = models.CharField("titel", max_length=200)
    url = models.URLField("webadres", max_length=500)
    position = models.PositiveSmallIntegerField("volgorde", default=0)

    class Meta:
        ordering = ["position", "id"]
        verbose_name = "nuttige link"
        verbose_name_plural = "nuttige links"

    def __str__(self):
        return self.title
