"""What visitors look for: searches counted per day, and sheet views per month.

Nothing personal is stored: no address, cookie or browser string. A search is counted once
per searcher per day through a keyed hash of the day and the sender's address (as the rate
limit keeps one), and that hash is gone with the day's rows when `manage.py roll_up_searches`
folds them into daily totals (daily, so within 48 hours)."""

from django.db import models


class SearchSeen(models.Model):
    """Today's searches, one row per searcher and search: the only rows with a hash."""

    day = models.DateField("dag")
    words = models.CharField("zoekwoorden", max_length=200, blank=True)
    filters = models.CharField("filters", max_length=500, blank=True)
    results = models.PositiveIntegerField("resultaten")
    visitor = models.CharField(max_length=32, editable=False)
    times = models.PositiveIntegerField("keer", default=1)
    opened = models.PositiveSmallIntegerField(
        "geopend resultaat", null=True, blank=True, help_text="De plaats van het laatst geopende."
    )

    class Meta:
        ordering = ["-day", "words"]
        verbose_name = "zoekopdracht van vandaag"
        verbose_name_plural = "zoekopdrachten van vandaag"
        constraints = [
            models.UniqueConstraint(
                fields=["day", "words", "filters", "visitor"], name="search_seen_once_a_day"
            )
        ]

    def __str__(self):
        return f"{self.words or '(geen woorden)'} {self.filters}".strip()


class SearchDay(models.Model):
    """A search's totals for one day, without anything about who made it."""

    day = models.DateField("dag", db_index=True)
    words = models.CharField("zoekwoorden", max_length=200, blank=True)
    filters = models.CharField("filters", max_length=500, blank=True)
    results = models.PositiveIntegerField("resultaten")
    searches = models.PositiveIntegerField("zoekopdrachten")
    searchers = models.PositiveIntegerField("verschillende zoekers")
    opened = models.JSONField(
        "geopend per plaats", default=dict, help_text="Plaats in de resultaten → aantal keer."
    )

    class Meta:
        ordering = ["-day", "-searchers"]
        verbose_name = "zoekopdracht per dag"
        verbose_name_plural = "zoekopdrachten per dag"
        constraints = [
            models.UniqueConstraint(fields=["day", "words", "filters"], name="search_day_unique"),
            models.CheckConstraint(
                condition=models.Q(searchers__lte=models.F("searches")),
                name="search_day_searchers_at_most_searches",
            ),
        ]

    def __str__(self):
        return f"{self.day}: {self.words or '(geen woorden)'} {self.filters}".strip()


class SheetViews(models.Model):
    """How often a sheet was opened in a month (by its address: a renamed sheet's old
    address is counted under its own slug and added up where it is shown)."""

    month = models.DateField("maand", help_text="De eerste dag van de maand.")
    slug = models.SlugField("webadres", max_length=200)
    views = models.PositiveIntegerField("bekeken", default=0)

    class Meta:
        ordering = ["-month", "slug"]
        verbose_name = "bekeken fiche per maand"
        verbose_name_plural = "bekeken fiches per maand"
        constraints = [
            models.UniqueConstraint(fields=["month", "slug"], name="sheet_views_unique"),
        ]

    def __str__(self):
        return f"{self.slug} {self.month:%m-%Y}: {self.views}"
