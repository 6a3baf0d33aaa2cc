"""Themed collections an editor puts together: a title, an introduction, practices in a
chosen order each with the editor's note, and optionally events."""

from django.db import models
from django.urls import reverse
from django.utils import timezone


class DossierQuerySet(models.QuerySet):
    def published(self):
        return self.filter(status=Dossier.Status.PUBLISHED)


class Dossier(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", "Concept"
        PUBLISHED = "published", "Gepubliceerd"

    title = models.CharField("titel", max_length=200)
    slug = models.SlugField("webadres", max_length=200, unique=True)
    introduction = models.TextField(
        "inleiding",
        help_text="Waarom deze praktijken samen, en voor wie. Lege regel: nieuwe alinea.",
    )
    status = models.CharField("status", max_length=10, choices=Status, default=Status.DRAFT)
    events = models.ManyToManyField(
        "practices.Event", blank=True, related_name="dossiers", verbose_name="activiteiten"
    )
    published_at = models.DateTimeField("gepubliceerd op", null=True, blank=True)
    updated_at = models.DateTimeField("laatst gewijzigd", auto_now=True)

    objects = DossierQuerySet.as_manager()

    class Meta:
        ordering = ["title"]
        verbose_name = "dossier"
        verbose_name_plural = "dossiers"
        constraints = [
            models.CheckConstraint(
                condition=models.Q(status__in=["draft", "published"]),
                name="dossier_status_valid",
                violation_error_message="De status is ‘Concept’ of ‘Gepubliceerd’.",
            ),
            models.CheckConstraint(
                condition=~models.Q(status="published") | models.Q(published_at__isnull=False),
                name="dossier_published_has_date",
                violation_error_message="Een gepubliceerd dossier heeft een publicatiedatum.",
            ),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("dossiers:detail", args=[self.slug])

    def clean(self):
        if self.status == self.Status.PUBLISHED and self.published_at is None:
            self.published_at = timezone.now()


class DossierEntry(models.Model):
    dossier = models.ForeignKey(
        Dossier, on_delete=models.CASCADE, related_name="entries", verbose_name="dossier"
    )
    practice = models.ForeignKey(
        "practices.Practice",
        on_delete=models.CASCADE,
        related_name="dossier_entries",
        verbose_name="praktijk",
    )
    position = models.PositiveSmallIntegerField("volgorde", default=0)
    note = models.TextField(
        "noot van de redactie", blank=True, help_text="Waarom deze praktijk in het dossier staat."
    )

    class Meta:
        ordering = ["position", "id"]
        verbose_name = "praktijk in het dossier"
        verbose_name_plural = "praktijken in het dossier"
        constraints = [
            models.UniqueConstraint(
                fields=["dossier", "practice"],
                name="dossier_practice_once",
                violation_error_message="Deze praktijk staat al in het dossier.",
            )
        ]

    def __str__(self):
        return f"{self.practice} in {self.dossier}"
