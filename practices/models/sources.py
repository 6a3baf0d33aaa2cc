"""Where a sheet's facts come from: a document or an event, with its date."""

from django.db import models

from practices.models.dates import PartialDate


class Source(PartialDate):
    """A source document. Its date is as precise as the document gives it; when it names an
    event that has a page here, the sheet links to that page."""

    class Kind(models.TextChoices):
        SHEET = "fiche", "Fiche van de databank"
        WEBPAGE = "webpagina", "Webpagina"
        INVITATION = "uitnodiging", "Uitnodiging"
        REPORT = "verslag", "Verslag"
        PROGRAMME = "programma", "Programma"
        SUBMISSION = "inzending", "Inzending van een lokaal bestuur"

    title = models.CharField("titel", max_length=250)
    kind = models.CharField("soort", max_length=12, choices=Kind)
    publisher = models.ForeignKey(
        "practices.Organisation",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="sources",
        verbose_name="uitgever",
    )
    event = models.ForeignKey(
        "practices.Event",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="sources",
        verbose_name="activiteit",
        help_text="De activiteit waarover de bron gaat (uitnodiging, programma, verslag).",
    )
    date_note = models.CharField(
        "over de datum",
        max_length=200,
        blank=True,
        help_text="Bijvoorbeeld: ‘niet gedateerd; vermeldt januari 2022 als jongste feit’.",
    )
    url = models.URLField("webadres", max_length=500, blank=True)

    class Meta(PartialDate.Meta):
        ordering = [models.F("year").asc(nulls_last=True), "month", "day", "title"]
        verbose_name = "bron"
        verbose_name_plural = "bronnen"
        constraints = [
            *PartialDate.Meta.constraints,
            models.CheckConstraint(
                condition=models.Q(
                    kind__in=[
                        "fiche",
                        "webpagina",
                        "uitnodiging",
                        "verslag",
                        "programma",
                        "inzending",
                    ]
                ),
                name="source_kind_valid",
            ),
        ]

    def __str__(self):
        return f"{self.title} ({self.date_label})"
